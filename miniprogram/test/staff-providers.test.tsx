import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ProviderSettingsPage from '../src/staff/pages/providers/index';
import { startsOf, toRulesInput, type RulesDraft } from '../src/staff/pages/providers/rules-draft';
import { lawyer, LIN, station, WU } from './booking-fixtures';
import { mockApi, type FakeResponse } from './helpers';

let tokenSeq = 0;
function signedIn(role: string, id: string, centerId: string | null = station.id) {
  window.localStorage.setItem('zjh_staff_token', JSON.stringify({ data: `providers-token-${++tokenSeq}` }));
  return { 'GET /api/staff/me': { statusCode: 200, data: { staff: { id, username: 'u', displayName: '林律师', role, centerId } } } as FakeResponse };
}

const settings = {
  ...lawyer(LIN, '林律师'),
  modes: ['in_person', 'phone'],
  rules: [
    { weekday: 4, start: '14:30', end: '17:30' },
    { weekday: 4, start: '09:00', end: '12:00' },
  ],
  exceptions: [
    { date: '2026-12-24', start: null, end: null, reason: '年假', global: false },
    { date: '2027-01-01', start: null, end: null, reason: '元旦', global: true },
  ],
};

type Call = { url: string; method?: string; data?: any };
const puts = (request: jest.Mock) => request.mock.calls.map(([o]) => o as Call).filter((o) => o.method === 'PUT');

function providerApi(role: string, id: string, extra: Record<string, FakeResponse | ((o: any) => FakeResponse)> = {}) {
  return mockApi({
    ...signedIn(role, id),
    [`GET /api/staff/providers/${LIN}`]: { statusCode: 200, data: settings },
    [`PUT /api/staff/providers/${LIN}`]: (o: any) => ({ statusCode: 200, data: { ...settings, ...o.data, exceptions: o.data.exceptions.map((e: any) => ({ start: null, end: null, reason: null, global: false, ...e })) } }),
    'GET /api/providers': { statusCode: 200, data: { items: [lawyer(LIN, '林律师'), lawyer(WU, '吴律师')], nextCursor: null } },
    ...extra,
  }) as jest.Mock;
}

const row = (el: HTMLElement) => el.closest('.rules-row') as HTMLElement;

describe('值班设置', () => {
  it('a provider edits her own slot length, modes, weekly hours and leave; the PUT carries the whole new set', async () => {
    const request = providerApi('lawyer', LIN);
    render(<ProviderSettingsPage />);

    // Rows come sorted: Thursday morning first; each shows the times she will be bookable at.
    expect(await screen.findByText('可约：09:00、10:00、11:00')).toBeTruthy();
    expect(screen.getByText('可约：14:30、15:30、16:30')).toBeTruthy();
    expect(request.mock.calls.map(([o]) => `${o.method ?? 'GET'} ${o.url}`)).toContain(`GET /api/staff/providers/${LIN}`);
    expect(puts(request)).toHaveLength(0);
    expect(screen.queryByRole('combobox', { name: '咨询人员' })).toBeNull();

    fireEvent.change(screen.getByRole('combobox', { name: '每次咨询时长' }), { target: { value: '60' } });
    fireEvent.change(screen.getByRole('combobox', { name: '两次之间休息' }), { target: { value: '0' } });
    expect(screen.getByText('可约：09:00、10:00、11:00')).toBeTruthy();
    expect(screen.getByText('可约：14:30、15:30、16:30')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /视频/ }));
    fireEvent.click(screen.getByRole('button', { name: /电话/ }));

    // Drop the afternoon, add Friday morning.
    fireEvent.click(within(row(screen.getByText('可约：14:30、15:30、16:30'))).getByRole('button', { name: '删除' }));
    fireEvent.click(screen.getByRole('button', { name: '+ 添加一段值班时间' }));
    const added = row(screen.getAllByRole('combobox', { name: '星期' }).at(-1)!);
    fireEvent.change(within(added).getByRole('combobox', { name: '星期' }), { target: { value: '5' } });
    fireEvent.change(within(added).getByRole('combobox', { name: '开始' }), { target: { value: '09:30' } });
    fireEvent.change(within(added).getByRole('combobox', { name: '结束' }), { target: { value: '11:30' } });

    // Leave: keep the existing day, add an afternoon off.
    fireEvent.click(screen.getByRole('button', { name: '+ 添加请假 / 休息' }));
    const leave = row(screen.getAllByLabelText('日期').at(-1)!);
    fireEvent.change(within(leave).getByLabelText('日期'), { target: { value: '2026-12-31' } });
    fireEvent.click(within(leave).getByRole('button', { name: '✓ 全天' }));
    fireEvent.change(within(leave).getByRole('combobox', { name: '开始' }), { target: { value: '14:00' } });
    fireEvent.change(within(leave).getByRole('combobox', { name: '结束' }), { target: { value: '18:00' } });
    fireEvent.change(within(leave).getByPlaceholderText('原因（可不填）'), { target: { value: ' 培训 ' } });

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存设置' }));
    });
    expect(puts(request)[0].data).toEqual({
      slotMinutes: 60,
      bufferMinutes: 0,
      modes: ['in_person', 'video'],
      rules: [
        { weekday: 4, start: '09:00', end: '12:00' },
        { weekday: 5, start: '09:30', end: '11:30' },
      ],
      exceptions: [
        { date: '2026-12-24', reason: '年假' },
        { date: '2026-12-31', start: '14:00', end: '18:00', reason: '培训' },
      ],
    });
  });

  it('a rule that ends before it starts is explained and nothing is saved', async () => {
    const request = providerApi('lawyer', LIN);
    render(<ProviderSettingsPage />);
    const first = row(await screen.findByText('可约：09:00、10:00、11:00'));
    fireEvent.change(within(first).getByRole('combobox', { name: '结束' }), { target: { value: '08:00' } });
    expect(within(first).getByText('结束时间须晚于开始时间')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '保存设置' }));
    expect(screen.getByText('每周值班时间：结束时间须晚于开始时间')).toBeTruthy();
    expect(puts(request)).toHaveLength(0); // nothing saved
  });

  it('center staff choose one of their center’s providers first', async () => {
    const request = providerApi('center_staff', 'stf_center_staff_001');
    render(<ProviderSettingsPage />);
    const select = await screen.findByRole('combobox', { name: '咨询人员' });
    await waitFor(() => expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['选择咨询人员', '林律师 · 法律咨询', '吴律师 · 法律咨询']));
    expect(new URL(request.mock.calls.find(([o]) => o.url.startsWith('/api/providers'))[0].url, 'http://x').searchParams.get('centerId')).toBe(station.id);
    expect(puts(request)).toHaveLength(0);
    await act(async () => {
      fireEvent.change(select, { target: { value: LIN } });
    });
    expect(await screen.findByText('可约：09:00、10:00、11:00')).toBeTruthy();
    expect(request.mock.calls.map(([o]) => `${o.method ?? 'GET'} ${o.url}`)).toContain(`GET /api/staff/providers/${LIN}`);
  });

  it('needs at least one mode; the slot grid follows length plus buffer', () => {
    const draft: RulesDraft = { slotMinutes: 50, bufferMinutes: 10, modes: [], rules: [], exceptions: [] };
    expect(toRulesInput(draft).error).toBe('请至少选择一种咨询方式');
    expect(startsOf({ start: '09:00', end: '12:00' }, 60, 30)).toEqual(['09:00', '10:30']);
    expect(startsOf({ start: '09:00', end: '09:30' }, 50, 10)).toEqual([]);
  });
});
