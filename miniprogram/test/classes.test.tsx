import { act, fireEvent, render, screen, within } from '@testing-library/react';
import ClassDetailPage from '../src/pages/classes/detail';
import ClassesPage from '../src/pages/classes/index';
import { WAITLIST_EXPLANATION } from '../src/pages/classes/enrol-panel';
import Index from '../src/pages/index/index';
import { formatRange } from '../src/services/shanghai-time';
import { resetTemplateIds } from '../src/services/subscribe';
import Taro, { setRouterParams } from './doubles/taro';
import { course, device, fullWorkshop, onlineSession, session } from './class-fixtures';
import { mockApi, type FakeResponse } from './helpers';

type Call = { url: string; method?: string; data?: any; header?: Record<string, string> };
const calls = (request: jest.Mock) => request.mock.calls.map(([o]) => o as Call);
const pathOf = (url: string) => new URL(url, 'http://localhost').pathname;
const posted = (request: jest.Mock, path: string) => calls(request).filter((o) => o.method === 'POST' && pathOf(o.url).startsWith(path));
const C = course();

function classesApi(extra: Record<string, FakeResponse | ((o: any) => FakeResponse)> = {}) {
  return mockApi({
    'POST /api/auth/device': device,
    'GET /api/classes': { statusCode: 200, data: { items: [C], nextCursor: null } },
    [`GET /api/classes/${C.id}`]: { statusCode: 200, data: C },
    'GET /api/client-config': { statusCode: 200, data: { quickExitUrl: '/neutral.html', wechatMode: 'development' } },
    ...extra,
  }) as jest.Mock;
}

const sessionBox = (text: string | RegExp) => screen.getByText(text).closest('.cl-session') as HTMLElement;

beforeEach(() => resetTemplateIds());

