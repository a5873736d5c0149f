import { In, Not, type DataSource, type EntityManager } from 'typeorm';
import {
  expiryReminderAt,
  mergeAnswers,
  PoSection,
  type PoAnswers,
  type PoTransitionInput,
  type StaffPoDetail,
  type StaffPoQuery,
  type StaffPoSummary,
} from '@zjh/shared';
import { AppError, isUniqueViolation } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { inTransaction } from '../../lib/db/transaction';
import { centerScope, type StaffPrincipal } from '../../lib/access';
import type { AuditService } from '../audit/audit.service';
import type { CentersService } from '../centers/centers.service';
import type { NotificationsService } from '../notifications/notifications.service';
import { StaffEntity } from '../auth/auth.entity';
import { timeline } from '../timeline/timeline.service';
import { ProtectionOrderEntity } from './protection-order.entity';
import { EDITABLE_BY_STAFF, IN_FORCE, protectionOrderWorkflow } from './protection-order.workflow';
import { toStaffDetail, toStaffSummary } from './protection-orders.mapper';
import { PO_ENTITY, findVisible, poPage, updateGuarded } from './protection-orders.store';
import { newRow } from './protection-orders.service';
import { staffTransitionChange } from './transitions';
import type { EvidenceService } from './evidence.service';

/** The back-office board: review, filing, the court's decision, delivery, expiry and extension. */
export class StaffProtectionOrdersService {
  constructor(
    private readonly ds: DataSource,
    private readonly centers: CentersService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly evidence: EvidenceService,
    private readonly now: () => Date,
  ) {}

  /** Submitted applications of the center: overdue decisions first, then urgent, then expiring. */
  async board(staff: StaffPrincipal, q: StaffPoQuery): Promise<{ items: StaffPoSummary[]; counts: Record<'total' | 'waiting' | 'overdue' | 'expiring', number> }> {
    assertBoardRole(staff);
    const scope = centerScope(staff) ?? q.centerId;
    const rows = await this.ds.getRepository(ProtectionOrderEntity).find({
      where: { status: Not('draft'), ...(scope ? { centerId: scope } : {}) },
      order: { updatedAt: 'DESC' },
    });
    const summaries = await this.summaries(rows);
    const counts = {
      total: summaries.length,
      waiting: summaries.filter((s) => s.status === 'submitted').length,
      overdue: summaries.filter((s) => s.overdue).length,
      expiring: summaries.filter((s) => s.expiringSoon).length,
    };
    const rank = (s: StaffPoSummary) => (s.overdue ? 0 : s.urgent && ['submitted', 'under_review', 'filed'].includes(s.status) ? 1 : s.expiringSoon && !s.extendedById ? 2 : 3);
    const items = summaries
      .filter((s) => !q.status || q.status.includes(s.status))
      .filter((s) => q.overdue === undefined || s.overdue === q.overdue)
      .filter((s) => q.expiring === undefined || s.expiringSoon === q.expiring)
      .sort((a, b) => rank(a) - rank(b) || b.updatedAt.localeCompare(a.updatedAt));
    return { items, counts };
  }

  async detail(staff: StaffPrincipal, id: string): Promise<StaffPoDetail> {
    const r = await findVisible(this.ds, staff, id);
    await this.audit.record(staff, { action: 'protection_order.read', entityType: PO_ENTITY, entityId: r.id, centerId: r.centerId }, this.now());
    return this.toDetail(r);
  }

