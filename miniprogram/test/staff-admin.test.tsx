import { act, fireEvent, render, screen, within } from '@testing-library/react';
import type { AdminCenter, AdminStaffItem, AuditEntry } from '@zjh/shared';
import AdminAuditPage from '../src/staff/pages/admin/audit';
import AdminCentersPage from '../src/staff/pages/admin/centers';
import AdminStaffPage from '../src/staff/pages/admin/staff';
import { center, mockApi, type FakeResponse } from './helpers';

type Call = { url: string; method?: string; data?: any };
const calls = (request: jest.Mock) => request.mock.calls.map(([o]) => o as Call);
const sent = (request: jest.Mock, method: string, path: string) => calls(request).filter((o) => o.method === method && new URL(o.url, 'http://x').pathname === path);

let tokenSeq = 0;
function signedIn(role: string, centerId: string | null = null) {
  window.localStorage.setItem('zjh_staff_token', JSON.stringify({ data: `admin-token-${++tokenSeq}` }));
  return { 'GET /api/staff/me': { statusCode: 200, data: { staff: { id: 'stf_admin_0000000001', username: 'admin', displayName: '市妇联管理员', role, centerId } } } as FakeResponse };
}
const change = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const changeId = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } });

const mazhang: AdminCenter = { ...center(), active: true };
const xuwen: AdminCenter = { ...center({ id: 'ctr_xuwen_0000000001', code: 'xuwen', name: '徐闻县12338妇联维权服务中心', district: '徐闻县' }), active: false };
const li: AdminStaffItem = { id: 'stf_li_000000000001', username: 'li.min', displayName: '李敏', role: 'center_staff', centerId: mazhang.id, active: true, createdAt: '2026-01-01T00:00:00.000Z' };
const admin: AdminStaffItem = { id: 'stf_admin_0000000001', username: 'admin', displayName: '市妇联管理员', role: 'admin', centerId: null, active: true, createdAt: '2025-12-01T00:00:00.000Z' };

describe('账号管理', () => {
  const api = (extra: Record<string, FakeResponse | ((o: any) => FakeResponse)> = {}) =>
    mockApi({
      ...signedIn('admin'),
      'GET /api/admin/centers': { statusCode: 200, data: { items: [mazhang, xuwen], nextCursor: null } },
      'GET /api/admin/staff': { statusCode: 200, data: { items: [admin, li], nextCursor: null } },
      ...extra,
    }) as jest.Mock;

  it('lists accounts with role and center names, and sends the chosen filters', async () => {
    const request = api();
    render(<AdminStaffPage />);
    const row = (await screen.findByText('li.min')).closest('.adm-staff-row') as HTMLElement;
    expect(within(row).getByText('中心工作人员')).toBeTruthy();
    expect(within(row).getByText(mazhang.name)).toBeTruthy();
    await act(async () => changeId('filter-role', 'lawyer'));
    await act(async () => change('状态', 'false'));
    change('用户名或姓名', '李');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '查找' })));
    const last = sent(request, 'GET', '/api/admin/staff').pop()!;
    expect(last.url).toContain('role=lawyer');
    expect(last.url).toContain('active=false');
    expect(last.url).toContain(`q=${encodeURIComponent('李')}`);
  });

  it('creates an account with username, name, role, center and initial password', async () => {
    const request = api({ 'POST /api/admin/staff': { statusCode: 201, data: { id: 'stf_new_00000000001' } } });
    render(<AdminStaffPage />);
    await screen.findByText('li.min');
    fireEvent.click(screen.getByRole('button', { name: '+ 新建账号' }));
    change('用户名', 'wang.fang');
    change('姓名', '王芳');
    changeId('new-role', 'center_staff');
    changeId('new-center', mazhang.id);
    change('初始密码', 'a-long-password-1');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '创建账号' })));
    expect(sent(request, 'POST', '/api/admin/staff')[0].data).toEqual({ username: 'wang.fang', displayName: '王芳', role: 'center_staff', centerId: mazhang.id, password: 'a-long-password-1' });
  });

  it('shows the server’s field message when the username is taken', async () => {
    api({ 'POST /api/admin/staff': { statusCode: 409, data: { error: { code: 'USERNAME_TAKEN', message: '该用户名已被使用', details: [{ path: 'username', message: '该用户名已被使用' }] } } } });
    render(<AdminStaffPage />);
    await screen.findByText('li.min');
    fireEvent.click(screen.getByRole('button', { name: '+ 新建账号' }));
    change('用户名', 'li.min');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '创建账号' })));
    expect(await screen.findByText('该用户名已被使用')).toBeTruthy();
  });

  it('edits role and active flag, sending only what changed; sets a password', async () => {
    const request = api({
      [`PATCH /api/admin/staff/${li.id}`]: (o: Call) => ({ statusCode: 200, data: { staff: { ...li, ...o.data } } }),
      [`PUT /api/admin/staff/${li.id}/password`]: { statusCode: 204, data: '' },
    });
    render(<AdminStaffPage />);
    const row = (await screen.findByText('li.min')).closest('.adm-staff-row') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '编辑' }));
    changeId('edit-role', 'mediator');
    fireEvent.click(screen.getByLabelText('账号可用'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存修改' })));
    expect(sent(request, 'PATCH', `/api/admin/staff/${li.id}`)[0].data).toEqual({ role: 'mediator', active: false });
    expect(within(row).getByText('已停用')).toBeTruthy();
    change('设置新密码', 'another-password-2');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '设置密码' })));
    expect(sent(request, 'PUT', `/api/admin/staff/${li.id}/password`)[0].data).toEqual({ password: 'another-password-2' });
  });

  it('shows the refusal when an admin tries to deactivate herself', async () => {
    api({ [`PATCH /api/admin/staff/${admin.id}`]: { statusCode: 409, data: { error: { code: 'CANNOT_DEACTIVATE_SELF', message: '不能停用自己的账号' } } } });
    render(<AdminStaffPage />);
    const row = (await screen.findByText('admin')).closest('.adm-staff-row') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '编辑' }));
    fireEvent.click(screen.getByLabelText('账号可用'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存修改' })));
    expect(screen.getAllByText('不能停用自己的账号').length).toBeGreaterThan(0);
  });
});

