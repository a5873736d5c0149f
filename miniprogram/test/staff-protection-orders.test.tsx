import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { maxValidTo, type StaffPoDetail } from '@zjh/shared';
import StaffProtectionOrdersPage from '../src/staff/pages/protection-orders/index';
import StaffProtectionOrderPage from '../src/staff/pages/protection-orders/detail';
import { transitionPayload, initialForm } from '../src/staff/pages/protection-orders/transition-forms';
import Taro, { setRouterParams } from './doubles/taro';
import { mockApi, requestedUrls } from './helpers';
import { PO_ID, staffDetail, staffSummary, WUCHUAN } from './po-fixtures';

type Option = { url: string; method?: string; data?: any; header?: Record<string, string> };

const me = { id: 'stf_0000000000001', username: 'wuchuan01', displayName: '李敏', role: 'center_staff', centerId: WUCHUAN.id };
const ONE = `/api/staff/protection-orders/${PO_ID}`;

function staffSignedIn() {
  window.localStorage.setItem('zjh_staff_token', JSON.stringify({ data: 'staff-token' }));
}

/** Only Date is faked: promises and timers keep running. */
function at(iso: string) {
  jest.useFakeTimers({
    now: new Date(iso),
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback'],
  });
}

const calls = (request: jest.Mock, method: string, suffix: string) =>
  request.mock.calls.map(([o]) => o as Option).filter((o) => (o.method ?? 'GET') === method && new URL(o.url, 'http://x').pathname.endsWith(suffix));

const byId = (id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} not on the page`);
  return el;
};

afterEach(() => {
  jest.useRealTimers();
  delete (global as { fetch?: unknown }).fetch;
});

const BOARD = [
  staffSummary({ id: 'po_overdue_00000000001', status: 'filed', applicant: '陈**', urgent: true, filedAt: '2026-12-02T01:00:00.000Z', decisionDueAt: '2026-12-03T01:00:00.000Z', overdue: true, nextStatuses: ['granted', 'rejected'] }),
  staffSummary({ id: 'po_filed_0000000000001', status: 'filed', applicant: '王*', filedAt: '2026-12-02T01:00:00.000Z', decisionDueAt: '2026-12-05T01:00:00.000Z', nextStatuses: ['granted', 'rejected'] }),
  staffSummary({ id: 'po_expiring_000000001', status: 'delivered', applicant: '周**', validTo: '2026-12-10', expiringSoon: true, canExtend: true, nextStatuses: [] }),
  staffSummary({ id: PO_ID, status: 'submitted', applicant: '李**' }),
  staffSummary({ id: 'po_review_00000000001', status: 'under_review', applicant: '张*', nextStatuses: ['needs_info', 'filed', 'withdrawn'] }),
];

describe('the protection-order board', () => {
  it('groups applications by status, shows the court’s clock (overdue in red) and orders about to end with 申请延长', async () => {
    staffSignedIn();
    at('2026-12-03T03:00:00.000Z');
    const request = mockApi({
      'GET /api/staff/me': { statusCode: 200, data: { staff: me } },
      'GET /api/staff/protection-orders': { statusCode: 200, data: { items: BOARD, counts: { total: 5, waiting: 1, overdue: 1, expiring: 1 }, nextCursor: null } },
      'POST /api/staff/protection-orders/po_expiring_000000001/extension': { statusCode: 201, data: { id: 'po_new_000000000000001', status: 'draft', extendsId: 'po_expiring_000000001' } },
    });
    render(<StaffProtectionOrdersPage />);
    await screen.findByText('陈**');

    const titles = Array.from(document.querySelectorAll('.po-column__title')).map((e) => e.textContent);
    expect(titles).toEqual(['已提交', '审核中', '需补充', '已立案', '已签发', '已驳回', '已送达']);
    expect(within(byId('column-submitted')).getByText('李**')).toBeTruthy();
    expect(within(byId('column-under_review')).getByText('张*')).toBeTruthy();
    expect(within(byId('column-needs_info')).getByText('暂无')).toBeTruthy();

    const filed = byId('column-filed');
    expect(within(filed).getByText('2', { selector: '.po-column__count' })).toBeTruthy();
    const overdue = byId('po-po_overdue_00000000001');
    expect(overdue.className).toContain('po-row--overdue');
    expect(within(overdue).getByText('急')).toBeTruthy();
    const late = within(overdue).getByText('裁定期限 12-03 09:00 · 已超时 2 小时 0 分');
    expect(late.className).toContain('po-clock--overdue');
    const onTime = within(byId('po-po_filed_0000000000001')).getByText('裁定期限 12-05 09:00 · 还剩 1 天 22 小时');
    expect(onTime.className).not.toContain('po-clock--overdue');

    const expiring = byId('po-po_expiring_000000001');
    expect(within(byId('column-delivered')).getByText('周**')).toBeTruthy();
    expect(within(expiring).getByText('有效期至 2026-12-10（还剩 8 天）')).toBeTruthy();
    expect(within(expiring).getByText('即将到期')).toBeTruthy();
    expect(screen.getByText('裁定超时 1')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(expiring).getByRole('button', { name: '申请延长' }));
    });
    expect(calls(request, 'POST', '/extension')).toHaveLength(1);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已为她新建延长申请，她在“我的申请”里继续填写' }));

    fireEvent.click(within(byId('po-' + PO_ID)).getByText('李**'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/staff/pages/protection-orders/detail?id=${PO_ID}` });
  });

  it('the quick filters ask the server for what is waiting, overdue or expiring', async () => {
    staffSignedIn();
    mockApi({
      'GET /api/staff/me': { statusCode: 200, data: { staff: me } },
      'GET /api/staff/protection-orders': { statusCode: 200, data: { items: [], counts: { total: 0, waiting: 0, overdue: 0, expiring: 0 }, nextCursor: null } },
    });
    render(<StaffProtectionOrdersPage />);
    await screen.findByText('暂无申请');
    for (const id of ['chip-waiting', 'chip-overdue', 'chip-expiring']) {
      await act(async () => {
        fireEvent.click(byId(id));
      });
    }
    const queries = requestedUrls()
      .map((u) => new URL(u, 'http://x'))
      .filter((u) => u.pathname === '/api/staff/protection-orders')
      .map((u) => u.search);
    expect(queries).toEqual(['', '?status=submitted', '?overdue=true', '?expiring=true']);
  });
});