  /** One step of the workflow (409 when the table does not allow it from the current status). */
  async transition(staff: StaffPrincipal, id: string, input: PoTransitionInput): Promise<StaffPoDetail> {
    const r = await findVisible(this.ds, staff, id);
    const reason = input.status === 'needs_info' ? input.message : input.status === 'rejected' || input.status === 'withdrawn' ? input.reason : null;
    protectionOrderWorkflow.check(r.status, input.status, staff.role, reason);
    const now = this.now();
    const set = { status: input.status, ...staffTransitionChange(r, input, now) };
    await inTransaction(this.ds, async (em) => {
      const res = await em
        .createQueryBuilder()
        .update(ProtectionOrderEntity)
        .set({ ...set, version: r.version + 1, updatedAt: now })
        .where('id = :id AND status = :from', { id: r.id, from: r.status })
        .execute();
      if (res.affected !== 1) throw AppError.conflict('STALE_STATUS', '该申请刚被其他人更新，请刷新后再试');
      const publicNote = input.status === 'rejected' || input.status === 'withdrawn' ? input.reason : null;
      await timeline.append(em, staff, { entityType: PO_ENTITY, entityId: r.id, type: 'status', from: r.status, to: input.status, note: publicNote, visibility: 'client' }, now);
      if (input.status === 'needs_info') {
        await timeline.append(em, staff, { entityType: PO_ENTITY, entityId: r.id, type: 'message_to_client', note: input.message, visibility: 'client' }, now);
      }
      if (input.status === 'under_review' && input.note) {
        await timeline.append(em, staff, { entityType: PO_ENTITY, entityId: r.id, type: 'note', note: input.note }, now);
      }
      const after = { ...r, ...set };
      if (after.validTo && (input.status === 'granted' || input.status === 'delivered')) await this.scheduleExpiryReminder(em, after);
      await this.tellHer(em, after, `status:${input.status}`);
    });
    return this.toDetail(await this.ds.getRepository(ProtectionOrderEntity).findOneByOrFail({ id: r.id }));
  }

  async note(staff: StaffPrincipal, id: string, note: string): Promise<StaffPoDetail> {
    const r = await findVisible(this.ds, staff, id);
    await inTransaction(this.ds, (em) => timeline.append(em, staff, { entityType: PO_ENTITY, entityId: r.id, type: 'note', note }, this.now()));
    return this.toDetail(r);
  }

  async message(staff: StaffPrincipal, id: string, body: string): Promise<StaffPoDetail> {
    const r = await findVisible(this.ds, staff, id);
    if (!r.userId) throw AppError.conflict('NO_CLIENT_ACCOUNT', '申请人的账号已注销，无法发送站内消息');
    const now = this.now();
    await inTransaction(this.ds, async (em) => {
      await timeline.append(em, staff, { entityType: PO_ENTITY, entityId: r.id, type: 'message_to_client', note: body, visibility: 'client' }, now);
      await em.getRepository(ProtectionOrderEntity).update({ id: r.id }, { updatedAt: now });
      await this.tellHer(em, r, 'message');
    });
    return this.toDetail(r);
  }

  /** Staff complete or correct answers with her (e.g. on the phone) before the court has it. */
  async editAnswers(staff: StaffPrincipal, id: string, patch: PoAnswers): Promise<StaffPoDetail> {
    const r = await findVisible(this.ds, staff, id);
    const now = this.now();
    const sections = Object.keys(patch).map((k) => PoSection.labels[k as keyof typeof PoSection.labels] ?? k).join('、');
    const row = await updateGuarded(this.ds, r.id, EDITABLE_BY_STAFF, (current) => ({ answers: mergeAnswers(current.answers, patch) }), now, (em) =>
      timeline.append(em, staff, { entityType: PO_ENTITY, entityId: r.id, type: 'answers_edited', note: `工作人员修改了：${sections}` }, now),
    );
    return this.toDetail(row);
  }

