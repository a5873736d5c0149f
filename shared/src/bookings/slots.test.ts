import { computeSlots, shanghaiDate, shanghaiInstant, toShanghaiIso } from './slots';

// 2026-12-02 is a Wednesday; 2026-12-03 a Thursday.
const WED_MORNING = [{ weekday: 3, start: '09:00', end: '12:00' }];
const far = { notBefore: new Date('2026-01-01T00:00:00Z'), notAfter: new Date('2027-12-31T00:00:00Z') };

describe('slot computation (Asia/Shanghai)', () => {
  it('lays a weekly rule on a grid of slot length plus buffer', () => {
    const slots = computeSlots(WED_MORNING, [], new Set(), { ...far, slotMinutes: 50, bufferMinutes: 10 }, '2026-11-30', '2026-12-06');
    expect(slots.map((s) => toShanghaiIso(s.start))).toEqual(['2026-12-02T09:00:00+08:00', '2026-12-02T10:00:00+08:00', '2026-12-02T11:00:00+08:00']);
    expect(toShanghaiIso(slots[0].end)).toBe('2026-12-02T09:50:00+08:00');
  });

  it('a longer buffer leaves fewer slots; a slot never runs past the end of the rule', () => {
    const slots = computeSlots(WED_MORNING, [], new Set(), { ...far, slotMinutes: 60, bufferMinutes: 30 }, '2026-12-02', '2026-12-02');
    expect(slots.map((s) => toShanghaiIso(s.start))).toEqual(['2026-12-02T09:00:00+08:00', '2026-12-02T10:30:00+08:00']);
  });

  it('honours the minimum notice and the booking window', () => {
    const notBefore = new Date('2026-12-02T09:30:00+08:00');
    const notAfter = new Date('2026-12-09T10:00:00+08:00');
    const slots = computeSlots(WED_MORNING, [], new Set(), { notBefore, notAfter, slotMinutes: 50, bufferMinutes: 10 }, '2026-12-01', '2026-12-16');
    expect(slots.map((s) => toShanghaiIso(s.start))).toEqual([
      '2026-12-02T10:00:00+08:00',
      '2026-12-02T11:00:00+08:00',
      '2026-12-09T09:00:00+08:00',
      '2026-12-09T10:00:00+08:00',
    ]);
  });

  it('a whole-day exception (leave, public holiday) removes the day; a partial one only what it overlaps', () => {
    const policy = { ...far, slotMinutes: 50, bufferMinutes: 10 };
    expect(computeSlots(WED_MORNING, [{ date: '2026-12-02' }], new Set(), policy, '2026-12-02', '2026-12-02')).toEqual([]);
    const partial = computeSlots(WED_MORNING, [{ date: '2026-12-02', start: '09:30', end: '10:30' }], new Set(), policy, '2026-12-02', '2026-12-02');
    expect(partial.map((s) => toShanghaiIso(s.start))).toEqual(['2026-12-02T11:00:00+08:00']);
  });

  it('taken starts are not offered', () => {
    const taken = new Set([shanghaiInstant('2026-12-02', '10:00').getTime()]);
    const slots = computeSlots(WED_MORNING, [], taken, { ...far, slotMinutes: 50, bufferMinutes: 10 }, '2026-12-02', '2026-12-02');
    expect(slots.map((s) => toShanghaiIso(s.start))).toEqual(['2026-12-02T09:00:00+08:00', '2026-12-02T11:00:00+08:00']);
  });

  it('a late-evening rule stays on its Shanghai day although it is the previous day in UTC... and early-morning ones too', () => {
    const slots = computeSlots([{ weekday: 3, start: '07:00', end: '08:00' }, { weekday: 3, start: '23:00', end: '23:59' }], [], new Set(), { ...far, slotMinutes: 50, bufferMinutes: 0 }, '2026-12-02', '2026-12-02');
    expect(slots.map((s) => s.start.toISOString())).toEqual(['2026-12-01T23:00:00.000Z', '2026-12-02T15:00:00.000Z']);
    expect(slots.map((s) => shanghaiDate(s.start))).toEqual(['2026-12-02', '2026-12-02']);
  });
});
