import { z } from 'zod';
import { Channel, Priority, ReferralAgency, RequestCategory, RequestStatus } from '../enums';
import { ZSafeContact } from './safe-contact.schema';

export const ZRequestStatus = z.enum(RequestStatus.codes, { error: '状态不正确' });

export const ZTimelineItem = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.object({ type: z.enum(['staff', 'user', 'system']), id: z.string().nullable(), name: z.string() }),
    type: z.string(),
    from: z.string().optional(),
    to: z.string().optional(),
    note: z.string().optional(),
    visibility: z.enum(['client', 'internal']),
  })
  .meta({ id: 'TimelineItem' });
export type TimelineItem = z.infer<typeof ZTimelineItem>;

export const ZRequestMessage = z
  .object({ id: z.string(), at: z.string(), from: z.enum(['staff', 'me']), body: z.string() })
  .meta({ id: 'RequestMessage' });

/** Her own view of a request (我的求助). */
export const ZMyRequest = z
  .object({
    id: z.string(),
    ref: z.string(),
    status: ZRequestStatus,
    category: z.enum(RequestCategory.codes),
    description: z.string(),
    persons: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    center: z.object({ id: z.string(), name: z.string(), phone: z.string() }),
    anonymous: z.boolean(),
    messages: z.array(ZRequestMessage),
    events: z.array(z.object({ at: z.string(), type: z.string(), to: z.string().optional() })),
    canRate: z.boolean(),
    rating: z.object({ score: z.number(), comment: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'MyRequest' });
export type MyRequest = z.infer<typeof ZMyRequest>;

export const ZStaffRequestSummary = z
  .object({
    id: z.string(),
    ref: z.string(),
    status: ZRequestStatus,
    category: z.enum(RequestCategory.codes),
    channel: z.enum(Channel.codes),
    priority: z.array(z.enum(Priority.codes)),
    persons: z.number(),
    createdAt: z.string(),
    acceptDueAt: z.string(),
    overdue: z.boolean(),
    center: z.object({ id: z.string(), name: z.string() }),
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    anonymous: z.boolean(),
    district: z.string().nullable(),
  })
  .meta({ id: 'StaffRequestSummary' });
export type StaffRequestSummary = z.infer<typeof ZStaffRequestSummary>;

export const ZReferral = z
  .object({
    id: z.string(),
    agency: z.enum(ReferralAgency.codes),
    note: z.string().nullable(),
    outcome: z.string(),
    outcomeNote: z.string().nullable(),
    createdAt: z.string(),
    outcomeAt: z.string().nullable(),
  })
  .meta({ id: 'Referral' });
export type Referral = z.infer<typeof ZReferral>;

export const ZStaffRequestDetail = ZStaffRequestSummary.extend({
  description: z.string(),
  personsDetail: z.array(z.object({ relation: z.string(), age: z.number().optional() })).nullable(),
  contact: ZSafeContact.nullable(),
  contactAdvice: z.object({ callable: z.boolean(), reason: z.string().optional() }).nullable(),
  referrals: z.array(ZReferral),
  messages: z.array(z.object({ id: z.string(), at: z.string(), from: z.enum(['staff', 'client']), author: z.string(), body: z.string() })),
  rating: z.object({ score: z.number(), comment: z.string().nullable() }).nullable(),
  consentAt: z.string(),
  nextStatuses: z.array(ZRequestStatus),
  reasonRequiredFor: z.array(ZRequestStatus).describe('这些下一步状态须填写原因'),
  canMessage: z.boolean().describe('有关联的小程序账号，可发站内消息'),
  notify: z.boolean(),
}).meta({ id: 'StaffRequestDetail' });
export type StaffRequestDetail = z.infer<typeof ZStaffRequestDetail>;
