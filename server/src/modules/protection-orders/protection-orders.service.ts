import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  mergeAnswers,
  missingAnswers,
  touchedSections,
  ZhanjiangCourts,
  type MyProtectionOrder,
  type MyProtectionOrderSummary,
  type PoAnswers,
  type PoSection,
  type PoSubmitInput,
  type RequestCategory,
} from '@zjh/shared';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { inTransaction } from '../../lib/db/transaction';
import type { UserPrincipal } from '../../lib/access';
import type { Center } from '@zjh/shared';
import type { CentersService } from '../centers/centers.service';
import { timeline } from '../timeline/timeline.service';
import { TimelineEventEntity } from '../timeline/timeline.entity';
import { ProtectionOrderEntity, ProtectionOrderFileEntity } from './protection-order.entity';
import { EDITABLE_BY_HER, WITH_THE_COURT, protectionOrderWorkflow } from './protection-order.workflow';
import { toMine, toMineSummary } from './protection-orders.mapper';
import { PO_ENTITY, findVisible, updateGuarded } from './protection-orders.store';
import type { EvidenceService } from './evidence.service';

/** Open drafts one account may keep at a time (each may hold 50 MB of evidence). */
export const MAX_OPEN_DRAFTS = 5;
const SETTINGS = new Set(['centerId', 'notify', 'consent']);

type AssignCenter = (input: { category: RequestCategory; district?: string }) => Promise<Center>;

/** Her side of a protection-order application: the interview, submitting, following it. */
export class ProtectionOrdersService {
  constructor(
    private readonly ds: DataSource,
    private readonly centers: CentersService,
    private readonly assignCenter: AssignCenter,
    private readonly evidence: EvidenceService,
    private readonly now: () => Date,
  ) {}

  async create(user: UserPrincipal, answers: PoAnswers): Promise<{ id: string; status: 'draft' }> {
    await this.checkCenter(answers);
    const drafts = await this.ds.getRepository(ProtectionOrderEntity).countBy({ userId: user.userId, status: 'draft' });
    if (drafts >= MAX_OPEN_DRAFTS) throw AppError.conflict('TOO_MANY_DRAFTS', `最多同时保留 ${MAX_OPEN_DRAFTS} 份未提交的申请，请先继续填写或删除已有的草稿`);
    const now = this.now();
    const saved = mergeAnswers({}, answers);
    const row = newRow({ id: newId(), userId: user.userId, answers: saved, notify: saved.notify === true, now });
    await inTransaction(this.ds, async (em) => {
      await em.getRepository(ProtectionOrderEntity).insert(row);
      await timeline.append(em, user, { entityType: PO_ENTITY, entityId: row.id, type: 'created', to: 'draft', visibility: 'client' }, now);
    });
    return { id: row.id, status: 'draft' };
  }

  async listMine(user: UserPrincipal): Promise<MyProtectionOrderSummary[]> {
    const rows = await this.ds.getRepository(ProtectionOrderEntity).find({ where: { userId: user.userId }, order: { updatedAt: 'DESC' } });
    return rows.map(toMineSummary);
  }

  async getMine(user: UserPrincipal, id: string): Promise<MyProtectionOrder> {
    return this.toMine(await findVisible(this.ds, user, id));
  }

  /**
   * Saves part of her answers (deep merge, arrays replace). While staff wait for more information
   * only the question groups they reopened may change.
   */
  async saveAnswers(user: UserPrincipal, id: string, patch: PoAnswers): Promise<MyProtectionOrder> {
    await findVisible(this.ds, user, id);
    await this.checkCenter(patch);
    const row = await updateGuarded(
      this.ds,
      id,
      EDITABLE_BY_HER,
      (current) => {
        if (current.status === 'needs_info') assertSectionsOpen(current.editableSections, patch);
        const answers = mergeAnswers(current.answers, patch);
        return { answers, notify: answers.notify === true };
      },
      this.now(),
    );
    return this.toMine(row);
  }

