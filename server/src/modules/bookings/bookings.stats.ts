import type { DataSource } from 'typeorm';
import { ConsultationKind } from '@zjh/shared';
import { num, zeroCounts, type StatsAreas, type StatsPeriod } from '../stats/stats.types';
import { BookingEntity } from './booking.entity';

/** Consultations whose appointment falls in the period: booked (not cancelled), held, no-show, by kind. */
export async function bookingStats(ds: DataSource, period: StatsPeriod): Promise<StatsAreas['consultations']> {
  let q = ds.getRepository(BookingEntity).createQueryBuilder('b').where('b.startAt >= :from AND b.startAt < :to', { from: period.from, to: period.to });
  if (period.centerId) q = q.andWhere('b.centerId = :centerId', { centerId: period.centerId });
  const rows = await q.select('b.status', 'status').addSelect('b.kind', 'kind').addSelect('COUNT(*)', 'n').groupBy('b.status').addGroupBy('b.kind').getRawMany<{ status: string; kind: string; n: unknown }>();
  const sum = (pred: (r: { status: string; kind: string }) => boolean) => rows.filter(pred).reduce((acc, r) => acc + num(r.n), 0);
  const byKind = zeroCounts(ConsultationKind.codes);
  for (const r of rows) if (r.status !== 'cancelled') byKind[r.kind] = (byKind[r.kind] ?? 0) + num(r.n);
  return {
    booked: sum((r) => r.status !== 'cancelled'),
    held: sum((r) => r.status === 'attended'),
    noShow: sum((r) => r.status === 'no_show'),
    cancelled: sum((r) => r.status === 'cancelled'),
    byKind,
  };
}
