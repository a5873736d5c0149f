import type { DataSource, EntityManager } from 'typeorm';
import type { PoStatus } from '@zjh/shared';
import { AppError } from '../../lib/errors';
import { inTransaction } from '../../lib/db/transaction';
import { isCityAdmin, type Principal } from '../../lib/access';
import { ProtectionOrderEntity } from './protection-order.entity';

export const PO_ENTITY = 'protection_order';
/** Neutral mini-program page for notifications about an application. */
export const poPage = (id: string) => `pages/applications/detail?id=${id}`;

/**
 * The application as this caller may see it, or 404: she sees her own; center staff (admin or
 * center_staff) of the handling center see it once submitted (a draft is hers alone); the city
 * admin sees every submitted one.
 */
export async function findVisible(ds: DataSource, p: Principal, id: string): Promise<ProtectionOrderEntity> {
  const r = await ds.getRepository(ProtectionOrderEntity).findOneBy({ id });
  if (!r) throw AppError.notFound('找不到该申请');
  if (p.kind === 'user') {
    if (r.userId !== p.userId) throw AppError.notFound('找不到该申请');
    return r;
  }
  const staffMayAct = p.role === 'admin' || p.role === 'center_staff';
  const inScope = isCityAdmin(p) || (r.centerId !== null && r.centerId === p.centerId);
  if (!staffMayAct || !inScope || r.status === 'draft') throw AppError.notFound('找不到该申请');
  return r;
}

/**
 * Read-modify-write of one application under its version number: `change` sees the current row and
 * returns what to set; the UPDATE only lands if nobody wrote in between (else it re-reads and tries
 * again), so two devices saving at once never lose each other's answers.
 */
export async function updateGuarded(
  ds: DataSource,
  id: string,
  allowed: PoStatus[],
  change: (row: ProtectionOrderEntity) => Partial<ProtectionOrderEntity>,
  now: Date,
  after?: (em: EntityManager, row: ProtectionOrderEntity, set: Partial<ProtectionOrderEntity>) => Promise<void>,
): Promise<ProtectionOrderEntity> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const row = await ds.getRepository(ProtectionOrderEntity).findOneBy({ id });
    if (!row) throw AppError.notFound('找不到该申请');
    if (!allowed.includes(row.status)) throw AppError.conflict('NOT_EDITABLE', '申请当前的状态不允许修改', { status: row.status });
    const set = { ...change(row), version: row.version + 1, updatedAt: now };
    const landed = await inTransaction(ds, async (em) => {
      const res = await em
        .createQueryBuilder()
        .update(ProtectionOrderEntity)
        .set(set)
        .where('id = :id AND version = :version AND status = :status', { id, version: row.version, status: row.status })
        .execute();
      if (res.affected !== 1) return false;
      if (after) await after(em, row, set);
      return true;
    });
    if (landed) return { ...row, ...set };
  }
  throw AppError.conflict('STALE_VERSION', '申请刚被其他设备修改，请刷新后再试');
}
