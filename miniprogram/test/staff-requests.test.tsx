import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { StaffRequestDetail, StaffRequestSummary, TimelineItem } from '@zjh/shared';
import StaffInboxPage from '../src/staff/pages/inbox/index';
import StaffRequestPage from '../src/staff/pages/requests/detail';
import RegisterRequestPage from '../src/staff/pages/requests/register';
import Taro, { pullDownRefresh, setRouterParams } from './doubles/taro';
import { center, mockApi, requestedUrls } from './helpers';

type Option = { url: string; method?: string; data?: any; header?: Record<string, string> };

const me = { id: 'stf_0000000000001', username: 'wuchuan01', displayName: '李敏', role: 'center_staff', centerId: 'ctr_wuchuan_00000001' };
const ID = 'req_0000000000000001';

function summary(overrides: Partial<StaffRequestSummary> = {}): StaffRequestSummary {
  return {
    id: ID,
    ref: 'ZJ-2026-000123',
    status: 'new',
    category: 'domestic_violence',
    channel: 'mini_program',
    priority: [],
    persons: 1,
    createdAt: '2026-12-01T01:30:00.000Z',
    acceptDueAt: '2026-12-02T09:30:00.000Z',
    overdue: false,
    center: { id: me.centerId, name: '吴川市12338妇联维权服务中心' },
    assignee: null,
    anonymous: false,
    district: '吴川市',
    ...overrides,
  };
}

function detail(overrides: Partial<StaffRequestDetail> = {}): StaffRequestDetail {
  return {
    ...summary(),
    description: '他昨晚又动手了，我想知道怎么办。',
    personsDetail: null,
    contact: {
      phone: '13800138000',
      name: '阿芳',
      safeToCall: true,
      safeTimes: [{ from: '09:00', to: '12:00', days: [1, 2, 3, 4, 5] }],
      allowMessage: false,
      maySayFederation: false,
      note: '先问是不是快递',
    },
    contactAdvice: { callable: true },
    referrals: [],
    messages: [],
    rating: null,
    consentAt: '2026-12-01T01:30:00.000Z',
    nextStatuses: ['accepted', 'in_progress', 'closed'],
    reasonRequiredFor: ['closed'],
    canMessage: true,
    notify: false,
    ...overrides,
  };
}

const timeline: TimelineItem[] = [
  { id: 'evt_1', at: '2026-12-01T01:30:00.000Z', actor: { type: 'user', id: 'usr_1', name: '求助人' }, type: 'created', to: 'new', note: 'mini_program', visibility: 'client' },
  { id: 'evt_2', at: '2026-12-01T02:00:00.000Z', actor: { type: 'staff', id: 'stf_9', name: '王芳' }, type: 'priority', from: '—', to: 'urgent,serious', note: '有人身危险', visibility: 'internal' },
  { id: 'evt_3', at: '2026-12-01T02:10:00.000Z', actor: { type: 'staff', id: 'stf_9', name: '王芳' }, type: 'status', from: 'new', to: 'closed', note: '重复提交', visibility: 'client' },
];

function staffSignedIn() {
  window.localStorage.setItem('zjh_staff_token', JSON.stringify({ data: 'staff-token' }));
}

const calls = (request: jest.Mock, method: string, suffix: string) =>
  request.mock.calls.map(([o]) => o as Option).filter((o) => (o.method ?? 'GET') === method && new URL(o.url, 'http://x').pathname.endsWith(suffix));

/** Only Date is faked: promises and timers keep running. */
function atShanghai(iso: string) {
  jest.useFakeTimers({
    now: new Date(iso),
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback'],
  });
}

afterEach(() => {
  jest.useRealTimers();
});

