import type { DataSource, FindOptionsWhere } from 'typeorm';
import type { AdminStaffItem, AdminStaffQuery, UpdateStaffInput } from '@zjh/shared';
import { AppError } from '../../lib/errors';
import { inTransaction } from '../../lib/db/transaction';
import type { StaffPrincipal } from '../../lib/access';
import type { AuditService } from '../audit/audit.service';
import type { CentersService } from '../centers/centers.service';
import { SessionEntity, StaffEntity } from './auth.entity';

/** The city admin's account management: list, edit role / center / active. */
export class StaffAdminService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly centers: CentersService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(q: AdminStaffQuery): Promise<AdminStaffItem[]> {
    const base: FindOptionsWhere<StaffEntity> = {};
    if (q.centerId) base.centerId = q.centerId;
    if (q.role) base.role = q.role;
    if (q.active !== undefined) base.active = q.active;
    const rows = await this.ds.getRepository(StaffEntity).find({ where: base, order: { createdAt: 'ASC', username: 'ASC' } });
    // The staff table holds a few hundred rows at most: matching in memory keeps LIKE escaping
    // differences between SQLite and MariaDB out of the picture.
    const needle = q.q?.toLowerCase();
    const matched = needle ? rows.filter((r) => r.username.includes(needle) || r.displayName.toLowerCase().includes(needle)) : rows;
    return matched.map(toAdminStaffItem);
  }

  async update(actor: StaffPrincipal, id: string, input: UpdateStaffInput): Promise<AdminStaffItem> {
    const repo = this.ds.getRepository(StaffEntity);
    const staff = await repo.findOneBy({ id });
    if (!staff) throw AppError.notFound('找不到该工作人员');
    if (id === actor.staffId) {
      if (input.active === false) throw AppError.conflict('CANNOT_DEACTIVATE_SELF', '不能停用自己的账号');
      if (input.role !== undefined && input.role !== 'admin') throw AppError.conflict('CANNOT_DEMOTE_SELF', '不能取消自己的管理员角色');
    }
    const role = input.role ?? staff.role;
    const centerId = input.centerId !== undefined ? input.centerId : staff.centerId;
    if (role !== 'admin' && !centerId) throw AppError.field('centerId', '除市妇联管理员外，必须指定所属中心');
    if (input.centerId && input.centerId !== staff.centerId && !(await this.centers.exists(input.centerId))) {
      throw AppError.field('centerId', '所属中心不存在');
    }
    const patch: Partial<StaffEntity> = { updatedAt: this.now() };
    if (input.displayName !== undefined) patch.displayName = input.displayName;
    if (input.role !== undefined) patch.role = input.role;
    if (input.centerId !== undefined) patch.centerId = input.centerId;
    if (input.active !== undefined) patch.active = input.active;
    const deactivating = input.active === false && staff.active;
    await inTransaction(this.ds, async (em) => {
      await em.getRepository(StaffEntity).update({ id }, patch);
      // A deactivated account must not keep working through a token it already holds.
      if (deactivating) await em.getRepository(SessionEntity).delete({ subjectType: 'staff', subjectId: id });
    });
    const changed = Object.keys(input).filter((k) => input[k as keyof UpdateStaffInput] !== undefined);
    await this.audit.record(actor, {
      action: deactivating ? 'staff.deactivate' : 'staff.update',
      entityType: 'staff',
      entityId: id,
      centerId: centerId ?? staff.centerId,
      // Codes and ids only: the display name itself is not copied into the log.
      detail: { fields: changed, ...(input.role ? { role: input.role } : {}), ...(input.active !== undefined ? { active: input.active } : {}) },
    });
    return toAdminStaffItem(await repo.findOneByOrFail({ id }));
  }
}

export function toAdminStaffItem(s: StaffEntity): AdminStaffItem {
  return {
    id: s.id,
    username: s.username,
    displayName: s.displayName,
    role: s.role,
    centerId: s.centerId,
    active: Boolean(s.active),
    createdAt: new Date(s.createdAt).toISOString(),
  };
}
