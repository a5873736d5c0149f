import type { Stats, StatsQuery } from '@zjh/shared';
import { AppError } from '../../lib/errors';
import { isCityAdmin, type StaffPrincipal } from '../../lib/access';
import type { AuditService } from '../audit/audit.service';
import type { CentersService } from '../centers/centers.service';
import type { StatsAreas, StatsPeriod, StatsSource } from './stats.types';

export const STATS_AREAS = ['requests', 'consultations', 'protectionOrders', 'mediations', 'classes', 'articles', 'quiz'] as const satisfies ReadonlyArray<keyof StatsAreas>;

/** Start of a calendar day in Asia/Shanghai. */
function shanghaiDay(value: string): Date {
  return value.length === 10 ? new Date(`${value}T00:00:00+08:00`) : new Date(value);
}

/**
 * The Federation's figures. Each domain registers the source that counts its own records; every
 * figure is an aggregate count over all records (every case received counts), never a person.
 */
export class StatsService {
  private readonly sources = new Map<keyof StatsAreas, StatsSource<keyof StatsAreas>>();

  constructor(
    private readonly centers: CentersService,
    private readonly audit: AuditService,
    private readonly now: () => Date,
  ) {}

  register<K extends keyof StatsAreas>(area: K, source: StatsSource<K>): void {
    this.sources.set(area, source as StatsSource<keyof StatsAreas>);
  }

  /** Areas with no registered source (a wiring mistake; the tests require none). */
  missingAreas(): string[] {
    return STATS_AREAS.filter((a) => !this.sources.has(a));
  }

  /** Resolves who may see which center's figures: admin any (or the city), center staff their own. */
  period(staff: StaffPrincipal, q: StatsQuery): StatsPeriod {
    const year = new Date(this.now().getTime() + 8 * 3600_000).getUTCFullYear();
    const from = q.from ? shanghaiDay(q.from) : new Date(`${year}-01-01T00:00:00+08:00`);
    const to = q.to ? shanghaiDay(q.to) : new Date(`${year + 1}-01-01T00:00:00+08:00`);
    if (!(from < to)) throw AppError.field('query.to', '截止时间须晚于起始时间');
    let centerId: string | null;
    if (isCityAdmin(staff)) centerId = q.centerId ?? null;
    else {
      if (staff.role !== 'center_staff' || !staff.centerId) throw AppError.forbidden('只有中心工作人员和市妇联管理员可以查看统计');
      if (q.centerId && q.centerId !== staff.centerId) throw AppError.forbidden('只能查看本中心的统计');
      centerId = staff.centerId;
    }
    return { from, to, centerId };
  }

  async compute(period: StatsPeriod): Promise<Stats> {
    const missing = this.missingAreas();
    if (missing.length) throw new Error(`statistics sources not registered: ${missing.join(', ')}`);
    const names = await this.centers.names();
    const get = <K extends keyof StatsAreas>(k: K) => (this.sources.get(k) as StatsSource<K>)(period);
    const [requests, consultations, protectionOrders, mediations, classes, articles, quiz] = await Promise.all([
      get('requests'),
      get('consultations'),
      get('protectionOrders'),
      get('mediations'),
      get('classes'),
      get('articles'),
      get('quiz'),
    ]);
    return {
      period: { from: period.from.toISOString(), to: period.to.toISOString(), centerId: period.centerId },
      requests: { ...requests, byCenter: requests.byCenter.map((c) => ({ ...c, name: names.get(c.centerId)?.name ?? '—' })).sort((a, b) => b.cases - a.cases) },
      consultations,
      protectionOrders,
      mediations,
      classes,
      articles,
      quiz,
    };
  }

  async forStaff(staff: StaffPrincipal, q: StatsQuery): Promise<Stats> {
    const period = this.period(staff, q);
    if (period.centerId) await this.centers.get(period.centerId, { includeInactive: true });
    await this.audit.record(staff, { action: 'stats.read', entityType: 'stats', centerId: period.centerId });
    return this.compute(period);
  }
}
