import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import BookingPage, { SLOT_TAKEN_NOTICE } from '../src/pages/bookings/index';
import { formatDay } from '../src/services/shanghai-time';
import { resetTemplateIds } from '../src/services/subscribe';
import Taro, { setRouterParams } from './doubles/taro';
import { at, device, lawyer, LIN, mazhang, nextWeekday, slot, station, today, WU, wuchuan } from './booking-fixtures';
import { mockApi, requestedUrls, type FakeResponse } from './helpers';

const thursday = nextWeekday(4);
const linSlot = slot(LIN, '林律师', at(thursday, '09:00'));
const wuSlot = slot(WU, '吴律师', at(thursday, '10:00'), ['in_person']);

type Option = { url: string; method?: string; data?: any; header?: Record<string, string> };

/** The API as the booking flow sees it; `slots` and `book` can be swapped per test. */
function bookingApi(opts: { slots?: () => unknown[]; book?: (o: Option) => FakeResponse; clientConfig?: unknown } = {}) {
  return mockApi({
    'POST /api/auth/device': device,
    'POST /api/auth/wechat': device,
    'GET /api/client-config': { statusCode: 200, data: opts.clientConfig ?? { quickExitUrl: '/neutral.html', wechatMode: 'development' } },
    'GET /api/centers': { statusCode: 200, data: { items: [mazhang, wuchuan, station], nextCursor: null } },
    'GET /api/providers': (o) => {
      const centerId = new URL(o.url, 'http://x').searchParams.get('centerId');
      const all = [lawyer(LIN, '林律师'), lawyer(WU, '吴律师'), lawyer('stf_lawyer_wc_00000001', '杨律师', wuchuan.id, [5])];
      return { statusCode: 200, data: { items: all.filter((p) => !centerId || p.centerId === centerId), nextCursor: null } };
    },
    'GET /api/slots': () => ({ statusCode: 200, data: { items: opts.slots ? opts.slots() : [linSlot, wuSlot], nextCursor: null } }),
    'POST /api/slot-watches': { statusCode: 201, data: { id: 'watch_000000000001' } },
    'POST /api/bookings': (o: any) =>
      opts.book
        ? opts.book(o)
        : {
            statusCode: 201,
            data: {
              id: 'bk_0000000000000001',
              status: 'confirmed',
              kind: 'legal',
              mode: o.data.mode,
              start: linSlot.start,
              end: linSlot.end,
              provider: { id: LIN, name: '林律师' },
              center: { id: station.id, name: station.name, address: station.address, phone: station.phone },
              canCancel: true,
              cancelReason: null,
            },
          },
  }) as jest.Mock;
}

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

async function toSlotList() {
  render(<BookingPage />);
  click(/^法律咨询/);
  fireEvent.click(await screen.findByRole('button', { name: new RegExp(station.name) }));
  fireEvent.click(await screen.findByRole('button', { name: new RegExp(formatDay(thursday)) }));
}

function posted(request: jest.Mock, path: string): Option[] {
  return request.mock.calls.map(([o]) => o as Option).filter((o) => o.method === 'POST' && new URL(o.url, 'http://x').pathname === path);
}

beforeEach(() => resetTemplateIds());

