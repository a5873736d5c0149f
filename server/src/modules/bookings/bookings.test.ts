import { shanghaiDate } from '@zjh/shared';
import { bearer, describeEachDb, type TestEnv } from '../../test-support/test-env';
import { BookingEntity } from './booking.entity';
import { OutboxEntity } from '../notifications/outbox.entity';

/** The Shanghai date of the next given weekday (1 = Monday) at least `minDays` ahead. */
function nextWeekday(weekday: number, minDays = 1): string {
  for (let d = minDays; d < minDays + 8; d++) {
    const date = shanghaiDate(new Date(Date.now() + d * 86400_000));
    const wd = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
    if (wd === weekday) return date;
  }
  throw new Error('unreachable');
}

/** Free lawyer slots at 湛江站 on a Thursday `week` weeks from the next one (tests spread over weeks 0–3). */
async function thursdayLawyerSlot(env: TestEnv, week = 0) {
  const date = nextWeekday(4, 2 + 7 * week);
  const res = await env.api().get('/api/slots').query({ kind: 'legal', centerId: await env.centerId('zj-station'), from: date, to: date }).expect(200);
  return { date, slots: res.body.items as Array<{ providerId: string; start: string; end: string; modes: string[]; providerName: string }> };
}

describeEachDb('consultation booking', (env) => {
  it('seeded 湛江站: counsellors on Wednesday mornings, lawyers on Thursdays 09:00–12:00 and 14:30–17:30', async () => {
    const station = await env.centerId('zj-station');
    const wed = nextWeekday(3, 2);
    const psych = await env.api().get('/api/slots').query({ kind: 'psychological', centerId: station, from: wed, to: wed }).expect(200);
    const starts = [...new Set(psych.body.items.map((s: { start: string }) => s.start.slice(11, 16)))];
    expect(starts).toEqual(['09:00', '10:00', '11:00']);
    expect(psych.body.items.every((s: { start: string }) => s.start.startsWith(wed) && s.start.endsWith('+08:00'))).toBe(true);
    const { slots } = await thursdayLawyerSlot(env);
    expect([...new Set(slots.map((s) => s.start.slice(11, 16)))]).toEqual(['09:00', '10:00', '11:00', '14:30', '15:30', '16:30']);
    const week = await env.api().get('/api/slots').query({ kind: 'psychological', centerId: station, from: shanghaiDate(new Date(Date.now() + 2 * 86400_000)), to: shanghaiDate(new Date(Date.now() + 9 * 86400_000)) }).expect(200);
    expect(week.body.items.length).toBeGreaterThanOrEqual(6);
    expect(week.body.items.every((s: { start: string }) => new Date(s.start).getUTCDay() === 3)).toBe(true);
  });

  it('books a slot; the slot then disappears for everyone; she sees it in 我的预约', async () => {
    const { slots } = await thursdayLawyerSlot(env);
    const slot = slots[0];
    const a = await env.userToken();
    const res = await env.api().post('/api/bookings').set(bearer(a.token)).send({ providerId: slot.providerId, start: slot.start, mode: slot.modes[0] }).expect(201);
    expect(res.body).toMatchObject({ status: 'confirmed', start: slot.start, provider: { id: slot.providerId } });
    const after = await thursdayLawyerSlot(env);
    expect(after.slots.find((s) => s.providerId === slot.providerId && s.start === slot.start)).toBeUndefined();
    const mine = await env.api().get('/api/bookings/mine').set(bearer(a.token)).expect(200);
    expect(mine.body.items.map((b: { id: string }) => b.id)).toContain(res.body.id);
    const b = await env.userToken();
    const taken = await env.api().post('/api/bookings').set(bearer(b.token)).send({ providerId: slot.providerId, start: slot.start, mode: slot.modes[0] }).expect(409);
    expect(taken.body.error.code).toBe('SLOT_TAKEN');
  });

  it('when 50 people book the same slot at once, exactly one gets it', async () => {
    const { slots } = await thursdayLawyerSlot(env);
    const slot = slots[1];
    const people = await Promise.all(Array.from({ length: 50 }, () => env.userToken()));
    const results = await Promise.all(people.map((p) => env.api().post('/api/bookings').set(bearer(p.token)).send({ providerId: slot.providerId, start: slot.start, mode: slot.modes[0] })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'SLOT_TAKEN')).toBe(true);
    const rows = await env.ds.getRepository(BookingEntity).findBy({ providerId: slot.providerId, startAt: new Date(slot.start), status: 'confirmed' });
    expect(rows).toHaveLength(1);
  }, 60_000);

  it('she may hold at most 3 future bookings', async () => {
    const { slots } = await thursdayLawyerSlot(env, 1);
    const free = slots.slice(2, 6);
    const { token } = await env.userToken();
    for (const s of free.slice(0, 3)) await env.api().post('/api/bookings').set(bearer(token)).send({ providerId: s.providerId, start: s.start, mode: s.modes[0] }).expect(201);
    const fourth = await env.api().post('/api/bookings').set(bearer(token)).send({ providerId: free[3].providerId, start: free[3].start, mode: free[3].modes[0] }).expect(409);
    expect(fourth.body.error.code).toBe('TOO_MANY_BOOKINGS');
  });

  it('cancelling frees the slot, writes the history, and tells those who asked to be notified', async () => {
    const { date, slots } = await thursdayLawyerSlot(env, 1);
    const s = slots[slots.length - 1];
    const her = await env.userToken('booker-cancel');
    const watcher = await env.userToken('watcher');
    const booking = await env.api().post('/api/bookings').set(bearer(her.token)).send({ providerId: s.providerId, start: s.start, mode: s.modes[0], notify: true }).expect(201);
    await env.api().post('/api/slot-watches').set(bearer(watcher.token)).send({ kind: 'legal', centerId: await env.centerId('zj-station'), date }).expect(201);
    const reminders = await env.ds.getRepository(OutboxEntity).findBy({ userId: her.id, template: 'appointment_reminder' });
    expect(reminders.length).toBeGreaterThanOrEqual(1);
    const other = await env.userToken();
    await env.api().delete(`/api/bookings/${booking.body.id}`).set(bearer(other.token)).send({}).expect(404);
    const cancelled = await env.api().delete(`/api/bookings/${booking.body.id}`).set(bearer(her.token)).send({}).expect(200);
    expect(cancelled.body.status).toBe('cancelled');
    const again = await thursdayLawyerSlot(env, 1);
    expect(again.slots.find((x) => x.providerId === s.providerId && x.start === s.start)).toBeDefined();
    const after = await env.ds.getRepository(OutboxEntity).findBy({ userId: her.id, template: 'appointment_reminder' });
    expect(after.every((r) => r.state === 'cancelled')).toBe(true);
    const offers = await env.ds.getRepository(OutboxEntity).findBy({ userId: watcher.id, template: 'slot_available' });
    expect(offers).toHaveLength(1);
    const history = await env.api().get(`/api/bookings/${booking.body.id}/history`).set(bearer(her.token)).expect(200);
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual(['booked', 'status']);
    await env.api().delete(`/api/bookings/${booking.body.id}`).set(bearer(her.token)).send({}).expect(409);
  });

  it('reschedule moves the booking to another free slot; a taken one is a 409', async () => {
    const { slots } = await thursdayLawyerSlot(env, 2);
    const byProvider = slots.filter((s) => s.providerId === slots[0].providerId);
    const { token } = await env.userToken();
    const own = (await env.api().post('/api/bookings').set(bearer(token)).send({ providerId: byProvider[0].providerId, start: byProvider[0].start, mode: byProvider[0].modes[0] }).expect(201)).body;
    const target = byProvider[1];
    const moved = await env.api().post(`/api/bookings/${own.id}/reschedule`).set(bearer(token)).send({ start: target.start }).expect(200);
    expect(moved.body.start).toBe(target.start);
    const freed = (await thursdayLawyerSlot(env, 2)).slots.find((s) => s.providerId === own.provider.id && s.start === byProvider[0].start);
    expect(freed).toBeDefined();
    const someoneElse = await env.userToken();
    const next = byProvider[2];
    await env.api().post('/api/bookings').set(bearer(someoneElse.token)).send({ providerId: next.providerId, start: next.start, mode: next.modes[0] }).expect(201);
    const clash = await env.api().post(`/api/bookings/${own.id}/reschedule`).set(bearer(token)).send({ start: next.start }).expect(409);
    expect(clash.body.error.code).toBe('SLOT_TAKEN');
  });

  it('she cannot cancel within 2 hours of the start; staff can, with a reason', async () => {
    const { slots } = await thursdayLawyerSlot(env);
    const s = slots.find((x) => x.start.slice(11, 16) === '14:30')!;
    const her = await env.userToken();
    const b = await env.api().post('/api/bookings').set(bearer(her.token)).send({ providerId: s.providerId, start: s.start, mode: s.modes[0] }).expect(201);
    env.clock.advance(new Date(s.start).getTime() - Date.now() - 60 * 60_000);
    const late = await env.api().delete(`/api/bookings/${b.body.id}`).set(bearer(her.token)).send({}).expect(409);
    expect(late.body.error.code).toBe('TOO_LATE_TO_CANCEL');
    const staff = await env.staffToken('center_staff', 'zj-station');
    await env.api().delete(`/api/bookings/${b.body.id}`).set(bearer(staff.token)).send({}).expect(400);
    const byStaff = await env.api().delete(`/api/bookings/${b.body.id}`).set(bearer(staff.token)).send({ reason: '律师临时出庭' }).expect(200);
    expect(byStaff.body.status).toBe('cancelled');
    env.clock.reset();
  });

  it('reminders 24 h and 1 h before are sent once each, across ticks and a restart; none for a cancelled booking', async () => {
    const { slots } = await thursdayLawyerSlot(env, 2);
    const [s1, s2] = slots.filter((s) => s.start.slice(11, 16) === '16:30' || s.start.slice(11, 16) === '15:30');
    const her = await env.userToken('reminder-user');
    const keep = await env.api().post('/api/bookings').set(bearer(her.token)).send({ providerId: s1.providerId, start: s1.start, mode: s1.modes[0], notify: true }).expect(201);
    const drop = await env.api().post('/api/bookings').set(bearer(her.token)).send({ providerId: s2.providerId, start: s2.start, mode: s2.modes[0], notify: true }).expect(201);
    await env.api().delete(`/api/bookings/${drop.body.id}`).set(bearer(her.token)).send({}).expect(200);
    const sentFor = async () => (await env.ds.getRepository(OutboxEntity).findBy({ userId: her.id, state: 'sent', template: 'appointment_reminder' })).map((r) => r.dedupeKey);
    env.clock.advance(new Date(s1.start).getTime() - Date.now() - 23 * 3600_000);
    await env.services.notifications.runDue();
    await env.services.notifications.runDue();
    expect(await sentFor()).toEqual([expect.stringContaining(`booking:${keep.body.id}:remind-24h`)]);
    // A "restart": a second NotificationsService over the same database sends nothing twice.
    const { NotificationsService } = await import('../notifications/notifications.service');
    const { DevelopmentSubscribeSender } = await import('../../adapters/subscribe-messages');
    const { createLogger } = await import('../../lib/logger');
    const restarted = new NotificationsService(env.ds, new DevelopmentSubscribeSender(), createLogger('silent'), env.clock.now);
    expect((await restarted.runDue()).sent).toBe(0);
    env.clock.advance(22.5 * 3600_000);
    expect((await restarted.runDue()).sent).toBe(1);
    expect((await env.services.notifications.runDue()).sent).toBe(0);
    const keys = await sentFor();
    expect(keys).toHaveLength(2);
    expect(keys.every((k) => k.includes(keep.body.id))).toBe(true);
    env.clock.reset();
  });

  it('providers see only their own bookings; the confidential note is for the provider and the admin', async () => {
    const { slots } = await thursdayLawyerSlot(env, 3);
    const s = slots[0];
    const her = await env.userToken();
    const b = await env.api().post('/api/bookings').set(bearer(her.token)).send({ providerId: s.providerId, start: s.start, mode: s.modes[0], contact: { phone: '13600136000', safeToCall: false, allowMessage: true } }).expect(201);
    const counselor = await env.staffToken('counselor', 'zj-station');
    await env.api().put(`/api/staff/providers/${counselor.id}`).set(bearer(counselor.token)).send({ rules: [{ weekday: 4, start: '09:00', end: '10:00' }], modes: ['phone'] }).expect(200);
    const own = await env.api().get('/api/staff/bookings').set(bearer(counselor.token)).expect(200);
    expect(own.body.items.map((x: { id: string }) => x.id)).not.toContain(b.body.id);
    await env.api().get(`/api/staff/bookings/${b.body.id}`).set(bearer(counselor.token)).expect(404);
    const staff = await env.staffToken('center_staff', 'zj-station');
    const seen = await env.api().get(`/api/staff/bookings/${b.body.id}`).set(bearer(staff.token)).expect(200);
    expect(seen.body.client.contact.phone).toBe('13600136000');
    expect(seen.body.client.contactAdvice).toMatchObject({ callable: false });
    await env.api().patch(`/api/staff/bookings/${b.body.id}`).set(bearer(staff.token)).send({ note: '不该由我写' }).expect(403);
    await env.api().patch(`/api/staff/bookings/${b.body.id}`).set(bearer(staff.token)).send({ status: 'attended' }).expect(409);
    const other = await env.staffToken('center_staff', 'potou');
    await env.api().get(`/api/staff/bookings/${b.body.id}`).set(bearer(other.token)).expect(404);
  });

  it.each([
    [{ kind: 'massage' }, 'query.kind'],
    [{ kind: 'legal', from: 'tomorrow' }, 'query.from'],
    [{}, 'query.kind'],
  ])('bad slot query %j is a 400 naming %s', async (query, field) => {
    const res = await env.api().get('/api/slots').query(query).expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).join(' ')).toContain(field);
  });

  it.each([
    [{ start: '2026-12-03 09:00' }, 'start'],
    [{ mode: 'letter' }, 'mode'],
    [{ providerId: undefined }, 'providerId'],
    [{ start: '2020-01-02T09:00:00+08:00' }, 'start'],
  ])('bad booking %j is a 400 naming %s', async (patch, field) => {
    const { slots } = await thursdayLawyerSlot(env, 3);
    const { token } = await env.userToken();
    const res = await env.api().post('/api/bookings').set(bearer(token)).send({ providerId: slots[0].providerId, start: slots[0].start, mode: slots[0].modes[0], ...patch }).expect(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).join(' ')).toContain(field);
  });

  it('an unknown provider is a 404; a mode the provider does not offer is a 400', async () => {
    const { token } = await env.userToken();
    const { slots } = await thursdayLawyerSlot(env, 3);
    await env.api().post('/api/bookings').set(bearer(token)).send({ providerId: 'AAAAAAAAAAAAAAAAAAAAAA', start: slots[0].start, mode: 'phone' }).expect(404);
    const notOffered = ['in_person', 'phone', 'video'].find((m) => !slots[0].modes.includes(m))!;
    const res = await env.api().post('/api/bookings').set(bearer(token)).send({ providerId: slots[0].providerId, start: slots[0].start, mode: notOffered }).expect(400);
    expect(res.body.error.details[0].path).toBe('mode');
  });
});
