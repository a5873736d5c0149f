import { act, fireEvent, render, screen, within } from '@testing-library/react';
import MyBookingsPage, { CUTOFF_EXPLANATION } from '../src/pages/bookings/mine';
import Index from '../src/pages/index/index';
import { formatRange } from '../src/services/shanghai-time';
import Taro from './doubles/taro';
import { at, booking, device, LIN, nextWeekday, slot } from './booking-fixtures';
import { mockApi, type FakeResponse } from './helpers';

const upcoming = booking({ id: 'bk_upcoming_00000001' });
const past = booking({ id: 'bk_past_000000000001', status: 'attended', start: '2026-01-08T09:00:00+08:00', end: '2026-01-08T09:50:00+08:00', canCancel: false });
const cancelled = booking({ id: 'bk_cancelled_0000001', status: 'cancelled', kind: 'psychological', cancelReason: '咨询师临时有事', start: at(nextWeekday(3), '10:00'), canCancel: false });
// Starts in an hour: inside the 2-hour cut-off.
const soonStart = new Date(Date.now() + 3600_000);
const soon = booking({ id: 'bk_soon_000000000001', start: soonStart.toISOString(), end: new Date(soonStart.getTime() + 50 * 60_000).toISOString(), canCancel: false });

function mineApi(items: unknown[], extra: Record<string, FakeResponse | ((o: any) => FakeResponse)> = {}) {
  return mockApi({
    'POST /api/auth/device': device,
    'GET /api/bookings/mine': { statusCode: 200, data: { items, nextCursor: null } },
    ...extra,
  }) as jest.Mock;
}

const card = (text: string | RegExp) => screen.getByText(text).closest('.bk-booking') as HTMLElement;

