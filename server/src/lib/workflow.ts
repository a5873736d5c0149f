import type { StaffRole } from '@zjh/shared';
import { AppError } from './errors';

/**
 * An explicit state machine: each allowed move is one row (from, to, action, who may). Services
 * check a move here before they change anything; anything not in the table is a 409.
 */
export interface Transition<S extends string> {
  from: S;
  to: S;
  /** Name of the move as it appears on the timeline (`accept`, `reopen`…). */
  action: string;
  /** Staff roles allowed, or 'owner' for the client who owns the record, or 'system'. */
  who: Array<StaffRole | 'owner' | 'system'>;
  /** The move needs a reason (it is written to the timeline). */
  needsReason?: boolean;
}

export class Workflow<S extends string> {
  constructor(
    readonly name: string,
    readonly transitions: Array<Transition<S>>,
  ) {}

  /** The transition from → to for this actor, or a 409 (not allowed) / 403 (not yours to make). */
  check(from: S, to: S, who: StaffRole | 'owner' | 'system', reason?: string | null): Transition<S> {
    const candidates = this.transitions.filter((t) => t.from === from && t.to === to);
    if (candidates.length === 0) {
      throw new AppError(409, 'INVALID_TRANSITION', `不能从“${from}”变更为“${to}”`, { from, to, allowed: this.next(from) });
    }
    const t = candidates.find((c) => c.who.includes(who));
    if (!t) throw AppError.forbidden('你的角色不能执行这一步');
    if (t.needsReason && !reason?.trim()) throw AppError.field('reason', '这一步需要填写原因');
    return t;
  }

  /** Next states from `from` whose move needs a reason. */
  needsReason(from: S): S[] {
    return [...new Set(this.transitions.filter((t) => t.from === from && t.needsReason).map((t) => t.to))];
  }

  next(from: S): S[] {
    return [...new Set(this.transitions.filter((t) => t.from === from).map((t) => t.to))];
  }
}