describe('家长学堂 on the home page', () => {
  it('家长学堂 and 普法 open their pages', () => {
    render(<Index />);
    fireEvent.click(screen.getByRole('button', { name: /^家长学堂/ }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/classes/index' });
    fireEvent.click(screen.getByRole('button', { name: /^普法/ }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/law/index' });
  });
});

describe('class list', () => {
  it('shows each session with its Asia/Shanghai time, online or the venue, and places left or the waiting count', async () => {
    const request = classesApi();
    render(<ClassesPage />);
    expect(await screen.findByText(C.title)).toBeTruthy();
    const online = sessionBox(formatRange(onlineSession.start, onlineSession.end));
    expect(online.textContent).toContain('19:30–21:00');
    expect(online.textContent).toContain('线上直播');
    expect(online.textContent).toContain('余 37 个名额');
    const workshop = sessionBox(formatRange(fullWorkshop.start, fullWorkshop.end));
    expect(workshop.textContent).toContain('线下 · 湛家馨家庭教育指导工作室');
    expect(workshop.textContent).toContain('已满 · 候补 2 人');
    // Browsing is public: no account is created just to look.
    expect(calls(request).some((o) => o.url.includes('/api/auth/'))).toBe(false);
    expect(calls(request)[0].url).toBe('/api/classes?category=family_education');
  });

  it('the category tabs ask for 心理健康 and 普法 courses', async () => {
    const request = classesApi();
    render(<ClassesPage />);
    await screen.findByText(C.title);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '心理健康' }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '普法' }));
    });
    expect(calls(request).map((o) => o.url)).toEqual(['/api/classes?category=family_education', '/api/classes?category=mental_health', '/api/classes?category=law']);
  });

  it('with a session of hers, her status shows on the card and the token goes along', async () => {
    window.localStorage.setItem('zjh_token', JSON.stringify({ data: 'her-token' }));
    const mine = course({ sessions: [session({ myStatus: 'waitlisted', myPosition: 3 })] });
    const request = classesApi({ 'GET /api/classes': { statusCode: 200, data: { items: [mine], nextCursor: null } } });
    render(<ClassesPage />);
    expect(await screen.findByText('候补第 3 位')).toBeTruthy();
    expect(calls(request)[0].header?.Authorization).toBe('Bearer her-token');
  });

  it('a tap on a course opens its detail page', async () => {
    classesApi();
    render(<ClassesPage />);
    fireEvent.click(await screen.findByText(C.title));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/classes/detail?id=${C.id}` });
  });
});

describe('class detail and enrolment', () => {
  beforeEach(() => setRouterParams({ id: C.id }));

  it('enrolling where places are left confirms first, then shows 已报名; the POST carries an Idempotency-Key', async () => {
    const request = classesApi({
      [`POST /api/classes/sessions/${onlineSession.id}/enrollments`]: { statusCode: 201, data: { id: 'enr_new_000000000001', status: 'enrolled' } },
    });
    render(<ClassDetailPage />);
    const box = await screen.findByText(formatRange(onlineSession.start, onlineSession.end)).then((el) => el.closest('.cl-session') as HTMLElement);
    fireEvent.click(within(box).getByRole('button', { name: '报名' }));
    expect(within(box).getByText('确认报名这一场？')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(box).getByRole('button', { name: '确认报名' }));
    });
    expect(await within(box).findByText('报名成功 · 已报名')).toBeTruthy();
    const [post] = posted(request, `/api/classes/sessions/${onlineSession.id}/enrollments`);
    expect(post.data).toEqual({ notify: false });
    expect(post.header?.['Idempotency-Key']).toMatch(/^cl-/);
    fireEvent.click(within(box).getByRole('button', { name: '查看我的课程' }));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/classes/mine' });
  });

  it('a full session explains the waiting list, sends her 称呼 for an offline class, and shows 候补第 N 位', async () => {
    const request = classesApi({
      [`POST /api/classes/sessions/${fullWorkshop.id}/enrollments`]: { statusCode: 201, data: { id: 'enr_wait_00000000001', status: 'waitlisted', position: 3 } },
    });
    render(<ClassDetailPage />);
    const box = await screen.findByText(formatRange(fullWorkshop.start, fullWorkshop.end)).then((el) => el.closest('.cl-session') as HTMLElement);
    fireEvent.click(within(box).getByRole('button', { name: '候补报名' }));
    expect(within(box).getByText(WAITLIST_EXPLANATION)).toBeTruthy();
    fireEvent.change(within(box).getByPlaceholderText('可不填'), { target: { value: ' 王女士 ' } });
    await act(async () => {
      fireEvent.click(within(box).getByRole('button', { name: '确认候补' }));
    });
    expect(await within(box).findByText('已进入候补 · 候补第 3 位')).toBeTruthy();
    expect(posted(request, `/api/classes/sessions/${fullWorkshop.id}/enrollments`)[0].data).toEqual({ notify: false, name: '王女士' });
  });

  it('a 409 shows the server’s message; “already enrolled” offers 我的课程, and a retry reuses the same key', async () => {
    const request = classesApi({
      [`POST /api/classes/sessions/${onlineSession.id}/enrollments`]: { statusCode: 409, data: { error: { code: 'ALREADY_ENROLLED', message: '你已报名该场次' } } },
    });
    render(<ClassDetailPage />);
    const box = await screen.findByText(formatRange(onlineSession.start, onlineSession.end)).then((el) => el.closest('.cl-session') as HTMLElement);
    fireEvent.click(within(box).getByRole('button', { name: '报名' }));
    await act(async () => {
      fireEvent.click(within(box).getByRole('button', { name: '确认报名' }));
    });
    expect(await within(box).findByText('你已报名该场次')).toBeTruthy();
    expect(within(box).getByRole('button', { name: '查看我的课程' })).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(box).getByRole('button', { name: '确认报名' }));
    });
    const keys = posted(request, '/api/classes/sessions/').map((o) => o.header?.['Idempotency-Key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('when enrolment closed meanwhile, the message shows and the course is reloaded', async () => {
    const request = classesApi({
      [`POST /api/classes/sessions/${onlineSession.id}/enrollments`]: { statusCode: 409, data: { error: { code: 'ENROLMENT_CLOSED', message: '报名已截止' } } },
    });
    render(<ClassDetailPage />);
    const box = await screen.findByText(formatRange(onlineSession.start, onlineSession.end)).then((el) => el.closest('.cl-session') as HTMLElement);
    fireEvent.click(within(box).getByRole('button', { name: '报名' }));
    await act(async () => {
      fireEvent.click(within(box).getByRole('button', { name: '确认报名' }));
    });
    expect(await screen.findByText('报名已截止')).toBeTruthy();
    expect(calls(request).filter((o) => o.url === `/api/classes/${C.id}`)).toHaveLength(2);
  });

  it('the live link appears only when the server gives it; without it she is told when it will show', async () => {
    window.localStorage.setItem('zjh_token', JSON.stringify({ data: 'her-token' }));
    const open = jest.spyOn(window, 'open').mockImplementation(() => null);
    const enrolledNoLink = session({ myStatus: 'enrolled' });
    const enrolledLive = session({ id: 'ses_live_00000000001', myStatus: 'enrolled', liveUrl: 'https://live.example.com/room/1' });
    classesApi({ [`GET /api/classes/${C.id}`]: { statusCode: 200, data: course({ sessions: [enrolledNoLink, enrolledLive] }) } });
    render(<ClassDetailPage />);
    await screen.findByText(C.title);
    const buttons = await screen.findAllByRole('button', { name: '进入直播' });
    expect(buttons).toHaveLength(1);
    expect(screen.getByText('直播链接在开课前 30 分钟显示。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^报名$/ })).toBeNull();
    fireEvent.click(buttons[0]);
    expect(open).toHaveBeenCalledWith('https://live.example.com/room/1', '_blank', 'noopener,noreferrer');
    open.mockRestore();
  });

  it('in WeChat the confirm tap asks for subscribe permission when template ids are configured, and enrols with notify', async () => {
    process.env.TARO_ENV = 'weapp';
    const request = classesApi({
      'POST /api/auth/wechat': device,
      'GET /api/client-config': { statusCode: 200, data: { quickExitUrl: '/neutral.html', wechatMode: 'live', subscribeTemplateIds: { class_reminder: 'TPL_CLASS', waitlist_promoted: 'TPL_PROMOTED' } } },
      [`POST /api/classes/sessions/${onlineSession.id}/enrollments`]: { statusCode: 201, data: { id: 'enr_new_000000000001', status: 'enrolled' } },
    });
    Taro.requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', TPL_CLASS: 'accept', TPL_PROMOTED: 'accept' });
    render(<ClassDetailPage />);
    const box = await screen.findByText(formatRange(onlineSession.start, onlineSession.end)).then((el) => el.closest('.cl-session') as HTMLElement);
    await act(async () => {
      await Promise.resolve();
    });
    fireEvent.click(within(box).getByRole('button', { name: '报名' }));
    await act(async () => {
      fireEvent.click(within(box).getByRole('button', { name: '确认报名' }));
    });
    await within(box).findByText('报名成功 · 已报名');
    expect(Taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['TPL_CLASS', 'TPL_PROMOTED'] }));
    expect(posted(request, '/api/classes/sessions/')[0].data.notify).toBe(true);
  });

  it('in WeChat without configured template ids nothing is asked and she enrols without reminders', async () => {
    process.env.TARO_ENV = 'weapp';
    const request = classesApi({
      'POST /api/auth/wechat': device,
      [`POST /api/classes/sessions/${onlineSession.id}/enrollments`]: { statusCode: 201, data: { id: 'enr_new_000000000001', status: 'enrolled' } },
    });
    render(<ClassDetailPage />);
    const box = await screen.findByText(formatRange(onlineSession.start, onlineSession.end)).then((el) => el.closest('.cl-session') as HTMLElement);
    fireEvent.click(within(box).getByRole('button', { name: '报名' }));
    await act(async () => {
      fireEvent.click(within(box).getByRole('button', { name: '确认报名' }));
    });
    await within(box).findByText('报名成功 · 已报名');
    expect(Taro.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(posted(request, '/api/classes/sessions/')[0].data.notify).toBe(false);
  });
});
