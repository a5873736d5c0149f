import type {
  Center,
  StaffMember,
  Priority,
  ReferralInput,
  ReferralOutcomeInput,
  RegisterRequestInput,
  RequestCategory,
  RequestStatus,
  StaffRequestDetail,
  StaffRequestSummary,
  TimelineItem,
  TransferInput,
  UpdateRequestInput,
} from '@zjh/shared';
import { api, withQuery } from '../../services/api';

export const REQUEST_DETAIL_PATH = '/staff/pages/requests/detail';
export const REGISTER_PATH = '/staff/pages/requests/register';

export interface InboxCounts {
  total: number;
  new: number;
  open: number;
  overdue: number;
  urgent: number;
}

export interface Inbox {
  items: StaffRequestSummary[];
  nextCursor: string | null;
  counts: InboxCounts;
}

export interface InboxFilters {
  status?: RequestStatus[];
  priority?: Priority;
  category?: RequestCategory;
  overdue?: boolean;
  q?: string;
}

/** GET /api/staff/requests with the inbox filters (status as a comma list). */
export function inboxPath(filters: InboxFilters, cursor?: string | null): string {
  return withQuery('/api/staff/requests', {
    status: filters.status?.length ? filters.status.join(',') : undefined,
    priority: filters.priority,
    category: filters.category,
    overdue: filters.overdue === undefined ? undefined : String(filters.overdue),
    q: filters.q?.trim() || undefined,
    cursor: cursor ?? undefined,
  });
}

export function loadInbox(filters: InboxFilters, cursor?: string | null): Promise<Inbox> {
  return api<Inbox>(inboxPath(filters, cursor), { auth: 'staff' });
}

const base = (id: string) => `/api/staff/requests/${encodeURIComponent(id)}`;

export function getRequest(id: string): Promise<StaffRequestDetail> {
  return api<StaffRequestDetail>(base(id), { auth: 'staff' });
}

export async function getTimeline(id: string): Promise<TimelineItem[]> {
  return (await api<{ items: TimelineItem[] }>(`${base(id)}/timeline`, { auth: 'staff' })).items;
}

export function updateRequest(id: string, patch: UpdateRequestInput): Promise<StaffRequestDetail> {
  return api<StaffRequestDetail>(base(id), { method: 'PATCH', data: patch, auth: 'staff' });
}

export function transferRequest(id: string, input: TransferInput): Promise<StaffRequestDetail> {
  return api<StaffRequestDetail>(`${base(id)}/transfer`, { method: 'POST', data: input, auth: 'staff' });
}

export function addReferral(id: string, input: ReferralInput): Promise<StaffRequestDetail> {
  return api<StaffRequestDetail>(`${base(id)}/referrals`, { method: 'POST', data: input, auth: 'staff' });
}

export function recordReferralOutcome(id: string, referralId: string, input: ReferralOutcomeInput): Promise<StaffRequestDetail> {
  return api<StaffRequestDetail>(`${base(id)}/referrals/${encodeURIComponent(referralId)}`, { method: 'PATCH', data: input, auth: 'staff' });
}

export function addNote(id: string, note: string): Promise<StaffRequestDetail> {
  return api<StaffRequestDetail>(`${base(id)}/notes`, { method: 'POST', data: { note }, auth: 'staff' });
}

export function messageClient(id: string, body: string): Promise<StaffRequestDetail> {
  return api<StaffRequestDetail>(`${base(id)}/messages`, { method: 'POST', data: { body }, auth: 'staff' });
}

export function registerRequest(input: RegisterRequestInput, idempotencyKey: string): Promise<{ id: string; ref: string; center: { id: string; name: string } }> {
  return api('/api/staff/requests', { method: 'POST', data: input, auth: 'staff', header: { 'Idempotency-Key': idempotencyKey } });
}

/** The active centers (for transfer, and for the admin's registration). */
export async function listActiveCenters(): Promise<Center[]> {
  return (await api<{ items: Center[] }>('/api/centers')).items;
}

/** What a status move is called on its button. */
export function moveLabel(from: RequestStatus, to: RequestStatus): string {
  if (to === 'accepted') return '受理';
  if (to === 'in_progress') return from === 'resolved' || from === 'closed' ? '重新打开' : '开始处理';
  if (to === 'resolved') return '标记为已解决';
  if (to === 'closed') return '结案';
  return to;
}


/** Active colleagues of a center, for assigning a request. */
export async function colleagues(centerId: string): Promise<StaffMember[]> {
  const { items } = await api<{ items: StaffMember[] }>(withQuery('/api/staff/members', { centerId }), { auth: 'staff' });
  return items;
}
