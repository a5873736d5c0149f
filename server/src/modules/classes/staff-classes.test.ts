import { toShanghaiIso } from '@zjh/shared';
import { bearer, describeEachDb } from '../../test-support/test-env';
import { createSession, enrol, publicSession } from '../../test-support/classes-fixtures';
import { AuditEntryEntity } from '../audit/audit.entity';
import { OutboxEntity } from '../notifications/outbox.entity';

const inDays = (now: Date, days: number, hhmm = '19:30') => {
  const d = new Date(now.getTime() + days * 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  return `${d}T${hhmm}:00+08:00`;
};

describeEachDb('classes back office', (env) => {
  it('center staff create a course for their own center, add sessions, publish it; it then appears publicly', async () => {
    const { token } = await env.staffToken('center_staff', 'potou');
    const potou = await env.centerId('potou');
    const created = await env.api().post('/api/staff/classes').set(bearer(token)).send({ category: 'mental_health', title: '坡头心理健康小课堂', audience: '社区居民' }).expect(201);
    expect(created.body).toMatchObject({ centerId: potou, published: false, sample: false, sessions: [] });
    const start = inDays(env.clock.now(), 5);
    const withSession = await env
      .api()
      .post(`/api/staff/classes/${created.body.id}/sessions`)
      .set(bearer(token))
      .send({ start, end: inDays(env.clock.now(), 5, '21:00'), online: false, venue: '坡头区妇联活动室', capacity: 12 })
      .expect(201);
    expect(withSession.body.sessions[0]).toMatchObject({ start, capacity: 12, placesLeft: 12, enrolled: 0, attended: 0, centerId: potou, enrolmentDeadline: start });
    let list = await env.api().get('/api/classes').expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(created.body.id);
    await env.api().patch(`/api/staff/classes/${created.body.id}`).set(bearer(token)).send({ published: true }).expect(200);
    list = await env.api().get('/api/classes').expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);
    const history = await env.services.audit.forEntity('course', created.body.id);
    expect(history).toEqual([]); // publishing is a write: it goes to the timeline, not the read log
    await env.api().patch(`/api/staff/classes/${created.body.id}`).set(bearer(token)).send({ published: false }).expect(200);
    list = await env.api().get('/api/classes').expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(created.body.id);
  });

  it("other centers' staff get 404; counsellors, lawyers and women get 403; city-wide courses are the admin's", async () => {
    const { token: zj } = await env.staffToken('center_staff', 'zj-station');
    const mine = await createSession(env, { centerCode: 'zj-station', token: zj });
    const { token: wuchuan } = await env.staffToken('center_staff', 'wuchuan');
    await env.api().get(`/api/staff/classes/${mine.courseId}`).set(bearer(wuchuan)).expect(404);
    await env.api().patch(`/api/staff/classes/${mine.courseId}`).set(bearer(wuchuan)).send({ title: '改个名字' }).expect(404);
    await env.api().get(`/api/staff/classes/sessions/${mine.sessionId}/enrollments`).set(bearer(wuchuan)).expect(404);
    await env.api().post(`/api/staff/classes/sessions/${mine.sessionId}/check-ins`).set(bearer(wuchuan)).send({ code: 'ABCDEF' }).expect(404);
    const theirs = await env.api().get('/api/staff/classes').set(bearer(wuchuan)).expect(200);
    expect(theirs.body.items.map((c: { id: string }) => c.id)).not.toContain(mine.courseId);
    const forbidden = await env.api().post('/api/staff/classes').set(bearer(wuchuan)).send({ category: 'law', title: '替别的中心开课', centerId: await env.centerId('zj-station') }).expect(403);
    expect(forbidden.body.error.code).toBe('FORBIDDEN');
    await env.api().post('/api/staff/classes').set(bearer(wuchuan)).send({ category: 'law', title: '全市课程', centerId: null }).expect(403);

    const { token: educator } = await env.staffToken('educator', 'zj-station');
    await env.api().get(`/api/staff/classes/${mine.courseId}`).set(bearer(educator)).expect(200);
    const cityWide = await createSession(env); // the admin's, no center
    await env.api().get(`/api/staff/classes/${cityWide.courseId}`).set(bearer(zj)).expect(404);
    await env.api().get(`/api/staff/classes/${cityWide.courseId}`).set(bearer(await env.adminToken())).expect(200);

    const { token: lawyer } = await env.staffToken('lawyer', 'zj-station');
    await env.api().get('/api/staff/classes').set(bearer(lawyer)).expect(403);
    const woman = await env.userToken('not-staff');
    await env.api().get('/api/staff/classes').set(bearer(woman.token)).expect(403);
    await env.api().post('/api/staff/classes').set(bearer(woman.token)).send({ category: 'law', title: '我来开课' }).expect(403);
    await env.api().get('/api/staff/classes').expect(401);
  });

  it('bad input is a 400 naming the fields', async () => {
    const admin = await env.adminToken();
    const bad = await env.api().post('/api/staff/classes').set(bearer(admin)).send({ category: 'cooking', title: 'x', published: 'yes' }).expect(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['category', 'published', 'title']);
    const { courseId } = await createSession(env);
    const now = env.clock.now();
    const s = await env
      .api()
      .post(`/api/staff/classes/${courseId}/sessions`)
      .set(bearer(admin))
      .send({ start: inDays(now, 3, '20:00'), end: inDays(now, 3, '19:00'), online: false, capacity: 0, liveUrl: 'javascript:alert(1)' })
      .expect(400);
    expect(s.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['capacity', 'end', 'liveUrl', 'venue']);
    const noTz = await env.api().post(`/api/staff/classes/${courseId}/sessions`).set(bearer(admin)).send({ start: '2026-12-01 19:30', end: '2026-12-01 21:00', online: true, capacity: 5 }).expect(400);
    expect(noTz.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['end', 'start']);
    await env.api().post(`/api/staff/classes/${courseId}/sessions`).set(bearer(admin)).send({ start: inDays(now, 3), end: inDays(now, 3, '21:00'), online: true, capacity: 5, centerId: 'NoSuchCenter12345' }).expect(400);
    const empty = await env.api().patch(`/api/staff/classes/${courseId}`).set(bearer(admin)).send({}).expect(400);
    expect(empty.body.error.details[0].path).toBe('title');
  });

  it('more places go to the waiting list at once; fewer than already taken is a 409', async () => {
    const admin = await env.adminToken();
    const { sessionId } = await createSession(env, { capacity: 1 });
    const users = await Promise.all([0, 1, 2].map((i) => env.userToken(`grow-${i}`)));
    for (const u of users) await enrol(env, u.token, sessionId).expect(201);
    const grown = await env.api().patch(`/api/staff/classes/sessions/${sessionId}`).set(bearer(admin)).send({ capacity: 2 }).expect(200);
    expect(grown.body.sessions[0]).toMatchObject({ capacity: 2, placesLeft: 0, waitlistLength: 1, enrolled: 2 });
    expect((await publicSession(env, sessionId, users[1].token)).myStatus).toBe('enrolled');
    expect((await publicSession(env, sessionId, users[2].token)).myPosition).toBe(1);
    expect(await env.ds.getRepository(OutboxEntity).countBy({ userId: users[1].id, template: 'waitlist_promoted' })).toBe(1);
    const shrink = await env.api().patch(`/api/staff/classes/sessions/${sessionId}`).set(bearer(admin)).send({ capacity: 1 }).expect(409);
    expect(shrink.body.error.code).toBe('CAPACITY_BELOW_ENROLLED');
  });

  it('moving a session moves the reminders of those who asked for them', async () => {
    const admin = await env.adminToken();
    const { sessionId } = await createSession(env, { capacity: 5, startInMs: 3 * 86400_000 });
    const u = await env.userToken('remind-move');
    const quiet = await env.userToken('remind-quiet');
    await enrol(env, u.token, sessionId, { notify: true }).expect(201);
    await enrol(env, quiet.token, sessionId).expect(201);
    const before = await env.ds.getRepository(OutboxEntity).findBy({ userId: u.id, template: 'class_reminder' });
    expect(before.map((r) => r.state)).toEqual(['pending', 'pending']);
    expect(await env.ds.getRepository(OutboxEntity).countBy({ userId: quiet.id, template: 'class_reminder' })).toBe(0);
    const start = new Date(Math.floor((env.clock.now().getTime() + 4 * 86400_000) / 1000) * 1000);
    await env.api().patch(`/api/staff/classes/sessions/${sessionId}`).set(bearer(admin)).send({ start: toShanghaiIso(start), end: toShanghaiIso(new Date(start.getTime() + 3600_000)) }).expect(200);
    const after = await env.ds.getRepository(OutboxEntity).findBy({ userId: u.id, template: 'class_reminder', state: 'pending' });
    expect(after.map((r) => r.dueAt.getTime()).sort((x, y) => x - y)).toEqual([start.getTime() - 86400_000, start.getTime() - 3600_000]);
  });

  it('staff list a session (the read is audited) and check people in by the list or by the code she shows', async () => {
    const { token, id: staffId } = await env.staffToken('center_staff', 'zj-station');
    const { sessionId } = await createSession(env, { capacity: 2, online: false, centerCode: 'zj-station', token, startInMs: 30 * 60_000 });
    const a = await env.userToken('checkin-a');
    const b = await env.userToken('checkin-b');
    const c = await env.userToken('checkin-c');
    await enrol(env, a.token, sessionId, { name: '陈女士', phone: '13800138000' }).expect(201);
    await enrol(env, b.token, sessionId).expect(201);
    await enrol(env, c.token, sessionId).expect(201);
    const list = await env.api().get(`/api/staff/classes/sessions/${sessionId}/enrollments`).set(bearer(token)).expect(200);
    expect(list.body.items.map((e: { status: string; position: number | null }) => [e.status, e.position])).toEqual([['enrolled', null], ['enrolled', null], ['waitlisted', 1]]);
    expect(list.body.items[0]).toMatchObject({ name: '陈女士', phone: '13800138000' });
    const audit = await env.ds.getRepository(AuditEntryEntity).findBy({ entityId: sessionId, action: 'class_enrolments.read' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: staffId, entityType: 'class_session' });

    const byList = await env.api().post(`/api/staff/classes/sessions/${sessionId}/check-ins`).set(bearer(token)).send({ enrollmentId: list.body.items[0].id }).expect(200);
    expect(byList.body).toMatchObject({ status: 'attended', attendedAt: expect.stringMatching(/\+08:00$/) });
    const again = await env.api().post(`/api/staff/classes/sessions/${sessionId}/check-ins`).set(bearer(token)).send({ enrollmentId: list.body.items[0].id }).expect(409);
    expect(again.body.error.code).toBe('ALREADY_CHECKED_IN');

    const mineB = await env.api().get('/api/classes/enrollments/mine').set(bearer(b.token)).expect(200);
    const code = mineB.body.items[0].checkInCode as string;
    const byCode = await env.api().post(`/api/staff/classes/sessions/${sessionId}/check-ins`).set(bearer(token)).send({ code: code.toLowerCase() }).expect(200);
    expect(byCode.body.status).toBe('attended');
    await env.api().post(`/api/staff/classes/sessions/${sessionId}/check-ins`).set(bearer(token)).send({ code: 'ZZZZZZ' }).expect(404);
    const waiting = list.body.items[2].id;
    const notYet = await env.api().post(`/api/staff/classes/sessions/${sessionId}/check-ins`).set(bearer(token)).send({ enrollmentId: waiting }).expect(409);
    expect(notYet.body.error.code).toBe('NOT_ENROLLED');
    const both = await env.api().post(`/api/staff/classes/sessions/${sessionId}/check-ins`).set(bearer(token)).send({ enrollmentId: waiting, code: 'ABCDEF' }).expect(400);
    expect(both.body.error.details[0].path).toBe('code');

    // She sees it in 我的课程; she can no longer cancel.
    const mineA = await env.api().get('/api/classes/enrollments/mine').set(bearer(a.token)).expect(200);
    expect(mineA.body.items[0]).toMatchObject({ status: 'attended', canCancel: false });

    // Statistics: once the session has started it counts as held, with 2 attendees.
    const station = await env.centerId('zj-station');
    const period = { from: new Date(env.clock.now().getTime() - 86400_000), to: new Date(env.clock.now().getTime() + 86400_000) };
    const before = await env.services.classes.stats({ ...period, centerId: station });
    env.clock.advance(31 * 60_000);
    try {
      const after = await env.services.classes.stats({ ...period, centerId: station });
      expect(after.held - before.held).toBe(1);
      expect(after.attendees - before.attendees).toBe(2);
      const other = await env.services.classes.stats({ ...period, centerId: await env.centerId('wuchuan') });
      expect(other).toEqual({ held: 0, attendees: 0 });
    } finally {
      env.clock.reset();
    }
  });

  it('check-in opens one hour before the start', async () => {
    const admin = await env.adminToken();
    const { sessionId } = await createSession(env, { capacity: 2, startInMs: 2 * 86400_000 });
    const u = await env.userToken('early');
    const e = await enrol(env, u.token, sessionId).expect(201);
    const early = await env.api().post(`/api/staff/classes/sessions/${sessionId}/check-ins`).set(bearer(admin)).send({ enrollmentId: e.body.id }).expect(409);
    expect(early.body.error.code).toBe('CHECK_IN_NOT_OPEN');
  });
});
