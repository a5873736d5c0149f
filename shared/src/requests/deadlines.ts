/** Asia/Shanghai has no daylight saving time: local time is always UTC+8. */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The calendar day of an instant in Asia/Shanghai, 1 = Monday … 7 = Sunday. */
export function shanghaiWeekday(at: Date): number {
  const d = new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCDay();
  return d === 0 ? 7 : d;
}

/**
 * When a request must have been accepted: urgent (急) within 1 hour; otherwise by the end of the
 * next working day (17:30 Asia/Shanghai, Monday–Friday; public holidays are not modelled).
 */
export function acceptanceDeadline(createdAt: Date, urgent: boolean): Date {
  if (urgent) return new Date(createdAt.getTime() + 3600_000);
  const local = new Date(createdAt.getTime() + SHANGHAI_OFFSET_MS);
  let day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  do {
    day += 86400_000;
  } while ([0, 6].includes(new Date(day).getUTCDay()));
  return new Date(day + (17 * 60 + 30) * 60_000 - SHANGHAI_OFFSET_MS);
}
