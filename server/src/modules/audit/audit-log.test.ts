import { bearer, describeEachDb } from '../../test-support/test-env';

describeEachDb('audit log', (env) => {
  let chikan: string;
  let xiashan: string;
  let chikanStaff: { token: string; id: string };

  beforeAll(async () => {
    chikan = await env.centerId('chikan');
    xiashan = await env.centerId('xiashan');
    chikanStaff = await env.staffToken('center_staff', 'chikan', 'chikan.desk');
    await env.staffToken('center_staff', 'xiashan', 'xiashan.desk');
    const base = Date.parse('2026-01-10T08:00:00.000Z');
    // Seven reads by the Chikan desk, three at Xiashan, one by a woman, one by the system.
    for (let i = 0; i < 7; i++) {
      await env.services.audit.record({ kind: 'staff', staffId: chikanStaff.id, role: 'center_staff', centerId: chikan, displayName: '' }, { action: 'request.read', entityType: 'help_request', entityId: `REQCHIKAN00000000000${i}`, centerId: chikan }, new Date(base + i * 60_000));
    }
    for (let i = 0; i < 3; i++) {
      await env.services.audit.record('system', { action: 'reminder.sent', entityType: 'booking', entityId: `BOOKXIASHAN00000000${i}`, centerId: xiashan }, new Date(base + i * 60_000));
    }
    await env.services.audit.record({ kind: 'user', userId: 'USER000000000000000001' }, { action: 'privacy.export', entityType: 'app_user', entityId: 'USER000000000000000001', centerId: chikan }, new Date(base + 30 * 60_000));
  });

  const get = async (token: string, query: Record<string, string | number> = {}) => (await env.api().get('/api/admin/audit').query(query).set(bearer(token)).expect(200)).body;

  it('who may read it: admin and center staff yes, other roles and women no, strangers 401', async () => {
    const lawyer = await env.staffToken('lawyer', 'chikan');
    const user = await env.userToken();
    await env.api().get('/api/admin/audit').set(bearer(lawyer.token)).expect(403);
    await env.api().get('/api/admin/audit').set(bearer(user.token)).expect(403);
    await env.api().get('/api/admin/audit').expect(401);
    await env.api().get('/api/admin/audit').set(bearer(await env.adminToken())).expect(200);
    await env.api().get('/api/admin/audit').set(bearer(chikanStaff.token)).expect(200);
  });

  it('is newest first with actor names resolved', async () => {
    const body = await get(await env.adminToken(), { from: '2026-01-10T00:00:00Z', to: '2026-01-11T00:00:00Z' });
    expect(body.items).toHaveLength(11);
    const times = body.items.map((e: { at: string }) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(body.items[0]).toMatchObject({ actorType: 'user', actorName: '求助人', action: 'privacy.export' });
    expect(body.items.find((e: { actorType: string }) => e.actorType === 'system').actorName).toBe('系统');
    expect(body.items.find((e: { actorId: string }) => e.actorId === chikanStaff.id).actorName).toBe('测试center_staff');
  });

  it('filters by action, entity, actor, center and time', async () => {
    const admin = await env.adminToken();
    expect((await get(admin, { action: 'reminder.sent' })).items).toHaveLength(3);
    expect((await get(admin, { entityType: 'help_request', entityId: 'REQCHIKAN000000000003' })).items).toHaveLength(1);
    expect((await get(admin, { actorId: chikanStaff.id, action: 'request.read' })).items).toHaveLength(7);
    const atXiashan = await get(admin, { centerId: xiashan, from: '2026-01-10T00:00:00Z', to: '2026-01-11T00:00:00Z' });
    expect(atXiashan.items.every((e: { centerId: string }) => e.centerId === xiashan)).toBe(true);
    expect(atXiashan.items).toHaveLength(3);
    const window = await get(admin, { from: '2026-01-10T08:02:00Z', to: '2026-01-10T08:04:00Z' });
    // 08:02, 08:03, 08:04 at Chikan and 08:02 at Xiashan.
    expect(window.items).toHaveLength(4);
  });

  it('pages with a cursor without repeating or skipping, even though every read adds an entry', async () => {
    const admin = await env.adminToken();
    const query = { from: '2026-01-10T00:00:00Z', to: '2026-01-11T00:00:00Z', limit: 4 };
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body = await get(admin, cursor ? { ...query, cursor } : query);
      seen.push(...body.items.map((e: { id: string }) => e.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(11);
    expect(new Set(seen).size).toBe(11);
  });

  it('center staff see only their own center, whatever center they ask for', async () => {
    const own = await get(chikanStaff.token, { from: '2026-01-10T00:00:00Z', to: '2026-01-11T00:00:00Z' });
    expect(own.items).toHaveLength(8);
    expect(own.items.every((e: { centerId: string }) => e.centerId === chikan)).toBe(true);
    const other = await get(chikanStaff.token, { centerId: xiashan });
    expect(other.items.every((e: { centerId: string }) => e.centerId === chikan)).toBe(true);
    expect(other.items.some((e: { action: string }) => e.action === 'reminder.sent')).toBe(false);
  });

  it('reading the log is itself audited', async () => {
    const before = (await get(await env.adminToken(), { action: 'audit.read', actorId: chikanStaff.id })).items.length;
    await get(chikanStaff.token, { action: 'request.read' });
    const after = await get(await env.adminToken(), { action: 'audit.read', actorId: chikanStaff.id });
    expect(after.items).toHaveLength(before + 1);
    expect(after.items[0]).toMatchObject({ entityType: 'audit_log', centerId: chikan, detail: { filters: ['action'] } });
  });

  it.each([
    [{ from: 'yesterday' }, 'query.from'],
    [{ limit: 0 }, 'query.limit'],
    [{ limit: 500 }, 'query.limit'],
    [{ actorId: 'bad id!' }, 'query.actorId'],
    [{ cursor: 'not-a-cursor' }, 'query.cursor'],
    [{ colour: 'red' }, 'query.colour'],
  ])('query %j is a 400 naming %s', async (query, field) => {
    const res = await env.api().get('/api/admin/audit').query(query).set(bearer(await env.adminToken())).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(field);
  });
});
