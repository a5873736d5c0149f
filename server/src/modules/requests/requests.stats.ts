import type { DataSource } from 'typeorm';
import { Channel, Priority, RequestCategory } from '@zjh/shared';
import { num, shanghaiMonth, zeroCounts, type StatsAreas, type StatsPeriod } from '../stats/stats.types';
import { HelpRequestEntity } from './request.entity';

/**
 * 接访 figures: every request received in the period counts as a case (宗), its persons as 人次,
 * whatever became of it — as in the Federation's yearly report.
 */
export async function requestStats(ds: DataSource, period: StatsPeriod, now: Date): Promise<StatsAreas['requests']> {
  const qb = () => {
    const q = ds.getRepository(HelpRequestEntity).createQueryBuilder('r').where('r.createdAt >= :from AND r.createdAt < :to', { from: period.from, to: period.to });
    return period.centerId ? q.andWhere('r.centerId = :centerId', { centerId: period.centerId }) : q;
  };
  const group = async (column: 'category' | 'channel') => {
    const rows = await qb().select(`r.${column}`, 'k').addSelect('COUNT(*)', 'n').groupBy(`r.${column}`).getRawMany<{ k: string; n: unknown }>();
    return Object.fromEntries(rows.map((r) => [r.k, num(r.n)]));
  };
  const totals = await qb()
    .select('COUNT(*)', 'cases')
    .addSelect('SUM(r.personsCount)', 'persons')
    .addSelect('SUM(CASE WHEN r.urgent = :t THEN 1 ELSE 0 END)', 'urgent')
    .addSelect('SUM(CASE WHEN r.serious = :t THEN 1 ELSE 0 END)', 'serious')
    .addSelect('SUM(CASE WHEN r.difficult = :t THEN 1 ELSE 0 END)', 'difficult')
    .addSelect('SUM(CASE WHEN (r.acceptedAt IS NOT NULL AND r.acceptedAt > r.acceptDueAt) OR (r.acceptedAt IS NULL AND r.acceptDueAt < :now) THEN 1 ELSE 0 END)', 'overdue')
    .setParameters({ t: true, now })
    .getRawOne<Record<string, unknown>>();
  const timing = await qb().select(['r.createdAt', 'r.acceptedAt', 'r.centerId', 'r.personsCount']).getMany();
  const hours = timing.filter((r) => r.acceptedAt).map((r) => (r.acceptedAt!.getTime() - r.createdAt.getTime()) / 3600_000).sort((a, b) => a - b);
  const median = hours.length ? (hours.length % 2 ? hours[(hours.length - 1) / 2] : (hours[hours.length / 2 - 1] + hours[hours.length / 2]) / 2) : null;
  const months = new Map<string, { cases: number; persons: number }>();
  const centers = new Map<string, { cases: number; persons: number }>();
  for (const r of timing) {
    const m = months.get(shanghaiMonth(r.createdAt)) ?? { cases: 0, persons: 0 };
    months.set(shanghaiMonth(r.createdAt), { cases: m.cases + 1, persons: m.persons + r.personsCount });
    const c = centers.get(r.centerId) ?? { cases: 0, persons: 0 };
    centers.set(r.centerId, { cases: c.cases + 1, persons: c.persons + r.personsCount });
  }
  return {
    cases: num(totals?.cases),
    persons: num(totals?.persons),
    byCategory: { ...zeroCounts(RequestCategory.codes), ...(await group('category')) },
    byChannel: { ...zeroCounts(Channel.codes), ...(await group('channel')) },
    byPriority: { ...zeroCounts(Priority.codes), urgent: num(totals?.urgent), serious: num(totals?.serious), difficult: num(totals?.difficult) },
    overdue: num(totals?.overdue),
    medianHoursToAccept: median === null ? null : Math.round(median * 10) / 10,
    byMonth: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, v]) => ({ month, ...v })),
    byCenter: [...centers.entries()].map(([centerId, v]) => ({ centerId, ...v })),
  };
}
