import type { DataSource, FindOptionsWhere } from 'typeorm';
import {
  MediationConsentMethod,
  MediationPartyRole,
  MediationStatus,
  type CreateMediationCaseInput,
  type CreatedMediationCase,
  type DisputeType,
  type MediationBoard,
  type MediationCaseDetail,
  type MediationBoardQuery,
  type RecordMediationConsentInput,
  type RequestCategory,
  type TimelineItem,
  type UpdateMediationCaseInput,
} from '@zjh/shared';
import { AppError, isUniqueViolation } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { inTransaction } from '../../lib/db/transaction';
import { isCityAdmin, type StaffPrincipal } from '../../lib/access';
import type { AuditService } from '../audit/audit.service';
import type { CentersService } from '../centers/centers.service';
import { timeline } from '../timeline/timeline.service';
import { HelpRequestEntity } from '../requests/request.entity';
import { ENTITY as REQUEST_ENTITY } from '../requests/requests.service';
import { MediationCaseEntity, MediationMediatorEntity } from './mediation.entity';
import { ENTITY, assertManager, loadVisibleCase, visibleScope } from './mediation-access';
import { buildMediators, buildParties } from './mediation-parties';
import { consentComplete } from './mediation.mapper';
import { MediationReader, writeCase } from './mediation-store';
import { OPEN_STATUSES } from './mediation.workflow';

/** The dispute type a case opened from a request starts with, when staff do not choose one. */
const DISPUTE_FOR_CATEGORY: Record<RequestCategory, DisputeType> = {
  domestic_violence: 'domestic_violence',
  marriage_family: 'other',
  child_rights: 'custody',
  protection_order: 'domestic_violence',
  legal: 'other',
  psychological: 'other',
  other: 'other',
};

/** Board order: cases being worked on first, then the ones waiting, then the closed ones. */
const RANK: Record<MediationStatus, number> = { in_mediation: 0, registered: 1, not_reached: 2, agreement_reached: 3, transferred_to_court: 3, withdrawn: 3 };
const PAGE = 50;

/** Mediation cases: register (directly or from a help request), board, detail, edits, consent. */
export class MediationCasesService {
  constructor(
    private readonly ds: DataSource,
    private readonly centers: CentersService,
    private readonly audit: AuditService,
    private readonly reader: MediationReader,
    private readonly now: () => Date,
  ) {}

  async create(staff: StaffPrincipal, input: CreateMediationCaseInput): Promise<CreatedMediationCase> {
    assertManager(staff, '只有中心工作人员可以登记调解案件');
    const request = input.fromRequestId ? await this.visibleRequest(staff, input.fromRequestId) : null;
    let centerId: string | null;
    if (request) {
      if (input.centerId && input.centerId !== request.centerId) throw AppError.field('centerId', '由求助转入的案件属于该求助所在的中心');
      centerId = request.centerId;
    } else {
      if (!isCityAdmin(staff) && input.centerId && input.centerId !== staff.centerId) throw AppError.field('centerId', '只能登记到本中心');
      centerId = isCityAdmin(staff) ? (input.centerId ?? staff.centerId) : staff.centerId;
      if (!centerId) throw AppError.field('centerId', '请选择登记到哪个中心');
    }
    const center = await this.centers.get(centerId).catch(() => {
      throw AppError.field('centerId', '中心不存在或已停用');
    });
    if (request) await this.assertNoCaseFor(request.id);
    const parties = buildParties(input.parties, []);
    const caseId = newId();
    const mediators = await buildMediators(this.ds, caseId, center.id, input.mediators ?? [], []);
    const now = this.now();
    const year = new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
    for (let attempt = 0; attempt < 8; attempt++) {
      try {
        const ref = await inTransaction(this.ds, async (em) => {
          // The next number of the year is taken by the unique (year, seq) key: a concurrent loser retries.
          const last = await em
            .getRepository(MediationCaseEntity)
            .createQueryBuilder('c')
            .select('MAX(c.seq)', 'max')
            .where('c.year = :year', { year })
            .getRawOne<{ max: number | string | null }>();
          const seq = Number(last?.max ?? 0) + 1 + attempt;
          const ref = `TJ-${year}-${String(seq).padStart(4, '0')}`;
          await em.getRepository(MediationCaseEntity).insert({
            id: caseId, ref, year, seq, centerId: center.id, status: 'registered',
            disputeType: input.disputeType ?? DISPUTE_FOR_CATEGORY[request!.category],
            committeeLevel: input.committeeLevel, committeeName: input.committeeName ?? null,
            fromRequestId: request?.id ?? null, sourceCategory: request?.category ?? null,
            parties, partiesCount: parties.length, consentComplete: consentComplete(parties), summary: input.summary,
            agreement: null, courtName: null, courtCaseNumber: null,
            judicialAppliedOn: null, judicialCourt: null, judicialResult: null, judicialDecidedOn: null, judicialNote: null,
            registeredBy: staff.staffId, version: 1, createdAt: now, updatedAt: now, startedAt: null, outcomeAt: null,
          });
          if (mediators.length) await em.getRepository(MediationMediatorEntity).insert(mediators);
          await timeline.append(em, staff, { entityType: ENTITY, entityId: caseId, type: 'created', to: 'registered', note: request ? `由求助 ${request.ref} 转入` : null }, now);
          if (request) await timeline.append(em, staff, { entityType: REQUEST_ENTITY, entityId: request.id, type: 'mediation_opened', to: ref }, now);
          return ref;
        });
        return { id: caseId, ref, status: 'registered', center: { id: center.id, name: center.name } };
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        if (request) await this.assertNoCaseFor(request.id);
      }
    }
    throw new AppError(503, 'BUSY', '系统繁忙，请稍后重试');
  }

