import { Between, type DataSource, type FindOptionsWhere } from 'typeorm';
import { DisputeType, type MediationCounts } from '@zjh/shared';
import { MediationCaseEntity } from './mediation.entity';

export interface MediationPeriod {
  /** Inclusive start (an instant; callers turn Asia/Shanghai dates into instants). */
  from: Date;
  /** Exclusive end. */
  to: Date;
  /** One center, or null/undefined for the whole city. */
  centerId?: string | null;
}

/**
 * The mediation figures of the yearly report (seed: 980 mediated, 236 at county level or above, 57
 * agreements). Cases count in the period they were registered; agreements and transfers to court
 * in the period their outcome was recorded (both are final, so each case counts once).
 */
export class MediationStats {
  constructor(private readonly ds: DataSource) {}

  async counts(period: MediationPeriod): Promise<MediationCounts> {
    const repo = this.ds.getRepository(MediationCaseEntity);
    // `to` is exclusive; Between is inclusive, so stop one millisecond before it.
    const last = new Date(period.to.getTime() - 1);
    const center: FindOptionsWhere<MediationCaseEntity> = period.centerId ? { centerId: period.centerId } : {};
    const registered = { ...center, createdAt: Between(period.from, last) };
    const rows = await repo
      .createQueryBuilder('c')
      .select('c.disputeType', 'disputeType')
      .addSelect('c.committeeLevel', 'level')
      .addSelect('COUNT(*)', 'n')
      .where(registered)
      .groupBy('c.disputeType')
      .addGroupBy('c.committeeLevel')
      .getRawMany<{ disputeType: DisputeType; level: string; n: number | string }>();
    const byDisputeType = Object.fromEntries(Object.keys(DisputeType).map((k) => [k, 0])) as Record<DisputeType, number>;
    let total = 0;
    let countyLevel = 0;
    for (const r of rows) {
      const n = Number(r.n);
      total += n;
      if (r.level === 'county_or_above') countyLevel += n;
      if (r.disputeType in byDisputeType) byDisputeType[r.disputeType] += n;
    }
    const [agreements, toCourt] = await Promise.all([
      repo.countBy({ ...center, status: 'agreement_reached', outcomeAt: Between(period.from, last) }),
      repo.countBy({ ...center, status: 'transferred_to_court', outcomeAt: Between(period.from, last) }),
    ]);
    return { total, countyLevel, agreements, toCourt, byDisputeType };
  }
}
