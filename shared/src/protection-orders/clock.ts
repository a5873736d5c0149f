import { SHANGHAI_OFFSET_MS } from '../requests/deadlines';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Days before an order ends when she is reminded and the board shows it as expiring. */
export const EXPIRY_NOTICE_DAYS = 14;
/** Art. 31: reconsideration may be applied for within five days of the ruling. */
export const RECONSIDERATION_DAYS = 5;
/** Art. 30: an order is valid for at most six months. */
export const MAX_VALIDITY_MONTHS = 6;

/** Art. 28: the court rules within 72 hours of accepting the application, 24 hours when urgent. */
export function decisionDeadline(filedAt: Date, urgent: boolean): Date {
  return new Date(filedAt.getTime() + (urgent ? 24 : 72) * HOUR);
}

/** Filed, no ruling recorded, and the decision deadline has passed. */
export function isDecisionOverdue(status: string, decisionDueAt: Date | null, now: Date): boolean {
  return status === 'filed' && decisionDueAt !== null && now.getTime() > decisionDueAt.getTime();
}

/** Last moment to apply for reconsideration of a rejection (art. 31). */
export function reconsiderationDeadline(decidedAt: Date): Date {
  return new Date(decidedAt.getTime() + RECONSIDERATION_DAYS * DAY);
}

/** `date` (YYYY-MM-DD) plus `months` calendar months, clamped to the end of a shorter month. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The last day an order starting on `validFrom` may run to: six months, the last day inclusive. */
export function maxValidTo(validFrom: string): string {
  return addDays(addMonths(validFrom, MAX_VALIDITY_MONTHS), -1);
}

/** Why a validity period cannot be recorded (zh-CN), or null when it is lawful. */
export function validityProblem(validFrom: string, validTo: string): { path: 'validFrom' | 'validTo'; message: string } | null {
  if (validTo < validFrom) return { path: 'validTo', message: '有效期截止日不能早于起始日' };
  if (validTo > maxValidTo(validFrom)) return { path: 'validTo', message: `保护令有效期不超过六个月（最晚至 ${maxValidTo(validFrom)}）` };
  return null;
}

/** The instant an order stops protecting her: the end of its last day, Asia/Shanghai. */
export function orderEndsAt(validTo: string): Date {
  return new Date(Date.parse(`${addDays(validTo, 1)}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

/** When the expiry reminder is sent: 09:00 Asia/Shanghai, fourteen days before the order ends. */
export function expiryReminderAt(validTo: string): Date {
  return new Date(orderEndsAt(validTo).getTime() - EXPIRY_NOTICE_DAYS * DAY + 9 * HOUR);
}

/** In force, and ending within the next fourteen days. */
export function isExpiringSoon(validTo: string, now: Date): boolean {
  const end = orderEndsAt(validTo).getTime();
  return now.getTime() < end && now.getTime() >= end - EXPIRY_NOTICE_DAYS * DAY;
}

export function isExpired(validTo: string, now: Date): boolean {
  return now.getTime() >= orderEndsAt(validTo).getTime();
}
