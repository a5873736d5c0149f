import { In, type DataSource, type EntityManager } from 'typeorm';
import type { MediationCaseDetail, MediationCaseSummary } from '@zjh/shared';
import { AppError } from '../../lib/errors';
import type { CentersService } from '../centers/centers.service';
import { StaffEntity } from '../auth/auth.entity';
import { HelpRequestEntity } from '../requests/request.entity';
import { MediationCaseEntity, MediationMediatorEntity, MediationSessionEntity } from './mediation.entity';
import { toDetail, toSummary } from './mediation.mapper';

/**
 * Writes a change to a case only if nobody changed it since it was read (the version column), in
 * the caller's transaction. Two staff editing or moving the same case at once: one gets a 409.
 */
export async function writeCase(em: EntityManager, c: MediationCaseEntity, patch: Partial<MediationCaseEntity>, now: Date, extraWhere?: { status: string }): Promise<void> {
  const res = await em
    .createQueryBuilder()
    .update(MediationCaseEntity)
    .set({ ...patch, version: c.version + 1, updatedAt: now })
    .where(`id = :id AND version = :version${extraWhere ? ' AND status = :status' : ''}`, { id: c.id, version: c.version, ...(extraWhere ?? {}) })
    .execute();
  if (res.affected !== 1) throw AppError.conflict('STALE_CASE', '该案件刚被其他人更新，请刷新后再试');
}

/** Builds board rows and the detail view, looking up centers, mediators, sessions and requests in batches. */
export class MediationReader {
  constructor(
    private readonly ds: DataSource,
    private readonly centers: CentersService,
  ) {}

  async summaries(rows: MediationCaseEntity[]): Promise<MediationCaseSummary[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [names, mediators, sessions, requests] = await Promise.all([
      this.centers.names(),
      this.ds.getRepository(MediationMediatorEntity).find({ where: { caseId: In(ids) }, order: { sortOrder: 'ASC' } }),
      this.ds.getRepository(MediationSessionEntity).find({ select: { caseId: true, at: true }, where: { caseId: In(ids) } }),
      this.requestRefs(rows.map((r) => r.fromRequestId).filter((x): x is string => Boolean(x))),
    ]);
    return rows.map((c) => {
      const own = sessions.filter((s) => s.caseId === c.id);
      const lastAt = own.reduce<Date | null>((max, s) => (!max || s.at > max ? s.at : max), null);
      return toSummary(c, {
        center: names.get(c.centerId) ? { id: c.centerId, name: names.get(c.centerId)!.name } : { id: c.centerId, name: '（已停用中心）' },
        mediators: mediators.filter((m) => m.caseId === c.id),
        sessions: { count: own.length, lastAt },
        fromRequest: c.fromRequestId && requests.has(c.fromRequestId) ? { id: c.fromRequestId, ref: requests.get(c.fromRequestId)! } : null,
      });
    });
  }

  async detail(id: string): Promise<MediationCaseDetail> {
    const c = await this.ds.getRepository(MediationCaseEntity).findOneByOrFail({ id });
    const [summary] = await this.summaries([c]);
    const by = c.registeredBy ? await this.ds.getRepository(StaffEntity).findOneBy({ id: c.registeredBy }) : null;
    return toDetail(c, summary, by ? { id: by.id, name: by.displayName } : null);
  }

  async staffNames(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.ds.getRepository(StaffEntity).find({ select: { id: true, displayName: true }, where: { id: In(unique) } });
    return new Map(rows.map((s) => [s.id, s.displayName]));
  }

  private async requestRefs(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.ds.getRepository(HelpRequestEntity).find({ select: { id: true, ref: true }, where: { id: In(ids) } });
    return new Map(rows.map((r) => [r.id, r.ref]));
  }
}
