import { act, fireEvent, render, screen } from '@testing-library/react';
import type { MyRequest } from '@zjh/shared';
import MyRequestsPage from '../src/pages/my-requests/index';
import Taro, { setRouterParams } from './doubles/taro';
import { mockApi } from './helpers';

type Option = { url: string; method?: string; data?: any };

function mine(overrides: Partial<MyRequest> = {}): MyRequest {
  return {
    id: 'req_0000000000000001',
    ref: 'ZJ-2026-000123',
    status: 'accepted',
    category: 'domestic_violence',
    description: '他昨晚又动手了。',
    persons: 2,
    createdAt: '2026-12-01T01:30:00.000Z',
    updatedAt: '2026-12-01T02:00:00.000Z',
    center: { id: 'ctr_wuchuan_00000001', name: '吴川市12338妇联维权服务中心', phone: '0759-5000001' },
    anonymous: true,
    messages: [{ id: 'evt_1', at: '2026-12-01T02:00:00.000Z', from: 'staff', body: '你好，我们已收到，明天上午可以来中心面谈。' }],
    events: [
      { at: '2026-12-01T01:30:00.000Z', type: 'created' },
      { at: '2026-12-01T01:50:00.000Z', type: 'status', to: 'accepted' },
      { at: '2026-12-01T02:00:00.000Z', type: 'message_to_client' },
    ],
    canRate: false,
    rating: null,
    ...overrides,
  };
}

function signedIn() {
  window.localStorage.setItem('zjh_token', JSON.stringify({ data: 'her-token' }));
}

const posted = (request: jest.Mock, suffix: string) =>
  request.mock.calls.map(([o]) => o as Option).filter((o) => o.method === 'POST' && o.url.endsWith(suffix));

describe('我的求助 list', () => {
  it('lists her requests with status in Chinese and opens one', async () => {
    signedIn();
    mockApi({
      'GET /api/requests/mine': {
        statusCode: 200,
        data: { items: [mine(), mine({ id: 'req_0000000000000002', ref: 'ZJ-2026-000124', status: 'new', messages: [], category: 'legal' })], nextCursor: null },
      },
    });
    render(<MyRequestsPage />);
    expect(await screen.findByText('ZJ-2026-000123')).toBeTruthy();
    expect(screen.getByText('已受理')).toBeTruthy();
    expect(screen.getByText('待受理')).toBeTruthy();
    expect(screen.getByText('法律咨询')).toBeTruthy();
    expect(screen.getByText('有工作人员的消息')).toBeTruthy();
    fireEvent.click(screen.getByText('ZJ-2026-000124'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/my-requests/index?id=req_0000000000000002' });
  });

  it('in a browser with no session it shows the empty state without creating an account', async () => {
    render(<MyRequestsPage />);
    expect(await screen.findByText('还没有求助记录')).toBeTruthy();
    expect(Taro.request).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '我要求助' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/help/index' });
  });
});

describe('我的求助 detail', () => {
  beforeEach(() => {
    signedIn();
    setRouterParams({ id: 'req_0000000000000001' });
  });

  it('shows status, the center, the staff’s message and the client-visible timeline; her reply is sent and shown', async () => {
    const request = mockApi({
      'GET /api/requests/req_0000000000000001': { statusCode: 200, data: mine() },
      'POST /api/requests/req_0000000000000001/messages': (o) => ({
        statusCode: 201,
        data: mine({ messages: [...mine().messages, { id: 'evt_2', at: '2026-12-01T03:00:00.000Z', from: 'me', body: (o.data as { body: string }).body }] }),
      }),
    });
    render(<MyRequestsPage />);
    expect(await screen.findByText('你好，我们已收到，明天上午可以来中心面谈。')).toBeTruthy();
    expect(screen.getByText('已受理')).toBeTruthy();
    expect(screen.getByText('吴川市12338妇联维权服务中心')).toBeTruthy();
    expect(screen.getByText('已提交')).toBeTruthy();
    expect(screen.getByText('状态更新为“已受理”')).toBeTruthy();
    expect(screen.getByText('工作人员给你发了消息')).toBeTruthy();
    expect(screen.getByText('提交于 2026-12-01 09:30 · 涉及 2 人')).toBeTruthy(); // Asia/Shanghai

    fireEvent.change(document.getElementById('reply')!, { target: { value: '好的，我上午十点过去。' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '发送' }));
    });
    expect(posted(request, '/messages')[0].data).toEqual({ body: '好的，我上午十点过去。' });
    expect(await screen.findByText('好的，我上午十点过去。')).toBeTruthy();
    expect((document.getElementById('reply') as HTMLTextAreaElement).value).toBe('');
  });

  it('once resolved she can rate the help 1–5 with a comment, once', async () => {
    const resolved = mine({ status: 'resolved', canRate: true });
    const request = mockApi({
      'GET /api/requests/req_0000000000000001': { statusCode: 200, data: resolved },
      'POST /api/requests/req_0000000000000001/rating': (o) => ({
        statusCode: 201,
        data: mine({ status: 'resolved', canRate: false, rating: { score: (o.data as { score: number }).score, comment: '谢谢你们' } }),
      }),
    });
    render(<MyRequestsPage />);
    expect(await screen.findByText('这次帮助对你有用吗？')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    expect(screen.getByText('请选择 1 到 5 颗星')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /4 星/ }));
    fireEvent.change(document.getElementById('rating-comment')!, { target: { value: '谢谢你们' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    });
    expect(posted(request, '/rating')[0].data).toEqual({ score: 4, comment: '谢谢你们' });
    expect(await screen.findByText('你的评价')).toBeTruthy();
    expect(screen.getByText('★★★★☆')).toBeTruthy();
    expect(screen.queryByText('这次帮助对你有用吗？')).toBeNull();
  });

  it('offers no rating before it is resolved, and no reply box once closed', async () => {
    mockApi({ 'GET /api/requests/req_0000000000000001': { statusCode: 200, data: mine({ status: 'closed' }) } });
    render(<MyRequestsPage />);
    expect(await screen.findByText(/这条求助已结案/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '发送' })).toBeNull();
    expect(screen.queryByText('这次帮助对你有用吗？')).toBeNull();
  });

  it('says so plainly when the request is not hers (404)', async () => {
    mockApi({});
    render(<MyRequestsPage />);
    expect(await screen.findByText('找不到该记录')).toBeTruthy();
  });
});
