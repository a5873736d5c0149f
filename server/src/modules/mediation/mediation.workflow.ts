import type { MediationStatus } from '@zjh/shared';
import { Workflow } from '../../lib/workflow';

/*
 * Who may make a move: center staff and the admin always; a mediator, lawyer or counselor only on a
 * case they are assigned to (the service loads the case through that check before asking here).
 */
const STAFF = ['admin', 'center_staff'] as const;
const MEDIATORS = ['admin', 'center_staff', 'mediator', 'lawyer', 'counselor', 'educator'] as const;

/**
 * registered → in_mediation → agreement_reached | not_reached | transferred_to_court | withdrawn.
 * A failed mediation can be reopened (with a reason) or passed to the court's 诉前联调; an agreement,
 * a transfer to court and a withdrawal are final.
 */
export const mediationWorkflow = new Workflow<MediationStatus>('mediation-case', [
  { from: 'registered', to: 'in_mediation', action: 'start', who: [...MEDIATORS] },
  { from: 'registered', to: 'withdrawn', action: 'withdraw', who: [...MEDIATORS], needsReason: true },
  { from: 'in_mediation', to: 'agreement_reached', action: 'agree', who: [...MEDIATORS] },
  { from: 'in_mediation', to: 'not_reached', action: 'fail', who: [...MEDIATORS], needsReason: true },
  { from: 'in_mediation', to: 'transferred_to_court', action: 'transfer_to_court', who: [...MEDIATORS] },
  { from: 'in_mediation', to: 'withdrawn', action: 'withdraw', who: [...MEDIATORS], needsReason: true },
  { from: 'not_reached', to: 'in_mediation', action: 'reopen', who: [...STAFF, 'mediator'], needsReason: true },
  { from: 'not_reached', to: 'transferred_to_court', action: 'transfer_to_court', who: [...MEDIATORS] },
]);

/** Statuses in which the case is still being worked on: details and sessions may change. */
export const OPEN_STATUSES: MediationStatus[] = ['registered', 'in_mediation', 'not_reached'];

/** Statuses that record an outcome (and its time, `outcomeAt`). */
export const OUTCOME_STATUSES: MediationStatus[] = ['agreement_reached', 'not_reached', 'transferred_to_court', 'withdrawn'];
