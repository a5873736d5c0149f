import { bearer, describeEachDb } from '../../test-support/test-env';
import { HelpRequestEntity } from './request.entity';

const valid = {
  category: 'domestic_violence',
  description: '丈夫昨晚又动手了，我带着孩子住在朋友家。',
  location: { lat: 21.441, lng: 110.779 },
  persons: 2,
  contact: { phone: '13800138000', safeToCall: true, safeTimes: [{ from: '09:00', to: '11:00' }], allowMessage: false, maySayFederation: false },
  consent: { sensitive: true },
};

describeEachDb('help requests — her side', (env) => {
  it('a request is assigned to the nearest center and answers a readable reference', async () => {
    const { token } = await env.userToken();
    const res = await env.api().post('/api/requests').set(bearer(token)).send(valid).expect(201);
    expect(res.body).toMatchObject({ status: 'new', center: { id: await env.centerId('wuchuan') } });
    expect(res.body.center.name).toContain('吴川');
    expect(res.body.ref).toMatch(/^ZJ-\d{4}-\d{6}$/);
    expect(res.body.id).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('references count up within the year', async () => {
    const { token } = await env.userToken();
    const a = await env.api().post('/api/requests').set(bearer(token)).send(valid).expect(201);
    const b = await env.api().post('/api/requests').set(bearer(token)).send(valid).expect(201);
    expect(Number(b.body.ref.slice(-6))).toBe(Number(a.body.ref.slice(-6)) + 1);
  });

  it('without a location she is served by the center of the district she picked; with neither, by the city station', async () => {
    const { token } = await env.userToken();
    const byDistrict = await env.api().post('/api/requests').set(bearer(token)).send({ ...valid, location: undefined, district: '雷州市' }).expect(201);
    expect(byDistrict.body.center.id).toBe(await env.centerId('leizhou'));
    const neither = await env.api().post('/api/requests').set(bearer(token)).send({ category: 'other', description: '想咨询', consent: { sensitive: true } }).expect(201);
    expect(neither.body.center.id).toBe(await env.centerId('zj-station'));
  });

  it('an anonymous request (no contact) is accepted', async () => {
    const { token } = await env.userToken();
    const res = await env.api().post('/api/requests').set(bearer(token)).send({ category: 'psychological', description: '最近很焦虑', consent: { sensitive: true } }).expect(201);
    const mine = await env.api().get(`/api/requests/${res.body.id}`).set(bearer(token)).expect(200);
    expect(mine.body.anonymous).toBe(true);
  });

  it.each([
    [{ consent: undefined }, 'consent'],
    [{ consent: { sensitive: false } }, 'consent.sensitive'],
    [{ category: 'fight' }, 'category'],
    [{ description: '' }, 'description'],
    [{ description: 'x'.repeat(5001) }, 'description'],
    [{ location: { lat: 200, lng: 110 } }, 'location.lat'],
    [{ district: '广州市' }, 'district'],
    [{ persons: 0 }, 'persons'],
    [{ contact: { phone: 'abc', safeToCall: true, allowMessage: true } }, 'contact.phone'],
    [{ contact: { phone: '13800138000' } }, 'contact.safeToCall'],
    [{ contact: { ...valid.contact, safeTimes: [{ from: '25:00', to: '26:00' }] } }, 'contact.safeTimes'],
    [{ secret: 1 }, 'secret'],
  ])('bad request %j is a 400 naming %s, and nothing is saved', async (patch, field) => {
    const { token } = await env.userToken();
    const before = await env.ds.getRepository(HelpRequestEntity).count();
    const res = await env.api().post('/api/requests').set(bearer(token)).send({ ...valid, ...patch }).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path).join(' ')).toContain(field);
    expect(await env.ds.getRepository(HelpRequestEntity).count()).toBe(before);
  });

  it('needs an account: 401 without a token, 403 for staff', async () => {
    await env.api().post('/api/requests').send(valid).expect(401);
    const staff = await env.staffToken('center_staff', 'wuchuan');
    await env.api().post('/api/requests').set(bearer(staff.token)).send(valid).expect(403);
  });

  it('a retry with the same Idempotency-Key returns the first answer and creates nothing new', async () => {
    const { token } = await env.userToken();
    const count = () => env.ds.getRepository(HelpRequestEntity).count();
    const before = await count();
    const first = await env.api().post('/api/requests').set(bearer(token)).set('Idempotency-Key', 'retry-abc-1').send(valid).expect(201);
    const again = await env.api().post('/api/requests').set(bearer(token)).set('Idempotency-Key', 'retry-abc-1').send(valid).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await count()).toBe(before + 1);
    const other = await env.api().post('/api/requests').set(bearer(token)).set('Idempotency-Key', 'retry-abc-1').send({ ...valid, description: '另一件事' }).expect(409);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('parallel retries with one Idempotency-Key create exactly one request', async () => {
    const { token } = await env.userToken();
    const before = await env.ds.getRepository(HelpRequestEntity).count();
    const results = await Promise.all(Array.from({ length: 5 }, () => env.api().post('/api/requests').set(bearer(token)).set('Idempotency-Key', 'burst-1').send(valid)));
    const created = results.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    for (const r of results) expect([201, 409]).toContain(r.status);
    expect(await env.ds.getRepository(HelpRequestEntity).count()).toBe(before + 1);
  });

  it('the narrative and phone number are encrypted at rest', async () => {
    const { token } = await env.userToken();
    const res = await env.api().post('/api/requests').set(bearer(token)).send(valid).expect(201);
    const raw = await env.ds.query('SELECT * FROM help_requests WHERE id = ?', [res.body.id]);
    const text = JSON.stringify(raw);
    expect(text).not.toContain('13800138000');
    expect(text).not.toContain('丈夫');
    expect(text).not.toContain('110.779');
    expect(raw[0].description).toMatch(/^v1\./);
  });

  it('she sees only her own requests; another woman gets 404', async () => {
    const a = await env.userToken('woman-a');
    const b = await env.userToken('woman-b');
    const mine = await env.api().post('/api/requests').set(bearer(a.token)).send(valid).expect(201);
    const listA = await env.api().get('/api/requests/mine').set(bearer(a.token)).expect(200);
    expect(listA.body.items.map((r: { id: string }) => r.id)).toContain(mine.body.id);
    const listB = await env.api().get('/api/requests/mine').set(bearer(b.token)).expect(200);
    expect(listB.body.items.map((r: { id: string }) => r.id)).not.toContain(mine.body.id);
    const peek = await env.api().get(`/api/requests/${mine.body.id}`).set(bearer(b.token)).expect(404);
    expect(peek.body.error.code).toBe('NOT_FOUND');
    await env.api().post(`/api/requests/${mine.body.id}/messages`).set(bearer(b.token)).send({ body: 'hi' }).expect(404);
    await env.api().get('/api/requests/not-a-valid-id!').set(bearer(a.token)).expect(400);
  });

  it('she can rate only once, and only when resolved', async () => {
    const { token } = await env.userToken();
    const r = await env.api().post('/api/requests').set(bearer(token)).send(valid).expect(201);
    await env.api().post(`/api/requests/${r.body.id}/rating`).set(bearer(token)).send({ score: 5 }).expect(409);
    const staff = await env.staffToken('center_staff', 'wuchuan');
    await env.api().patch(`/api/staff/requests/${r.body.id}`).set(bearer(staff.token)).send({ status: 'accepted' }).expect(200);
    await env.api().patch(`/api/staff/requests/${r.body.id}`).set(bearer(staff.token)).send({ status: 'resolved' }).expect(200);
    await env.api().post(`/api/requests/${r.body.id}/rating`).set(bearer(token)).send({ score: 6 }).expect(400);
    const rated = await env.api().post(`/api/requests/${r.body.id}/rating`).set(bearer(token)).send({ score: 5, comment: '谢谢娘家人' }).expect(201);
    expect(rated.body.rating).toEqual({ score: 5, comment: '谢谢娘家人' });
    expect(rated.body.canRate).toBe(false);
    const again = await env.api().post(`/api/requests/${r.body.id}/rating`).set(bearer(token)).send({ score: 1 }).expect(409);
    expect(again.body.error.code).toBe('ALREADY_RATED');
  });

  it('"delete my data" unlinks her requests, removes contact details and ends her account', async () => {
    const { token } = await env.userToken('erase-me');
    const r = await env.api().post('/api/requests').set(bearer(token)).send(valid).expect(201);
    const data = await env.api().get('/api/me/data').set(bearer(token)).expect(200);
    expect(data.body.requests).toHaveLength(1);
    expect(data.body.requests[0].contact).toMatchObject({ phone: '13800138000', safeToCall: true });
    expect(data.body.requests[0].location).toEqual({ lat: 21.441, lng: 110.779 });
    await env.api().delete('/api/me').set(bearer(token)).expect(204);
    await env.api().get('/api/requests/mine').set(bearer(token)).expect(401);
    const row = await env.ds.getRepository(HelpRequestEntity).findOneByOrFail({ id: r.body.id });
    expect(row.userId).toBeNull();
    expect(row.contact).toBeNull();
    expect(row.phoneIndex).toBeNull();
    expect(row.location).toBeNull();
    // The same WeChat code later is a brand-new account with no history.
    const again = await env.userToken('erase-me');
    const list = await env.api().get('/api/requests/mine').set(bearer(again.token)).expect(200);
    expect(list.body.items).toEqual([]);
  });
});
