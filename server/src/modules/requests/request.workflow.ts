import type { RequestStatus } from '@zjh/shared';
import { Workflow } from '../../lib/workflow';

const STAFF = ['admin', 'center_staff'] as const;
const HANDLERS = ['admin', 'center_staff', 'counselor', 'lawyer', 'mediator', 'educator'] as const;

/**
 * new → accepted → in_progress → resolved → closed, with reopen. Center staff and the admin make
 * every move; a provider assigned to the request may start and resolve it.
 */
export const requestWorkflow = new Workflow<RequestStatus>('help-request', [
  { from: 'new', to: 'accepted', action: 'accept', who: [...STAFF] },
  { from: 'new', to: 'in_progress', action: 'start', who: [...STAFF] },
  { from: 'new', to: 'closed', action: 'close', who: [...STAFF], needsReason: true },
  { from: 'accepted', to: 'in_progress', action: 'start', who: [...HANDLERS] },
  { from: 'accepted', to: 'resolved', action: 'resolve', who: [...HANDLERS] },
  { from: 'accepted', to: 'closed', action: 'close', who: [...STAFF], needsReason: true },
  { from: 'in_progress', to: 'resolved', action: 'resolve', who: [...HANDLERS] },
  { from: 'in_progress', to: 'closed', action: 'close', who: [...STAFF], needsReason: true },
  { from: 'resolved', to: 'closed', action: 'close', who: [...STAFF] },
  { from: 'resolved', to: 'in_progress', action: 'reopen', who: [...STAFF], needsReason: true },
  { from: 'closed', to: 'in_progress', action: 'reopen', who: [...STAFF], needsReason: true },
]);

export const OPEN_STATUSES: RequestStatus[] = ['new', 'accepted', 'in_progress'];
