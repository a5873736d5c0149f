import { act, fireEvent, render, screen, within } from '@testing-library/react';
import StaffArticleEditPage from '../src/staff/pages/articles/edit';
import StaffCourseEditPage from '../src/staff/pages/classes/edit';
import { toSessionInput, emptySession } from '../src/staff/pages/classes/drafts';
import StaffClassesPage from '../src/staff/pages/classes/index';
import StaffSessionPage from '../src/staff/pages/classes/session';
import StaffQuestionEditPage from '../src/staff/pages/quiz/edit';
import Taro, { setRouterParams } from './doubles/taro';
import { station } from './booking-fixtures';
import { staffCourse, staffEnrolment, staffSession } from './class-fixtures';
import { mockApi, type FakeResponse } from './helpers';

type Call = { url: string; method?: string; data?: any; header?: Record<string, string> };
const calls = (request: jest.Mock) => request.mock.calls.map(([o]) => o as Call);
const sent = (request: jest.Mock, method: string, url: string) => calls(request).filter((o) => o.method === method && o.url === url);

let tokenSeq = 0;
function signedIn(role: string, centerId: string | null = station.id) {
  window.localStorage.setItem('zjh_staff_token', JSON.stringify({ data: `classes-token-${++tokenSeq}` }));
  return { 'GET /api/staff/me': { statusCode: 200, data: { staff: { id: 'stf_li_000000000001', username: 'li', displayName: '李敏', role, centerId } } } as FakeResponse };
}

const change = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const session = staffSession();
const course = staffCourse();

describe('报名名单与签到', () => {
  const wang = staffEnrolment();
  const chen = staffEnrolment({ id: 'enr_chen_00000000001', name: '陈女士', phone: '13800000000', createdAt: '2026-11-30T11:00:00+08:00' });
  const waiting = staffEnrolment({ id: 'enr_wait_00000000001', name: null, status: 'waitlisted', position: 1 });

  function sessionApi(extra: Record<string, FakeResponse | ((o: any) => FakeResponse)> = {}) {
    setRouterParams({ id: session.id, course: course.id });
    return mockApi({
      ...signedIn('center_staff'),
      [`GET /api/staff/classes/sessions/${session.id}/enrollments`]: { statusCode: 200, data: { items: [waiting, chen, wang], nextCursor: null } },
      [`GET /api/staff/classes/${course.id}`]: { statusCode: 200, data: course },
      ...extra,
    }) as jest.Mock;
  }

  it('lists places first, then the waiting list, with counts', async () => {
    sessionApi();
    render(<StaffSessionPage />);
    expect(await screen.findByText('已报名 2 人 · 已签到 0 人 · 候补 1 人 · 名额 20')).toBeTruthy();
    const rows = Array.from(document.querySelectorAll('.lr-enrolment-row')).map((r) => r.textContent ?? '');
    expect(rows[0]).toContain('王女士');
    expect(rows[1]).toContain('陈女士');
    expect(rows[1]).toContain('13800000000');
    expect(rows[2]).toContain('未留称呼');
    expect(rows[2]).toContain('候补第 1 位');
    expect(screen.getAllByRole('button', { name: '签到' })).toHaveLength(3); // the code form + two places
  });

  it('checks her in by the code she shows (typed in lower case), and the row shows 已签到', async () => {
    const request = sessionApi({
      [`POST /api/staff/classes/sessions/${session.id}/check-ins`]: (o: Call) =>
        o.data.code === 'K7Q2MX'
          ? { statusCode: 200, data: { ...wang, status: 'attended', attendedAt: '2026-12-05T09:20:00+08:00' } }
          : { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: '签到码不正确' } } },
    });
    render(<StaffSessionPage />);
    await screen.findByText('王女士');
    change('她出示的 6 位签到码', 'k7q2');
    fireEvent.click(screen.getAllByRole('button', { name: '签到' })[0]);
    expect(screen.getByText('签到码为 6 位字母或数字')).toBeTruthy();
    expect(sent(request, 'POST', `/api/staff/classes/sessions/${session.id}/check-ins`)).toHaveLength(0);

    change('她出示的 6 位签到码', 'k7q2mx');
    await act(async () => {
      fireEvent.click(screen.getAllByRole('button', { name: '签到' })[0]);
    });
    expect(await screen.findByText('已签到：王女士（签到码 K7Q2MX）')).toBeTruthy();
    expect(sent(request, 'POST', `/api/staff/classes/sessions/${session.id}/check-ins`)[0].data).toEqual({ code: 'K7Q2MX' });
    const row = screen.getByText('王女士').closest('.lr-enrolment-row') as HTMLElement;
    expect(within(row).getByText('已签到')).toBeTruthy();
    expect(within(row).getByText(/12-05 09:20/)).toBeTruthy();
    expect(within(row).queryByRole('button', { name: '签到' })).toBeNull();
    expect(screen.getByText('已报名 2 人 · 已签到 1 人 · 候补 1 人 · 名额 20')).toBeTruthy();

    change('她出示的 6 位签到码', 'ZZZZZZ');
    await act(async () => {
      fireEvent.click(screen.getAllByRole('button', { name: '签到' })[0]);
    });
    expect(await screen.findByText('签到码不正确')).toBeTruthy();
  });

  it('checks someone in from the list, and shows the server’s reason when it is too early', async () => {
    let early = true;
    const request = sessionApi({
      [`POST /api/staff/classes/sessions/${session.id}/check-ins`]: (o: Call) =>
        early
          ? { statusCode: 409, data: { error: { code: 'CHECK_IN_NOT_OPEN', message: '开课前 1 小时起才能签到' } } }
          : { statusCode: 200, data: { ...chen, id: o.data.enrollmentId, status: 'attended', attendedAt: '2026-12-05T09:25:00+08:00' } },
    });
    render(<StaffSessionPage />);
    const row = (await screen.findByText('陈女士')).closest('.lr-enrolment-row') as HTMLElement;
    await act(async () => {
      fireEvent.click(within(row).getByRole('button', { name: '签到' }));
    });
    expect(await screen.findByText('开课前 1 小时起才能签到')).toBeTruthy();
    early = false;
    await act(async () => {
      fireEvent.click(within(row).getByRole('button', { name: '签到' }));
    });
    expect(await within(row).findByText('已签到')).toBeTruthy();
    expect(sent(request, 'POST', `/api/staff/classes/sessions/${session.id}/check-ins`).map((o) => o.data)).toEqual([{ enrollmentId: chen.id }, { enrollmentId: chen.id }]);
  });
});

