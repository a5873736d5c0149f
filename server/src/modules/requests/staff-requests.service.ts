import { In, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import {
  acceptanceDeadline,
  type ReferralInput,
  type ReferralOutcomeInput,
  type RegisterRequestInput,
  type StaffRequestDetail,
  type StaffRequestSummary,
  type StaffRequestsQuery,
  type TimelineItem,
  type UpdateRequestInput,
} from '@zjh/shared';
import { AppError } from '../../lib/errors';
import { blindIndex, normalizePhone } from '../../lib/field-crypto';
import { newId } from '../../lib/ids';
import { inTransaction } from '../../lib/db/transaction';
import { centerScope, isCityAdmin, type StaffPrincipal } from '../../lib/access';
import type { AuditService } from '../audit/audit.service';
import type { CentersService } from '../centers/centers.service';
import { StaffEntity } from '../auth/auth.entity';
import { timeline } from '../timeline/timeline.service';
import { HelpRequestEntity, RequestReferralEntity } from './request.entity';
import { isOverdue, priorities, toStaffDetail, toStaffSummary } from './requests.mapper';
import { requestWorkflow } from './request.workflow';
import { ENTITY, type RequestsService } from './requests.service';

const PAGE = 50;

/** The back office side: inbox, detail, workflow, transfer, referral, notes and messages. */
export class StaffRequestsService {
  constructor(
    private readonly ds: DataSource,
    private readonly requests: RequestsService,
    private readonly centers: CentersService,
    private readonly audit: AuditService,
    private readonly now: () => Date,
  ) {}

  async register(staff: StaffPrincipal, input: RegisterRequestInput): Promise<{ id: string; ref: string; status: 'new'; center: { id: string; name: string } }> {
    const centerId = isCityAdmin(staff) ? (input.centerId ?? staff.centerId) : staff.centerId;
    if (!centerId) throw AppError.field('centerId', '请选择登记到哪个中心');
    if (!isCityAdmin(staff) && input.centerId && input.centerId !== staff.centerId) throw AppError.field('centerId', '只能登记到本中心');
    const center = await this.centers.get(centerId).catch(() => {
      throw AppError.field('centerId', '中心不存在');
    });
    const r = await this.requests.insert(
      {
        userId: null,
        channel: input.channel,
        category: input.category,
        description: input.description,
        persons: input.persons,
        contact: input.contact,
        district: input.district ?? null,
        priority: input.priority,
        centerId,
        registeredBy: staff.staffId,
      },
      staff,
    );
    return { id: r.id, ref: r.ref, status: 'new', center: { id: center.id, name: center.name } };
  }

  /** The inbox: urgent and overdue first, then newest; counts for the filter chips. */
  async list(staff: StaffPrincipal, q: StaffRequestsQuery) {
    const now = this.now();
    const where: FindOptionsWhere<HelpRequestEntity> = {};
    const scope = centerScope(staff);
    if (scope) where.centerId = scope;
    else if (q.centerId) where.centerId = q.centerId;
    if (!isCityAdmin(staff) && staff.role !== 'center_staff') where.assigneeId = staff.staffId;
    if (q.category) where.category = q.category;
    if (q.priority) where[q.priority] = true;
    if (q.q) {
      const text = q.q.toUpperCase();
      if (/^ZJ-\d{4}-\d{1,6}$/.test(text)) where.ref = text;
      else if (normalizePhone(q.q).length >= 5) where.phoneIndex = blindIndex(normalizePhone(q.q));
      else throw AppError.field('query.q', '请输入求助编号（如 ZJ-2026-000123）或电话号码');
    }
    const all = await this.ds.getRepository(HelpRequestEntity).find({ where, order: { createdAt: 'DESC' } });
    const counts = {
      total: all.length,
      new: all.filter((r) => r.status === 'new').length,
      open: all.filter((r) => ['new', 'accepted', 'in_progress'].includes(r.status)).length,
      overdue: all.filter((r) => isOverdue(r, now)).length,
      urgent: all.filter((r) => r.urgent && ['new', 'accepted', 'in_progress'].includes(r.status)).length,
    };
    const rank = (r: HelpRequestEntity) => (isOverdue(r, now) ? 0 : r.urgent && r.status !== 'closed' && r.status !== 'resolved' ? 1 : ['new', 'accepted', 'in_progress'].includes(r.status) ? 2 : 3);
    const filtered = all
      .filter((r) => !q.status || q.status.includes(r.status))
      .filter((r) => q.overdue === undefined || isOverdue(r, now) === q.overdue)
      .sort((a, b) => rank(a) - rank(b) || b.createdAt.getTime() - a.createdAt.getTime());
    const offset = q.cursor ? Number.parseInt(Buffer.from(q.cursor, 'base64url').toString(), 10) || 0 : 0;
    const limit = q.limit ?? PAGE;
    const page = filtered.slice(offset, offset + limit);
    return {
      items: await this.summaries(page),
      nextCursor: offset + limit < filtered.length ? Buffer.from(String(offset + limit)).toString('base64url') : null,
      counts,
    };
  }

  async get(staff: StaffPrincipal, id: string): Promise<StaffRequestDetail> {
    const r = await this.load(staff, id);
    await this.audit.record(staff, { action: 'request.read', entityType: ENTITY, entityId: r.id, centerId: r.centerId });
    return this.detail(r);
  }

  async timeline(staff: StaffPrincipal, id: string): Promise<TimelineItem[]> {
    const r = await this.load(staff, id);
    await this.audit.record(staff, { action: 'request.timeline.read', entityType: ENTITY, entityId: r.id, centerId: r.centerId });
    return timeline.list(this.ds.manager, ENTITY, r.id);
  }

  async update(staff: StaffPrincipal, id: string, input: UpdateRequestInput): Promise<StaffRequestDetail> {
    const r = await this.load(staff, id);
    const now = this.now();
    let notifyHer = false;
    await inTransaction(this.ds, async (em) => {
      const patch: Partial<HelpRequestEntity> = { updatedAt: now };
      if (input.status !== undefined && input.status !== r.status) {
        const move = requestWorkflow.check(r.status, input.status, staff.role, input.reason);
        if (!['admin', 'center_staff'].includes(staff.role) && r.assigneeId !== staff.staffId) throw AppError.forbidden();
        // Single conditional UPDATE: if someone else moved it meanwhile, this move is a 409.
        const res = await em
          .createQueryBuilder()
          .update(HelpRequestEntity)
          .set({
            status: input.status,
            updatedAt: now,
            ...(move.action === 'accept' ? { acceptedAt: now } : {}),
            ...(move.action === 'start' && !r.acceptedAt ? { acceptedAt: now } : {}),
            ...(move.action === 'resolve' ? { resolvedAt: now } : {}),
            ...(move.action === 'close' ? { closedAt: now } : {}),
            ...(move.action === 'reopen' ? { resolvedAt: null, closedAt: null } : {}),
          })
          .where('id = :id AND status = :from', { id: r.id, from: r.status })
          .execute();
        if (res.affected !== 1) throw AppError.conflict('STALE_STATUS', '该求助刚被其他人更新，请刷新后再试');
        await timeline.append(em, staff, { entityType: ENTITY, entityId: r.id, type: 'status', from: r.status, to: input.status, note: input.reason ?? null, visibility: 'client' }, now);
        notifyHer = move.action === 'accept' || (move.action === 'start' && r.status === 'new') || move.action === 'resolve';
      }
      if (input.priority !== undefined) {
        const before = priorities(r).join(',');
        const flags = new Set(input.priority);
        const after = (['urgent', 'serious', 'difficult'] as const).filter((p) => flags.has(p)).join(',');
        if (before !== after) {
          Object.assign(patch, { urgent: flags.has('urgent'), serious: flags.has('serious'), difficult: flags.has('difficult') });
          if (flags.has('urgent') !== r.urgent) patch.acceptDueAt = acceptanceDeadline(r.createdAt, flags.has('urgent'));
          await timeline.append(em, staff, { entityType: ENTITY, entityId: r.id, type: 'priority', from: before || '—', to: after || '—', note: input.reason ?? null }, now);
        }
      }
      if (input.assigneeId !== undefined && input.assigneeId !== r.assigneeId) {
        if (!['admin', 'center_staff'].includes(staff.role)) throw AppError.forbidden('只有中心工作人员可以分派');
        let name = '—';
        if (input.assigneeId) {
          const a = await em.getRepository(StaffEntity).findOneBy({ id: input.assigneeId, active: true });
          if (!a || (a.centerId !== r.centerId && a.role !== 'admin')) throw AppError.field('assigneeId', '只能分派给本中心的工作人员');
          name = a.displayName;
        }
        patch.assigneeId = input.assigneeId;
        await timeline.append(em, staff, { entityType: ENTITY, entityId: r.id, type: 'assign', to: name, note: input.reason ?? null }, now);
      }
      await em.getRepository(HelpRequestEntity).update({ id: r.id }, patch);
      if (notifyHer) await this.queueProgressNotice(em, r, `status:${input.status}:${now.getTime()}`);
    });
    return this.detail(await this.ds.getRepository(HelpRequestEntity).findOneByOrFail({ id: r.id }));
  }

  async transfer(staff: StaffPrincipal, id: string, input: { centerId: string; reason: string }): Promise<StaffRequestDetail> {
    if (!['admin', 'center_staff'].includes(staff.role)) throw AppError.forbidden('只有中心工作人员可以转交');
    const r = await this.load(staff, id);
    if (input.centerId === r.centerId) throw AppError.field('centerId', '已经在该中心');
    const names = await this.centers.names();
    const target = await this.centers.get(input.centerId).catch(() => {
      throw AppError.field('centerId', '目标中心不存在或已停用');
    });
    const now = this.now();
    await inTransaction(this.ds, async (em) => {
      await em.getRepository(HelpRequestEntity).update({ id: r.id }, { centerId: target.id, assigneeId: null, updatedAt: now });
      await timeline.append(em, staff, { entityType: ENTITY, entityId: r.id, type: 'transfer', from: names.get(r.centerId)?.name.slice(0, 60) ?? r.centerId, to: target.name.slice(0, 60), note: input.reason, visibility: 'client' }, now);
    });
    await this.audit.record(staff, { action: 'request.transfer', entityType: ENTITY, entityId: r.id, centerId: r.centerId, detail: { to: target.id } });
    const moved = await this.ds.getRepository(HelpRequestEntity).findOneByOrFail({ id: r.id });
    return this.detail(moved);
  }

  async addReferral(staff: StaffPrincipal, id: string, input: ReferralInput): Promise<StaffRequestDetail> {
    const r = await this.load(staff, id);
    const now = this.now();
    await inTransaction(this.ds, async (em) => {
      await em.getRepository(RequestReferralEntity).insert({ id: newId(), requestId: r.id, agency: input.agency, note: input.note ?? null, outcome: 'pending', outcomeNote: null, createdBy: staff.staffId, createdAt: now, outcomeAt: null });
      await timeline.append(em, staff, { entityType: ENTITY, entityId: r.id, type: 'referral', to: input.agency, note: input.note ?? null }, now);
      await em.getRepository(HelpRequestEntity).update({ id: r.id }, { updatedAt: now });
    });
    return this.detail(r);
  }

  async referralOutcome(staff: StaffPrincipal, id: string, referralId: string, input: ReferralOutcomeInput): Promise<StaffRequestDetail> {
    const r = await this.load(staff, id);
    const ref = await this.ds.getRepository(RequestReferralEntity).findOneBy({ id: referralId, requestId: r.id });
    if (!ref) throw AppError.notFound('找不到该转介记录');
    const now = this.now();
    await inTransaction(this.ds, async (em) => {
      await em.getRepository(RequestReferralEntity).update({ id: ref.id }, { outcome: input.outcome, outcomeNote: input.note ?? null, outcomeAt: now });
      await timeline.append(em, staff, { entityType: ENTITY, entityId: r.id, type: 'referral_outcome', from: ref.outcome, to: input.outcome, note: input.note ?? null }, now);
    });
    return this.detail(r);
  }

  async addNote(staff: StaffPrincipal, id: string, note: string): Promise<StaffRequestDetail> {
    const r = await this.load(staff, id);
    await inTransaction(this.ds, (em) => timeline.append(em, staff, { entityType: ENTITY, entityId: r.id, type: 'note', note }, this.now()));
    return this.detail(r);
  }

  async messageToClient(staff: StaffPrincipal, id: string, body: string): Promise<StaffRequestDetail> {
    const r = await this.load(staff, id);
    if (!r.userId) throw AppError.conflict('NO_CLIENT_ACCOUNT', '该求助没有关联的小程序账号（电话/来访登记或已删除），无法发送站内消息');
    const now = this.now();
    await inTransaction(this.ds, async (em) => {
      await timeline.append(em, staff, { entityType: ENTITY, entityId: r.id, type: 'message_to_client', note: body, visibility: 'client' }, now);
      await em.getRepository(HelpRequestEntity).update({ id: r.id }, { updatedAt: now });
      await this.queueProgressNotice(em, r, `message:${now.getTime()}`);
    });
    return this.detail(r);
  }

  /** A neutral "something changed" message, only when she agreed to notifications. */
  private async queueProgressNotice(em: EntityManager, r: HelpRequestEntity, key: string) {
    if (!r.notify || !r.userId) return;
    await this.requests.notifications.enqueue(em, { dedupeKey: `request:${r.id}:${key}`.slice(0, 120), userId: r.userId, template: 'progress_update', page: `pages/my-requests/index?id=${r.id}`, dueAt: this.now() });
  }

  /** Loads a request the caller may see: the admin any, center staff their center's, a provider what is assigned to them. */
  private async load(staff: StaffPrincipal, id: string): Promise<HelpRequestEntity> {
    const r = await this.ds.getRepository(HelpRequestEntity).findOneBy({ id });
    const visible = r && (isCityAdmin(staff) || (r.centerId === staff.centerId && (staff.role === 'center_staff' || r.assigneeId === staff.staffId)));
    if (!r || !visible) throw AppError.notFound('找不到该求助');
    return r;
  }

  private async summaries(rows: HelpRequestEntity[]): Promise<StaffRequestSummary[]> {
    const names = await this.centers.names();
    const assigneeIds = [...new Set(rows.map((r) => r.assigneeId).filter((x): x is string => Boolean(x)))];
    const staff = assigneeIds.length ? await this.ds.getRepository(StaffEntity).findBy({ id: In(assigneeIds) }) : [];
    const staffNames = new Map(staff.map((s) => [s.id, s.displayName]));
    const now = this.now();
    return rows.map((r) =>
      toStaffSummary(r, names.get(r.centerId) ?? { id: r.centerId, name: '（已停用中心）' }, r.assigneeId ? { id: r.assigneeId, name: staffNames.get(r.assigneeId) ?? '—' } : null, now),
    );
  }

  private async detail(r: HelpRequestEntity): Promise<StaffRequestDetail> {
    const fresh = await this.ds.getRepository(HelpRequestEntity).findOneByOrFail({ id: r.id });
    const [summary] = await this.summaries([fresh]);
    const referrals = await this.ds.getRepository(RequestReferralEntity).find({ where: { requestId: r.id }, order: { createdAt: 'ASC' } });
    const events = await timeline.list(this.ds.manager, ENTITY, r.id);
    return toStaffDetail(fresh, summary, referrals, events, this.now());
  }
}
