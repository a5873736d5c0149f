import type { PoStatus } from '@zjh/shared';
import { Workflow } from '../../lib/workflow';

const STAFF = ['admin', 'center_staff'] as const;

/*
 * draft → submitted (she submits) → under_review (staff) → filed with the court → granted | rejected
 * → delivered (granted only). While reviewing, staff may ask her for more: needs_info opens the
 * interview again (all of it, or the groups staff name) and she resubmits, back to submitted. Until
 * the court has it she may withdraw; staff may withdraw it for her, with a reason.
 */
export const protectionOrderWorkflow = new Workflow<PoStatus>('protection-order', [
  { from: 'draft', to: 'submitted', action: 'submit', who: ['owner'] },
  { from: 'submitted', to: 'under_review', action: 'review', who: [...STAFF] },
  { from: 'submitted', to: 'needs_info', action: 'request_info', who: [...STAFF], needsReason: true },
  { from: 'under_review', to: 'needs_info', action: 'request_info', who: [...STAFF], needsReason: true },
  { from: 'needs_info', to: 'submitted', action: 'resubmit', who: ['owner'] },
  { from: 'under_review', to: 'filed', action: 'file', who: [...STAFF] },
  { from: 'filed', to: 'granted', action: 'grant', who: [...STAFF] },
  { from: 'filed', to: 'rejected', action: 'reject', who: [...STAFF], needsReason: true },
  { from: 'granted', to: 'delivered', action: 'deliver', who: [...STAFF] },
  ...(['submitted', 'under_review', 'needs_info'] as const).flatMap((from) => [
    { from, to: 'withdrawn' as const, action: 'withdraw', who: ['owner' as const] },
    { from, to: 'withdrawn' as const, action: 'withdraw', who: [...STAFF], needsReason: true },
  ]),
]);

/** She can change her answers (and evidence) in these states. */
export const EDITABLE_BY_HER: PoStatus[] = ['draft', 'needs_info'];
/** Staff can correct answers while helping her, before the court has the application. */
export const EDITABLE_BY_STAFF: PoStatus[] = ['submitted', 'under_review', 'needs_info'];
/** The court has it: kept for the center's records even when she deletes her account. */
export const WITH_THE_COURT: PoStatus[] = ['filed', 'granted', 'rejected', 'delivered'];
/** Statuses in which an order protects her and can be extended. */
export const IN_FORCE: PoStatus[] = ['granted', 'delivered'];