  /** The board: filters, counts per status (for the chips), cases being worked on first. */
  async list(staff: StaffPrincipal, q: MediationBoardQuery): Promise<MediationBoard> {
    const scope = await visibleScope(this.ds, staff, q.centerId);
    const where: FindOptionsWhere<MediationCaseEntity> = { ...(scope ?? {}) };
    if (q.level) where.committeeLevel = q.level;
    if (q.disputeType) where.disputeType = q.disputeType;
    if (q.q) where.ref = q.q;
    const all = scope
      ? await this.ds.getRepository(MediationCaseEntity).find({
          // Only clear columns: the board never opens sealed parties or narratives.
          select: { id: true, ref: true, status: true, disputeType: true, committeeLevel: true, centerId: true, fromRequestId: true, partiesCount: true, consentComplete: true, createdAt: true, updatedAt: true, outcomeAt: true, version: true },
          where,
          order: { updatedAt: 'DESC' },
        })
      : [];
    const byStatus = Object.fromEntries(Object.keys(MediationStatus).map((s) => [s, all.filter((c) => c.status === s).length])) as MediationBoard['counts']['byStatus'];
    const filtered = all.filter((c) => !q.status || q.status.includes(c.status)).sort((a, b) => RANK[a.status] - RANK[b.status] || b.updatedAt.getTime() - a.updatedAt.getTime());
    const offset = q.cursor ? Number.parseInt(Buffer.from(q.cursor, 'base64url').toString(), 10) || 0 : 0;
    const limit = q.limit ?? PAGE;
    const page = filtered.slice(offset, offset + limit);
    await this.audit.record(staff, { action: 'mediation.list', entityType: ENTITY, centerId: scope && 'centerId' in scope ? String(scope.centerId) : null, detail: { shown: page.map((c) => c.id) } }, this.now());
    return {
      items: await this.reader.summaries(page),
      nextCursor: offset + limit < filtered.length ? Buffer.from(String(offset + limit)).toString('base64url') : null,
      counts: { total: all.length, byStatus },
    };
  }

  async get(staff: StaffPrincipal, id: string): Promise<MediationCaseDetail> {
    const c = await loadVisibleCase(this.ds, staff, id);
    await this.audit.record(staff, { action: 'mediation.read', entityType: ENTITY, entityId: c.id, centerId: c.centerId }, this.now());
    return this.reader.detail(c.id);
  }

  async timeline(staff: StaffPrincipal, id: string): Promise<TimelineItem[]> {
    const c = await loadVisibleCase(this.ds, staff, id);
    await this.audit.record(staff, { action: 'mediation.timeline.read', entityType: ENTITY, entityId: c.id, centerId: c.centerId }, this.now());
    return timeline.list(this.ds.manager, ENTITY, c.id);
  }

