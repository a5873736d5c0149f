import type { ConsultationMode, ProviderDto, ProviderRulesInput } from '@zjh/shared';

/** The editable form of a provider's settings (times HH:MM, Asia/Shanghai). */
export interface RulesDraft {
  slotMinutes: number;
  bufferMinutes: number;
  modes: ConsultationMode[];
  rules: Array<{ key: string; weekday: number; start: string; end: string }>;
  exceptions: Array<{ key: string; date: string; allDay: boolean; start: string; end: string; reason: string }>;
}

let seq = 0;
/** Row keys for React; never sent. */
export const rowKey = () => `row-${++seq}`;

export function draftOf(p: ProviderDto): RulesDraft {
  return {
    slotMinutes: p.slotMinutes,
    bufferMinutes: p.bufferMinutes,
    modes: [...p.modes],
    rules: [...p.rules]
      .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start))
      .map((r) => ({ key: rowKey(), weekday: r.weekday, start: r.start, end: r.end })),
    // City-wide holidays are not hers to edit: only her own leave goes into the editable list.
    exceptions: p.exceptions
      .filter((e) => !e.global)
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((e) => ({ key: rowKey(), date: e.date, allDay: !e.start || !e.end, start: e.start ?? '09:00', end: e.end ?? '12:00', reason: e.reason ?? '' })),
  };
}

/** Every quarter hour from 06:00 to 22:00. */
export const TIME_OPTIONS: string[] = Array.from({ length: (22 - 6) * 4 + 1 }, (_, i) => {
  const m = 6 * 60 + i * 15;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
});

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const toHHMM = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The start times one weekly rule yields with this slot length and buffer (what she will be able to book). */
export function startsOf(rule: { start: string; end: string }, slotMinutes: number, bufferMinutes: number): string[] {
  const out: string[] = [];
  for (let m = toMinutes(rule.start); m + slotMinutes <= toMinutes(rule.end); m += slotMinutes + bufferMinutes) out.push(toHHMM(m));
  return out;
}

/**
 * The PUT /api/staff/providers/:id body, or the first problem in words. Lists are sent whole: the
 * server replaces the weekly rules and the exceptions with what is sent.
 */
export function toRulesInput(d: RulesDraft): { input?: ProviderRulesInput; error?: string } {
  if (d.modes.length === 0) return { error: '请至少选择一种咨询方式' };
  for (const r of d.rules) {
    if (r.start >= r.end) return { error: '每周值班时间：结束时间须晚于开始时间' };
  }
  for (const e of d.exceptions) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date)) return { error: '请假/休息：请选择日期' };
    if (!e.allDay && e.start >= e.end) return { error: `请假/休息（${e.date}）：结束时间须晚于开始时间` };
  }
  return {
    input: {
      slotMinutes: d.slotMinutes,
      bufferMinutes: d.bufferMinutes,
      modes: d.modes,
      rules: d.rules.map((r) => ({ weekday: r.weekday, start: r.start, end: r.end })),
      exceptions: d.exceptions.map((e) => ({
        date: e.date,
        ...(e.allDay ? {} : { start: e.start, end: e.end }),
        ...(e.reason.trim() ? { reason: e.reason.trim().slice(0, 100) } : {}),
      })),
    },
  };
}
