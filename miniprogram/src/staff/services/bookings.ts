import type { ProviderDto, ProviderRulesInput, TimelineItem, ZStaffBooking } from '@zjh/shared';
import type { z } from 'zod';
import { api, withQuery } from '../../services/api';

/** A booking as the back office sees it: her safe-contact preferences, topic, and the note (provider / admin only). */
export type StaffBooking = z.infer<typeof ZStaffBooking>;

interface List<T> {
  items: T[];
  nextCursor?: string | null;
}

/** Bookings between two Asia/Shanghai dates (inclusive); the server narrows to what this staff member may see. */
export function staffBookings(query: { from: string; to: string; providerId?: string; centerId?: string }): Promise<List<StaffBooking>> {
  return api<List<StaffBooking>>(withQuery('/api/staff/bookings', query), { auth: 'staff' });
}

/** One booking; the server writes this read to the audit log. */
export function staffBooking(id: string): Promise<StaffBooking> {
  return api<StaffBooking>(`/api/staff/bookings/${encodeURIComponent(id)}`, { auth: 'staff' });
}

export function recordAttendance(id: string, status: 'attended' | 'no_show'): Promise<StaffBooking> {
  return api<StaffBooking>(`/api/staff/bookings/${encodeURIComponent(id)}`, { method: 'PATCH', data: { status }, auth: 'staff' });
}

/** The confidential session note; the server accepts it only from the provider herself. */
export function saveSessionNote(id: string, note: string): Promise<StaffBooking> {
  return api<StaffBooking>(`/api/staff/bookings/${encodeURIComponent(id)}`, { method: 'PATCH', data: { note }, auth: 'staff' });
}

export function cancelAsStaff(id: string, reason: string): Promise<unknown> {
  return api<unknown>(`/api/bookings/${encodeURIComponent(id)}`, { method: 'DELETE', data: { reason }, auth: 'staff' });
}

export function bookingHistory(id: string): Promise<List<TimelineItem>> {
  return api<List<TimelineItem>>(`/api/bookings/${encodeURIComponent(id)}/history`, { auth: 'staff' });
}

export type ProviderSummary = Omit<ProviderDto, 'exceptions'> & { exceptions?: ProviderDto['exceptions'] };

/** Providers with a profile (optionally of one center). */
export function providersOf(centerId?: string | null): Promise<List<ProviderSummary>> {
  return api<List<ProviderSummary>>(withQuery('/api/providers', { centerId: centerId ?? undefined }));
}

/** Saves a provider's settings; fields left out stay as they are, lists sent replace the old ones. */
export function configureProvider(id: string, input: ProviderRulesInput): Promise<ProviderDto> {
  return api<ProviderDto>(`/api/staff/providers/${encodeURIComponent(id)}`, { method: 'PUT', data: input, auth: 'staff' });
}

/**
 * A provider's full settings: weekly rules, her own leave, and the city-wide holidays (marked
 * `global`; they are shown but never saved back as her own leave).
 */
export function providerSettings(id: string): Promise<ProviderDto> {
  return api<ProviderDto>(`/api/staff/providers/${encodeURIComponent(id)}`, { auth: 'staff' });
}
