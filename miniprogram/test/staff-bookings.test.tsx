import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import StaffBookingsPage from '../src/staff/pages/bookings/index';
import StaffBookingDetailPage from '../src/staff/pages/bookings/detail';
import { addDays, mondayOf } from '../src/services/shanghai-time';
import Taro, { setRouterParams } from './doubles/taro';
import { at, booking, lawyer, LIN, station, today, WU } from './booking-fixtures';
import { mockApi, type FakeResponse } from './helpers';

let tokenSeq = 0;
/** Signs a staff member in (a fresh token each time, so the in-memory profile is not reused). */
function signedIn(role: string, id = 'stf_center_staff_001', centerId: string | null = station.id) {
  const token = `staff-token-${++tokenSeq}`;
  window.localStorage.setItem('zjh_staff_token', JSON.stringify({ data: token }));
  return { 'GET /api/staff/me': { statusCode: 200, data: { staff: { id, username: 'u', displayName: role === 'lawyer' ? '林律师' : '李敏', role, centerId } } } as FakeResponse };
}

const monday = mondayOf(today());
const thisThursday = addDays(monday, 3);

function staffBooking(overrides: Record<string, unknown> = {}) {
  return {
    ...booking({ id: 'bk_staff_0000000001', start: at(thisThursday, '09:00'), end: at(thisThursday, '09:50') }),
    canCancel: true,
    client: {
      contact: { name: '陈女士', phone: '13800000000', safeToCall: false, allowMessage: true, maySayFederation: false },
      contactAdvice: { callable: false, reason: '她不希望接到电话，可以留言/发短信' },
    },
    topic: '想了解抚养权',
    note: null,
    ...overrides,
  };
}

type Call = { url: string; method?: string; data?: any };
const calls = (request: jest.Mock, pathStart: string, method = 'GET'): Call[] =>
  request.mock.calls.map(([o]) => o as Call).filter((o) => (o.method ?? 'GET') === method && o.url.startsWith(pathStart));
const query = (url: string) => Object.fromEntries(new URL(url, 'http://x').searchParams);

describe('预约日历', () => {
  it('a provider sees her week as seven days, each booking on its day, and no provider filter', async () => {
    const request = mockApi({
      ...signedIn('lawyer', LIN),
      'GET /api/staff/bookings': { statusCode: 200, data: { items: [staffBooking(), staffBooking({ id: 'bk_staff_0000000002', status: 'cancelled', start: at(monday, '14:30'), end: at(monday, '15:20') })], nextCursor: null } },
    }) as jest.Mock;
    render(<StaffBookingsPage />);

    expect(await screen.findByText('09:00–09:50')).toBeTruthy();
    const days = Array.from(document.querySelectorAll('.cal-day'));
    expect(days).toHaveLength(7);
    expect(days.map((d) => d.querySelector('.cal-day__weekday')?.textContent)).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    expect(within(days[3] as HTMLElement).getByText('09:00–09:50')).toBeTruthy();
    expect(within(days[3] as HTMLElement).getByText('已预约')).toBeTruthy();
    expect(within(days[0] as HTMLElement).getByText('已取消')).toBeTruthy();
    expect(within(days[1] as HTMLElement).getByText('无预约')).toBeTruthy();
    expect(screen.getByText('共 1 个有效预约，1 个已取消')).toBeTruthy();
    expect(query(calls(request, '/api/staff/bookings')[0].url)).toEqual({ from: monday, to: addDays(monday, 6) });
    expect(screen.queryByRole('combobox', { name: '咨询人员' })).toBeNull();
    expect(screen.getByText(/只显示你自己的预约/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '下一周 ›' }));
    await waitFor(() => expect(query(calls(request, '/api/staff/bookings').at(-1)!.url)).toEqual({ from: addDays(monday, 7), to: addDays(monday, 13) }));
    fireEvent.click(screen.getByRole('button', { name: '按日' }));
    await waitFor(() => expect(query(calls(request, '/api/staff/bookings').at(-1)!.url)).toEqual({ from: addDays(today(), 7), to: addDays(today(), 7) }));
    fireEvent.click(screen.getByRole('button', { name: '今天' }));
    await waitFor(() => expect(query(calls(request, '/api/staff/bookings').at(-1)!.url)).toEqual({ from: today(), to: today() }));
    await waitFor(() => expect(document.querySelectorAll('.cal-day')).toHaveLength(1));
  });

  it('center staff filter the center’s calendar by provider, and a booking opens its detail', async () => {
    const request = mockApi({
      ...signedIn('center_staff'),
      'GET /api/providers': { statusCode: 200, data: { items: [lawyer(LIN, '林律师'), lawyer(WU, '吴律师')], nextCursor: null } },
      'GET /api/staff/bookings': { statusCode: 200, data: { items: [staffBooking()], nextCursor: null } },
    }) as jest.Mock;
    render(<StaffBookingsPage />);
    const select = await screen.findByRole('combobox', { name: '咨询人员' });
    await waitFor(() => expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['全部咨询人员', '林律师', '吴律师']));
    expect(query(calls(request, '/api/providers')[0].url)).toEqual({ centerId: station.id });
    // Center staff see who each booking is with.
    expect(await screen.findByText('林律师', { selector: '.cal-item__who' })).toBeTruthy();

    await act(async () => {
      fireEvent.change(select, { target: { value: WU } });
    });
    await waitFor(() => expect(query(calls(request, '/api/staff/bookings').at(-1)!.url)).toMatchObject({ providerId: WU }));

    fireEvent.click(screen.getByText('09:00–09:50'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/pages/bookings/detail?id=bk_staff_0000000001' });
  });

  it('without a staff session it goes to sign-in', () => {
    render(<StaffBookingsPage />);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/pages/login/index' });
  });
});

