import { And, Equal, In, LessThan, LessThanOrEqual, MoreThanOrEqual, type DataSource, type FindOperator, type FindOptionsWhere } from 'typeorm';
import type { AuditEntry, AuditQuery } from '@zjh/shared';
import { AppError } from '../../lib/errors';
import { centerScope, type StaffPrincipal } from '../../lib/access';
import { StaffEntity } from '../auth/auth.entity';
import type { AuditService } from './audit.service';
import { AuditEntryEntity } from './audit.entity';

const PAGE = 50;
export const USER_ACTOR_NAME = '求助人';
export const SYSTEM_ACTOR_NAME = '系统';

/** Reading the audit log: newest first, keyset-paged, scoped to her center unless she is the city admin. */
export class AuditLogService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: StaffPrincipal, q: AuditQuery): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    const scope = centerScope(actor);
    // A center's staff reads her own center's entries only, whatever centerId she asks for.
    const centerId = actor.role === 'admin' ? q.centerId : (scope ?? '-');
    const base: FindOptionsWhere<AuditEntryEntity> = {};
    if (centerId) base.centerId = centerId;
    if (q.action) base.action = q.action;
    if (q.entityType) base.entityType = q.entityType;
    if (q.entityId) base.entityId = q.entityId;
    if (q.actorId) base.actorId = q.actorId;
    const range: FindOperator<Date>[] = [];
    if (q.from) range.push(MoreThanOrEqual(new Date(q.from)));
    if (q.to) range.push(LessThanOrEqual(new Date(q.to)));
    const atFilter = (extra?: FindOperator<Date>) => {
      const ops = extra ? [...range, extra] : range;
      return ops.length === 0 ? {} : { at: ops.length === 1 ? ops[0] : And(...ops) };
    };
    // Keyset paging on (at, id): the log grows while she pages (this very read adds an entry),
    // so an offset would shift and repeat rows.
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    const where = after
      ? [
          { ...base, ...atFilter(LessThan(after.at)) },
          { ...base, ...atFilter(Equal(after.at)), id: LessThan(after.id) },
        ]
      : { ...base, ...atFilter() };
    const limit = q.limit ?? PAGE;
    const rows = await this.ds.getRepository(AuditEntryEntity).find({ where, order: { at: 'DESC', id: 'DESC' }, take: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const items = await this.withActorNames(page);
    await this.audit.record(actor, {
      action: 'audit.read',
      entityType: 'audit_log',
      entityId: null,
      centerId: centerId ?? null,
      detail: { filters: Object.keys(q).filter((k) => k !== 'cursor' && k !== 'limit' && q[k as keyof AuditQuery] !== undefined) },
    });
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(new Date(last.at), last.id) : null };
  }

  private async withActorNames(rows: AuditEntryEntity[]): Promise<AuditEntry[]> {
    const staffIds = [...new Set(rows.filter((r) => r.actorType === 'staff' && r.actorId).map((r) => r.actorId!))];
    const staff = staffIds.length ? await this.ds.getRepository(StaffEntity).find({ where: { id: In(staffIds) }, select: { id: true, displayName: true } }) : [];
    const names = new Map(staff.map((s) => [s.id, s.displayName]));
    return rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actorType: r.actorType,
      actorId: r.actorId,
      actorName: r.actorType === 'user' ? USER_ACTOR_NAME : r.actorType === 'system' ? SYSTEM_ACTOR_NAME : (names.get(r.actorId ?? '') ?? '未知工作人员'),
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      centerId: r.centerId,
      detail: r.detail ?? null,
    }));
  }
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const at = new Date(iso ?? '');
  if (!id || Number.isNaN(at.getTime())) throw AppError.field('query.cursor', '分页标记无效');
  return { at, id };
}
