import { SHANGHAI_OFFSET_MS } from '../requests/deadlines';

/** A weekly availability rule: on `weekday` (1 = Monday … 7 = Sunday) from `start` to `end`, Asia/Shanghai. */
export interface WeeklyRule {
  weekday: number;
  start: string;
  end: string;
}

/** Time off: a whole day (no times) or a part of it, Asia/Shanghai. */
export interface DateException {
  date: string;
  start?: string | null;
  end?: string | null;
}

export interface SlotPolicy {
  slotMinutes: number;
  bufferMinutes: number;
  /** Earliest start: now + minimum notice. */
  notBefore: Date;
  /** Latest start: now + booking window. */
  notAfter: Date;
}

export interface Slot {
  start: Date;
  end: Date;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of `date` at `hhmm`, Asia/Shanghai. */
export function shanghaiInstant(date: string, hhmm: string): Date {
  return new Date(Date.parse(`${date}T${hhmm}:00Z`) - SHANGHAI_OFFSET_MS);
}

/** ISO 8601 with the +08:00 offset, as the API shows times. */
export function toShanghaiIso(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

function weekdayOf(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Every date from `from` to `to` inclusive (YYYY-MM-DD). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/**
 * One provider's bookable slots between two dates: rules laid on a grid of slot + buffer, minus
 * time off, minus taken starts, within the notice and the booking window.
 */
export function computeSlots(
  rules: WeeklyRule[],
  exceptions: DateException[],
  taken: Set<number>,
  policy: SlotPolicy,
  fromDate: string,
  toDate: string,
): Slot[] {
  const slots: Slot[] = [];
  const step = policy.slotMinutes + policy.bufferMinutes;
  for (const date of datesBetween(fromDate, toDate)) {
    const dayOff = exceptions.filter((e) => e.date === date);
    if (dayOff.some((e) => !e.start || !e.end)) continue;
    for (const rule of rules.filter((r) => r.weekday === weekdayOf(date))) {
      for (let m = minutes(rule.start); m + policy.slotMinutes <= minutes(rule.end); m += step) {
        const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        const start = shanghaiInstant(date, hhmm);
        const end = new Date(start.getTime() + policy.slotMinutes * 60_000);
        if (start < policy.notBefore || start > policy.notAfter) continue;
        if (taken.has(start.getTime())) continue;
        const blocked = dayOff.some((e) => {
          const offStart = shanghaiInstant(date, e.start!);
          const offEnd = shanghaiInstant(date, e.end!);
          return start < offEnd && end > offStart;
        });
        if (!blocked) slots.push({ start, end });
      }
    }
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}