describe('one application in the back office', () => {
  function detailApi(order: StaffPoDetail, extra: Record<string, any> = {}) {
    return mockApi({
      'GET /api/staff/me': { statusCode: 200, data: { staff: me } },
      [`GET ${ONE}`]: { statusCode: 200, data: order },
      ...extra,
    });
  }

  async function renderDetail() {
    setRouterParams({ id: PO_ID });
    render(<StaffProtectionOrderPage />);
    await screen.findByText('申请内容');
  }

  it('shows her answers read-only (the confidential address included, for the court), timeline and the next steps allowed', async () => {
    staffSignedIn();
    detailApi(staffDetail({ status: 'under_review', nextStatuses: ['needs_info', 'filed', 'withdrawn'] }));
    await renderDetail();
    expect(screen.getByText('姓名：李春梅')).toBeTruthy();
    expect(screen.getByText('保密住址：吴川市某某路 8 号')).toBeTruthy();
    expect(screen.getByText('状态：填写中 → 已提交，等待中心审核')).toBeTruthy();
    const buttons = within(byId('transitions')).getAllByRole('button').map((b) => b.textContent);
    expect(buttons).toEqual(['请她补充材料', '已递交法院（立案）', '撤回申请']);
  });

  it('filing with the court sends the court, the Shanghai time as an instant, the case number and the clock type', async () => {
    staffSignedIn();
    at('2026-12-02T02:30:00.000Z');
    const order = staffDetail({ status: 'under_review', nextStatuses: ['needs_info', 'filed', 'withdrawn'] });
    const request = detailApi(order, {
      [`POST ${ONE}/transitions`]: (o: Option) => ({
        statusCode: 200,
        data: { ...order, status: 'filed', nextStatuses: ['granted', 'rejected'], filing: { court: o.data.court, filedAt: o.data.filedAt, caseNumber: o.data.caseNumber, urgent: false, decisionDueAt: '2026-12-05T01:00:00.000Z', overdue: false } },
      }),
    });
    await renderDetail();
    fireEvent.click(byId('move-filed'));
    expect((byId('t-court') as HTMLSelectElement).value).toBe('吴川市人民法院');
    expect((byId('t-filed-on') as HTMLInputElement).value).toBe('2026-12-02');
    fireEvent.change(byId('t-filed-time'), { target: { value: '09:00' } });
    fireEvent.change(byId('t-case'), { target: { value: '（2026）粤0883民保令12号' } });
    await act(async () => {
      fireEvent.click(byId('confirm-transition'));
    });
    const [post] = calls(request, 'POST', '/transitions');
    expect(post.data).toEqual({ status: 'filed', court: '吴川市人民法院', filedAt: '2026-12-02T01:00:00.000Z', caseNumber: '（2026）粤0883民保令12号', urgent: false });
    expect(post.header?.Authorization).toBe('Bearer staff-token');
    expect(byId('po-status').textContent).toBe('已向法院提交申请');
    expect(within(byId('decision-clock')).getByText(/法院应在 2026-12-05 09:00 前裁定（72 小时，第二十八条）/)).toBeTruthy();
  });

  it('a refused step shows the server’s message beside the field and keeps the form', async () => {
    staffSignedIn();
    const order = staffDetail({ status: 'filed', nextStatuses: ['granted', 'rejected'] });
    detailApi(order, {
      [`POST ${ONE}/transitions`]: {
        statusCode: 400,
        data: { error: { code: 'VALIDATION_FAILED', message: '提交的内容有误，请检查标注的字段', details: [{ path: 'validTo', message: '保护令有效期不超过六个月（最晚至 2027-06-01）' }] } },
      },
    });
    await renderDetail();
    fireEvent.click(byId('move-granted'));
    fireEvent.change(byId('t-order'), { target: { value: '（2026）粤0883民保令12号' } });
    fireEvent.change(byId('t-valid-to'), { target: { value: '2027-12-31' } });
    await act(async () => {
      fireEvent.click(byId('confirm-transition'));
    });
    expect(screen.getByText('保护令有效期不超过六个月（最晚至 2027-06-01）')).toBeTruthy();
    expect((byId('t-order') as HTMLInputElement).value).toBe('（2026）粤0883民保令12号');
  });

  it('staff correct one part of her answers before filing: the PATCH carries that part only', async () => {
    staffSignedIn();
    const order = staffDetail({ status: 'under_review' });
    const request = detailApi(order, {
      [`PATCH ${ONE}/answers`]: (o: Option) => ({ statusCode: 200, data: { ...order, answers: { ...order.answers, ...o.data } } }),
    });
    await renderDetail();
    fireEvent.click(byId('edit-respondent'));
    fireEvent.change(byId('respondent-name'), { target: { value: '王大强' } });
    await act(async () => {
      fireEvent.click(byId('save-answers'));
    });
    const [patch] = calls(request, 'PATCH', '/answers');
    expect(patch.data).toEqual({ respondent: { name: '王大强', gender: 'male', approxAge: 38, address: '吴川市梅菉街道某某村' } });
    expect(screen.getByText('姓名：王大强')).toBeTruthy();
  });

  it('once with the court her answers are no longer editable, and the 申请书 downloads with the staff token', async () => {
    staffSignedIn();
    detailApi(staffDetail({ status: 'filed', nextStatuses: ['granted', 'rejected'] }));
    const fetchMock = jest.fn(async (_url: string, _init?: RequestInit) => ({ ok: true, status: 200, blob: async () => new Blob(['PK']), text: async () => '' }));
    (global as { fetch?: unknown }).fetch = fetchMock;
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:x'), revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await renderDetail();
    expect(document.getElementById('edit-respondent')).toBeNull();
    await act(async () => {
      fireEvent.click(byId('download-petition'));
    });
    expect(fetchMock).toHaveBeenCalledWith(`/api/protection-orders/${PO_ID}/petition.docx`, { headers: { Authorization: 'Bearer staff-token' } });
    expect(click).toHaveBeenCalled();
    click.mockRestore();
  });
});