describe('booking a consultation', () => {
  it('kind → center → day → slot → mode → contact → confirm posts the chosen slot with her safe-contact wishes and an Idempotency-Key', async () => {
    const request = bookingApi();
    await toSlotList();

    // Slots of the day: time and who.
    const lin = screen.getByRole('button', { name: /09:00–09:50\s*林律师/ });
    expect(screen.getByRole('button', { name: /10:00–10:50\s*吴律师/ })).toBeTruthy();
    const slotsUrl = new URL(requestedUrls().find((u) => u.startsWith('/api/slots'))!, 'http://x');
    expect(Object.fromEntries(slotsUrl.searchParams)).toEqual({ kind: 'legal', centerId: station.id, from: today(), to: expect.any(String) });
    expect((Date.parse(slotsUrl.searchParams.get('to')!) - Date.parse(today())) / 86400_000).toBe(30);

    fireEvent.click(lin);
    // Only the modes this provider offers.
    expect(screen.queryByRole('button', { name: /^视频/ })).toBeNull();
    click(/^电话/);

    // Phone consultations need a number, and her answers on calls and messages.
    click('下一步');
    expect(screen.getByText('电话或视频咨询需要留下联系电话')).toBeTruthy();
    fireEvent.change(screen.getByPlaceholderText('手机或固定电话'), { target: { value: '13800000000' } });
    fireEvent.change(screen.getByPlaceholderText('例如：陈女士'), { target: { value: '陈女士' } });
    click('下一步');
    expect(screen.getByText('请说明是否可以给你打电话')).toBeTruthy();
    click('可以打电话');
    click('工作日上午');
    click('下一步');
    expect(screen.getByText('请说明是否可以给你留言或发短信')).toBeTruthy();
    fireEvent.click(within(screen.getByText('可以给你留言或发短信吗？').parentElement!).getByRole('button', { name: '不可以' }));
    click('请不要说');
    fireEvent.change(screen.getByPlaceholderText('可以不填'), { target: { value: '  想了解抚养权  ' } });
    click('下一步');

    expect(screen.getByText('请确认预约信息')).toBeTruthy();
    expect(screen.getByText(/陈女士 13800000000，可以打电话（工作日 09:00–12:00），不要留言/)).toBeTruthy();
    await act(async () => {
      click('确认预约');
    });

    expect(await screen.findByText('预约成功')).toBeTruthy();
    const [post] = posted(request, '/api/bookings');
    expect(post.data).toEqual({
      providerId: LIN,
      start: linSlot.start,
      mode: 'phone',
      notify: false,
      topic: '想了解抚养权',
      contact: {
        name: '陈女士',
        phone: '13800000000',
        safeToCall: true,
        safeTimes: [{ from: '09:00', to: '12:00', days: [1, 2, 3, 4, 5] }],
        allowMessage: false,
        maySayFederation: false,
      },
    });
    expect(post.header?.['Idempotency-Key']).toMatch(/^[\x21-\x7e]{8,200}$/);
    expect(post.header?.Authorization).toBe('Bearer her-token');
    // A browser cannot receive subscribe messages: nothing was asked.
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
  });

  it('lists only centers offering the kind; those without bookable providers cannot be chosen and offer a call', async () => {
    bookingApi();
    render(<BookingPage />);
    click(/^法律咨询/);
    expect(await screen.findByRole('button', { name: new RegExp(station.name) })).toBeTruthy();
    expect(screen.getByRole('button', { name: new RegExp(wuchuan.name) })).toBeTruthy();
    expect(screen.queryByRole('button', { name: new RegExp(mazhang.name) })).toBeNull();
    expect(screen.getByText(new RegExp(`${mazhang.district} · 暂未开放在线预约`))).toBeTruthy();
    expect(new URL(requestedUrls().find((u) => u.startsWith('/api/centers'))!, 'http://x').searchParams.get('service')).toBe('legal');
  });

  it('sorts the centers nearest first once she shares her location', async () => {
    bookingApi();
    Taro.getLocation.mockResolvedValue({ latitude: 21.27, longitude: 110.36 });
    render(<BookingPage />);
    click(/^法律咨询/);
    await screen.findByRole('button', { name: new RegExp(station.name) });
    const names = () => screen.getAllByRole('button').map((b) => b.textContent ?? '').filter((t) => t.includes('中心') || t.includes('湛江站'));
    // Before: the server's order, centers with bookable providers first.
    expect(names()[0]).toContain(wuchuan.name);
    expect(names()[1]).toContain(station.name);
    await act(async () => {
      click(/使用我的位置/);
    });
    await waitFor(() => expect(names()[0]).toContain(station.name));
    expect(names()[1]).toContain(wuchuan.name);
    expect(screen.getAllByText(/公里/).length).toBeGreaterThan(0);
  });

  it('an in-person booking needs no contact details: none are sent', async () => {
    const request = bookingApi();
    await toSlotList();
    click(/10:00–10:50\s*吴律师/);
    click(/^到中心面谈/);
    click('下一步');
    await act(async () => {
      click('确认预约');
    });
    await screen.findByText('预约成功');
    expect(posted(request, '/api/bookings')[0].data).toEqual({ providerId: WU, start: wuSlot.start, mode: 'in_person', notify: false });
  });

  it('when the slot was just taken (409 SLOT_TAKEN) she is told kindly and sees the refreshed slots', async () => {
    let taken = false;
    const request = bookingApi({
      slots: () => (taken ? [wuSlot] : [linSlot, wuSlot]),
      book: () => {
        taken = true;
        return { statusCode: 409, data: { error: { code: 'SLOT_TAKEN', message: '该时段已被预约' } } };
      },
    });
    await toSlotList();
    click(/09:00–09:50\s*林律师/);
    click(/^到中心面谈/);
    click('下一步');
    await act(async () => {
      click('确认预约');
    });

    expect(await screen.findByText(SLOT_TAKEN_NOTICE)).toBeTruthy();
    expect(screen.getByText('选择时间')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /林律师/ })).toBeNull();
    expect(screen.getByRole('button', { name: /10:00–10:50\s*吴律师/ })).toBeTruthy();
    expect(requestedUrls().filter((u) => u.startsWith('/api/slots'))).toHaveLength(2);

    // Choosing again is a new confirm screen: a new Idempotency-Key.
    click(/10:00–10:50\s*吴律师/);
    click(/^到中心面谈/);
    click('下一步');
    await act(async () => {
      click('确认预约');
    });
    const keys = posted(request, '/api/bookings').map((o) => o.header?.['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('a second tap after a lost answer re-sends the same Idempotency-Key', async () => {
    let calls = 0;
    const request = bookingApi({
      book: () => (++calls === 1 ? { statusCode: 503, data: { error: { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后再试' } } } : { statusCode: 409, data: { error: { code: 'TOO_MANY_BOOKINGS', message: '同一时间最多保留 3 个未到期的预约，请先取消不需要的预约' } } }),
    });
    await toSlotList();
    click(/10:00–10:50\s*吴律师/);
    click(/^到中心面谈/);
    click('下一步');
    await act(async () => {
      click('确认预约');
    });
    expect(await screen.findByText('服务暂时不可用，请稍后再试')).toBeTruthy();
    await act(async () => {
      click('确认预约');
    });
    expect(await screen.findByText(/最多保留 3 个/)).toBeTruthy();
    const keys = posted(request, '/api/bookings').map((o) => o.header?.['Idempotency-Key']);
    expect(keys[0]).toBe(keys[1]);
    click('查看我的预约');
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bookings/mine' });
  });

  it('a day with no free slot offers 有空位时通知我, which registers a watch for that kind, center and day', async () => {
    const request = bookingApi({ slots: () => [] });
    render(<BookingPage />);
    click(/^法律咨询/);
    fireEvent.click(await screen.findByRole('button', { name: new RegExp(station.name) }));

    const full = await screen.findAllByText('已约满');
    expect(full.length).toBeGreaterThanOrEqual(4); // every Thursday in the next 30 days
    expect(screen.queryByRole('button', { name: new RegExp(formatDay(thursday)) })).toBeNull();
    const firstDay = screen.getByText(new RegExp(formatDay(thursday))).parentElement!;
    await act(async () => {
      fireEvent.click(within(firstDay).getByRole('button', { name: '有空位时通知我' }));
    });
    expect(await within(firstDay).findByText(/已登记/)).toBeTruthy();
    expect(posted(request, '/api/slot-watches')[0].data).toEqual({ kind: 'legal', centerId: station.id, date: thursday });
  });

  it('in WeChat the confirm tap asks for subscribe permission when template ids are configured, and books with notify', async () => {
    process.env.TARO_ENV = 'weapp';
    const request = bookingApi({ clientConfig: { quickExitUrl: '/neutral.html', wechatMode: 'live', subscribeTemplateIds: { appointment_reminder: 'TPL_REMIND', appointment_changed: 'TPL_CHANGED' } } });
    Taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', TPL_REMIND: 'accept', TPL_CHANGED: 'reject' });
    await toSlotList();
    click(/10:00–10:50\s*吴律师/);
    click(/^到中心面谈/);
    click('下一步');
    await act(async () => {
      click('确认预约');
    });
    await screen.findByText('预约成功');
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['TPL_REMIND', 'TPL_CHANGED'] }));
    expect(posted(request, '/api/bookings')[0].data.notify).toBe(true);
  });

  it('in WeChat without configured template ids nothing is asked and she is not subscribed', async () => {
    process.env.TARO_ENV = 'weapp';
    const request = bookingApi();
    await toSlotList();
    click(/10:00–10:50\s*吴律师/);
    click(/^到中心面谈/);
    click('下一步');
    await act(async () => {
      click('确认预约');
    });
    await screen.findByText('预约成功');
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(posted(request, '/api/bookings')[0].data.notify).toBe(false);
  });

  it('a link can open the flow with the kind already chosen; back returns to the previous step', async () => {
    bookingApi();
    setRouterParams({ kind: 'legal' });
    render(<BookingPage />);
    expect(screen.getByText('选择服务中心')).toBeTruthy();
    expect(screen.getByText('法律咨询')).toBeTruthy();
    click('‹ 上一步');
    expect(screen.getByText('想预约哪一类咨询？')).toBeTruthy();
  });
});
