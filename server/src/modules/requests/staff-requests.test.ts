import { bearer, describeEachDb, type TestEnv } from '../../test-support/test-env';
import { AuditEntryEntity } from '../audit/audit.entity';
import { OutboxEntity } from '../notifications/outbox.entity';

const base = {
  category: 'marriage_family',
  description: '和丈夫因为孩子抚养问题争吵，想调解。',
  location: { lat: 21.192, lng: 110.398 }, // 霞山
  contact: { phone: '13900139000', safeToCall: true, safeTimes: [{ from: '09:00', to: '11:00' }], allowMessage: true },
  consent: { sensitive: true },
  notify: true,
};

async function submit(env: TestEnv, overrides: Record<string, unknown> = {}, code = 'wx-' + Math.random()) {
  const woman = await env.userToken(code);
  const res = await env.api().post('/api/requests').set(bearer(woman.token)).send({ ...base, ...overrides }).expect(201);
  return { woman, id: res.body.id as string, ref: res.body.ref as string };
}

describeEachDb('help requests — back office', (env) => {
  it('the full workflow: accept → in progress → resolved → closed → reopened, each on the timeline', async () => {
    const { id, woman } = await submit(env);
    const staff = await env.staffToken('center_staff', 'xiashan');
    const patch = (body: object) => env.api().patch(`/api/staff/requests/${id}`).set(bearer(staff.token)).send(body);
    expect((await patch({ status: 'accepted' }).expect(200)).body.status).toBe('accepted');
    expect((await patch({ status: 'in_progress' }).expect(200)).body.status).toBe('in_progress');
    expect((await patch({ status: 'resolved' }).expect(200)).body.status).toBe('resolved');
    expect((await patch({ status: 'closed' }).expect(200)).body.status).toBe('closed');
    const reopenWithoutReason = await patch({ status: 'in_progress' }).expect(400);
    expect(reopenWithoutReason.body.error.details[0].path).toBe('reason');
    expect((await patch({ status: 'in_progress', reason: '她再次来电，问题未解决' }).expect(200)).body.status).toBe('in_progress');
    const tl = await env.api().get(`/api/staff/requests/${id}/timeline`).set(bearer(staff.token)).expect(200);
    const moves = tl.body.items.filter((e: { type: string }) => e.type === 'status').map((e: { from: string; to: string }) => `${e.from}>${e.to}`);
    expect(moves).toEqual(['new>accepted', 'accepted>in_progress', 'in_progress>resolved', 'resolved>closed', 'closed>in_progress']);
    const reopen = tl.body.items.find((e: { to?: string; from?: string }) => e.from === 'closed');
    expect(reopen).toMatchObject({ note: '她再次来电，问题未解决', actor: { type: 'staff', id: staff.id } });
    expect(new Date(reopen.at).toISOString()).toBe(reopen.at);
    // She sees the status change but not the internal reason.
    const hers = await env.api().get(`/api/requests/${id}`).set(bearer(woman.token)).expect(200);
    expect(hers.body.status).toBe('in_progress');
    expect(JSON.stringify(hers.body)).not.toContain('她再次来电');
  });

  it('a forbidden move new → resolved is a 409 listing the allowed next steps', async () => {
    const { id } = await submit(env);
    const staff = await env.staffToken('center_staff', 'xiashan');
    const res = await env.api().patch(`/api/staff/requests/${id}`).set(bearer(staff.token)).send({ status: 'resolved' }).expect(409);
    expect(res.body.error.code).toBe('INVALID_TRANSITION');
    expect(res.body.error.details.allowed).toEqual(expect.arrayContaining(['accepted', 'in_progress']));
  });

  it('closed → resolved is forbidden', async () => {
    const { id } = await submit(env);
    const staff = await env.staffToken('center_staff', 'xiashan');
    await env.api().patch(`/api/staff/requests/${id}`).set(bearer(staff.token)).send({ status: 'closed', reason: '重复提交' }).expect(200);
    await env.api().patch(`/api/staff/requests/${id}`).set(bearer(staff.token)).send({ status: 'resolved' }).expect(409);
  });

  it('isolation: staff of another center get 404; the admin sees all; a woman cannot use staff routes', async () => {
    const { id, woman } = await submit(env);
    const own = await env.staffToken('center_staff', 'xiashan');
    const other = await env.staffToken('center_staff', 'leizhou');
    await env.api().get(`/api/staff/requests/${id}`).set(bearer(own.token)).expect(200);
    await env.api().get(`/api/staff/requests/${id}`).set(bearer(other.token)).expect(404);
    await env.api().patch(`/api/staff/requests/${id}`).set(bearer(other.token)).send({ status: 'accepted' }).expect(404);
    await env.api().get(`/api/staff/requests/${id}/timeline`).set(bearer(other.token)).expect(404);
    await env.api().post(`/api/staff/requests/${id}/messages`).set(bearer(other.token)).send({ body: 'x' }).expect(404);
    const otherInbox = await env.api().get('/api/staff/requests').set(bearer(other.token)).expect(200);
    expect(otherInbox.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    const adminInbox = await env.api().get('/api/staff/requests').set(bearer(await env.adminToken())).query({ limit: 200 }).expect(200);
    expect(adminInbox.body.items.map((r: { id: string }) => r.id)).toContain(id);
    await env.api().get(`/api/staff/requests/${id}`).set(bearer(await env.adminToken())).expect(200);
    await env.api().get(`/api/staff/requests/${id}`).set(bearer(woman.token)).expect(403);
    await env.api().get('/api/staff/requests').expect(401);
  });

  it('a provider sees only the requests assigned to her', async () => {
    const { id } = await submit(env);
    const staff = await env.staffToken('center_staff', 'xiashan');
    const lawyer = await env.staffToken('lawyer', 'xiashan');
    await env.api().get(`/api/staff/requests/${id}`).set(bearer(lawyer.token)).expect(404);
    await env.api().patch(`/api/staff/requests/${id}`).set(bearer(staff.token)).send({ status: 'accepted', assigneeId: lawyer.id }).expect(200);
    const seen = await env.api().get(`/api/staff/requests/${id}`).set(bearer(lawyer.token)).expect(200);
    expect(seen.body.assignee).toMatchObject({ id: lawyer.id });
    await env.api().patch(`/api/staff/requests/${id}`).set(bearer(lawyer.token)).send({ status: 'resolved' }).expect(200);
    const outsider = await env.staffToken('center_staff', 'potou');
    const bad = await env.api().patch(`/api/staff/requests/${id}`).set(bearer(staff.token)).send({ assigneeId: outsider.id }).expect(400);
    expect(bad.body.error.details[0].path).toBe('assigneeId');
  });

  it('every staff read of a request is written to the audit log', async () => {
    const { id } = await submit(env);
    const staff = await env.staffToken('center_staff', 'xiashan');
    await env.api().get(`/api/staff/requests/${id}`).set(bearer(staff.token)).expect(200);
    await env.api().get(`/api/staff/requests/${id}/timeline`).set(bearer(staff.token)).expect(200);
    const entries = await env.ds.getRepository(AuditEntryEntity).findBy({ entityId: id });
    expect(entries.map((e) => e.action).sort()).toEqual(['request.read', 'request.timeline.read']);
    expect(entries.every((e) => e.actorId === staff.id && e.actorType === 'staff')).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('13900139000');
  });

  it('shows safe-contact preferences beside the phone number and warns outside her safe times', async () => {
    const { id } = await submit(env);
    const staff = await env.staffToken('center_staff', 'xiashan');
    const detail = await env.api().get(`/api/staff/requests/${id}`).set(bearer(staff.token)).expect(200);
    expect(detail.body.contact).toMatchObject({ phone: '13900139000', safeToCall: true, allowMessage: true });
    const nowShanghai = new Date(Date.now() + 8 * 3600_000);
    const hhmm = nowShanghai.toISOString().slice(11, 16);
    expect(detail.body.contactAdvice.callable).toBe(hhmm >= '09:00' && hhmm < '11:00');
    if (!detail.body.contactAdvice.callable) expect(detail.body.contactAdvice.reason).toContain('09:00–11:00');
  });

  it('urgent requests are overdue one hour after arrival if not accepted; the inbox lists them first', async () => {
    const urgent = await submit(env);
    const normal = await submit(env);
    const staff = await env.staffToken('center_staff', 'xiashan');
    await env.api().patch(`/api/staff/requests/${urgent.id}`).set(bearer(staff.token)).send({ priority: ['urgent', 'difficult'] }).expect(200);
    env.clock.advance(61 * 60_000);
    const inbox = await env.api().get('/api/staff/requests').set(bearer(staff.token)).query({ overdue: 'true' }).expect(200);
    const ids = inbox.body.items.map((r: { id: string }) => r.id);
    expect(ids).toContain(urgent.id);
    expect(ids).not.toContain(normal.id);
    expect(inbox.body.items[0]).toMatchObject({ overdue: true });
    expect(inbox.body.counts.overdue).toBeGreaterThanOrEqual(1);
    const urgentOnly = await env.api().get('/api/staff/requests').set(bearer(staff.token)).query({ priority: 'urgent' }).expect(200);
    expect(urgentOnly.body.items.every((r: { priority: string[] }) => r.priority.includes('urgent'))).toBe(true);
    await env.api().patch(`/api/staff/requests/${urgent.id}`).set(bearer(staff.token)).send({ status: 'accepted' }).expect(200);
    const after = await env.api().get('/api/staff/requests').set(bearer(staff.token)).query({ overdue: 'true' }).expect(200);
    expect(after.body.items.map((r: { id: string }) => r.id)).not.toContain(urgent.id);
    env.clock.reset();
  });

  it('transfer moves the request to another center with the reason on the timeline', async () => {
    const { id, woman } = await submit(env);
    const from = await env.staffToken('center_staff', 'xiashan');
    const to = await env.staffToken('center_staff', 'potou');
    const potou = await env.centerId('potou');
    await env.api().post(`/api/staff/requests/${id}/transfer`).set(bearer(from.token)).send({ centerId: potou }).expect(400);
    const moved = await env.api().post(`/api/staff/requests/${id}/transfer`).set(bearer(from.token)).send({ centerId: potou, reason: '当事人住在坡头' }).expect(200);
    expect(moved.body.center.id).toBe(potou);
    await env.api().get(`/api/staff/requests/${id}`).set(bearer(from.token)).expect(404);
    const tl = await env.api().get(`/api/staff/requests/${id}/timeline`).set(bearer(to.token)).expect(200);
    expect(tl.body.items.find((e: { type: string }) => e.type === 'transfer')).toMatchObject({ note: '当事人住在坡头' });
    const hers = await env.api().get(`/api/requests/${id}`).set(bearer(woman.token)).expect(200);
    expect(hers.body.center.id).toBe(potou);
  });

  it('referral to an agency and its outcome are recorded', async () => {
    const { id } = await submit(env);
    const staff = await env.staffToken('center_staff', 'xiashan');
    const referred = await env.api().post(`/api/staff/requests/${id}/referrals`).set(bearer(staff.token)).send({ agency: 'police', note: '协助出具告诫书' }).expect(201);
    const ref = referred.body.referrals[0];
    expect(ref).toMatchObject({ agency: 'police', outcome: 'pending', note: '协助出具告诫书' });
    const done = await env.api().patch(`/api/staff/requests/${id}/referrals/${ref.id}`).set(bearer(staff.token)).send({ outcome: 'completed', note: '已出具' }).expect(200);
    expect(done.body.referrals[0]).toMatchObject({ outcome: 'completed', outcomeNote: '已出具' });
    await env.api().post(`/api/staff/requests/${id}/referrals`).set(bearer(staff.token)).send({ agency: 'army' }).expect(400);
  });

  it('messages reach her 我的求助 with a neutral notification; internal notes never do', async () => {
    const { id, woman } = await submit(env);
    const staff = await env.staffToken('center_staff', 'xiashan');
    await env.api().patch(`/api/staff/requests/${id}`).set(bearer(staff.token)).send({ status: 'accepted' }).expect(200);
    await env.api().post(`/api/staff/requests/${id}/notes`).set(bearer(staff.token)).send({ note: '对方有酗酒史，注意安全' }).expect(201);
    await env.api().post(`/api/staff/requests/${id}/messages`).set(bearer(staff.token)).send({ body: '您好，我们已受理，明天上午方便时请来电。' }).expect(201);
    const hers = await env.api().get(`/api/requests/${id}`).set(bearer(woman.token)).expect(200);
    expect(hers.body.messages).toEqual([expect.objectContaining({ from: 'staff', body: '您好，我们已受理，明天上午方便时请来电。' })]);
    expect(JSON.stringify(hers.body)).not.toContain('酗酒');
    const reply = await env.api().post(`/api/requests/${id}/messages`).set(bearer(woman.token)).send({ body: '好的，谢谢' }).expect(201);
    expect(reply.body.messages).toHaveLength(2);
    const queued = await env.ds.getRepository(OutboxEntity).findBy({ userId: woman.id });
    expect(queued.length).toBe(2); // accepted + message
    expect(queued.every((q) => q.template === 'progress_update')).toBe(true);
    const sentBefore = env.sent.length;
    const tick = await env.services.notifications.runDue();
    expect(tick.sent).toBeGreaterThanOrEqual(2);
    expect(env.sent.length - sentBefore).toBe(tick.sent);
    expect((await env.services.notifications.runDue()).sent).toBe(0);
  });

  it('staff register a hotline call; the admin may register for any center', async () => {
    const staff = await env.staffToken('center_staff', 'suixi');
    const body = { channel: 'hotline', category: 'child_rights', description: '外祖父母来电：孩子入学需要户口簿', persons: [{ relation: '外孙女', age: 7 }, { relation: '外祖母' }], priority: ['urgent', 'serious', 'difficult'], consent: { sensitive: true } };
    const res = await env.api().post('/api/staff/requests').set(bearer(staff.token)).send(body).expect(201);
    expect(res.body.center.id).toBe(await env.centerId('suixi'));
    const detail = await env.api().get(`/api/staff/requests/${res.body.id}`).set(bearer(staff.token)).expect(200);
    expect(detail.body).toMatchObject({ channel: 'hotline', persons: 2, priority: ['urgent', 'serious', 'difficult'] });
    await env.api().post('/api/staff/requests').set(bearer(staff.token)).send({ ...body, channel: 'mini_program' }).expect(400);
    await env.api().post('/api/staff/requests').set(bearer(staff.token)).send({ ...body, centerId: await env.centerId('xuwen') }).expect(400);
    const admin = await env.api().post('/api/staff/requests').set(bearer(await env.adminToken())).send({ ...body, centerId: await env.centerId('xuwen') }).expect(201);
    expect(admin.body.center.id).toBe(await env.centerId('xuwen'));
    expect(detail.body.canMessage).toBe(false);
    expect(detail.body.reasonRequiredFor).toEqual(['closed']);
    const msg = await env.api().post(`/api/staff/requests/${res.body.id}/messages`).set(bearer(staff.token)).send({ body: 'x' }).expect(409);
    expect(msg.body.error.code).toBe('NO_CLIENT_ACCOUNT');
  });

  it('staff find a request by reference or phone number', async () => {
    const { id, ref } = await submit(env, { contact: { ...base.contact, phone: '+86 137-0013-7000' } });
    const staff = await env.staffToken('center_staff', 'xiashan');
    const byRef = await env.api().get('/api/staff/requests').set(bearer(staff.token)).query({ q: ref.toLowerCase() }).expect(200);
    expect(byRef.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    const byPhone = await env.api().get('/api/staff/requests').set(bearer(staff.token)).query({ q: '13700137000' }).expect(200);
    expect(byPhone.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
  });

  it.each([
    ['/api/staff/requests?status=open', 'query.status'],
    ['/api/staff/requests?overdue=maybe', 'query.overdue'],
    ['/api/staff/requests?priority=high', 'query.priority'],
    ['/api/staff/requests?bogus=1', 'query.bogus'],
  ])('bad inbox query %s is a 400 naming %s', async (url, field) => {
    const staff = await env.staffToken('center_staff', 'xiashan');
    const res = await env.api().get(url).set(bearer(staff.token)).expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).join(' ')).toContain(field);
  });

  it.each([
    [{}, 'status'],
    [{ status: 'done' }, 'status'],
    [{ priority: ['urgent', 'panic'] }, 'priority'],
    [{ assigneeId: 5 }, 'assigneeId'],
  ])('bad update %j is a 400 naming %s', async (body, field) => {
    const { id } = await submit(env);
    const staff = await env.staffToken('center_staff', 'xiashan');
    const res = await env.api().patch(`/api/staff/requests/${id}`).set(bearer(staff.token)).send(body).expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).join(' ')).toContain(field);
  });

  it('when two centers are equally near, the one with fewer open requests gets the next request', async () => {
    // Fill 赤坎区 with two open requests; a point equidistant from it and the station goes to the station.
    const point = { lat: 21.2685, lng: 110.362 };
    env.services.centers.useOpenRequestCounter((ids) => env.services.requests.openCounts(ids));
    const staff = await env.staffToken('center_staff', 'chikan');
    for (let i = 0; i < 2; i++) {
      await env.api().post('/api/staff/requests').set(bearer(staff.token)).send({ channel: 'walk_in', category: 'legal', description: '来访咨询', consent: { sensitive: true } }).expect(201);
    }
    const counts = await env.services.requests.openCounts([await env.centerId('chikan'), await env.centerId('zj-station')]);
    const stationBusier = (counts.get(await env.centerId('zj-station')) ?? 0) >= (counts.get(await env.centerId('chikan')) ?? 0);
    const res = await env.api().get('/api/centers/nearest').query({ ...point, service: 'legal' }).expect(200);
    expect(res.body.center.code).toBe(stationBusier ? 'chikan' : 'zj-station');
  });
});
