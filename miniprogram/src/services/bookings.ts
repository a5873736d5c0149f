import type { BookingDto, ConsultationKind, ConsultationMode, CreateBookingInput, ProviderDto, SlotDto } from '@zjh/shared';
import { api, withQuery } from './api';

/** How far ahead she can book (the server's booking window). */
export const BOOKING_WINDOW_DAYS = 30;

interface List<T> {
  items: T[];
  nextCursor?: string | null;
}

export type PublicProvider = Omit<ProviderDto, 'exceptions'>;

/** Free slots, Asia/Shanghai dates inclusive. */
export function listSlots(query: { kind: ConsultationKind; centerId?: string; providerId?: string; from: string; to: string }): Promise<List<SlotDto>> {
  return api<List<SlotDto>>(withQuery('/api/slots', query));
}

/** The providers of a kind at a center, with their weekly rules (which days they usually work). */
export function listProviders(query: { kind?: ConsultationKind; centerId?: string }): Promise<List<PublicProvider>> {
  return api<List<PublicProvider>>(withQuery('/api/providers', query));
}

/**
 * Books a slot. The same Idempotency-Key is sent for every tap on one confirm screen, so a retry
 * after a lost answer returns the first booking instead of making a second one.
 */
export function createBooking(input: CreateBookingInput, idempotencyKey: string): Promise<BookingDto> {
  return api<BookingDto>('/api/bookings', { method: 'POST', data: input, auth: 'user', header: { 'Idempotency-Key': idempotencyKey } });
}

export function myBookings(): Promise<List<BookingDto>> {
  return api<List<BookingDto>>('/api/bookings/mine', { auth: 'user' });
}

export function cancelMyBooking(id: string): Promise<BookingDto> {
  return api<BookingDto>(`/api/bookings/${encodeURIComponent(id)}`, { method: 'DELETE', data: {}, auth: 'user' });
}

export function rescheduleMyBooking(id: string, start: string): Promise<BookingDto> {
  return api<BookingDto>(`/api/bookings/${encodeURIComponent(id)}/reschedule`, { method: 'POST', data: { start }, auth: 'user' });
}

/** "有空位时通知我" for a kind, center and day. */
export function watchDay(input: { kind: ConsultationKind; centerId: string; date: string }): Promise<{ id: string }> {
  return api<{ id: string }>('/api/slot-watches', { method: 'POST', data: input, auth: 'user' });
}

/** A fresh key for one confirm screen: unique enough, not a secret. */
export function newIdempotencyKey(): string {
  const random = () => Math.random().toString(36).slice(2, 10);
  return `bk-${Date.now().toString(36)}-${random()}${random()}`;
}

/** The modes in a stable order (in person first), labelled. */
export const MODE_ORDER: ConsultationMode[] = ['in_person', 'phone', 'video'];