  /** Submits (or resubmits after a request for more): 400 listing every missing answer. */
  async submit(user: UserPrincipal, id: string, input: PoSubmitInput): Promise<{ id: string; status: 'submitted'; center: { id: string; name: string; phone: string } }> {
    const found = await findVisible(this.ds, user, id);
    protectionOrderWorkflow.check(found.status, 'submitted', 'owner');
    const complete = (saved: PoAnswers) => {
      const answers = input.consent ? mergeAnswers(saved, { consent: input.consent }) : saved;
      const missing = missingAnswers(answers);
      if (missing.length > 0) throw AppError.badRequest(missing, `申请还缺 ${missing.length} 项内容，补充后再提交`);
      return answers;
    };
    const center = found.centerId ? await this.centers.get(found.centerId, { includeInactive: true }) : await this.chooseCenter(complete(found.answers));
    const now = this.now();
    await updateGuarded(
      this.ds,
      id,
      ['draft', 'needs_info'],
      (current) => {
        // Checked again on the row being written: a save from another device may have landed meanwhile.
        const answers = complete(current.answers);
        return {
          status: 'submitted',
          answers,
          centerId: center.id,
          urgent: answers.urgency?.urgent === true,
          notify: answers.notify === true,
          consentAt: now,
          submittedAt: current.submittedAt ?? now,
          editableSections: null,
        };
      },
      now,
      (em, current) => timeline.append(em, user, { entityType: PO_ENTITY, entityId: id, type: 'status', from: current.status, to: 'submitted', visibility: 'client' }, now),
    );
    return { id, status: 'submitted', center: { id: center.id, name: center.name, phone: center.phone } };
  }

  async withdraw(user: UserPrincipal, id: string, reason?: string): Promise<MyProtectionOrder> {
    const found = await findVisible(this.ds, user, id);
    protectionOrderWorkflow.check(found.status, 'withdrawn', 'owner');
    const now = this.now();
    const row = await updateGuarded(this.ds, id, [found.status], () => ({ status: 'withdrawn', editableSections: null }), now, (em, current) =>
      timeline.append(em, user, { entityType: PO_ENTITY, entityId: id, type: 'status', from: current.status, to: 'withdrawn', note: reason ?? null, visibility: 'client' }, now),
    );
    return this.toMine(row);
  }

  /** Discards a draft with its evidence files. */
  async deleteDraft(user: UserPrincipal, id: string): Promise<void> {
    const found = await findVisible(this.ds, user, id);
    if (found.status !== 'draft') throw AppError.conflict('NOT_A_DRAFT', '已提交的申请不能删除，可以撤回');
    const keys = await inTransaction(this.ds, async (em) => {
      const res = await em.getRepository(ProtectionOrderEntity).delete({ id, status: 'draft', version: found.version });
      if (res.affected !== 1) throw AppError.conflict('STALE_VERSION', '申请刚被其他设备修改，请刷新后再试');
      return this.removeDependents(em, [id]);
    });
    await this.evidence.deleteBlobs(keys);
  }

  async message(user: UserPrincipal, id: string, body: string): Promise<MyProtectionOrder> {
    const r = await findVisible(this.ds, user, id);
    if (r.status === 'draft' || r.status === 'withdrawn') throw AppError.conflict('NOT_SUBMITTED', '提交申请后才能给工作人员留言');
    const now = this.now();
    await inTransaction(this.ds, async (em) => {
      await timeline.append(em, user, { entityType: PO_ENTITY, entityId: id, type: 'message_from_client', note: body, visibility: 'client' }, now);
      await em.getRepository(ProtectionOrderEntity).update({ id }, { updatedAt: now });
    });
    return this.getMine(user, id);
  }

  /** "See my data": her applications with their answers and the list of her files. */
  async exportMine(user: UserPrincipal): Promise<MyProtectionOrder[]> {
    const rows = await this.ds.getRepository(ProtectionOrderEntity).find({ where: { userId: user.userId }, order: { createdAt: 'ASC' } });
    return Promise.all(rows.map((r) => this.toMine(r)));
  }