describe('the transition forms’ request bodies', () => {
  const order = staffDetail({ status: 'filed', urgent: true, answers: { ...staffDetail().answers, measures: { items: ['no_violence', 'other'], otherText: '禁止接近孩子的学校' } } });
  const now = new Date('2026-12-03T02:00:00.000Z');

  it('granted: the measures she asked for by default, six months of validity, the decision time as an instant', () => {
    const f = initialForm(order, now);
    expect(f.validFrom).toBe('2026-12-03');
    expect(f.validTo).toBe(maxValidTo('2026-12-03'));
    expect(transitionPayload('granted', { ...f, orderNumber: ' 12号 ' })).toEqual({
      status: 'granted',
      orderNumber: '12号',
      measures: ['no_violence', 'other'],
      otherMeasureText: '禁止接近孩子的学校',
      validFrom: '2026-12-03',
      validTo: '2027-06-02',
      decidedAt: '2026-12-03T02:00:00.000Z',
    });
  });

  it('needs_info names the reopened parts only when some are chosen; the others carry their reason or places', () => {
    const f = initialForm(order, now);
    expect(transitionPayload('needs_info', { ...f, message: '请补充日期' })).toEqual({ status: 'needs_info', message: '请补充日期' });
    expect(transitionPayload('needs_info', { ...f, message: '请补充日期', sections: ['incidents', 'evidence'] })).toEqual({ status: 'needs_info', message: '请补充日期', sections: ['incidents', 'evidence'] });
    expect(transitionPayload('under_review', f)).toEqual({ status: 'under_review' });
    expect(transitionPayload('filed', { ...f, caseNumber: 'A1' })).toEqual({ status: 'filed', court: '吴川市人民法院', filedAt: '2026-12-03T02:00:00.000Z', caseNumber: 'A1', urgent: true });
    expect(transitionPayload('rejected', { ...f, reason: '证据不足' })).toEqual({ status: 'rejected', reason: '证据不足', decidedAt: '2026-12-03T02:00:00.000Z' });
    expect(transitionPayload('delivered', { ...f, policeStation: '梅菉派出所', committee: '某某村委会' })).toEqual({
      status: 'delivered',
      policeStation: '梅菉派出所',
      policeDeliveredOn: '2026-12-03',
      committee: '某某村委会',
      committeeDeliveredOn: '2026-12-03',
    });
    expect(transitionPayload('withdrawn', { ...f, reason: '她决定暂不申请' })).toEqual({ status: 'withdrawn', reason: '她决定暂不申请' });
  });
});
