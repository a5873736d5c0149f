import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Stats } from '@zjh/shared';
import StatsPage from '../src/staff/pages/stats/index';
import { barPercent, monthsOf, periodQuery } from '../src/staff/pages/stats/stats-model';
import { todayShanghai } from '../src/services/shanghai-time';
import { center, mockApi, requestedUrls } from './helpers';

const SUIXI = center({ id: 'ctr_suixi_0000000001', name: '遂溪县12338妇联维权服务中心' });
const WUCHUAN = center({ id: 'ctr_wuchuan_00000001', name: '吴川市12338妇联维权服务中心' });
const admin = { id: 'stf_admin00000001', username: 'admin', displayName: '市妇联', role: 'admin', centerId: null };
const staffMe = { id: 'stf_0000000000001', username: 'suixi01', displayName: '陈静', role: 'center_staff', centerId: SUIXI.id };
const YEAR = Number(todayShanghai().slice(0, 4));

/** The figures of the seed report (1,380 cases, 1,434 person-visits, 980 / 236 / 57 mediations …). */
function stats(centerId: string | null = null): Stats {
  return {
    period: { from: `${YEAR - 1}-12-31T16:00:00.000Z`, to: `${YEAR}-12-31T16:00:00.000Z`, centerId },
    requests: {
      cases: 1380,
      persons: 1434,
      byCategory: { domestic_violence: 400, marriage_family: 800, child_rights: 100, protection_order: 30, legal: 40, psychological: 10, other: 0 },
      byChannel: { mini_program: 300, hotline: 900, walk_in: 150, referral: 30 },
      byPriority: { urgent: 61, serious: 23, difficult: 7 },
      overdue: 3,
      medianHoursToAccept: 2.5,
      byMonth: [
        { month: `${YEAR}-01`, cases: 120, persons: 125 },
        { month: `${YEAR}-03`, cases: 60, persons: 61 },
      ],
      byCenter: [
        { centerId: WUCHUAN.id, name: WUCHUAN.name, cases: 200, persons: 210 },
        { centerId: SUIXI.id, name: SUIXI.name, cases: 50, persons: 52 },
      ],
    },
    consultations: { booked: 410, held: 377, noShow: 12, cancelled: 21, byKind: { psychological: 200, legal: 150, family_education: 60 } },
    protectionOrders: { applied: 44, granted: 31, rejected: 5 },
    mediations: { total: 980, countyLevel: 236, agreements: 57, toCourt: 9 },
    classes: { held: 312, attendees: 50123 },
    articles: { published: 388, views: 120456 },
    quiz: { participants: 2345, attempts: 3456 },
  };
}

let tokens = 0;
let token = '';
function signedIn() {
  token = `stats-token-${++tokens}`;
  window.localStorage.setItem('zjh_staff_token', JSON.stringify({ data: token }));
}
beforeEach(signedIn);

const statsQueries = () => requestedUrls().filter((u) => new URL(u, 'http://x').pathname === '/api/staff/stats').map((u) => Object.fromEntries(new URL(u, 'http://x').searchParams));
const text = (id: string) => document.getElementById(id)?.textContent;

function adminApi() {
  return mockApi({
    'GET /api/staff/me': { statusCode: 200, data: { staff: admin } },
    'GET /api/centers': { statusCode: 200, data: { items: [WUCHUAN, SUIXI] } },
    'GET /api/staff/stats': (o) => ({ statusCode: 200, data: stats(new URL(o.url, 'http://x').searchParams.get('centerId')) }),
  });
}