  /** Edits while the case is open. Only center staff change who mediates. */
  async update(staff: StaffPrincipal, id: string, input: UpdateMediationCaseInput): Promise<MediationCaseDetail> {
    const c = await loadVisibleCase(this.ds, staff, id);
    assertOpen(c);
    if (input.mediators) assertManager(staff, '只有中心工作人员可以指派调解员');
    const now = this.now();
    const patch: Partial<MediationCaseEntity> = {};
    const changed: string[] = [];
    if (input.disputeType && input.disputeType !== c.disputeType) (patch.disputeType = input.disputeType), changed.push('纠纷类型');
    if (input.committeeLevel && input.committeeLevel !== c.committeeLevel) (patch.committeeLevel = input.committeeLevel), changed.push('调解组织层级');
    if (input.committeeName !== undefined && input.committeeName !== c.committeeName) (patch.committeeName = input.committeeName), changed.push('调解组织名称');
    if (input.summary !== undefined && input.summary !== c.summary) (patch.summary = input.summary), changed.push('纠纷事实');
    if (input.parties) {
      const parties = buildParties(input.parties, c.parties);
      Object.assign(patch, { parties, partiesCount: parties.length, consentComplete: consentComplete(parties) });
      changed.push('当事人');
    }
    const existing = input.mediators ? await this.ds.getRepository(MediationMediatorEntity).findBy({ caseId: c.id }) : [];
    const mediators = input.mediators ? await buildMediators(this.ds, c.id, c.centerId, input.mediators, existing) : null;
    await inTransaction(this.ds, async (em) => {
      await writeCase(em, c, patch, now);
      if (changed.length) await timeline.append(em, staff, { entityType: ENTITY, entityId: c.id, type: 'updated', to: changed.join('、').slice(0, 60), note: input.reason ?? null }, now);
      if (mediators) {
        await em.getRepository(MediationMediatorEntity).delete({ caseId: c.id });
        if (mediators.length) await em.getRepository(MediationMediatorEntity).insert(mediators);
        await timeline.append(em, staff, { entityType: ENTITY, entityId: c.id, type: 'mediators', to: `${mediators.length} 人`, note: mediators.map((m) => m.name).join('、') || null }, now);
      }
    });
    return this.reader.detail(c.id);
  }

  /** Records that a party agreed to mediate (人民调解法 art. 17: nobody is mediated against their will). */
  async recordConsent(staff: StaffPrincipal, id: string, input: RecordMediationConsentInput): Promise<MediationCaseDetail> {
    const c = await loadVisibleCase(this.ds, staff, id);
    assertOpen(c);
    const party = c.parties.find((p) => p.id === input.partyId);
    if (!party) throw AppError.field('partyId', '该当事人不存在');
    const consent = { date: input.date, method: input.method, ...(input.note ? { note: input.note } : {}) };
    const parties = c.parties.map((p) => (p.id === party.id ? { ...p, consent } : p));
    const now = this.now();
    await inTransaction(this.ds, async (em) => {
      await writeCase(em, c, { parties, consentComplete: consentComplete(parties) }, now);
      await timeline.append(em, staff, { entityType: ENTITY, entityId: c.id, type: 'consent', to: MediationPartyRole[party.role], note: `${input.date} ${MediationConsentMethod[input.method]}` }, now);
    });
    return this.reader.detail(c.id);
  }

  /** The request must be one the caller could open in the inbox; otherwise it does not exist. */
  private async visibleRequest(staff: StaffPrincipal, id: string): Promise<HelpRequestEntity> {
    const r = await this.ds.getRepository(HelpRequestEntity).findOneBy({ id });
    const visible = r && (isCityAdmin(staff) || (r.centerId === staff.centerId && (staff.role === 'center_staff' || r.assigneeId === staff.staffId)));
    if (!r || !visible) throw AppError.notFound('找不到该求助');
    return r;
  }

  private async assertNoCaseFor(requestId: string): Promise<void> {
    const existing = await this.ds.getRepository(MediationCaseEntity).findOne({ select: { id: true, ref: true }, where: { fromRequestId: requestId } });
    if (existing) throw AppError.conflict('MEDIATION_EXISTS', `该求助已转入调解案件 ${existing.ref}`, { id: existing.id, ref: existing.ref });
  }
}

export function assertOpen(c: MediationCaseEntity): void {
  if (!OPEN_STATUSES.includes(c.status)) throw AppError.conflict('CASE_CLOSED', '该调解案件已结束，不能再修改');
}
