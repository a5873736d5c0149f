import { contactAdvice, type MyRequest, type Priority, type StaffRequestDetail, type StaffRequestSummary } from '@zjh/shared';
import type { TimelineItem } from '../timeline/timeline.service';
import type { HelpRequestEntity, RequestReferralEntity } from './request.entity';
import { requestWorkflow } from './request.workflow';

export interface CenterRef {
  id: string;
  name: string;
  phone: string;
}

/** Event types she sees in 我的求助; only messages carry their text to her. */
export const CLIENT_EVENT_TYPES = new Set(['created', 'status', 'transfer', 'message_to_client', 'message_from_client', 'rated']);

export function priorities(r: HelpRequestEntity): Priority[] {
  return (['urgent', 'serious', 'difficult'] as const).filter((p) => r[p]);
}

export function isOverdue(r: HelpRequestEntity, now: Date): boolean {
  return r.status === 'new' && r.acceptDueAt.getTime() < now.getTime();
}

export function toMyRequest(r: HelpRequestEntity, center: CenterRef, events: TimelineItem[]): MyRequest {
  return {
    id: r.id,
    ref: r.ref,
    status: r.status,
    category: r.category,
    description: r.description,
    persons: r.personsCount,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    center: { id: center.id, name: center.name, phone: center.phone },
    anonymous: r.contact === null,
    messages: events
      .filter((e) => e.type === 'message_to_client' || e.type === 'message_from_client')
      .map((e) => ({ id: e.id, at: e.at, from: e.type === 'message_to_client' ? ('staff' as const) : ('me' as const), body: e.note ?? '' })),
    events: events.filter((e) => CLIENT_EVENT_TYPES.has(e.type)).map((e) => ({ at: e.at, type: e.type, ...(e.type === 'status' && e.to ? { to: e.to } : {}) })),
    canRate: (r.status === 'resolved' || r.status === 'closed') && r.ratingScore === null,
    rating: r.ratingScore === null ? null : { score: r.ratingScore, comment: r.ratingComment },
  };
}

export function toStaffSummary(r: HelpRequestEntity, center: { id: string; name: string }, assignee: { id: string; name: string } | null, now: Date): StaffRequestSummary {
  return {
    id: r.id,
    ref: r.ref,
    status: r.status,
    category: r.category,
    channel: r.channel,
    priority: priorities(r),
    persons: r.personsCount,
    createdAt: r.createdAt.toISOString(),
    acceptDueAt: r.acceptDueAt.toISOString(),
    overdue: isOverdue(r, now),
    center: { id: center.id, name: center.name },
    assignee,
    anonymous: r.contact === null,
    district: r.district,
  };
}

export function toStaffDetail(
  r: HelpRequestEntity,
  summary: StaffRequestSummary,
  referrals: RequestReferralEntity[],
  events: TimelineItem[],
  now: Date,
): StaffRequestDetail {
  return {
    ...summary,
    description: r.description,
    personsDetail: r.personsDetail,
    contact: r.contact,
    contactAdvice: r.contact ? contactAdvice(r.contact, now) : null,
    referrals: referrals.map((x) => ({
      id: x.id,
      agency: x.agency,
      note: x.note,
      outcome: x.outcome,
      outcomeNote: x.outcomeNote,
      createdAt: x.createdAt.toISOString(),
      outcomeAt: x.outcomeAt?.toISOString() ?? null,
    })),
    messages: events
      .filter((e) => e.type === 'message_to_client' || e.type === 'message_from_client')
      .map((e) => ({ id: e.id, at: e.at, from: e.type === 'message_to_client' ? ('staff' as const) : ('client' as const), author: e.actor.name, body: e.note ?? '' })),
    rating: r.ratingScore === null ? null : { score: r.ratingScore, comment: r.ratingComment },
    consentAt: r.consentAt.toISOString(),
    nextStatuses: requestWorkflow.next(r.status),
    reasonRequiredFor: requestWorkflow.needsReason(r.status),
    canMessage: r.userId !== null,
    notify: r.notify,
  };
}