  /**
   * "Delete my data": every application the court does not have yet is deleted with its files and
   * history. Those filed with a court stay in the center's records (a court case exists), unlinked
   * from her account. The files are removed from storage inside the caller's transaction: if it
   * rolled back, the rows would remain without their files, never the other way round.
   */
  async eraseUser(em: EntityManager, userId: string): Promise<{ deleted: number; unlinked: number }> {
    const rows = await em.getRepository(ProtectionOrderEntity).find({ where: { userId }, select: { id: true, status: true } });
    const remove = rows.filter((r) => !WITH_THE_COURT.includes(r.status)).map((r) => r.id);
    const keep = rows.filter((r) => WITH_THE_COURT.includes(r.status)).map((r) => r.id);
    if (remove.length) {
      const keys = await this.removeDependents(em, remove);
      await em.getRepository(ProtectionOrderEntity).delete({ id: In(remove) });
      await this.evidence.deleteBlobs(keys);
    }
    if (keep.length) await em.getRepository(ProtectionOrderEntity).update({ id: In(keep) }, { userId: null, notify: false });
    return { deleted: remove.length, unlinked: keep.length };
  }

  /** Deletes file rows and history of applications; returns the storage keys to delete. */
  private async removeDependents(em: EntityManager, ids: string[]): Promise<string[]> {
    const files = await em.getRepository(ProtectionOrderFileEntity).find({ where: { applicationId: In(ids) }, select: { id: true, storageKey: true } });
    await em.getRepository(ProtectionOrderFileEntity).delete({ applicationId: In(ids) });
    await em.getRepository(TimelineEventEntity).delete({ entityType: PO_ENTITY, entityId: In(ids) });
    return files.map((f) => f.storageKey);
  }

  /** The center she chose, else the center of the court's district offering this help. */
  private async chooseCenter(answers: PoAnswers): Promise<Center> {
    if (answers.centerId) {
      const chosen = await this.centers.get(answers.centerId).catch(() => null);
      if (chosen) return chosen;
    }
    const district = ZhanjiangCourts.find((c) => c.name === answers.court?.name)?.district;
    return this.assignCenter({ category: 'protection_order', district });
  }

  private async checkCenter(answers: PoAnswers): Promise<void> {
    if (answers.centerId && !(await this.centers.exists(answers.centerId))) throw AppError.field('centerId', '服务中心不存在或已停用');
  }

  private async toMine(r: ProtectionOrderEntity): Promise<MyProtectionOrder> {
    const center = r.centerId ? await this.centers.get(r.centerId, { includeInactive: true }) : null;
    const files = await this.evidence.list(r.id);
    const events = await timeline.list(this.ds.manager, PO_ENTITY, r.id, { clientOnly: true });
    return toMine(r, center && { id: center.id, name: center.name, phone: center.phone }, files, events, this.now());
  }
}

/** 409 naming the groups she may not change now (staff reopened only some of them). */
function assertSectionsOpen(open: PoSection[] | null, patch: PoAnswers): void {
  const touched = touchedSections(patch);
  const locked = touched.filter((s) => (s === 'centerId' ? true : !SETTINGS.has(s) && open !== null && !open.includes(s as PoSection)));
  if (locked.length) {
    throw AppError.conflict('SECTION_LOCKED', '工作人员只请你补充部分内容，其他部分暂不能修改', locked.map((path) => ({ path, message: '这一部分现在不能修改' })));
  }
}

export function newRow(input: { id: string; userId: string; answers: PoAnswers; notify: boolean; now: Date; centerId?: string | null; extendsId?: string | null }): ProtectionOrderEntity {
  return {
    id: input.id,
    userId: input.userId,
    centerId: input.centerId ?? null,
    status: 'draft',
    version: 0,
    answers: input.answers,
    notify: input.notify,
    urgent: false,
    editableSections: null,
    extendsId: input.extendsId ?? null,
    evidenceBytes: 0,
    consentAt: null,
    submittedAt: null,
    courtName: null,
    caseNumber: null,
    filedAt: null,
    decisionDueAt: null,
    decidedAt: null,
    orderNumber: null,
    grantedMeasures: null,
    otherMeasureText: null,
    validFrom: null,
    validTo: null,
    expiresAt: null,
    rejectionReason: null,
    reconsiderationUntil: null,
    delivery: null,
    createdAt: input.now,
    updatedAt: input.now,
  };
}
