import { act, fireEvent, render, screen, within } from '@testing-library/react';
import MyClassesPage from '../src/pages/classes/mine';
import Taro from './doubles/taro';
import { device, enrolment, fullWorkshop, session } from './class-fixtures';
import { mockApi, type FakeResponse } from './helpers';

type Call = { url: string; method?: string; data?: any };
const calls = (request: jest.Mock) => request.mock.calls.map(([o]) => o as Call);

const enrolled = enrolment();
const waiting = enrolment({
  id: 'enr_wait_00000000001',
  status: 'waitlisted',
  position: 2,
  checkInCode: 'ZZZZZZ',
  course: { id: 'crs_parent_000000001', title: '线上家长学堂：和青春期孩子好好说话', category: 'family_education' },
  session: session({ myStatus: 'waitlisted', myPosition: 2 }),
});
const cancelled = enrolment({ id: 'enr_gone_00000000001', status: 'cancelled', checkInCode: null, canCancel: false, course: { id: 'crs_law_000000000001', title: '普法课堂', category: 'law' } });

function mineApi(sequence: unknown[][], extra: Record<string, FakeResponse | ((o: any) => FakeResponse)> = {}) {
  let n = 0;
  return mockApi({
    'POST /api/auth/device': device,
    'GET /api/classes/enrollments/mine': () => ({ statusCode: 200, data: { items: sequence[Math.min(n++, sequence.length - 1)], nextCursor: null } }),
    ...extra,
  }) as jest.Mock;
}

const card = (title: string) => screen.getByText(title).closest('.cl-enrolment') as HTMLElement;

describe('我的课程', () => {
  it('shows her place with the check-in code in big letters, her waiting-list position, and cancelled ones apart', async () => {
    mineApi([[cancelled, waiting, enrolled]]);
    render(<MyClassesPage />);
    expect(await screen.findByText('即将开始')).toBeTruthy();
    const titles = Array.from(document.querySelectorAll('.cl-enrolment .cl-course__title')).map((e) => e.textContent);
    // Coming first by start time (the online class is on Tuesday, the workshop on Saturday), then history.
    expect(titles.at(-1)).toBe('普法课堂');
    const workshop = card('湛家馨亲子沟通工作坊');
    expect(within(workshop).getByText('已报名')).toBeTruthy();
    expect(within(workshop).getByText('签到码')).toBeTruthy();
    expect(within(workshop).getByText('K7Q2MX').className).toContain('cl-code__value');
    expect(within(workshop).getByText('线下 · 湛家馨家庭教育指导工作室')).toBeTruthy();
    const online = card('线上家长学堂：和青春期孩子好好说话');
    expect(within(online).getByText('候补第 2 位')).toBeTruthy();
    // Nothing to show at the door while she is only waiting.
    expect(within(online).queryByText('签到码')).toBeNull();
    expect(within(online).getByRole('button', { name: '退出候补' })).toBeTruthy();
    expect(within(card('普法课堂')).queryByRole('button')).toBeNull();
  });

  it('cancelling asks first, then gives the place back and the list shows it as 已取消', async () => {
    const after = { ...enrolled, status: 'cancelled' as const, canCancel: false };
    const request = mineApi([[enrolled], [after]], {
      [`DELETE /api/classes/sessions/${fullWorkshop.id}/enrollments/mine`]: { statusCode: 200, data: { id: enrolled.id, status: 'cancelled' } },
    });
    render(<MyClassesPage />);
    fireEvent.click(await screen.findByRole('button', { name: '取消报名' }));
    expect(screen.getByText('确定取消报名吗？')).toBeTruthy();
    expect(screen.getByText('取消后名额会让给候补的人。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '不取消' }));
    expect(calls(request).some((o) => o.method === 'DELETE')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: '取消报名' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确定取消' }));
    });
    expect(await screen.findByText('已结束或已取消')).toBeTruthy();
    expect(within(card('湛家馨亲子沟通工作坊')).getByText('已取消')).toBeTruthy();
    expect(screen.queryByText('K7Q2MX')).toBeNull();
    expect(calls(request)).toContainEqual(expect.objectContaining({ url: `/api/classes/sessions/${fullWorkshop.id}/enrollments/mine`, method: 'DELETE' }));
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已取消报名' }));
  });

  it('leaving the waiting list says what it means and uses the same call', async () => {
    const request = mineApi([[waiting], []], {
      [`DELETE /api/classes/sessions/${waiting.session.id}/enrollments/mine`]: { statusCode: 200, data: { id: waiting.id, status: 'cancelled' } },
    });
    render(<MyClassesPage />);
    fireEvent.click(await screen.findByRole('button', { name: '退出候补' }));
    expect(screen.getByText('确定退出候补吗？')).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确定退出' }));
    });
    expect(await screen.findByText('你还没有报名课程。')).toBeTruthy();
    expect(calls(request).filter((o) => o.method === 'DELETE')).toHaveLength(1);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已退出候补' }));
  });

  it('a refused cancel (the class has started) shows the server’s reason on the card', async () => {
    mineApi([[enrolled]], {
      [`DELETE /api/classes/sessions/${fullWorkshop.id}/enrollments/mine`]: { statusCode: 409, data: { error: { code: 'SESSION_STARTED', message: '课程已开始，不能取消' } } },
    });
    render(<MyClassesPage />);
    fireEvent.click(await screen.findByRole('button', { name: '取消报名' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '确定取消' }));
    });
    expect(await within(card('湛家馨亲子沟通工作坊')).findByText('课程已开始，不能取消')).toBeTruthy();
  });

  it('without enrolments it says so and leads to the class list', async () => {
    mineApi([[]]);
    render(<MyClassesPage />);
    expect(await screen.findByText('你还没有报名课程。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '浏览课程' }));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/classes/index' });
  });
});