describe('预约详情', () => {
  const started = { start: new Date(Date.now() - 600_000).toISOString(), end: new Date(Date.now() + 2400_000).toISOString() };

  function detailApi(role: string, id: string, b: ReturnType<typeof staffBooking>, extra: Record<string, FakeResponse | ((o: any) => FakeResponse)> = {}) {
    setRouterParams({ id: b.id });
    return mockApi({
      ...signedIn(role, id),
      [`GET /api/staff/bookings/${b.id}`]: { statusCode: 200, data: b },
      [`GET /api/bookings/${b.id}/history`]: {
        statusCode: 200,
        data: { items: [{ id: 'ev1', at: '2026-11-30T02:00:00.000Z', actor: { type: 'user', id: null, name: '求助人' }, type: 'booked', to: b.start, visibility: 'client' }], nextCursor: null },
      },
      ...extra,
    }) as jest.Mock;
  }

  it('shows her safe-contact wishes beside the phone, with a warning when she should not be called', async () => {
    detailApi('center_staff', 'stf_center_staff_001', staffBooking());
    render(<StaffBookingDetailPage />);
    expect(await screen.findByText('13800000000')).toBeTruthy();
    expect(screen.getByText('现在不宜给她打电话')).toBeTruthy();
    expect(screen.getByText(/她不希望接到电话/)).toBeTruthy();
    expect(screen.getByText(/可否表明妇联身份：不可以/)).toBeTruthy();
    expect(screen.getByText('想了解抚养权')).toBeTruthy();
    expect(await screen.findByText('预约', { selector: '.cal-history__item span' })).toBeTruthy();
  });

  it('before the start there is no attendance to record; after it, 已到场 is saved', async () => {
    const future = staffBooking();
    detailApi('center_staff', 'stf_center_staff_001', { ...future, start: new Date(Date.now() + 86400_000).toISOString(), end: new Date(Date.now() + 90000_000).toISOString() });
    const { unmount } = render(<StaffBookingDetailPage />);
    expect(await screen.findByText(/预约开始后.*可以记录到场情况/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '已到场' })).toBeNull();
    unmount();

    const now = staffBooking(started);
    const request = detailApi('center_staff', 'stf_center_staff_001', now, {
      [`PATCH /api/staff/bookings/${now.id}`]: (o) => ({ statusCode: 200, data: { ...now, status: o.data.status } }),
    });
    render(<StaffBookingDetailPage />);
    const attended = await screen.findByRole('button', { name: '已到场' });
    await act(async () => {
      fireEvent.click(attended);
    });
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ url: `/api/staff/bookings/${now.id}`, method: 'PATCH', data: { status: 'attended' } }));
    expect(await screen.findByText('已到场', { selector: '.cal-row__value' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '未到场' }));
    });
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ method: 'PATCH', data: { status: 'no_show' } }));
  });

  it('staff cancel only with a reason', async () => {
    const b = staffBooking();
    let current = b;
    const request = detailApi('center_staff', 'stf_center_staff_001', b, {
      [`DELETE /api/bookings/${b.id}`]: (o) => {
        current = { ...b, status: 'cancelled', cancelReason: o.data.reason };
        return { statusCode: 200, data: current };
      },
      [`GET /api/staff/bookings/${b.id}`]: () => ({ statusCode: 200, data: current }),
    });
    render(<StaffBookingDetailPage />);
    fireEvent.click(await screen.findByRole('button', { name: '取消预约…' }));
    fireEvent.click(screen.getByRole('button', { name: '确认取消' }));
    expect(screen.getByText('请填写取消原因')).toBeTruthy();
    expect(request.mock.calls.some(([o]) => o.method === 'DELETE')).toBe(false);

    fireEvent.change(screen.getByPlaceholderText(/咨询师临时有事/), { target: { value: '律师出庭，已电话告知' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确认取消' }));
    });
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ url: `/api/bookings/${b.id}`, method: 'DELETE', data: { reason: '律师出庭，已电话告知' } }));
    expect(await screen.findByText(/该预约已取消：律师出庭，已电话告知/)).toBeTruthy();
  });

  it('the confidential note editor is there for the provider herself only', async () => {
    const mine = staffBooking({ ...started, note: '上次谈到抚养权' });
    const request = detailApi('lawyer', LIN, mine, {
      [`PATCH /api/staff/bookings/${mine.id}`]: (o) => ({ statusCode: 200, data: { ...mine, note: o.data.note } }),
    });
    const { unmount } = render(<StaffBookingDetailPage />);
    const editor = (await screen.findByPlaceholderText('本次咨询的要点、后续安排')) as HTMLTextAreaElement;
    expect(editor.value).toBe('上次谈到抚养权');
    fireEvent.change(editor, { target: { value: '已说明起诉流程' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存咨询记录' }));
    });
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ method: 'PATCH', data: { note: '已说明起诉流程' } }));
    unmount();

    // Center staff get note null from the server and no editor.
    detailApi('center_staff', 'stf_center_staff_001', staffBooking({ ...started, note: null }));
    render(<StaffBookingDetailPage />);
    expect(await screen.findByText('13800000000')).toBeTruthy();
    expect(screen.queryByPlaceholderText('本次咨询的要点、后续安排')).toBeNull();
    expect(screen.queryByText(/保密咨询记录/)).toBeNull();
  });
});