describe('staff inbox', () => {
  beforeEach(staffSignedIn);

  function inboxApi(pages: Record<string, { items: StaffRequestSummary[]; nextCursor: string | null }> = {}) {
    return mockApi({
      'GET /api/staff/me': { statusCode: 200, data: { staff: me } },
      'GET /api/staff/requests': (o) => {
        const cursor = new URL(o.url, 'http://x').searchParams.get('cursor') ?? '';
        const page = pages[cursor] ?? { items: [], nextCursor: null };
        return { statusCode: 200, data: { ...page, counts: { total: 9, new: 3, open: 5, overdue: 2, urgent: 1 } } };
      },
    });
  }

  const lastInboxQuery = () => {
    const url = requestedUrls().filter((u) => u.startsWith('/api/staff/requests')).pop()!;
    return Object.fromEntries(new URL(url, 'http://x').searchParams);
  };

  it('opens on the open requests and turns every filter and the search into the query string', async () => {
    inboxApi();
    render(<StaffInboxPage />);
    await waitFor(() => expect(lastInboxQuery()).toEqual({ status: 'new,accepted,in_progress' }));

    const change = async (label: string, value: string) => {
      await act(async () => {
        fireEvent.change(screen.getByRole('combobox', { name: label }), { target: { value } });
      });
    };
    await change('状态', 'new');
    await change('优先级', 'urgent');
    await change('类别', 'legal');
    await change('超时', 'true');
    expect(lastInboxQuery()).toEqual({ status: 'new', priority: 'urgent', category: 'legal', overdue: 'true' });

    fireEvent.change(screen.getByPlaceholderText(/搜索编号/), { target: { value: ' 13800138000 ' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '搜索' }));
    });
    expect(lastInboxQuery()).toEqual({ status: 'new', priority: 'urgent', category: 'legal', overdue: 'true', q: '13800138000' });

    await change('状态', '');
    await change('超时', 'false');
    expect(lastInboxQuery()).toEqual({ priority: 'urgent', category: 'legal', overdue: 'false', q: '13800138000' });
  });

  it('marks urgent and overdue requests, shows the counts as chips, and a chip filters', async () => {
    inboxApi({
      '': {
        items: [
          summary({ id: 'req_overdue_000000001', ref: 'ZJ-2026-000120', overdue: true, priority: ['urgent', 'difficult'], acceptDueAt: '2026-12-01T02:30:00.000Z' }),
          summary({ id: 'req_fine_0000000000001', ref: 'ZJ-2026-000121', status: 'accepted', assignee: { id: me.id, name: '李敏' } }),
        ],
        nextCursor: null,
      },
    });
    render(<StaffInboxPage />);
    const overdueRef = await screen.findByText('ZJ-2026-000120');
    const row = overdueRef.closest('.inbox-row') as HTMLElement;
    expect(row.className).toContain('inbox-row--overdue');
    expect(within(row).getByText('超时').className).toContain('badge--overdue');
    expect(within(row).getByText('急').className).toContain('badge--urgent');
    expect(within(row).getByText('难')).toBeTruthy();
    expect(within(row).getByText('已超时 · 2026-12-01 10:30')).toBeTruthy();
    const fine = screen.getByText('ZJ-2026-000121').closest('.inbox-row') as HTMLElement;
    expect(within(fine).queryByText('超时')).toBeNull();
    expect(within(fine).getByText('已受理')).toBeTruthy();
    expect(within(fine).getByText('李敏')).toBeTruthy();

    expect(screen.getByText('超时 2')).toBeTruthy();
    expect(screen.getByText('待受理 3')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByText('超时 2'));
    });
    expect(lastInboxQuery()).toEqual({ overdue: 'true' });

    fireEvent.click(row);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/pages/requests/detail?id=req_overdue_000000001' });
  });

  it('pages with nextCursor and reloads on pull-down refresh', async () => {
    inboxApi({
      '': { items: [summary({ ref: 'ZJ-2026-000001' })], nextCursor: 'NTA' },
      NTA: { items: [summary({ id: 'req_0000000000000002', ref: 'ZJ-2026-000002' })], nextCursor: null },
    });
    render(<StaffInboxPage />);
    expect(await screen.findByText('ZJ-2026-000001')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '加载更多' }));
    });
    expect(lastInboxQuery().cursor).toBe('NTA');
    expect(screen.getByText('ZJ-2026-000001')).toBeTruthy();
    expect(screen.getByText('ZJ-2026-000002')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();

    const before = requestedUrls().length;
    await act(async () => {
      pullDownRefresh();
    });
    expect(requestedUrls().length).toBe(before + 1);
    expect(lastInboxQuery().cursor).toBeUndefined();
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled();
  });
});

