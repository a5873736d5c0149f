import type { DataSource } from 'typeorm';
import { num, type StatsAreas, type StatsPeriod } from '../stats/stats.types';
import { ProtectionOrderEntity } from './protection-order.entity';

/**
 * 协助申请人身安全保护令: applications submitted in the period (whatever became of them), and the
 * court's decisions recorded in the period. Drafts never count.
 */
export async function protectionOrderStats(ds: DataSource, period: StatsPeriod): Promise<StatsAreas['protectionOrders']> {
  const qb = () => {
    const q = ds.getRepository(ProtectionOrderEntity).createQueryBuilder('p');
    return period.centerId ? q.where('p.centerId = :centerId', { centerId: period.centerId }) : q.where('1 = 1');
  };
  const row = await qb()
    .select('SUM(CASE WHEN p.submittedAt >= :from AND p.submittedAt < :to THEN 1 ELSE 0 END)', 'applied')
    .addSelect("SUM(CASE WHEN p.decidedAt >= :from AND p.decidedAt < :to AND p.status IN ('granted', 'delivered') THEN 1 ELSE 0 END)", 'granted')
    .addSelect("SUM(CASE WHEN p.decidedAt >= :from AND p.decidedAt < :to AND p.status = 'rejected' THEN 1 ELSE 0 END)", 'rejected')
    .setParameters({ from: period.from, to: period.to })
    .getRawOne<Record<string, unknown>>();
  return { applied: num(row?.applied), granted: num(row?.granted), rejected: num(row?.rejected) };
}
