import { bearer, describeEachDb, ADMIN_PASSWORD } from '../../test-support/test-env';
import { SessionEntity, StaffEntity } from './auth.entity';

describeEachDb('accounts', (env) => {
  describe('WeChat login (development mode)', () => {
    it('the same code always maps to the same user, another code to another user', async () => {
      const a1 = await env.api().post('/api/auth/wechat').send({ code: 'code-A' }).expect(200);
      const a2 = await env.api().post('/api/auth/wechat').send({ code: 'code-A' }).expect(200);
      const b = await env.api().post('/api/auth/wechat').send({ code: 'code-B' }).expect(200);
      expect(a1.body.user.id).toBe(a2.body.user.id);
      expect(b.body.user.id).not.toBe(a1.body.user.id);
      expect(a1.body.token).not.toBe(a2.body.token);
      expect(Object.keys(a1.body).sort()).toEqual(['expiresAt', 'token', 'user']);
      expect(JSON.stringify(a1.body)).not.toMatch(/session_?key|openid/i);
    });

    it('an empty or missing code is a 400 naming the field', async () => {
      for (const body of [{}, { code: '' }, { code: '   ' }, { code: 42 }]) {
        const res = await env.api().post('/api/auth/wechat').send(body).expect(400);
        expect(res.body.error.details[0].path).toBe('code');
      }
    });

    it('two first logins with one code at the same moment make one account', async () => {
      const [x, y] = await Promise.all([
        env.api().post('/api/auth/wechat').send({ code: 'race-code' }),
        env.api().post('/api/auth/wechat').send({ code: 'race-code' }),
      ]);
      expect(x.status).toBe(200);
      expect(y.status).toBe(200);
      expect(x.body.user.id).toBe(y.body.user.id);
    });
  });

  it('a browser gets an anonymous device account whose token works', async () => {
    const res = await env.api().post('/api/auth/device').send({}).expect(200);
    expect(res.body.user.id).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    // A client token is refused where staff are required.
    const denied = await env.api().get('/api/staff/me').set(bearer(res.body.token)).expect(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
  });

  it('sessions are stored as hashes, never as the token itself', async () => {
    const { token } = await env.userToken();
    const rows = await env.ds.getRepository(SessionEntity).find();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  describe('staff sign-in', () => {
    it('signs in with the right password and answers role and center', async () => {
      const res = await env.api().post('/api/auth/staff').send({ username: 'admin', password: ADMIN_PASSWORD }).expect(200);
      expect(res.body.staff).toMatchObject({ role: 'admin', centerId: null, username: 'admin' });
      expect(res.body.staff).not.toHaveProperty('passwordHash');
      const me = await env.api().get('/api/staff/me').set(bearer(res.body.token)).expect(200);
      expect(me.body.staff.id).toBe(res.body.staff.id);
    });

    it('stores a scrypt hash, not the password', async () => {
      const admin = await env.ds.getRepository(StaffEntity).findOneByOrFail({ username: 'admin' });
      expect(admin.passwordHash).toMatch(/^scrypt\$/);
      expect(admin.passwordHash).not.toContain(ADMIN_PASSWORD);
    });

    it('a wrong password is a 401; after five failures even the right password gets 429 until the lock ends', async () => {
      const { id } = await env.staffToken('center_staff', 'xiashan', 'locktest');
      expect(id).toBeTruthy();
      for (let i = 0; i < 5; i++) {
        const res = await env.api().post('/api/auth/staff').send({ username: 'locktest', password: 'wrong-password' }).expect(401);
        expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
      }
      const locked = await env.api().post('/api/auth/staff').send({ username: 'locktest', password: 'staff-password-123' }).expect(429);
      expect(locked.body.error.code).toBe('TOO_MANY_ATTEMPTS');
      env.clock.advance(16 * 60_000);
      await env.api().post('/api/auth/staff').send({ username: 'LockTest', password: 'staff-password-123' }).expect(200);
      env.clock.reset();
    });

    it('an unknown user name is a 401 like a wrong password', async () => {
      const res = await env.api().post('/api/auth/staff').send({ username: 'nobody', password: 'whatever-123' }).expect(401);
      expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
    });

    it('a staff session expires after its lifetime', async () => {
      const { token } = await env.staffToken('center_staff', 'xiashan');
      await env.api().get('/api/staff/me').set(bearer(token)).expect(200);
      env.clock.advance(env.config.staffSessionMs + 1000);
      await env.api().get('/api/staff/me').set(bearer(token)).expect(401);
      env.clock.reset();
    });

    it('signing out makes the token useless', async () => {
      const { token } = await env.staffToken('lawyer', 'zj-station');
      await env.api().delete('/api/auth/session').set(bearer(token)).expect(204);
      await env.api().get('/api/staff/me').set(bearer(token)).expect(401);
    });

    it.each([
      [{}, ['username', 'password']],
      [{ username: 'admin' }, ['password']],
      [{ username: 'admin', password: 'x', remember: true }, ['remember']],
    ])('bad sign-in body %j is a 400 naming %j', async (body, fields) => {
      const res = await env.api().post('/api/auth/staff').send(body).expect(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(fields);
    });
  });

  describe('creating staff accounts', () => {
    it('only the city admin may create staff', async () => {
      const body = { username: 'newcomer', password: 'long-enough-pass', displayName: '新同事', role: 'center_staff', centerId: await env.centerId('suixi') };
      await env.api().post('/api/admin/staff').send(body).expect(401);
      const user = await env.userToken();
      await env.api().post('/api/admin/staff').set(bearer(user.token)).send(body).expect(403);
      const staff = await env.staffToken('center_staff', 'suixi');
      await env.api().post('/api/admin/staff').set(bearer(staff.token)).send(body).expect(403);
      const created = await env.api().post('/api/admin/staff').set(bearer(await env.adminToken())).send(body).expect(201);
      expect(created.body.id).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      const login = await env.api().post('/api/auth/staff').send({ username: 'newcomer', password: 'long-enough-pass' }).expect(200);
      expect(login.body.staff).toMatchObject({ role: 'center_staff', centerId: body.centerId, displayName: '新同事' });
    });

    it('a taken user name is a 409', async () => {
      const body = { username: 'twice', password: 'long-enough-pass', displayName: '甲', role: 'counselor', centerId: await env.centerId('zj-station') };
      await env.api().post('/api/admin/staff').set(bearer(await env.adminToken())).send(body).expect(201);
      const res = await env.api().post('/api/admin/staff').set(bearer(await env.adminToken())).send({ ...body, username: 'TWICE' }).expect(409);
      expect(res.body.error.code).toBe('USERNAME_TAKEN');
    });

    it.each([
      [{ role: 'center_staff', centerId: undefined }, 'centerId'],
      [{ role: 'chief' }, 'role'],
      [{ password: 'short' }, 'password'],
      [{ username: 'a b' }, 'username'],
      [{ displayName: '' }, 'displayName'],
      [{ isRoot: true }, 'isRoot'],
    ])('bad staff %j is a 400 naming %s', async (patch, field) => {
      const body = { username: 'valid.name', password: 'long-enough-pass', displayName: '乙', role: 'mediator', centerId: await env.centerId('potou'), ...patch };
      const res = await env.api().post('/api/admin/staff').set(bearer(await env.adminToken())).send(body).expect(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
    });

    it('a center that does not exist is a 400 on centerId', async () => {
      const body = { username: 'ghost', password: 'long-enough-pass', displayName: '丙', role: 'educator', centerId: 'AAAAAAAAAAAAAAAAAAAAAA' };
      const res = await env.api().post('/api/admin/staff').set(bearer(await env.adminToken())).send(body).expect(400);
      expect(res.body.error.details[0].path).toBe('centerId');
    });
  });

  it('a malformed or unknown bearer token is a 401 where an account is needed', async () => {
    await env.api().get('/api/staff/me').set({ Authorization: 'Bearer not-a-real-token' }).expect(401);
    await env.api().get('/api/staff/me').set({ Authorization: 'Basic abc' }).expect(401);
  });
});

describeEachDb('staff members and provider settings', (env) => {
  it('center staff list their own center’s colleagues; the admin any center', async () => {
    const mine = await env.staffToken('center_staff', 'xuwen');
    const colleague = await env.staffToken('lawyer', 'xuwen');
    const elsewhere = await env.staffToken('lawyer', 'leizhou');
    const res = await env.api().get('/api/staff/members').set(bearer(mine.token)).expect(200);
    const ids = res.body.items.map((m: { id: string }) => m.id);
    expect(ids).toEqual(expect.arrayContaining([mine.id, colleague.id]));
    expect(ids).not.toContain(elsewhere.id);
    const other = await env.api().get('/api/staff/members').query({ centerId: await env.centerId('leizhou') }).set(bearer(mine.token)).expect(200);
    expect(other.body.items.map((m: { id: string }) => m.id)).not.toContain(elsewhere.id);
    const admin = await env.api().get('/api/staff/members').query({ centerId: await env.centerId('leizhou'), role: 'lawyer' }).set(bearer(await env.adminToken())).expect(200);
    expect(admin.body.items.map((m: { id: string }) => m.id)).toContain(elsewhere.id);
    expect(JSON.stringify(admin.body)).not.toMatch(/password/i);
    const woman = await env.userToken();
    await env.api().get('/api/staff/members').set(bearer(woman.token)).expect(403);
  });

  it('a provider’s settings can be read back, with holidays marked global', async () => {
    const lawyer = await env.staffToken('lawyer', 'xuwen');
    const fresh = await env.api().get(`/api/staff/providers/${lawyer.id}`).set(bearer(lawyer.token)).expect(200);
    expect(fresh.body).toMatchObject({ id: lawyer.id, kind: 'legal', rules: [], exceptions: [] });
    await env.services.providers.addHoliday('2027-01-01', '元旦');
    await env.api().put(`/api/staff/providers/${lawyer.id}`).set(bearer(lawyer.token)).send({ rules: [{ weekday: 2, start: '09:00', end: '12:00' }], exceptions: [{ date: '2027-01-05', reason: '请假' }] }).expect(200);
    const back = await env.api().get(`/api/staff/providers/${lawyer.id}`).set(bearer(lawyer.token)).expect(200);
    expect(back.body.exceptions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: '2027-01-01', global: true }),
        expect.objectContaining({ date: '2027-01-05', global: false, reason: '请假' }),
      ]),
    );
    const outsider = await env.staffToken('center_staff', 'leizhou');
    await env.api().get(`/api/staff/providers/${lawyer.id}`).set(bearer(outsider.token)).expect(404);
  });

  it('client config names no subscribe templates in development mode', async () => {
    const res = await env.api().get('/api/client-config').expect(200);
    expect(res.body).toEqual({ quickExitUrl: '/neutral.html', wechatMode: 'development', subscribeTemplateIds: {} });
  });
});

describeEachDb('admin sets a staff password', (env) => {
  it('a seeded provider can sign in once the admin sets her password; old sessions end; others may not set it', async () => {
    const lawyer = (await env.api().get('/api/staff/members').query({ role: 'lawyer', centerId: await env.centerId('zj-station') }).set(bearer(await env.adminToken())).expect(200)).body.items.find((m: { username: string }) => m.username === 'lawyer.zj1');
    expect(lawyer).toBeDefined();
    await env.api().post('/api/auth/staff').send({ username: 'lawyer.zj1', password: 'anything-at-all' }).expect(401);
    await env.api().put(`/api/admin/staff/${lawyer.id}/password`).set(bearer(await env.adminToken())).send({ password: 'short' }).expect(400);
    await env.api().put(`/api/admin/staff/${lawyer.id}/password`).set(bearer(await env.adminToken())).send({ password: 'a-new-long-password' }).expect(204);
    const first = await env.api().post('/api/auth/staff').send({ username: 'lawyer.zj1', password: 'a-new-long-password' }).expect(200);
    await env.api().put(`/api/admin/staff/${lawyer.id}/password`).set(bearer(await env.adminToken())).send({ password: 'another-long-password' }).expect(204);
    await env.api().get('/api/staff/me').set(bearer(first.body.token)).expect(401);
    const staff = await env.staffToken('center_staff', 'zj-station');
    await env.api().put(`/api/admin/staff/${lawyer.id}/password`).set(bearer(staff.token)).send({ password: 'a-new-long-password' }).expect(403);
    await env.api().put('/api/admin/staff/AAAAAAAAAAAAAAAAAAAAAA/password').set(bearer(await env.adminToken())).send({ password: 'a-new-long-password' }).expect(404);
  });
});