describe('staff request detail', () => {
  beforeEach(() => {
    staffSignedIn();
    setRouterParams({ id: ID });
  });

  function detailApi(current: StaffRequestDetail, extra: Record<string, (o: Option) => { statusCode: number; data: unknown }> = {}) {
    return mockApi({
      'GET /api/staff/me': { statusCode: 200, data: { staff: me } },
      [`GET /api/staff/requests/${ID}`]: { statusCode: 200, data: current },
      [`GET /api/staff/requests/${ID}/timeline`]: { statusCode: 200, data: { items: timeline, nextCursor: null } },
      'GET /api/centers': {
        statusCode: 200,
        data: { items: [center({ id: me.centerId, name: '吴川市12338妇联维权服务中心' }), center({ id: 'ctr_leizhou_00000001', name: '雷州市12338妇联维权服务中心' })], nextCursor: null },
      },
      ...extra,
    });
  }

  it('outside her safe times it warns beside the phone and asks before calling', async () => {
    atShanghai('2026-12-06T15:00:00Z'); // Sunday 23:00 in Zhanjiang
    detailApi(detail({ contactAdvice: { callable: false, reason: 'server reason' } }));
    render(<StaffRequestPage />);
    const warning = await screen.findByText('现在不宜给她打电话');
    expect(warning.closest('#safe-contact-warning')).toBeTruthy();
    expect(screen.getByText('现在不在她的安全联系时间内（一二三四五 09:00–12:00）')).toBeTruthy();
    expect(screen.getByText('13800138000')).toBeTruthy();
    expect(screen.getByText('可以来电：可以')).toBeTruthy();
    expect(screen.getByText('安全时段：工作日 09:00–12:00')).toBeTruthy();
    expect(screen.getByText('可否留言/短信：不可以')).toBeTruthy();
    expect(screen.getByText('可否表明妇联身份：不可以')).toBeTruthy();
    expect(screen.getByText('备注：先问是不是快递')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '拨打电话（不在安全时段）' }));
    expect(Taro.makePhoneCall).not.toHaveBeenCalled();
    expect(screen.getByText(/确定仍要现在拨打吗？/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '仍要拨打' }));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800138000' });
  });

  it('inside her safe times there is no warning and the call goes straight through', async () => {
    atShanghai('2026-12-07T02:00:00Z'); // Monday 10:00
    detailApi(detail());
    render(<StaffRequestPage />);
    await screen.findByText('13800138000');
    expect(screen.queryByText('现在不宜给她打电话')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '拨打电话' }));
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13800138000' });
  });

  it('when she does not want calls it warns whatever the time', async () => {
    detailApi(detail({ contact: { phone: '13800138000', safeToCall: false, allowMessage: true }, contactAdvice: { callable: false, reason: '她不希望接到电话，可以留言/发短信' } }));
    render(<StaffRequestPage />);
    expect(await screen.findByText('她不希望接到电话，可以留言/发短信')).toBeTruthy();
    expect(screen.getByText('可以来电：不可以')).toBeTruthy();
  });

  it('shows the timeline with who, when, what and why', async () => {
    detailApi(detail());
    render(<StaffRequestPage />);
    expect(await screen.findByText('收到求助（小程序）')).toBeTruthy();
    expect(screen.getByText('优先级：无 → 急重')).toBeTruthy();
    expect(screen.getByText('有人身危险')).toBeTruthy();
    expect(screen.getByText('状态：待受理 → 已结案')).toBeTruthy();
    expect(screen.getByText('重复提交')).toBeTruthy();
    expect(screen.getAllByText('王芳')).toHaveLength(2);
    expect(screen.getByText('2026-12-01 10:00')).toBeTruthy();
  });

  it('offers the moves the workflow allows; accept and close (with its reason) call PATCH', async () => {
    let current = detail();
    const request = detailApi(current, {
      [`PATCH /api/staff/requests/${ID}`]: (o) => {
        current = detail({ status: o.data.status, nextStatuses: o.data.status === 'accepted' ? ['in_progress', 'resolved', 'closed'] : ['in_progress'] });
        return { statusCode: 200, data: current };
      },
    });
    render(<StaffRequestPage />);
    await screen.findByText('13800138000');
    expect(screen.getByRole('button', { name: '受理' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '开始处理' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '标记为已解决' })).toBeNull();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '受理' }));
    });
    expect(calls(request, 'PATCH', `/requests/${ID}`)[0].data).toEqual({ status: 'accepted' });
    expect(await screen.findByText('当前状态：已受理')).toBeTruthy();
    expect(screen.getByRole('button', { name: '标记为已解决' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '结案' }));
    fireEvent.click(screen.getByRole('button', { name: '确认结案' }));
    expect(screen.getByText('请填写原因')).toBeTruthy();
    fireEvent.change(document.getElementById('move-reason')!, { target: { value: '她已与家人和解，不再需要帮助' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确认结案' }));
    });
    expect(calls(request, 'PATCH', `/requests/${ID}`)[1].data).toEqual({ status: 'closed', reason: '她已与家人和解，不再需要帮助' });
    expect(await screen.findByText('当前状态：已结案')).toBeTruthy();
    expect(screen.getByRole('button', { name: '重新打开' })).toBeTruthy();
  });

  it('shows the 409 message when someone else changed it, and loads it again', async () => {
    const request = detailApi(detail(), {
      [`PATCH /api/staff/requests/${ID}`]: () => ({ statusCode: 409, data: { error: { code: 'STALE_STATUS', message: '该求助刚被其他人更新，请刷新后再试' } } }),
    });
    render(<StaffRequestPage />);
    await screen.findByText('13800138000');
    const loads = calls(request, 'GET', `/requests/${ID}`).length;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '受理' }));
    });
    expect(await screen.findByText('该求助刚被其他人更新，请刷新后再试')).toBeTruthy();
    expect(calls(request, 'GET', `/requests/${ID}`).length).toBe(loads + 1);
  });

  it('assigns to a colleague of the center chosen from the staff list', async () => {
    const request = detailApi(detail(), {
      'GET /api/staff/members': () => ({
        statusCode: 200,
        data: { items: [{ id: 'stf_lawyer_000000001', username: 'lawyer.wc1', displayName: '杨律师', role: 'lawyer', centerId: me.centerId }], nextCursor: null },
      }),
      [`PATCH /api/staff/requests/${ID}`]: () => ({ statusCode: 200, data: detail({ assignee: { id: 'stf_lawyer_000000001', name: '杨律师' } }) }),
    });
    render(<StaffRequestPage />);
    const select = (await screen.findByRole('combobox', { name: '分派给' })) as HTMLSelectElement;
    expect(new URL(requestedUrls().find((u) => u.startsWith('/api/staff/members'))!, 'http://x').searchParams.get('centerId')).toBe(me.centerId);
    await act(async () => {
      fireEvent.change(select, { target: { value: 'stf_lawyer_000000001' } });
    });
    expect(calls(request, 'PATCH', `/requests/${ID}`).map((o) => o.data)).toEqual([{ assigneeId: 'stf_lawyer_000000001' }]);
    expect((await screen.findAllByText('杨律师')).length).toBeGreaterThan(0);
  });

  it('flags, assigns to me, refers, records the outcome, notes and messages through their endpoints', async () => {
    let current = detail();
    const answer = (next: Partial<StaffRequestDetail>) => () => {
      current = { ...current, ...next };
      return { statusCode: 200, data: current };
    };
    const request = detailApi(current, {
      [`PATCH /api/staff/requests/${ID}`]: (o) => answer(o.data.priority ? { priority: o.data.priority } : { assignee: { id: me.id, name: me.displayName } })(),
      [`POST /api/staff/requests/${ID}/referrals`]: answer({
        referrals: [{ id: 'ref_0000000000001', agency: 'police', note: '已陪同报警', outcome: 'pending', outcomeNote: null, createdAt: '2026-12-01T03:00:00.000Z', outcomeAt: null }],
      }),
      [`PATCH /api/staff/requests/${ID}/referrals/ref_0000000000001`]: answer({}),
      [`POST /api/staff/requests/${ID}/notes`]: answer({}),
      [`POST /api/staff/requests/${ID}/messages`]: answer({ messages: [{ id: 'evt_9', at: '2026-12-01T04:00:00.000Z', from: 'staff', author: '李敏', body: '你好，我是中心的李老师。' }] }),
    });
    render(<StaffRequestPage />);
    await screen.findByText('13800138000');

    await act(async () => {
      fireEvent.click(document.getElementById('flag-urgent')!);
    });
    expect(calls(request, 'PATCH', `/requests/${ID}`)[0].data).toEqual({ priority: ['urgent'] });

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '分派给我' }));
    });
    expect(calls(request, 'PATCH', `/requests/${ID}`)[1].data).toEqual({ assigneeId: me.id });
    expect(await screen.findByRole('button', { name: '取消分派' })).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: '转介到' }), { target: { value: 'police' } });
    fireEvent.change(document.getElementById('referral-note')!, { target: { value: '已陪同报警' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '记录转介' }));
    });
    expect(calls(request, 'POST', '/referrals')[0].data).toEqual({ agency: 'police', note: '已陪同报警' });
    expect(await screen.findByText('公安 · 待反馈')).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: '记录结果' }), { target: { value: 'accepted' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存结果' }));
    });
    expect(calls(request, 'PATCH', '/referrals/ref_0000000000001')[0].data).toEqual({ outcome: 'accepted' });

    fireEvent.change(document.getElementById('note-body')!, { target: { value: '邻居可作证' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '添加备注' }));
    });
    expect(calls(request, 'POST', '/notes')[0].data).toEqual({ note: '邻居可作证' });

    fireEvent.change(document.getElementById('message-body')!, { target: { value: '你好，我是中心的李老师。' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '发送给求助人' }));
    });
    expect(calls(request, 'POST', '/messages')[0].data).toEqual({ body: '你好，我是中心的李老师。' });
    expect(await screen.findByText('你好，我是中心的李老师。')).toBeTruthy();
    // Every action reloads the timeline.
    expect(calls(request, 'GET', '/timeline').length).toBeGreaterThanOrEqual(7);
  });

  it('transfers to another center with a reason, then returns to the inbox', async () => {
    const request = detailApi(detail(), {
      [`POST /api/staff/requests/${ID}/transfer`]: () => ({ statusCode: 200, data: detail({ center: { id: 'ctr_leizhou_00000001', name: '雷州市12338妇联维权服务中心' } }) }),
    });
    render(<StaffRequestPage />);
    await screen.findByText('13800138000');
    const select = await screen.findByRole('combobox', { name: '转交到' });
    await waitFor(() => expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['选择中心', '雷州市12338妇联维权服务中心']));
    fireEvent.change(select, { target: { value: 'ctr_leizhou_00000001' } });
    fireEvent.click(screen.getByRole('button', { name: '转交' }));
    expect(screen.getByText('请填写转交原因')).toBeTruthy();
    fireEvent.change(document.getElementById('transfer-reason')!, { target: { value: '她已搬到雷州' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '转交' }));
    });
    expect(calls(request, 'POST', '/transfer')[0].data).toEqual({ centerId: 'ctr_leizhou_00000001', reason: '她已搬到雷州' });
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/pages/inbox/index' });
  });

  it('an anonymous request says there is no contact and points to messages', async () => {
    detailApi(detail({ contact: null, contactAdvice: null, anonymous: true }));
    render(<StaffRequestPage />);
    expect(await screen.findByText(/匿名求助：没有留下联系方式/)).toBeTruthy();
  });
});