describe('中心管理', () => {
  it('lists all centers including inactive ones, and saves an edit with services and active flag', async () => {
    const request = mockApi({
      ...signedIn('admin'),
      'GET /api/admin/centers': { statusCode: 200, data: { items: [mazhang, xuwen], nextCursor: null } },
      [`PATCH /api/admin/centers/${mazhang.id}`]: (o: Call) => ({ statusCode: 200, data: { center: { ...mazhang, ...o.data } } }),
    }) as jest.Mock;
    render(<AdminCentersPage />);
    const xRow = (await screen.findByText(xuwen.name)).closest('.adm-center-row') as HTMLElement;
    expect(within(xRow).getByText('已停用')).toBeTruthy();
    const row = screen.getByText(mazhang.name).closest('.adm-center-row') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: '编辑' }));
    change('电话', '0759-3000999');
    change('纬度', '21.27');
    fireEvent.click(screen.getByLabelText('家长学堂'));
    fireEvent.click(screen.getByLabelText('心理咨询'));
    fireEvent.click(screen.getByLabelText('对外开放'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存中心信息' })));
    const body = sent(request, 'PATCH', `/api/admin/centers/${mazhang.id}`)[0].data;
    expect(body).toMatchObject({ phone: '0759-3000999', lat: 21.27, lng: 110.334, active: false, note: null });
    expect(body.services).toEqual(['legal', 'mediation', 'classes']);
    expect(within(row).getByText('已停用')).toBeTruthy();
  });

  it('does not send coordinates out of range', async () => {
    const request = mockApi({ ...signedIn('admin'), 'GET /api/admin/centers': { statusCode: 200, data: { items: [mazhang], nextCursor: null } } }) as jest.Mock;
    render(<AdminCentersPage />);
    fireEvent.click(await screen.findByRole('button', { name: '编辑' }));
    change('经度', '200');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存中心信息' })));
    expect(screen.getByText('经度应在 -180 到 180 之间')).toBeTruthy();
    expect(sent(request, 'PATCH', `/api/admin/centers/${mazhang.id}`)).toHaveLength(0);
  });
});

describe('审计日志', () => {
  const entry = (n: number, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
    id: `aud_${String(n).padStart(16, '0')}`,
    at: `2026-01-10T0${n % 10}:00:00.000Z`,
    actorType: 'staff',
    actorId: li.id,
    actorName: '李敏',
    action: 'request.read',
    entityType: 'help_request',
    entityId: `req_${String(n).padStart(16, '0')}`,
    centerId: mazhang.id,
    detail: null,
    ...overrides,
  });

  it('shows names and labels, filters by action and date, and loads more with the cursor', async () => {
    const request = mockApi({
      ...signedIn('admin'),
      'GET /api/centers': { statusCode: 200, data: { items: [mazhang], nextCursor: null } },
      'GET /api/admin/audit': (o: Call) =>
        o.url.includes('cursor=')
          ? { statusCode: 200, data: { items: [entry(2, { actorType: 'user', actorId: null, actorName: '求助人', action: 'privacy.export' })], nextCursor: null } }
          : { statusCode: 200, data: { items: [entry(1)], nextCursor: 'CURSOR1' } },
    }) as jest.Mock;
    render(<AdminAuditPage />);
    const row = (await screen.findByText('李敏')).closest('.adm-audit-row') as HTMLElement;
    expect(within(row).getByText('查看求助')).toBeTruthy();
    expect(within(row).getByText('李敏')).toBeTruthy();
    expect(within(row).getByText(mazhang.name)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '加载更多' })));
    expect(await screen.findByText('求助人')).toBeTruthy();
    expect(sent(request, 'GET', '/api/admin/audit').pop()!.url).toContain('cursor=CURSOR1');
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();
    await act(async () => change('操作', 'staff.login'));
    await act(async () => change('起始日期', '2026-01-10'));
    const last = sent(request, 'GET', '/api/admin/audit').pop()!.url;
    expect(last).toContain('action=staff.login');
    expect(last).toContain(`from=${encodeURIComponent('2026-01-10T00:00:00+08:00')}`);
    expect(last).not.toContain('cursor=');
  });

  it('center staff get no center filter and are told they see their own center only', async () => {
    const request = mockApi({
      ...signedIn('center_staff', mazhang.id),
      'GET /api/centers': { statusCode: 200, data: { items: [mazhang], nextCursor: null } },
      'GET /api/admin/audit': { statusCode: 200, data: { items: [entry(1)], nextCursor: null } },
    }) as jest.Mock;
    render(<AdminAuditPage />);
    await screen.findByText('李敏');
    expect(screen.getByText(`只显示本中心（${mazhang.name}）的记录。`)).toBeTruthy();
    expect(screen.queryByLabelText('中心')).toBeNull();
    expect(sent(request, 'GET', '/api/admin/audit')[0].url).not.toContain('centerId');
  });
});
