import { bearer, describeEachDb } from '../../test-support/test-env';

describeEachDb('staff account administration', (env) => {
  const create = async (username: string, role = 'center_staff', centerCode: string | null = 'xiashan') => {
    const centerId = centerCode ? await env.centerId(centerCode) : null;
    const res = await env
      .api()
      .post('/api/admin/staff')
      .set(bearer(await env.adminToken()))
      .send({ username, password: 'staff-password-123', displayName: `员工${username}`, role, centerId })
      .expect(201);
    return res.body.id as string;
  };

  it('only the city admin may list and edit staff accounts', async () => {
    const admin = await env.adminToken();
    const staff = await env.staffToken('center_staff', 'chikan');
    const user = await env.userToken();
    await env.api().get('/api/admin/staff').set(bearer(admin)).expect(200);
    await env.api().get('/api/admin/staff').set(bearer(staff.token)).expect(403);
    await env.api().get('/api/admin/staff').set(bearer(user.token)).expect(403);
    await env.api().get('/api/admin/staff').expect(401);
    await env.api().patch(`/api/admin/staff/${staff.id}`).set(bearer(staff.token)).send({ displayName: '改名' }).expect(403);
    await env.api().patch(`/api/admin/staff/${staff.id}`).set(bearer(user.token)).send({ displayName: '改名' }).expect(403);
    await env.api().patch(`/api/admin/staff/${staff.id}`).send({ displayName: '改名' }).expect(401);
  });

  it('lists accounts with filters by center, role, active flag and text', async () => {
    const id = await create('filter.me', 'lawyer', 'leizhou');
    const admin = await env.adminToken();
    const leizhou = await env.centerId('leizhou');
    const byCenter = await env.api().get('/api/admin/staff').query({ centerId: leizhou }).set(bearer(admin)).expect(200);
    expect(byCenter.body.items.map((s: { id: string }) => s.id)).toEqual([id]);
    expect(byCenter.body.items[0]).toMatchObject({ username: 'filter.me', displayName: '员工filter.me', role: 'lawyer', centerId: leizhou, active: true });
    expect(byCenter.body.items[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const byRole = await env.api().get('/api/admin/staff').query({ role: 'admin' }).set(bearer(admin)).expect(200);
    expect(byRole.body.items.map((s: { username: string }) => s.username)).toEqual(['admin']);
    const byText = await env.api().get('/api/admin/staff').query({ q: 'FILTER' }).set(bearer(admin)).expect(200);
    expect(byText.body.items.map((s: { id: string }) => s.id)).toEqual([id]);
    const byName = await env.api().get('/api/admin/staff').query({ q: '员工filter' }).set(bearer(admin)).expect(200);
    expect(byName.body.items.map((s: { id: string }) => s.id)).toEqual([id]);
    const inactive = await env.api().get('/api/admin/staff').query({ active: 'false' }).set(bearer(admin)).expect(200);
    expect(inactive.body.items.map((s: { id: string }) => s.id)).not.toContain(id);
  });

  it('changes name, role and center, and records who did it', async () => {
    const id = await create('mover');
    const admin = await env.adminToken();
    const suixi = await env.centerId('suixi');
    const res = await env.api().patch(`/api/admin/staff/${id}`).set(bearer(admin)).send({ displayName: '新名字', role: 'mediator', centerId: suixi }).expect(200);
    expect(res.body.staff).toMatchObject({ id, displayName: '新名字', role: 'mediator', centerId: suixi, active: true });
    const entries = await env.services.audit.forEntity('staff', id);
    const update = entries.find((e) => e.action === 'staff.update');
    expect(update).toMatchObject({ actorType: 'staff', centerId: suixi });
    expect(JSON.stringify(update!.detail)).not.toContain('新名字');
  });

  it('deactivating an account ends her sessions and blocks sign-in; reactivating lets her back', async () => {
    const staff = await env.staffToken('center_staff', 'potou', 'leaving.soon');
    await env.api().get('/api/staff/me').set(bearer(staff.token)).expect(200);
    await env.api().patch(`/api/admin/staff/${staff.id}`).set(bearer(await env.adminToken())).send({ active: false }).expect(200);
    await env.api().get('/api/staff/me').set(bearer(staff.token)).expect(401);
    await env.api().post('/api/auth/staff').send({ username: 'leaving.soon', password: 'staff-password-123' }).expect(401);
    const entries = await env.services.audit.forEntity('staff', staff.id);
    expect(entries.map((e) => e.action)).toContain('staff.deactivate');
    await env.api().patch(`/api/admin/staff/${staff.id}`).set(bearer(await env.adminToken())).send({ active: true }).expect(200);
    await env.api().post('/api/auth/staff').send({ username: 'leaving.soon', password: 'staff-password-123' }).expect(200);
  });

  it('an admin cannot deactivate or demote herself', async () => {
    const admin = await env.adminToken();
    const me = (await env.api().get('/api/staff/me').set(bearer(admin)).expect(200)).body.staff.id;
    const off = await env.api().patch(`/api/admin/staff/${me}`).set(bearer(admin)).send({ active: false }).expect(409);
    expect(off.body.error.code).toBe('CANNOT_DEACTIVATE_SELF');
    const demote = await env.api().patch(`/api/admin/staff/${me}`).set(bearer(admin)).send({ role: 'center_staff', centerId: await env.centerId('chikan') }).expect(409);
    expect(demote.body.error.code).toBe('CANNOT_DEMOTE_SELF');
    await env.api().get('/api/staff/me').set(bearer(admin)).expect(200);
    const renamed = await env.api().patch(`/api/admin/staff/${me}`).set(bearer(admin)).send({ displayName: '市妇联管理员' }).expect(200);
    expect(renamed.body.staff.role).toBe('admin');
  });

  it('a non-admin role needs a center', async () => {
    const adminId = await create('second.admin', 'admin', null);
    const admin = await env.adminToken();
    const res = await env.api().patch(`/api/admin/staff/${adminId}`).set(bearer(admin)).send({ role: 'counselor' }).expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('centerId');
    const staffId = await create('needs.center');
    const cleared = await env.api().patch(`/api/admin/staff/${staffId}`).set(bearer(admin)).send({ centerId: null }).expect(400);
    expect(cleared.body.error.details.map((d: { path: string }) => d.path)).toContain('centerId');
    const unknown = await env.api().patch(`/api/admin/staff/${staffId}`).set(bearer(admin)).send({ centerId: 'AAAAAAAAAAAAAAAAAAAAAA' }).expect(400);
    expect(unknown.body.error.details.map((d: { path: string }) => d.path)).toContain('centerId');
  });

  it.each([
    [{}, 'displayName'],
    [{ role: 'boss' }, 'role'],
    [{ active: 'yes' }, 'active'],
    [{ displayName: '' }, 'displayName'],
    [{ centerId: 'bad id!' }, 'centerId'],
    [{ password: 'x' }, 'password'],
  ])('PATCH with %j is a 400 naming %s', async (body, field) => {
    const id = await create(`bad${Math.random().toString(36).slice(2, 8)}`);
    const res = await env.api().patch(`/api/admin/staff/${id}`).set(bearer(await env.adminToken())).send(body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });

  it('list query with a bad role or active flag is a 400 naming the field; an unknown account is a 404', async () => {
    const admin = await env.adminToken();
    const role = await env.api().get('/api/admin/staff').query({ role: 'boss' }).set(bearer(admin)).expect(400);
    expect(role.body.error.details.map((d: { path: string }) => d.path)).toContain('query.role');
    const active = await env.api().get('/api/admin/staff').query({ active: 'maybe' }).set(bearer(admin)).expect(400);
    expect(active.body.error.details.map((d: { path: string }) => d.path)).toContain('query.active');
    await env.api().patch('/api/admin/staff/AAAAAAAAAAAAAAAAAAAAAA').set(bearer(admin)).send({ active: false }).expect(404);
  });
});