describe('staff registers a hotline or walk-in request', () => {
  beforeEach(staffSignedIn);

  it('needs the consent confirmation, then posts with the channel and an Idempotency-Key and opens the request', async () => {
    const request = mockApi({
      'GET /api/staff/me': { statusCode: 200, data: { staff: me } },
      'POST /api/staff/requests': { statusCode: 201, data: { id: ID, ref: 'ZJ-2026-000200', status: 'new', center: { id: me.centerId, name: '吴川市12338妇联维权服务中心' } } },
    });
    render(<RegisterRequestPage />);
    await waitFor(() => expect(screen.getByRole('button', { name: '来访' })).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: '来访' }));
    fireEvent.change(screen.getByRole('combobox', { name: '求助类别' }), { target: { value: 'marriage_family' } });
    fireEvent.change(screen.getByRole('combobox', { name: '所在区县' }), { target: { value: '吴川市' } });
    fireEvent.change(document.getElementById('rg-description')!, { target: { value: '来访反映丈夫长期不给生活费' } });
    fireEvent.click(screen.getByRole('button', { name: '重' }));
    fireEvent.click(screen.getByRole('button', { name: '留下了联系方式' }));
    fireEvent.change(document.getElementById('rg-phone')!, { target: { value: '13900139000' } });
    fireEvent.click(screen.getAllByRole('button', { name: '不可以' })[0]); // no calls

    const submit = screen.getByRole('button', { name: '登记' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.click(document.getElementById('rg-consent')!);
    expect(submit.disabled).toBe(false);
    await act(async () => {
      fireEvent.click(submit);
    });

    const [post] = calls(request, 'POST', '/api/staff/requests');
    expect(post.header?.['Idempotency-Key']).toMatch(/^reg-/);
    expect(post.data).toEqual({
      channel: 'walk_in',
      category: 'marriage_family',
      description: '来访反映丈夫长期不给生活费',
      persons: 1,
      district: '吴川市',
      priority: ['serious'],
      contact: { phone: '13900139000', safeToCall: false, allowMessage: false, maySayFederation: false },
      consent: { sensitive: true },
    });
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: `/staff/pages/requests/detail?id=${ID}` }));
  });
});
