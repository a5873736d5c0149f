import { In, type DataSource, type FindOptionsWhere } from 'typeorm';
import { AppError } from '../../lib/errors';
import { isCityAdmin, type StaffPrincipal } from '../../lib/access';
import { MediationCaseEntity, MediationMediatorEntity } from './mediation.entity';

export const ENTITY = 'mediation_case';

/** Center staff and the admin run the board; everyone else works only on the cases assigned to them. */
export function managesCases(staff: StaffPrincipal): boolean {
  return isCityAdmin(staff) || staff.role === 'center_staff';
}

export function assertManager(staff: StaffPrincipal, message = '只有中心工作人员可以执行此操作'): void {
  if (!managesCases(staff)) throw AppError.forbidden(message);
}

/**
 * A case the caller may see: the admin any; center staff their center's; a mediator (or a lawyer or
 * counselor acting as one) only a case they are assigned to. Anything else does not exist (404).
 */
export async function loadVisibleCase(ds: DataSource, staff: StaffPrincipal, id: string): Promise<MediationCaseEntity> {
  const c = await ds.getRepository(MediationCaseEntity).findOneBy({ id });
  if (c && (isCityAdmin(staff) || (staff.role === 'center_staff' && c.centerId === staff.centerId))) return c;
  if (c && (await ds.getRepository(MediationMediatorEntity).countBy({ caseId: c.id, staffId: staff.staffId })) > 0) return c;
  throw AppError.notFound('找不到该调解案件');
}

/** The where-clause that limits the board to what the caller may see (null: nothing at all). */
export async function visibleScope(ds: DataSource, staff: StaffPrincipal, centerFilter?: string): Promise<FindOptionsWhere<MediationCaseEntity> | null> {
  if (isCityAdmin(staff)) return centerFilter ? { centerId: centerFilter } : {};
  if (staff.role === 'center_staff') {
    if (!staff.centerId) return null;
    return { centerId: staff.centerId };
  }
  const rows = await ds.getRepository(MediationMediatorEntity).find({ select: { caseId: true }, where: { staffId: staff.staffId } });
  if (rows.length === 0) return null;
  return { id: In(rows.map((r) => r.caseId)) };
}
