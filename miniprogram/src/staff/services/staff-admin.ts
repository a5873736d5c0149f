import type { AdminCenter, AdminStaffItem, AuditEntry, Center, CreateStaffInput, UpdateCenterInput, UpdateStaffInput } from '@zjh/shared';
import { api, withQuery } from '../../services/api';

interface List<T> {
  items: T[];
  nextCursor: string | null;
}

export const ADMIN_STAFF_PATH = '/staff/pages/admin/staff';
export const ADMIN_CENTERS_PATH = '/staff/pages/admin/centers';
export const ADMIN_AUDIT_PATH = '/staff/pages/admin/audit';

export function adminStaff(query: { centerId?: string; role?: string; active?: string; q?: string }): Promise<List<AdminStaffItem>> {
  return api<List<AdminStaffItem>>(withQuery('/api/admin/staff', query), { auth: 'staff' });
}

export function createStaffAccount(input: CreateStaffInput): Promise<{ id: string }> {
  return api<{ id: string }>('/api/admin/staff', { method: 'POST', data: input, auth: 'staff' });
}

export async function updateStaffAccount(id: string, input: UpdateStaffInput): Promise<AdminStaffItem> {
  return (await api<{ staff: AdminStaffItem }>(`/api/admin/staff/${encodeURIComponent(id)}`, { method: 'PATCH', data: input, auth: 'staff' })).staff;
}

export function setStaffPassword(id: string, password: string): Promise<unknown> {
  return api<unknown>(`/api/admin/staff/${encodeURIComponent(id)}/password`, { method: 'PUT', data: { password }, auth: 'staff' });
}

export function adminCenters(): Promise<List<AdminCenter>> {
  return api<List<AdminCenter>>('/api/admin/centers', { auth: 'staff' });
}

export async function updateCenter(id: string, input: UpdateCenterInput): Promise<AdminCenter> {
  return (await api<{ center: AdminCenter }>(`/api/admin/centers/${encodeURIComponent(id)}`, { method: 'PATCH', data: input, auth: 'staff' })).center;
}

/** Active centers, for naming the center of an audit entry (center staff cannot read the admin list). */
export function publicCenters(): Promise<List<Center>> {
  return api<List<Center>>('/api/centers');
}

export interface AuditFilters {
  from?: string;
  to?: string;
  action?: string;
  entityType?: string;
  centerId?: string;
}

export function auditLog(filters: AuditFilters, cursor?: string | null): Promise<List<AuditEntry>> {
  return api<List<AuditEntry>>(withQuery('/api/admin/audit', { ...filters, cursor: cursor ?? undefined, limit: 50 }), { auth: 'staff' });
}