describe('课程管理', () => {
  it('lists courses with their next session and publishes one from the list', async () => {
    const draft = staffCourse({ id: 'crs_draft_0000000001', title: '草稿课程', published: false, sessions: [] });
    const request = mockApi({
      ...signedIn('center_staff'),
      'GET /api/staff/classes': { statusCode: 200, data: { items: [course, draft], nextCursor: null } },
      [`PATCH /api/staff/classes/${draft.id}`]: { statusCode: 200, data: { ...draft, published: true } },
    });
    render(<StaffClassesPage />);
    const row = (await screen.findByText('草稿课程')).closest('.lr-course-row') as HTMLElement;
    expect(within(row).getByText('未发布')).toBeTruthy();
    expect(within(row).getByText('没有未结束的场次')).toBeTruthy();
    expect((screen.getByText(course.title).closest('.lr-course-row') as HTMLElement).textContent).toContain('已报名 20/20 · 候补 2');
    await act(async () => {
      fireEvent.click(within(row).getByRole('button', { name: '发布' }));
    });
    expect(await within(row).findByText('已发布')).toBeTruthy();
    expect(sent(request as jest.Mock, 'PATCH', `/api/staff/classes/${draft.id}`)[0].data).toEqual({ published: true });
    fireEvent.click(within(row).getByRole('button', { name: '编辑与场次' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/staff/pages/classes/edit?id=${draft.id}` });
  });

  it('the city admin creates a course for a center: the POST carries what she typed, the center and an Idempotency-Key', async () => {
    setRouterParams({});
    const request = mockApi({
      ...signedIn('admin', null),
      'GET /api/centers': { statusCode: 200, data: { items: [station], nextCursor: null } },
      'POST /api/staff/classes': (o: Call) => ({ statusCode: 201, data: staffCourse({ id: 'crs_new_000000000001', ...o.data, sessions: [] }) }),
    }) as jest.Mock;
    render(<StaffCourseEditPage />);
    await screen.findByRole('option', { name: station.name });
    fireEvent.click(screen.getByRole('button', { name: '创建课程' }));
    expect(screen.getByText('请填写课程名称（至少 2 个字）')).toBeTruthy();
    expect(screen.getByText('请选择类别')).toBeTruthy();

    change('类别', 'mental_health');
    change('开课中心', station.id);
    change('课程名称', ' 心理健康公开课 ');
    change('适合对象', '所有家长');
    change('课程介绍', '照顾好自己的情绪。');
    fireEvent.click(screen.getByRole('switch', { name: '创建后立即发布' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '创建课程' }));
    });
    const [post] = sent(request, 'POST', '/api/staff/classes');
    expect(post.data).toEqual({ category: 'mental_health', title: '心理健康公开课', description: '照顾好自己的情绪。', audience: '所有家长', published: true, centerId: station.id });
    expect(post.header?.['Idempotency-Key']).toMatch(/^course-/);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/pages/classes/edit?id=crs_new_000000000001' });
  });

  it('center staff do not choose a center: the server puts the course in theirs', async () => {
    setRouterParams({});
    const request = mockApi({
      ...signedIn('center_staff'),
      'POST /api/staff/classes': (o: Call) => ({ statusCode: 201, data: staffCourse({ id: 'crs_new_000000000002', ...o.data, sessions: [] }) }),
    }) as jest.Mock;
    render(<StaffCourseEditPage />);
    await screen.findByRole('button', { name: '创建课程' });
    expect(screen.queryByLabelText('开课中心')).toBeNull();
    change('类别', 'law');
    change('课程名称', '普法课堂');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '创建课程' }));
    });
    expect(sent(request, 'POST', '/api/staff/classes')[0].data).toEqual({ category: 'law', title: '普法课堂', description: '', audience: '', published: false });
  });

  it('adds an offline one-place session: times in Asia/Shanghai, capacity as a number, the venue and the deadline', async () => {
    setRouterParams({ id: course.id });
    const created = staffSession({ id: 'ses_new_000000000001', capacity: 1, enrolled: 0 });
    const request = mockApi({
      ...signedIn('educator'),
      [`GET /api/staff/classes/${course.id}`]: { statusCode: 200, data: course },
      [`POST /api/staff/classes/${course.id}/sessions`]: { statusCode: 201, data: { ...course, sessions: [...course.sessions, created] } },
    }) as jest.Mock;
    render(<StaffCourseEditPage />);
    fireEvent.click(await screen.findByRole('button', { name: '+ 新增场次' }));
    change('日期', '2026-12-12');
    change('开始时间', '09:30');
    change('结束时间', '09:00');
    change('名额', '1');
    fireEvent.click(screen.getByRole('switch', { name: '线上直播' }));
    fireEvent.click(screen.getByRole('button', { name: '添加场次' }));
    expect(screen.getByText('结束时间须晚于开始时间')).toBeTruthy();
    expect(screen.getByText('线下课程须填写上课地点')).toBeTruthy();

    change('结束时间', '11:30');
    change('上课地点', '湛家馨工作室');
    change('报名截止日期（可不填）', '2026-12-11');
    change('报名截止时间', '18:00');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '添加场次' }));
    });
    const [post] = sent(request, 'POST', `/api/staff/classes/${course.id}/sessions`);
    expect(post.data).toEqual({
      start: '2026-12-12T09:30:00+08:00',
      end: '2026-12-12T11:30:00+08:00',
      online: false,
      capacity: 1,
      venue: '湛家馨工作室',
      enrolmentDeadline: '2026-12-11T18:00:00+08:00',
    });
    expect(post.header?.['Idempotency-Key']).toMatch(/^ses-/);
    expect(await screen.findAllByText('0 / 1')).toHaveLength(1);
    fireEvent.click(screen.getAllByRole('button', { name: '名单与签到' })[0]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/staff/pages/classes/session?id=${session.id}&course=${course.id}` });
  });

  it('editing a session sends the live and replay links, and clears an emptied one', async () => {
    setRouterParams({ id: course.id });
    const online = staffSession({ id: 'ses_online_000000001', online: true, venue: null, capacity: 200, enrolled: 3, liveUrl: 'https://live.example.com/1', replayUrl: null });
    const withOnline = { ...course, sessions: [online] };
    const request = mockApi({
      ...signedIn('admin', null),
      'GET /api/centers': { statusCode: 200, data: { items: [], nextCursor: null } },
      [`GET /api/staff/classes/${course.id}`]: { statusCode: 200, data: withOnline },
      [`PATCH /api/staff/classes/sessions/${online.id}`]: { statusCode: 200, data: withOnline },
    }) as jest.Mock;
    render(<StaffCourseEditPage />);
    fireEvent.click(await screen.findByRole('button', { name: '修改' }));
    expect((screen.getByLabelText('直播链接（可不填）') as HTMLInputElement).value).toBe('https://live.example.com/1');
    change('直播链接（可不填）', '');
    change('回放链接（可不填）', 'https://replay.example.com/1');
    change('名额', '250');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存场次' }));
    });
    const data = sent(request, 'PATCH', `/api/staff/classes/sessions/${online.id}`)[0].data;
    expect(data).toMatchObject({ capacity: 250, liveUrl: null, replayUrl: 'https://replay.example.com/1' });
    expect(data).not.toHaveProperty('online');
    expect(data).not.toHaveProperty('venue');
  });

  it('session drafts are checked before anything is sent', () => {
    const d = { ...emptySession(), date: '2026-12-12', capacity: '0', liveUrl: 'ftp://x', deadlineDate: '2026-12-13', deadlineTime: '08:00' };
    expect(toSessionInput(d).errors).toEqual({
      capacity: '名额须为 1–5000 的整数',
      liveUrl: '链接须以 http:// 或 https:// 开头',
      enrolmentDeadline: '报名截止时间不能晚于开课时间',
    });
  });
});