  /**
   * Starts the extension of an order in force: a new draft for her, prefilled from this one and
   * linked to it. The unique extendsId lets an order be extended once, even if two staff click.
   */
  async extend(staff: StaffPrincipal, id: string): Promise<{ id: string; status: 'draft'; extendsId: string }> {
    const r = await findVisible(this.ds, staff, id);
    if (!IN_FORCE.includes(r.status)) throw AppError.conflict('NOT_IN_FORCE', '只有已作出的保护令才能申请延长');
    if (!r.userId) throw AppError.conflict('NO_CLIENT_ACCOUNT', '申请人的账号已注销，请线下协助她重新申请');
    const now = this.now();
    const { consent: _consent, ...answers } = r.answers;
    const draft = newRow({ id: newId(), userId: r.userId, answers, notify: r.notify, now, centerId: r.centerId, extendsId: r.id });
    try {
      await inTransaction(this.ds, async (em) => {
        await em.getRepository(ProtectionOrderEntity).insert(draft);
        await timeline.append(em, staff, { entityType: PO_ENTITY, entityId: draft.id, type: 'created', to: 'draft', from: r.id, note: '延长保护令的申请', visibility: 'client' }, now);
        await timeline.append(em, staff, { entityType: PO_ENTITY, entityId: r.id, type: 'extension_started', to: draft.id, visibility: 'client' }, now);
        await this.tellHer(em, r, 'extension');
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw AppError.conflict('ALREADY_EXTENDED', '这份保护令已经在申请延长');
      throw err;
    }
    return { id: draft.id, status: 'draft', extendsId: r.id };
  }

  /** The neutral expiry reminder, once per order (dedupe key), if she asked for notifications. */
  private async scheduleExpiryReminder(em: EntityManager, r: ProtectionOrderEntity): Promise<void> {
    if (!r.notify || !r.userId || !r.validTo) return;
    const dueAt = new Date(Math.max(expiryReminderAt(r.validTo).getTime(), this.now().getTime()));
    await this.notifications.enqueue(em, { dedupeKey: `po:${r.id}:expiry`, userId: r.userId, template: 'order_expiry', page: poPage(r.id), dueAt });
  }

  private async tellHer(em: EntityManager, r: ProtectionOrderEntity, what: string): Promise<void> {
    if (!r.notify || !r.userId) return;
    const now = this.now();
    await this.notifications.enqueue(em, { dedupeKey: `po:${r.id}:${what}:${now.getTime()}`.slice(0, 120), userId: r.userId, template: 'application_update', page: poPage(r.id), dueAt: now });
  }

  private async summaries(rows: ProtectionOrderEntity[]): Promise<StaffPoSummary[]> {
    const names = await this.centers.names();
    const ids = rows.map((r) => r.id);
    const extensions = ids.length ? await this.ds.getRepository(ProtectionOrderEntity).find({ where: { extendsId: In(ids) }, select: { id: true, extendsId: true } }) : [];
    const extendedBy = new Map(extensions.map((e) => [e.extendsId!, e.id]));
    const now = this.now();
    return rows.map((r) => {
      const c = r.centerId ? names.get(r.centerId) : undefined;
      return toStaffSummary(r, c ? { id: c.id, name: c.name } : null, extendedBy.get(r.id) ?? null, now);
    });
  }

  private async toDetail(r: ProtectionOrderEntity): Promise<StaffPoDetail> {
    const [summary] = await this.summaries([r]);
    const files = await this.evidence.list(r.id);
    const events = await timeline.list(this.ds.manager, PO_ENTITY, r.id);
    const entries = await this.audit.forEntity(PO_ENTITY, r.id);
    const staffIds = [...new Set(entries.map((e) => e.actorId).filter((x): x is string => Boolean(x)))];
    const staff = staffIds.length ? await this.ds.getRepository(StaffEntity).findBy({ id: In(staffIds) }) : [];
    const staffNames = new Map(staff.map((s) => [s.id, s.displayName]));
    const accessLog = entries.map((e) => ({ at: e.at.toISOString(), actor: (e.actorId && staffNames.get(e.actorId)) || '系统', action: e.action }));
    return toStaffDetail(r, summary, files, events, accessLog, this.now());
  }
}

function assertBoardRole(staff: StaffPrincipal): void {
  if (staff.role !== 'admin' && staff.role !== 'center_staff') throw AppError.forbidden('只有中心工作人员可以查看保护令申请');
}

