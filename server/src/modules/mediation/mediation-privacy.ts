import { In, type DataSource } from 'typeorm';
import type { PersonalDataHandler } from '../privacy/privacy.service';
import type { CentersService } from '../centers/centers.service';
import { HelpRequestEntity } from '../requests/request.entity';
import { MediationCaseEntity, MediationSessionEntity } from './mediation.entity';

/**
 * "See / delete my data" for mediation. A case reaches her account only through the help request it
 * was opened from, so she sees the cases of her own requests (progress only: the other side's
 * details are not hers to export). Erasure has nothing to unlink here: the requests handler cuts
 * the request from her account, and with it the only path from her account to the case, which the
 * center keeps as its mediation record.
 */
export function mediationPrivacy(ds: DataSource, centers: CentersService): PersonalDataHandler {
  return {
    name: 'mediation',
    async export(user) {
      const requests = await ds.getRepository(HelpRequestEntity).find({ select: { id: true, ref: true }, where: { userId: user.userId } });
      if (requests.length === 0) return [];
      const cases = await ds.getRepository(MediationCaseEntity).find({
        select: { id: true, ref: true, status: true, disputeType: true, committeeLevel: true, centerId: true, fromRequestId: true, createdAt: true, outcomeAt: true },
        where: { fromRequestId: In(requests.map((r) => r.id)) },
        order: { createdAt: 'ASC' },
      });
      if (cases.length === 0) return [];
      const [names, sessions] = await Promise.all([
        centers.names(),
        ds.getRepository(MediationSessionEntity).find({ select: { caseId: true, at: true, form: true }, where: { caseId: In(cases.map((c) => c.id)) }, order: { at: 'ASC' } }),
      ]);
      return cases.map((c) => ({
        ref: c.ref,
        request: requests.find((r) => r.id === c.fromRequestId)?.ref ?? null,
        center: names.get(c.centerId)?.name ?? null,
        status: c.status,
        disputeType: c.disputeType,
        committeeLevel: c.committeeLevel,
        createdAt: c.createdAt.toISOString(),
        outcomeAt: c.outcomeAt?.toISOString() ?? null,
        sessions: sessions.filter((s) => s.caseId === c.id).map((s) => ({ at: s.at.toISOString(), form: s.form })),
      }));
    },
    async erase() {
      return 0;
    },
  };
}
