import type { Stats } from '@zjh/shared';
import { addDays } from '../../../services/shanghai-time';
import type { StatsPeriodQuery } from '../../services/staff-stats';

/** The period a staff member picked: a calendar year, or from one day to another (both included). */
export type PeriodChoice = { kind: 'year'; year: number } | { kind: 'range'; from: string; to: string };

/** The API's period: from (inclusive) and to (exclusive), as Shanghai dates. */
export function periodQuery(p: PeriodChoice, centerId?: string): StatsPeriodQuery {
  const base = p.kind === 'year' ? { from: `${p.year}-01-01`, to: `${p.year + 1}-01-01` } : { from: p.from, to: addDays(p.to, 1) };
  return centerId ? { ...base, centerId } : base;
}

export function periodText(p: PeriodChoice): string {
  return p.kind === 'year' ? `${p.year} 年（${p.year}-01-01 至 ${p.year}-12-31）` : `${p.from} 至 ${p.to}`;
}

/** The year the yearly report is exported for: the chosen year, or the year the range starts in. */
export function reportYear(p: PeriodChoice): number {
  return p.kind === 'year' ? p.year : Number(p.from.slice(0, 4));
}

/** A bar's length as a percentage of the largest value in its chart (two decimals). */
export function barPercent(value: number, max: number): number {
  return max > 0 ? Math.round((value / max) * 10000) / 100 : 0;
}

/**
 * Every month of the period with its figures: the API lists only months with requests, so the
 * months without any are shown as 0 (a long range keeps only the API's months).
 */
export function monthsOf(q: StatsPeriodQuery, byMonth: Stats['requests']['byMonth']): Stats['requests']['byMonth'] {
  const first = q.from.slice(0, 7);
  const lastDay = addDays(q.to, -1).slice(0, 7);
  const months: string[] = [];
  for (let m = first; m <= lastDay && months.length <= 36; ) {
    months.push(m);
    const [y, mo] = m.split('-').map(Number);
    m = mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
  }
  if (months.length > 36) return byMonth;
  const known = new Map(byMonth.map((x) => [x.month, x]));
  const outside = byMonth.filter((x) => !months.includes(x.month));
  return [...months.map((month) => known.get(month) ?? { month, cases: 0, persons: 0 }), ...outside].sort((a, b) => a.month.localeCompare(b.month));
}

/** 2026-03 → 3月 (with the year when the chart spans several). */
export function monthLabel(month: string, withYear: boolean): string {
  const [y, m] = month.split('-');
  return withYear ? `${y}年${Number(m)}月` : `${Number(m)}月`;
}
