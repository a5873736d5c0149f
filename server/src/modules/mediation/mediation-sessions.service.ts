import type { DataSource } from 'typeorm';
import { MediationSessionForm, type AddMediationSessionInput, type FieldProblem, type MediationSessionDto } from '@zjh/shared';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { inTransaction } from '../../lib/db/transaction';
import type { StaffPrincipal } from '../../lib/access';
import type { AuditService } from '../audit/audit.service';
import { timeline } from '../timeline/timeline.service';
import { MediationMediatorEntity, MediationSessionEntity } from './mediation.entity';
import { ENTITY, loadVisibleCase } from './mediation-access';
import { toSession } from './mediation.mapper';
import { MediationReader, writeCase } from './mediation-store';

/** Sessions are recorded while the case is waiting or being mediated (a failed case is reopened first). */
const SESSION_STATUSES = ['registered', 'in_mediation'];

/** Mediation sessions: when, in which form (面对面, 背对背, 一对一, 多对一), who attended, sealed notes. */
export class MediationSessionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly reader: MediationReader,
    private readonly now: () => Date,
  ) {}

  async add(staff: StaffPrincipal, caseId: string, input: AddMediationSessionInput): Promise<MediationSessionDto> {
    const c = await loadVisibleCase(this.ds, staff, caseId);
    if (!SESSION_STATUSES.includes(c.status)) throw AppError.conflict('CASE_NOT_IN_MEDIATION', '只有登记或调解中的案件可以记录调解');
    const mediators = await this.ds.getRepository(MediationMediatorEntity).findBy({ caseId: c.id });
    const problems: FieldProblem[] = [];
    const parties = input.attendedPartyIds.map((pid, i) => {
      const p = c.parties.find((x) => x.id === pid);
      if (!p) problems.push({ path: `attendedPartyIds.${i}`, message: '不是本案当事人' });
      return p ? { id: p.id, role: p.role, name: p.name } : null;
    });
    const present = (input.attendedMediatorIds ?? []).map((mid, i) => {
      const m = mediators.find((x) => x.id === mid);
      if (!m) problems.push({ path: `attendedMediatorIds.${i}`, message: '不是本案调解员' });
      return m ? { id: m.id, name: m.name, kind: m.kind } : null;
    });
    if (problems.length) throw AppError.badRequest(problems);
    const now = this.now();
    const session: MediationSessionEntity = {
      id: newId(),
      caseId: c.id,
      at: new Date(input.at),
      form: input.form,
      attendance: { parties: dedupe(parties), mediators: dedupe(present), others: input.otherAttendees ?? null },
      location: input.location ?? null,
      notes: input.notes ?? null,
      recordedBy: staff.staffId,
      createdAt: now,
    };
    await inTransaction(this.ds, async (em) => {
      await em.getRepository(MediationSessionEntity).insert(session);
      // The case's version moves too, so an outcome recorded concurrently is decided by the database.
      await writeCase(em, c, {}, now);
      await timeline.append(em, staff, { entityType: ENTITY, entityId: c.id, type: 'session', to: MediationSessionForm[input.form], note: input.at }, now);
    });
    return toSession(session, { id: staff.staffId, name: staff.displayName });
  }

  async list(staff: StaffPrincipal, caseId: string): Promise<MediationSessionDto[]> {
    const c = await loadVisibleCase(this.ds, staff, caseId);
    await this.audit.record(staff, { action: 'mediation.sessions.read', entityType: ENTITY, entityId: c.id, centerId: c.centerId }, this.now());
    const rows = await this.ds.getRepository(MediationSessionEntity).find({ where: { caseId: c.id }, order: { at: 'ASC', id: 'ASC' } });
    const names = await this.reader.staffNames(rows.map((r) => r.recordedBy));
    return rows.map((r) => toSession(r, { id: r.recordedBy, name: names.get(r.recordedBy) ?? '—' }));
  }
}

function dedupe<T extends { id: string }>(list: Array<T | null>): T[] {
  const seen = new Set<string>();
  return list.filter((x): x is T => x !== null && !seen.has(x.id) && Boolean(seen.add(x.id)));
}
