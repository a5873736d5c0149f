import { In } from 'typeorm';
import { bearer, describeEachDb, type TestEnv } from '../../test-support/test-env';
import { OutboxEntity } from '../notifications/outbox.entity';
import { TimelineEventEntity } from '../timeline/timeline.entity';
import { ClassEnrolmentEntity, ClassSessionEntity } from './classes.entity';
import { cancel, createSession, enrol, publicSession } from '../../test-support/classes-fixtures';

/** What must hold for a session whatever happened: no overbooking, no place left idle while people wait. */
async function expectConsistent(env: TestEnv, sessionId: string) {
  const s = await env.ds.getRepository(ClassSessionEntity).findOneByOrFail({ id: sessionId });
  const rows = await env.ds.getRepository(ClassEnrolmentEntity).findBy({ sessionId });
  const holding = rows.filter((r) => r.status === 'enrolled' || r.status === 'attended').length;
  const waiting = rows.filter((r) => r.status === 'waitlisted');
  expect(s.taken).toBe(holding);
  expect(holding).toBeLessThanOrEqual(s.capacity);
  if (waiting.length > 0) expect(holding).toBe(s.capacity);
  expect(new Set(waiting.map((w) => w.waitSeq)).size).toBe(waiting.length);
  return { holding, waiting: waiting.length, rows };
}

const people = (env: TestEnv, n: number, prefix: string) => Promise.all(Array.from({ length: n }, (_, i) => env.userToken(`${prefix}-${i}`)));

