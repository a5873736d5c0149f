import {
  addMonths,
  decisionDeadline,
  expiryReminderAt,
  isDecisionOverdue,
  isExpired,
  isExpiringSoon,
  maxValidTo,
  orderEndsAt,
  reconsiderationDeadline,
  validityProblem,
} from './clock';

describe('protection-order decision clock (art. 28)', () => {
  const filedAt = new Date('2026-03-02T10:00:00+08:00');

  it('the court has 72 hours, or 24 when urgent', () => {
    expect(decisionDeadline(filedAt, false).toISOString()).toBe(new Date('2026-03-05T10:00:00+08:00').toISOString());
    expect(decisionDeadline(filedAt, true).toISOString()).toBe(new Date('2026-03-03T10:00:00+08:00').toISOString());
  });

  it('is overdue only while filed and past the deadline', () => {
    const due = decisionDeadline(filedAt, true);
    const justAfter = new Date(due.getTime() + 1);
    expect(isDecisionOverdue('filed', due, due)).toBe(false);
    expect(isDecisionOverdue('filed', due, justAfter)).toBe(true);
    expect(isDecisionOverdue('granted', due, justAfter)).toBe(false);
    expect(isDecisionOverdue('filed', null, justAfter)).toBe(false);
  });

  it('a rejection can be reconsidered for five days (art. 31)', () => {
    expect(reconsiderationDeadline(filedAt).toISOString()).toBe(new Date('2026-03-07T10:00:00+08:00').toISOString());
  });
});

describe('protection-order validity and expiry (art. 30)', () => {
  it('six calendar months, clamped at month ends', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-08-15', 6)).toBe('2027-02-15');
    expect(maxValidTo('2026-01-01')).toBe('2026-06-30');
    expect(maxValidTo('2026-03-15')).toBe('2026-09-14');
  });

  it('accepts up to six months and refuses longer or reversed periods', () => {
    expect(validityProblem('2026-01-01', '2026-06-30')).toBeNull();
    expect(validityProblem('2026-01-01', '2026-01-01')).toBeNull();
    expect(validityProblem('2026-01-01', '2026-07-01')?.message).toContain('六个月');
    expect(validityProblem('2026-01-10', '2026-01-09')?.path).toBe('validTo');
  });

  it('an order ends at the end of its last day in Asia/Shanghai', () => {
    expect(orderEndsAt('2026-06-30').toISOString()).toBe('2026-06-30T16:00:00.000Z');
  });

  it('the reminder is due at 09:00 fourteen days before the end', () => {
    expect(expiryReminderAt('2026-06-30').toISOString()).toBe(new Date('2026-06-17T09:00:00+08:00').toISOString());
  });

  it('is "expiring soon" during the last fourteen days, then expired', () => {
    expect(isExpiringSoon('2026-06-30', new Date('2026-06-16T23:59:59+08:00'))).toBe(false);
    expect(isExpiringSoon('2026-06-30', new Date('2026-06-17T00:00:00+08:00'))).toBe(true);
    expect(isExpiringSoon('2026-06-30', new Date('2026-06-30T23:59:59+08:00'))).toBe(true);
    expect(isExpired('2026-06-30', new Date('2026-06-30T23:59:59+08:00'))).toBe(false);
    expect(isExpiringSoon('2026-06-30', new Date('2026-07-01T00:00:00+08:00'))).toBe(false);
    expect(isExpired('2026-06-30', new Date('2026-07-01T00:00:00+08:00'))).toBe(true);
  });
});
