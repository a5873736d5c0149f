import { shanghaiDate, shanghaiWeekday } from '@zjh/shared';

/*
 * Every time in this service is Asia/Shanghai (UTC+8, no daylight saving), whatever time zone the
 * phone or the staff member's computer is set to. These helpers never use the device's local time.
 */

const WEEKDAY_NAMES = ['一', '二', '三', '四', '五', '六', '日'];

/** 周一 … 周日 for 1 … 7. */
export function weekdayName(weekday: number): string {
  return `周${WEEKDAY_NAMES[weekday - 1] ?? ''}`;
}

/** Today's date in Asia/Shanghai (YYYY-MM-DD). */
export function todayShanghai(now: Date = new Date()): string {
  return shanghaiDate(now);
}

/** A calendar date `days` later (or earlier), YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday for a calendar date. */
export function weekdayOfDate(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The Monday of the week a date falls in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOfDate(date));
}

/** The Asia/Shanghai date of an ISO instant. */
export function dateOf(iso: string): string {
  return shanghaiDate(new Date(iso));
}

/** HH:MM of an ISO instant, Asia/Shanghai. */
export function timeOf(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(11, 16);
}

/** 12月3日 周四 */
export function formatDay(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日 ${weekdayName(weekdayOfDate(date))}`;
}

/** 12月3日 周四 09:00–09:50 */
export function formatRange(startIso: string, endIso: string): string {
  return `${formatDay(dateOf(startIso))} ${timeOf(startIso)}–${timeOf(endIso)}`;
}

/** 今天 / 明天 / 后天 for the next dates, otherwise nothing. */
export function relativeDay(date: string, now: Date = new Date()): string {
  const today = todayShanghai(now);
  if (date === today) return '今天';
  if (date === addDays(today, 1)) return '明天';
  if (date === addDays(today, 2)) return '后天';
  return '';
}

/** The weekday (1–7) of an ISO instant in Asia/Shanghai. */
export function weekdayOfInstant(iso: string): number {
  return shanghaiWeekday(new Date(iso));
}