describe('statistics dashboard', () => {
  it('shows the API’s numbers exactly, phrased like the yearly report', async () => {
    adminApi();
    render(<StatsPage />);
    await screen.findByText('接访');
    const s = stats();
    const expected: Record<string, number> = {
      'fig-requests-cases': s.requests.cases,
      'fig-requests-persons': s.requests.persons,
      'fig-requests-overdue': s.requests.overdue,
      'fig-requests-byPriority-urgent': 61,
      'fig-mediations-total': 980,
      'fig-mediations-countyLevel': 236,
      'fig-mediations-agreements': 57,
      'fig-mediations-toCourt': 9,
      'fig-classes-held': 312,
      'fig-classes-attendees': 50123,
      'fig-articles-published': 388,
      'fig-articles-views': 120456,
      'fig-protectionOrders-applied': 44,
      'fig-protectionOrders-granted': 31,
      'fig-protectionOrders-rejected': 5,
      'fig-consultations-booked': 410,
      'fig-consultations-held': 377,
      'fig-consultations-noShow': 12,
      'fig-quiz-participants': 2345,
      'fig-quiz-attempts': 3456,
    };
    for (const [id, n] of Object.entries(expected)) expect(text(id)).toBe(String(n));
    expect(text('st-requests')).toContain('接访案件 1380 宗 1434 人次');
    expect(text('st-mediations')).toContain('调解 980 件，县级以上婚调委 236 件，达成协议 57 件');
    expect(text('st-classes')).toContain('课程 312 场，参加 50123 人次');
    expect(text('st-articles')).toContain('资讯 388 篇，浏览 120456 人次');
    expect(text('fig-requests-medianHoursToAccept')).toBe('2.5');
  });

  it('draws every bar in proportion to the largest of its chart, with the shared category labels', async () => {
    adminApi();
    render(<StatsPage />);
    await screen.findByText('接访');
    const width = (id: string) => (document.querySelector(`#${id} .st-hbar__fill`) as HTMLElement).style.width;
    // byCategory: marriage_family 800 is the largest.
    expect(width('chart-categories-marriage_family')).toBe('100%');
    expect(width('chart-categories-domestic_violence')).toBe('50%');
    expect(width('chart-categories-legal')).toBe('5%');
    expect(width('chart-categories-other')).toBe('0%');
    expect(text('chart-categories-child_rights')).toContain('子女抚养/入学等儿童权益');
    expect(text('chart-categories-child_rights')).toContain('100 宗');
    // byCenter (city view): 200 and 50.
    expect(width(`chart-centers-${WUCHUAN.id}`)).toBe('100%');
    expect(width(`chart-centers-${SUIXI.id}`)).toBe('25%');
    expect(text(`chart-centers-${SUIXI.id}`)).toContain('50 宗 · 52 人次');
    // byMonth: all twelve months, the ones without requests at 0; largest is January persons (125).
    const columns = document.querySelectorAll('#chart-months .st-column');
    expect(columns).toHaveLength(12);
    const heights = (month: string) => [...document.querySelectorAll(`#chart-months-${month} .st-column__fill`)].map((el) => (el as HTMLElement).style.height);
    expect(heights(`${YEAR}-01`)).toEqual(['96%', '100%']);
    expect(heights(`${YEAR}-03`)).toEqual(['48%', '48.8%']);
    expect(heights(`${YEAR}-02`)).toEqual(['0%', '0%']);
  });

  it('asks for the year, another year, a date range and a center, and hides the center chart for one center', async () => {
    adminApi();
    render(<StatsPage />);
    await screen.findByText('接访');
    expect(statsQueries()).toEqual([{ from: `${YEAR}-01-01`, to: `${YEAR + 1}-01-01` }]);

    await act(async () => {
      fireEvent.click(screen.getByText(`${YEAR - 1} 年`));
    });
    expect(statsQueries().pop()).toEqual({ from: `${YEAR - 1}-01-01`, to: `${YEAR}-01-01` });

    fireEvent.change(document.getElementById('range-from')!, { target: { value: `${YEAR}-03-01` } });
    fireEvent.change(document.getElementById('range-to')!, { target: { value: `${YEAR}-03-31` } });
    await act(async () => {
      fireEvent.click(screen.getByText('按日期查看'));
    });
    // The last day is included: the API's `to` is the day after.
    expect(statsQueries().pop()).toEqual({ from: `${YEAR}-03-01`, to: `${YEAR}-04-01` });
    expect(text('st-period')).toContain(`${YEAR}-03-01 至 ${YEAR}-03-31 · 全市`);

    await waitFor(() => expect(screen.getByRole('option', { name: SUIXI.name })).toBeTruthy());
    await act(async () => {
      fireEvent.change(screen.getByRole('combobox', { name: '范围' }), { target: { value: SUIXI.id } });
    });
    expect(statsQueries().pop()).toEqual({ from: `${YEAR}-03-01`, to: `${YEAR}-04-01`, centerId: SUIXI.id });
    await waitFor(() => expect(document.getElementById('chart-centers')).toBeNull());
    expect(text('st-period')).toContain(SUIXI.name);
  });

  it('center staff see their own center’s figures, without a center picker or the center chart', async () => {
    mockApi({
      'GET /api/staff/me': { statusCode: 200, data: { staff: staffMe } },
      'GET /api/centers': { statusCode: 200, data: { items: [WUCHUAN, SUIXI] } },
      'GET /api/staff/stats': { statusCode: 200, data: stats(SUIXI.id) },
    });
    render(<StatsPage />);
    await screen.findByText('接访');
    expect(screen.queryByRole('combobox', { name: '范围' })).toBeNull();
    expect(statsQueries()).toEqual([{ from: `${YEAR}-01-01`, to: `${YEAR + 1}-01-01` }]);
    await waitFor(() => expect(text('st-period')).toContain(SUIXI.name));
    expect(document.getElementById('chart-centers')).toBeNull();
  });

  it('shows the 403 message to a role without statistics', async () => {
    mockApi({
      'GET /api/staff/me': { statusCode: 200, data: { staff: { ...staffMe, role: 'lawyer' } } },
      'GET /api/staff/stats': { statusCode: 403, data: { error: { code: 'FORBIDDEN', message: '只有中心工作人员和市妇联管理员可以查看统计' } } },
    });
    render(<StatsPage />);
    await screen.findByText('只有中心工作人员和市妇联管理员可以查看统计');
    expect(screen.queryByText('接访')).toBeNull();
  });

  describe('the yearly report', () => {
    afterEach(() => {
      delete (global as { fetch?: unknown }).fetch;
    });

    it('downloads the .xlsx of the chosen year and center with the staff token', async () => {
      adminApi();
      const blob = new Blob(['PK']);
      const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) => ({ ok: true, status: 200, blob: async () => blob, text: async () => '' }));
      (global as { fetch?: unknown }).fetch = fetchMock;
      Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:report'), revokeObjectURL: jest.fn() });
      const saved: string[] = [];
      const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        saved.push(this.download);
      });
      render(<StatsPage />);
      await screen.findByText('接访');
      await act(async () => {
        fireEvent.click(screen.getByText(`${YEAR - 1} 年`));
      });
      await waitFor(() => expect(screen.getByRole('option', { name: WUCHUAN.name })).toBeTruthy());
      await act(async () => {
        fireEvent.change(screen.getByRole('combobox', { name: '范围' }), { target: { value: WUCHUAN.id } });
      });
      await act(async () => {
        fireEvent.click(screen.getByText(`导出 ${YEAR - 1} 年度报表（.xlsx）`));
      });
      expect(fetchMock).toHaveBeenCalledWith(`/api/staff/stats/report.xlsx?year=${YEAR - 1}&centerId=${WUCHUAN.id}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(saved).toEqual([`湛家和统计报表-${YEAR - 1}.xlsx`]);
      click.mockRestore();
    });

    it('says so when the download fails', async () => {
      adminApi();
      (global as { fetch?: unknown }).fetch = jest.fn(async () => ({ ok: false, status: 403, blob: async () => new Blob([]), text: async () => JSON.stringify({ error: { code: 'FORBIDDEN', message: '只能查看本中心的统计' } }) }));
      render(<StatsPage />);
      await screen.findByText('接访');
      await act(async () => {
        fireEvent.click(screen.getByText(`导出 ${YEAR} 年度报表（.xlsx）`));
      });
      expect(screen.getByText('只能查看本中心的统计')).toBeTruthy();
    });
  });
});

describe('statistics model', () => {
  it('bar lengths are shares of the largest value', () => {
    expect(barPercent(1, 3)).toBe(33.33);
    expect(barPercent(0, 0)).toBe(0);
    expect(barPercent(5, 5)).toBe(100);
  });

  it('lists every month of a period, keeping the API’s figures as they are', () => {
    const q = periodQuery({ kind: 'range', from: '2026-11-15', to: '2027-02-10' });
    expect(q).toEqual({ from: '2026-11-15', to: '2027-02-11' });
    expect(monthsOf(q, [{ month: '2027-01', cases: 3, persons: 4 }])).toEqual([
      { month: '2026-11', cases: 0, persons: 0 },
      { month: '2026-12', cases: 0, persons: 0 },
      { month: '2027-01', cases: 3, persons: 4 },
      { month: '2027-02', cases: 0, persons: 0 },
    ]);
  });
});
