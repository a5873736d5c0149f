import { DEFAULT_CENTER_CODE, SERVICE_FOR_CATEGORY, type Center, type CreatedRequest, type CreateRequestInput, type MyRequest, type RatingInput, type RequestCategory } from '@zjh/shared';
import { api } from './api';
import { centersInDistrict, listCenters, nearestCenter } from './centers';
import { isH5 } from './env';
import type { Point } from './location';
import { readToken, removeToken, TOKEN_KEY } from './storage';

/*
 * Her help requests (求助). Nothing she writes is kept on the device: drafts live in the page's
 * React state, and only the session token is stored.
 */

export type Whereabouts = { kind: 'none' } | { kind: 'point'; point: Point } | { kind: 'district'; district: string };

export interface CenterPreview {
  center: Center;
  distanceKm?: number;
}

/** The center that will handle her request, worked out the way the server assigns it. */
export async function previewCenter(category: RequestCategory | undefined, where: Whereabouts): Promise<CenterPreview> {
  const service = category ? SERVICE_FOR_CATEGORY[category] : undefined;
  if (where.kind === 'point') {
    const found = await nearestCenter(where.point, service);
    return { center: found.center, distanceKm: found.distanceKm };
  }
  if (where.kind === 'district') {
    const offering = service ? (await centersInDistrict(where.district, service)).items[0] : undefined;
    const center = offering ?? (await centersInDistrict(where.district)).items[0];
    if (!center) throw new Error('no center');
    return { center };
  }
  const { items } = await listCenters();
  const center = items.find((c) => c.code === DEFAULT_CENTER_CODE) ?? items[0];
  if (!center) throw new Error('no center');
  return { center };
}

/** Sends her request. The same key for every retry of one form fill: a lost answer never makes two. */
export function submitRequest(input: CreateRequestInput, idempotencyKey: string): Promise<CreatedRequest> {
  return api<CreatedRequest>('/api/requests', { method: 'POST', data: input, auth: 'user', header: { 'Idempotency-Key': idempotencyKey } });
}

/**
 * Whether this device may hold requests of hers. In a browser her account lives only in the stored
 * token, so without one there is nothing to fetch (and no reason to create an empty account).
 * In WeChat the account follows her WeChat identity, so we always ask.
 */
export function mayHaveRequests(): boolean {
  return !isH5() || readToken(TOKEN_KEY) !== null;
}

export async function listMyRequests(): Promise<MyRequest[]> {
  if (!mayHaveRequests()) return [];
  const { items } = await api<{ items: MyRequest[] }>('/api/requests/mine', { auth: 'user' });
  return items;
}

export function getMyRequest(id: string): Promise<MyRequest> {
  return api<MyRequest>(`/api/requests/${encodeURIComponent(id)}`, { auth: 'user' });
}

export function replyToRequest(id: string, body: string): Promise<MyRequest> {
  return api<MyRequest>(`/api/requests/${encodeURIComponent(id)}/messages`, { method: 'POST', data: { body }, auth: 'user' });
}

export function rateRequest(id: string, rating: RatingInput): Promise<MyRequest> {
  return api<MyRequest>(`/api/requests/${encodeURIComponent(id)}/rating`, { method: 'POST', data: rating, auth: 'user' });
}

/** Everything the service keeps about her (PIPL access right), grouped by domain. */
export async function getMyData(): Promise<Record<string, unknown> | null> {
  if (!mayHaveRequests()) return null;
  return api<Record<string, unknown>>('/api/me/data', { auth: 'user' });
}

/** Ends her account: requests are unlinked from her and lose their contact details. */
export async function deleteMyData(): Promise<void> {
  await api<unknown>('/api/me', { method: 'DELETE', auth: 'user' });
  removeToken(TOKEN_KEY);
}
