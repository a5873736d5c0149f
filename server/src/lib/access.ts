import type { Context } from 'koa';
import type { StaffRole } from '@zjh/shared';
import { AppError } from './errors';

/*
 * Who is calling, and what they may see. Every route goes through these helpers: a woman sees only
 * her own records, staff only their center's, the city admin all. "Not yours" is always a 404.
 */

export type UserPrincipal = { kind: 'user'; userId: string };
export type StaffPrincipal = { kind: 'staff'; staffId: string; role: StaffRole; centerId: string | null; displayName: string };
export type Principal = UserPrincipal | StaffPrincipal;

/** 'any' = signed in, as a client or as staff (each route then checks what that principal may touch). */
export type AuthRequirement = 'none' | 'any' | 'user' | 'staff' | { staff: StaffRole[] };

export function principalOf(ctx: Context): Principal | undefined {
  return ctx.state.principal as Principal | undefined;
}

/** Throws 401 / 403 unless the caller meets `need`. */
export function enforce(ctx: Context, need: AuthRequirement): Principal | undefined {
  if (need === 'none') return principalOf(ctx);
  const p = principalOf(ctx);
  if (!p) throw AppError.unauthenticated();
  if (need === 'any') return p;
  if (need === 'user') {
    if (p.kind !== 'user') throw AppError.forbidden('此功能仅供求助者使用');
    return p;
  }
  if (p.kind !== 'staff') throw AppError.forbidden('此功能仅供工作人员使用');
  if (typeof need === 'object' && !need.staff.includes(p.role)) throw AppError.forbidden();
  return p;
}

export function requireUser(ctx: Context): UserPrincipal {
  return enforce(ctx, 'user') as UserPrincipal;
}

export function requireStaff(ctx: Context, roles?: StaffRole[]): StaffPrincipal {
  return enforce(ctx, roles ? { staff: roles } : 'staff') as StaffPrincipal;
}

export function isCityAdmin(p: StaffPrincipal): boolean {
  return p.role === 'admin';
}

/** The center a staff query is limited to, or null for the city admin (all centers). */
export function centerScope(p: StaffPrincipal): string | null {
  return isCityAdmin(p) ? null : p.centerId;
}

/** A record of another center does not exist for this staff member. */
export function assertCenterAccess(p: StaffPrincipal, recordCenterId: string | null | undefined): void {
  if (isCityAdmin(p)) return;
  if (!p.centerId || p.centerId !== recordCenterId) throw AppError.notFound();
}

/** A record of another woman does not exist for this user. */
export function assertOwner(p: UserPrincipal, ownerId: string | null | undefined): void {
  if (ownerId !== p.userId) throw AppError.notFound();
}