describe('文章与题库', () => {
  it('saving an article shows the sanitised body the server kept, and says what was removed', async () => {
    setRouterParams({});
    const request = mockApi({
      ...signedIn('center_staff'),
      'POST /api/staff/articles': (o: Call) => ({
        statusCode: 201,
        data: {
          id: 'art_new_000000000001', ...o.data, categoryLabel: '普法', body: '<p>正文</p>', coverUrl: null, views: 0, sample: false, publishedAt: null,
          centerId: station.id, createdAt: '2026-12-01T10:00:00+08:00', updatedAt: '2026-12-01T10:00:00+08:00',
        },
      }),
    }) as jest.Mock;
    render(<StaffArticleEditPage />);
    await screen.findByRole('button', { name: '保存' });
    change('标题', '新文章');
    change('正文（HTML）', '<p onclick="x()">正文</p><script>alert(1)</script>');
    change('封面图片地址（可不填）', 'http://insecure.example.com/a.png');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(screen.getByText('图片地址须以 https:// 或 /uploads/ 开头')).toBeTruthy();
    change('封面图片地址（可不填）', '');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存' }));
    });
    expect(sent(request, 'POST', '/api/staff/articles')[0].data).toEqual({
      category: 'law', title: '新文章', summary: '', body: '<p onclick="x()">正文</p><script>alert(1)</script>', coverUrl: null, published: false,
    });
    expect(await screen.findByText(/已在保存时去除/)).toBeTruthy();
    const preview = document.querySelector('.lr-preview') as HTMLElement;
    expect(preview.innerHTML).toBe('<p class="rt-p">正文</p>');
    expect((screen.getByLabelText('正文（HTML）') as HTMLTextAreaElement).value).toBe('<p>正文</p>');
  });

  it('a multiple-choice question needs two right answers; empty options are dropped and answers renumbered', async () => {
    setRouterParams({});
    const request = mockApi({
      ...signedIn('admin', null),
      'POST /api/staff/quiz/questions': (o: Call) => ({ statusCode: 201, data: { id: 'qq_new_0000000000001', ...o.data, sample: false, updatedAt: '2026-12-01T10:00:00+08:00' } }),
    }) as jest.Mock;
    render(<StaffQuestionEditPage />);
    await screen.findByRole('button', { name: '保存题目' });
    change('题型', 'multiple');
    change('题目', '哪些属于家庭暴力？');
    change('选项 A', '殴打');
    change('选项 C', '经常性谩骂、恐吓');
    change('选项 D', '正常的意见分歧');
    const rowOf = (label: string) => screen.getByLabelText(label).closest('.lr-option-row') as HTMLElement;
    fireEvent.click(within(rowOf('选项 A')).getByRole('button', { name: '设为正确答案' }));
    change('解析', '殴打和经常性谩骂恐吓都是家庭暴力。');
    change('引用的法条（可不填）', '《反家庭暴力法》第二条');
    fireEvent.click(screen.getByRole('button', { name: '保存题目' }));
    expect(screen.getByText('多选题至少两个正确答案')).toBeTruthy();
    fireEvent.click(within(rowOf('选项 C')).getByRole('button', { name: '设为正确答案' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存题目' }));
    });
    expect(sent(request, 'POST', '/api/staff/quiz/questions')[0].data).toEqual({
      kind: 'multiple',
      stem: '哪些属于家庭暴力？',
      options: ['殴打', '经常性谩骂、恐吓', '正常的意见分歧'],
      correct: [0, 1],
      explanation: '殴打和经常性谩骂恐吓都是家庭暴力。',
      lawRef: '《反家庭暴力法》第二条',
      published: false,
    });
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/pages/quiz/edit?id=qq_new_0000000000001' });
  });
});
