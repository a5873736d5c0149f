import { decisionDeadline, orderEndsAt, reconsiderationDeadline, validityProblem, type PoTransitionInput } from '@zjh/shared';
import { AppError } from '../../lib/errors';
import type { ProtectionOrderEntity } from './protection-order.entity';

/** A recorded instant may be a little ahead of the server clock, not more. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * What each staff step records on the application, with the rules of the law checked: the decision
 * clock starts at filing (art. 28), an order lasts at most six months (art. 30), a rejection opens a
 * five-day reconsideration window (art. 31), delivery names the police station and committee (art. 32).
 */
export function staffTransitionChange(r: ProtectionOrderEntity, input: PoTransitionInput, now: Date): Partial<ProtectionOrderEntity> {
  const notFuture = (iso: string, path: string) => {
    const at = new Date(iso);
    if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) throw AppError.field(path, '时间不能晚于现在');
    return at;
  };
  switch (input.status) {
    case 'under_review':
    case 'withdrawn':
      return { editableSections: null };
    case 'needs_info':
      return { editableSections: input.sections ?? null };
    case 'filed': {
      const filedAt = notFuture(input.filedAt, 'filedAt');
      const urgent = input.urgent ?? r.urgent;
      return { courtName: input.court, caseNumber: input.caseNumber, filedAt, urgent, decisionDueAt: decisionDeadline(filedAt, urgent), editableSections: null };
    }
    case 'granted': {
      const decidedAt = decisionTime(r, input.decidedAt, notFuture, now);
      const problem = validityProblem(input.validFrom, input.validTo);
      if (problem) throw AppError.field(problem.path, problem.message);
      const measures = [...new Set(input.measures)];
      if (measures.includes('other') && !input.otherMeasureText) throw AppError.field('otherMeasureText', '请写明法院作出的其他措施');
      return {
        decidedAt,
        orderNumber: input.orderNumber,
        grantedMeasures: measures,
        otherMeasureText: measures.includes('other') ? (input.otherMeasureText ?? null) : null,
        validFrom: input.validFrom,
        validTo: input.validTo,
        expiresAt: orderEndsAt(input.validTo),
      };
    }
    case 'rejected': {
      const decidedAt = decisionTime(r, input.decidedAt, notFuture, now);
      return { decidedAt, rejectionReason: input.reason, reconsiderationUntil: reconsiderationDeadline(decidedAt) };
    }
    case 'delivered': {
      const earliest = r.validFrom ?? '';
      for (const path of ['policeDeliveredOn', 'committeeDeliveredOn'] as const) {
        if (input[path] < earliest) throw AppError.field(path, '送达日期不能早于保护令生效日期');
      }
      return {
        delivery: { policeStation: input.policeStation, policeDeliveredOn: input.policeDeliveredOn, committee: input.committee, committeeDeliveredOn: input.committeeDeliveredOn },
      };
    }
  }
}

function decisionTime(r: ProtectionOrderEntity, iso: string | undefined, notFuture: (iso: string, path: string) => Date, now: Date): Date {
  const at = iso ? notFuture(iso, 'decidedAt') : now;
  if (r.filedAt && at.getTime() < r.filedAt.getTime()) throw AppError.field('decidedAt', '裁定时间不能早于向法院提交的时间');
  return at;
}
