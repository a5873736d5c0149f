import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import StaffInboxPage from '../src/staff/pages/inbox/index';
import StaffLoginPage from '../src/staff/pages/login/index';
import Taro from './doubles/taro';
import { mockApi, storageWrites } from './helpers';

const staff = { id: 'stf_0000000000001', username: 'chikan01', displayName: '李敏', role: 'center_staff', centerId: 'ctr_chikan_000000001' };

function fillAndSubmit(username: string, password: string) {
  fireEvent.change(screen.getByPlaceholderText('请输入用户名'), { target: { value: username } });
  fireEvent.change(screen.getByPlaceholderText('请输入密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
}

describe('staff login', () => {
  it('shows 用户名或密码错误 on 401 and stores nothing', async () => {
    mockApi({
      'POST /api/auth/staff': { statusCode: 401, data: { error: { code: 'INVALID_CREDENTIALS', message: 'invalid credentials' } } },
    });
    render(<StaffLoginPage />);
    fillAndSubmit('chikan01', 'wrong-password');

    expect(await screen.findByText('用户名或密码错误')).toBeTruthy();
    expect(storageWrites()).toEqual([]);
    expect(Taro.redirectTo).not.toHaveBeenCalled();
  });

  it('stores the staff token under its own key on 200 and opens the inbox', async () => {
    const request = mockApi({
      'POST /api/auth/staff': { statusCode: 200, data: { token: 'staff-token-1', expiresAt: '2026-12-02T21:00:00+08:00', staff } },
    });
    render(<StaffLoginPage />);
    fillAndSubmit('  chikan01 ', 'correct-horse-battery');

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/pages/inbox/index' }));
    expect(request).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/api/auth/staff', method: 'POST', data: { username: 'chikan01', password: 'correct-horse-battery' } }),
    );
    expect(storageWrites()).toEqual(['zjh_staff_token']);
    expect(JSON.parse(window.localStorage.getItem('zjh_staff_token') ?? '{}').data).toBe('staff-token-1');
    expect(window.localStorage.getItem('zjh_token')).toBeNull();
  });

  it('shows the server’s message when the account is locked (429)', async () => {
    mockApi({
      'POST /api/auth/staff': { statusCode: 429, data: { error: { code: 'TOO_MANY_ATTEMPTS', message: '尝试次数过多，账号已锁定 15 分钟' } } },
    });
    render(<StaffLoginPage />);
    fillAndSubmit('chikan01', 'whatever-password');
    expect(await screen.findByText('尝试次数过多，账号已锁定 15 分钟')).toBeTruthy();
  });

  it('asks for both fields before calling the server', () => {
    render(<StaffLoginPage />);
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(screen.getByText('请输入用户名和密码')).toBeTruthy();
    expect(Taro.request).not.toHaveBeenCalled();
  });

  it('shows a readable message when the network is down', async () => {
    render(<StaffLoginPage />); // the double's request fails like a dropped connection
    fillAndSubmit('chikan01', 'some-password');
    expect(await screen.findByText('网络连接失败，请检查网络后重试')).toBeTruthy();
  });
});

describe('staff inbox', () => {
  it('without a staff token redirects to the login page', () => {
    window.localStorage.setItem('zjh_token', JSON.stringify({ data: 'the-womans-token' }));
    render(<StaffInboxPage />);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/pages/login/index' });
    expect(Taro.request).not.toHaveBeenCalled();
  });

  it('shows who is signed in, the empty state, and signs out', async () => {
    window.localStorage.setItem('zjh_staff_token', JSON.stringify({ data: 'staff-token-2' }));
    const request = mockApi({
      'GET /api/staff/me': { statusCode: 200, data: { staff: { ...staff, displayName: '陈老师', role: 'counselor' } } },
      'GET /api/staff/requests': { statusCode: 200, data: { items: [], nextCursor: null, counts: { total: 0, new: 0, open: 0, overdue: 0, urgent: 0 } } },
      'DELETE /api/auth/session': { statusCode: 204, data: null },
    });
    render(<StaffInboxPage />);

    expect(screen.getAllByText('求助收件箱').length).toBeGreaterThan(0);
    expect(await screen.findByText('陈老师')).toBeTruthy();
    expect(await screen.findByText('暂无求助')).toBeTruthy();
    expect(screen.getByText('心理咨询师')).toBeTruthy();
    expect(request).toHaveBeenCalledWith(expect.objectContaining({ header: expect.objectContaining({ Authorization: 'Bearer staff-token-2' }) }));

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    });
    expect(request).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/api/auth/session', method: 'DELETE' }));
    expect(window.localStorage.getItem('zjh_staff_token')).toBeNull();
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/pages/login/index' });
  });

  it('goes back to the login page when the session has expired', async () => {
    window.localStorage.setItem('zjh_staff_token', JSON.stringify({ data: 'expired' }));
    mockApi({ 'GET /api/staff/me': { statusCode: 401, data: { error: { code: 'UNAUTHENTICATED', message: '请先登录' } } } });
    render(<StaffInboxPage />);
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/pages/login/index' }));
    expect(window.localStorage.getItem('zjh_staff_token')).toBeNull();
  });
});

describe('staff menu', () => {
  it.each([
    ['counselor', ['求助', '预约日历', '值班设置', '调解案件'], ['登记求助', '保护令', '统计', '文章管理', '审计日志', '账号管理']],
    ['center_staff', ['求助', '登记求助', '预约日历', '值班设置', '保护令', '调解案件', '课程管理', '文章管理', '题库管理', '统计', '审计日志'], ['账号管理', '中心管理']],
    ['mediator', ['求助', '调解案件'], ['预约日历', '统计', '课程管理']],
  ])('a %s sees only the sections the server lets her into', async (role, shown, hidden) => {
    window.localStorage.setItem('zjh_staff_token', JSON.stringify({ data: `menu-token-${role}` }));
    mockApi({
      'GET /api/staff/me': { statusCode: 200, data: { staff: { ...staff, role } } },
      'GET /api/staff/requests': { statusCode: 200, data: { items: [], nextCursor: null, counts: { total: 0, new: 0, open: 0, overdue: 0, urgent: 0 } } },
    });
    const { container } = render(<StaffInboxPage />);
    await waitFor(() => expect(container.querySelectorAll('.staff-nav__item').length).toBe(shown.length));
    const items = [...container.querySelectorAll('.staff-nav__item')].map((n) => n.textContent);
    expect(items).toEqual(expect.arrayContaining(shown));
    for (const h of hidden) expect(items).not.toContain(h);
  });
});