describeEachDb('class enrolment and the waiting list', (env) => {
  it('capacity 3, 10 people enrol at once: exactly 3 enrolled and 7 waitlisted with positions 1..7', async () => {
    const { sessionId } = await createSession(env, { capacity: 3 });
    const users = await people(env, 10, 'race-a');
    const results = await Promise.all(users.map((u) => enrol(env, u.token, sessionId, { notify: true })));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    const enrolled = results.filter((r) => r.body.status === 'enrolled');
    const waitlisted = results.filter((r) => r.body.status === 'waitlisted');
    expect(enrolled).toHaveLength(3);
    expect(waitlisted).toHaveLength(7);
    expect(waitlisted.map((r) => r.body.position).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(enrolled.every((r) => r.body.position === undefined)).toBe(true);
    const view = await publicSession(env, sessionId);
    expect(view).toMatchObject({ capacity: 3, placesLeft: 0, waitlistLength: 7 });
    await expectConsistent(env, sessionId);
  }, 60_000);

  it('then 3 of the enrolled cancel at once: exactly the first 3 waiting are promoted, each once, and told once', async () => {
    const { sessionId } = await createSession(env, { capacity: 3 });
    const users = await people(env, 10, 'race-b');
    const joined: Array<{ user: { token: string; id: string }; status: string; position?: number }> = [];
    for (const u of users) {
      const r = await enrol(env, u.token, sessionId, { notify: true }).expect(201);
      joined.push({ user: u, status: r.body.status, position: r.body.position });
    }
    const holders = joined.filter((j) => j.status === 'enrolled');
    const queue = joined.filter((j) => j.status === 'waitlisted').sort((a, b) => a.position! - b.position!);
    const cancels = await Promise.all(holders.map((h) => cancel(env, h.user.token, sessionId)));
    expect(cancels.map((r) => r.status)).toEqual([200, 200, 200]);

    const { holding, waiting, rows } = await expectConsistent(env, sessionId);
    expect(holding).toBe(3);
    expect(waiting).toBe(4);
    const promotedIds = queue.slice(0, 3).map((q) => q.user.id);
    const nowEnrolled = rows.filter((r) => r.status === 'enrolled');
    expect(nowEnrolled.map((r) => r.userId).sort()).toEqual([...promotedIds].sort());
    expect(nowEnrolled.every((r) => r.promotedAt !== null)).toBe(true);

    const notices = await env.ds.getRepository(OutboxEntity).findBy({ template: 'waitlist_promoted', userId: In(users.map((u) => u.id)) });
    expect(notices.map((n) => n.userId).sort()).toEqual([...promotedIds].sort());
    const promotions = await env.ds.getRepository(TimelineEventEntity).findBy({ entityType: 'class_enrolment', entityId: In(rows.map((r) => r.id)), toValue: 'enrolled', fromValue: 'waitlisted' });
    expect(promotions).toHaveLength(3);
    expect(new Set(promotions.map((p) => p.entityId)).size).toBe(3);

    // The ones who cancelled lose their reminders; the promoted ones (notify: true) get theirs.
    const cancelledIds = rows.filter((r) => r.status === 'cancelled').map((r) => r.id);
    const oldReminders = await env.ds.getRepository(OutboxEntity).findBy({ template: 'class_reminder', userId: In(holders.map((h) => h.user.id)) });
    expect(oldReminders.length).toBeGreaterThan(0);
    expect(oldReminders.every((r) => r.state === 'cancelled')).toBe(true);
    expect(cancelledIds).toHaveLength(3);
    const newReminders = await env.ds.getRepository(OutboxEntity).findBy({ template: 'class_reminder', userId: In(promotedIds), state: 'pending' });
    expect(newReminders).toHaveLength(6);

    const remaining = await Promise.all(queue.slice(3).map((q) => publicSession(env, sessionId, q.user.token)));
    expect(remaining.map((s) => s.myPosition)).toEqual([1, 2, 3, 4]);
  }, 60_000);

  it('enrolments and cancellations racing together never overbook and never leave a place idle while people wait', async () => {
    const { sessionId } = await createSession(env, { capacity: 4 });
    const first = await people(env, 6, 'race-c');
    const firstRes = [];
    for (const u of first) firstRes.push((await enrol(env, u.token, sessionId).expect(201)).body.status);
    const holders = first.filter((_, i) => firstRes[i] === 'enrolled');
    const newcomers = await people(env, 8, 'race-c-new');
    const waiting = first.filter((_, i) => firstRes[i] === 'waitlisted');
    const ops = [
      ...holders.slice(0, 3).map((h) => cancel(env, h.token, sessionId)),
      ...waiting.slice(0, 1).map((w) => cancel(env, w.token, sessionId)),
      ...newcomers.map((n) => enrol(env, n.token, sessionId)),
    ];
    const results = await Promise.all(ops);
    expect(results.filter((r) => r.status !== 200 && r.status !== 201).map((r) => [r.status, r.body])).toEqual([]);
    const { holding, waiting: left } = await expectConsistent(env, sessionId);
    expect(holding).toBe(4);
    expect(holding + left).toBe(6 - 4 + 8);
  }, 60_000);

  it('enrolling twice is a 409, whether she holds a place or waits; the same person racing herself gets one place', async () => {
    const { sessionId } = await createSession(env, { capacity: 1 });
    const a = await env.userToken('dup-a');
    const b = await env.userToken('dup-b');
    await enrol(env, a.token, sessionId).expect(201);
    const again = await enrol(env, a.token, sessionId).expect(409);
    expect(again.body.error.code).toBe('ALREADY_ENROLLED');
    await enrol(env, b.token, sessionId).expect(201);
    const waitingAgain = await enrol(env, b.token, sessionId).expect(409);
    expect(waitingAgain.body.error.code).toBe('ALREADY_ENROLLED');

    const { sessionId: other } = await createSession(env, { capacity: 5 });
    const c = await env.userToken('dup-c');
    const burst = await Promise.all(Array.from({ length: 5 }, () => enrol(env, c.token, other)));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(1);
    expect(burst.filter((r) => r.status === 409).every((r) => r.body.error.code === 'ALREADY_ENROLLED')).toBe(true);
    const { holding } = await expectConsistent(env, other);
    expect(holding).toBe(1);
  }, 60_000);

  it('she can leave the waiting list; those behind her move up and no place changes hands', async () => {
    const { sessionId } = await createSession(env, { capacity: 1 });
    const [holder, w1, w2] = await people(env, 3, 'leave');
    await enrol(env, holder.token, sessionId).expect(201);
    expect((await enrol(env, w1.token, sessionId).expect(201)).body).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await enrol(env, w2.token, sessionId).expect(201)).body).toMatchObject({ status: 'waitlisted', position: 2 });
    const left = await cancel(env, w1.token, sessionId).expect(200);
    expect(left.body.status).toBe('cancelled');
    expect((await publicSession(env, sessionId, w2.token)).myPosition).toBe(1);
    expect((await publicSession(env, sessionId, holder.token)).myStatus).toBe('enrolled');
    expect(await env.ds.getRepository(OutboxEntity).countBy({ template: 'waitlist_promoted', userId: In([w1.id, w2.id]) })).toBe(0);
    await cancel(env, w1.token, sessionId).expect(404);
    // She may join again later (at the back of the line).
    expect((await enrol(env, w1.token, sessionId).expect(201)).body).toMatchObject({ status: 'waitlisted', position: 2 });
  });

  it('after the enrolment deadline or once the session started: 409 with a clear code; cancelling a started session is 409 too', async () => {
    const closed = await createSession(env, { startInMs: 2 * 3600_000, deadlineInMs: -60_000 });
    const u = await env.userToken('late');
    const late = await enrol(env, u.token, closed.sessionId).expect(409);
    expect(late.body.error.code).toBe('ENROLMENT_CLOSED');

    const soon = await createSession(env, { startInMs: 2 * 3600_000 });
    await enrol(env, u.token, soon.sessionId).expect(201);
    const started = await createSession(env, { startInMs: -10 * 60_000 });
    const tooLate = await enrol(env, u.token, started.sessionId).expect(409);
    expect(tooLate.body.error.code).toBe('SESSION_STARTED');
    env.clock.advance(2 * 3600_000 + 60_000);
    try {
      const c = await cancel(env, u.token, soon.sessionId).expect(409);
      expect(c.body.error.code).toBe('SESSION_STARTED');
    } finally {
      env.clock.reset();
    }
  });

  it('an unknown or unpublished session is 404; staff cannot enrol (403); without a token 401; bad input 400 with the field', async () => {
    const u = await env.userToken('edge');
    await enrol(env, u.token, 'NoSuchSession1234567').expect(404);
    const draft = await createSession(env, { published: false });
    await enrol(env, u.token, draft.sessionId).expect(404);
    const { sessionId } = await createSession(env);
    const staff = await env.staffToken('center_staff', 'zj-station');
    await enrol(env, staff.token, sessionId).expect(403);
    await env.api().post(`/api/classes/sessions/${sessionId}/enrollments`).send({}).expect(401);
    const bad = await enrol(env, u.token, sessionId, { notify: 'yes', extra: 1 }).expect(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['extra', 'notify']);
    const badId = await enrol(env, u.token, 'x').expect(400);
    expect(badId.body.error.details[0].path).toBe('params.id');
  });

  it('a repeated POST with the same Idempotency-Key returns the first answer and enrols once', async () => {
    const { sessionId } = await createSession(env, { capacity: 2 });
    const u = await env.userToken('idem');
    const one = await env.api().post(`/api/classes/sessions/${sessionId}/enrollments`).set(bearer(u.token)).set('Idempotency-Key', 'enrol-1').send({}).expect(201);
    const two = await env.api().post(`/api/classes/sessions/${sessionId}/enrollments`).set(bearer(u.token)).set('Idempotency-Key', 'enrol-1').send({}).expect(201);
    expect(two.body).toEqual(one.body);
    expect(await env.ds.getRepository(ClassEnrolmentEntity).countBy({ sessionId })).toBe(1);
  });

  it('"delete my data" gives up her future place to the next in line and unlinks her enrolments', async () => {
    const { sessionId } = await createSession(env, { capacity: 1 });
    const her = await env.userToken('erase-her');
    const next = await env.userToken('erase-next');
    await enrol(env, her.token, sessionId, { name: '王女士', phone: '13800000000' }).expect(201);
    await enrol(env, next.token, sessionId).expect(201);
    const exported = await env.api().get('/api/me/data').set(bearer(her.token)).expect(200);
    expect(exported.body.classes).toHaveLength(1);
    expect(exported.body.classes[0].session.id).toBe(sessionId);
    await env.api().delete('/api/me').set(bearer(her.token)).expect(204);
    expect((await publicSession(env, sessionId, next.token)).myStatus).toBe('enrolled');
    expect(await env.ds.getRepository(ClassEnrolmentEntity).countBy({ userId: her.id })).toBe(0);
    const rows = await env.ds.getRepository(ClassEnrolmentEntity).findBy({ sessionId, status: 'cancelled' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: null, name: null, phone: null, activeKey: null });
    await expectConsistent(env, sessionId);
  });
});