describe('我的预约', () => {
  it('is reachable from the home page with a small link', () => {
    render(<Index />);
    fireEvent.click(screen.getByText('我的预约'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bookings/mine' });
    fireEvent.click(screen.getByRole('button', { name: /^预约咨询/ }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/bookings/index' });
  });

  it('shows upcoming bookings first, then past ones, with their status labels and times in Asia/Shanghai', async () => {
    mineApi([past, cancelled, upcoming]);
    render(<MyBookingsPage />);
    expect(await screen.findByText('即将开始')).toBeTruthy();
    const sections = screen.getAllByText(/即将开始|已结束或已取消/).map((e) => e.textContent);
    expect(sections).toEqual(['即将开始', '已结束或已取消']);
    const cards = Array.from(document.querySelectorAll('.bk-booking')).map((c) => c.textContent ?? '');
    expect(cards[0]).toContain('已预约');
    expect(cards[0]).toContain(formatRange(upcoming.start, upcoming.end));
    expect(cards[1]).toContain('已取消');
    expect(cards[1]).toContain('咨询师临时有事');
    expect(cards[2]).toContain('已到场');
    expect(cards[2]).toContain('1月8日 周四 09:00–09:50');
    // Past bookings offer no actions.
    expect(within(card('已到场')).queryByRole('button', { name: '取消预约' })).toBeNull();
  });

  it('cancelling asks first, then cancels and moves the booking to the past as 已取消', async () => {
    const request = mineApi([upcoming], {
      [`DELETE /api/bookings/${upcoming.id}`]: { statusCode: 200, data: { ...upcoming, status: 'cancelled', canCancel: false } },
    });
    render(<MyBookingsPage />);
    fireEvent.click(await screen.findByRole('button', { name: '取消预约' }));
    expect(screen.getByText(/确定取消 09:00 的这次预约吗/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '不取消' }));
    expect(request.mock.calls.some(([o]) => o.method === 'DELETE')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: '取消预约' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确定取消' }));
    });
    expect(await screen.findByText('已结束或已取消')).toBeTruthy();
    expect(screen.getByText('已取消')).toBeTruthy();
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ url: `/api/bookings/${upcoming.id}`, method: 'DELETE', data: {} }));
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已取消预约' }));
  });

  it('inside the 2-hour cut-off, cancel and reschedule are disabled with an explanation and the center’s number', async () => {
    mineApi([soon]);
    render(<MyBookingsPage />);
    expect(await screen.findByText(CUTOFF_EXPLANATION)).toBeTruthy();
    expect((screen.getByRole('button', { name: '取消预约' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: '改期' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '拨打中心电话 0759-12338' }));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '075912338' });
  });

  it('when the server says it is too late, the reason is shown', async () => {
    mineApi([upcoming], {
      [`DELETE /api/bookings/${upcoming.id}`]: { statusCode: 409, data: { error: { code: 'TOO_LATE_TO_CANCEL', message: '开始前 2 小时内无法在线取消，请致电中心' } } },
    });
    render(<MyBookingsPage />);
    fireEvent.click(await screen.findByRole('button', { name: '取消预约' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确定取消' }));
    });
    expect(await screen.findByText('开始前 2 小时内无法在线取消，请致电中心')).toBeTruthy();
  });

  it('rescheduling offers the same provider’s free times and moves the booking', async () => {
    const next = nextWeekday(4, 7);
    const free = [slot(LIN, '林律师', at(next, '09:00')), slot(LIN, '林律师', at(next, '10:00'))];
    const moved = { ...upcoming, start: free[1].start, end: free[1].end };
    const request = mineApi([upcoming], {
      'GET /api/slots': { statusCode: 200, data: { items: free, nextCursor: null } },
      [`POST /api/bookings/${upcoming.id}/reschedule`]: { statusCode: 200, data: moved },
    });
    render(<MyBookingsPage />);
    fireEvent.click(await screen.findByRole('button', { name: '改期' }));
    expect(await screen.findByText(/林律师其他可约的时间/)).toBeTruthy();
    const ten = await screen.findByRole('button', { name: '10:00' });
    const slotsUrl = new URL(request.mock.calls.map(([o]) => o.url).find((u: string) => u.startsWith('/api/slots')), 'http://x');
    expect(slotsUrl.searchParams.get('providerId')).toBe(LIN);
    expect(slotsUrl.searchParams.get('kind')).toBe('legal');

    fireEvent.click(ten);
    expect(screen.getByText(`改到 ${formatRange(free[1].start, free[1].end)}？`)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确定改期' }));
    });
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ url: `/api/bookings/${upcoming.id}/reschedule`, method: 'POST', data: { start: free[1].start } }));
    expect(await screen.findByText(formatRange(moved.start, moved.end))).toBeTruthy();
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已改期' }));
  });

  it('if the new time was just taken, she is told and the list is refreshed', async () => {
    const next = nextWeekday(4, 7);
    let calls = 0;
    const free = [slot(LIN, '林律师', at(next, '09:00')), slot(LIN, '林律师', at(next, '10:00'))];
    mineApi([upcoming], {
      'GET /api/slots': () => ({ statusCode: 200, data: { items: ++calls === 1 ? free : free.slice(0, 1), nextCursor: null } }),
      [`POST /api/bookings/${upcoming.id}/reschedule`]: { statusCode: 409, data: { error: { code: 'SLOT_TAKEN', message: '该时段已被预约' } } },
    });
    render(<MyBookingsPage />);
    fireEvent.click(await screen.findByRole('button', { name: '改期' }));
    fireEvent.click(await screen.findByRole('button', { name: '10:00' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确定改期' }));
    });
    expect(await screen.findByText('这个时间刚被其他人约走了，请另选一个。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '10:00' })).toBeNull();
    expect(screen.getByRole('button', { name: '09:00' })).toBeTruthy();
  });

  it('reads times in Asia/Shanghai whatever the device’s time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(new Date('2026-12-04T00:30:00+08:00').getDate()).toBe(3); // the device would say the 3rd
      expect(formatRange('2026-12-04T00:30:00+08:00', '2026-12-04T01:20:00+08:00')).toBe('12月4日 周五 00:30–01:20');
      expect(formatRange('2026-12-03T01:00:00Z', '2026-12-03T01:50:00Z')).toBe('12月3日 周四 09:00–09:50');
    } finally {
      process.env.TZ = before;
    }
  });
});
