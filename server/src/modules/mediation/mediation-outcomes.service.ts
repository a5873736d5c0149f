import type { DataSource } from 'typeorm';
import {
  JudicialConfirmationResult,
  MediationPartyRole,
  type JudicialConfirmationInput,
  type MediationCaseDetail,
  type MediationTransitionInput,
} from '@zjh/shared';
import { AppError } from '../../lib/errors';
import { inTransaction } from '../../lib/db/transaction';
import type { StaffPrincipal } from '../../lib/access';
import type { AuditService } from '../audit/audit.service';
import type { CentersService } from '../centers/centers.service';
import { timeline } from '../timeline/timeline.service';
import { MediationMediatorEntity, type MediationCaseEntity } from './mediation.entity';
import { ENTITY, loadVisibleCase } from './mediation-access';
import { MediationReader, writeCase } from './mediation-store';
import { OUTCOME_STATUSES, mediationWorkflow } from './mediation.workflow';
import { buildAgreementDocx, shanghaiDate } from './mediation-agreement.docx';

/** Moves through the workflow, the outcome each move records, 司法确认, and the 调解协议书. */
export class MediationOutcomesService {
  constructor(
    private readonly ds: DataSource,
    private readonly centers: CentersService,
    private readonly audit: AuditService,
    private readonly reader: MediationReader,
    private readonly now: () => Date,
  ) {}

  async transition(staff: StaffPrincipal, id: string, input: MediationTransitionInput): Promise<MediationCaseDetail> {
    const c = await loadVisibleCase(this.ds, staff, id);
    const move = mediationWorkflow.check(c.status, input.to, staff.role, input.reason);
    if (move.action === 'start' && !c.consentComplete) {
      const missing = c.parties.filter((p) => p.role !== 'other' && !p.consent).map((p) => ({ partyId: p.id, role: p.role }));
      throw AppError.conflict('CONSENT_MISSING', `开始调解前须记录${missing.map((m) => MediationPartyRole[m.role]).join('、')}同意调解`, { missing });
    }
    const now = this.now();
    const patch: Partial<MediationCaseEntity> = { status: input.to };
    const notes: string[] = input.reason ? [input.reason] : [];
    if (move.action === 'start' && !c.startedAt) patch.startedAt = now;
    if (OUTCOME_STATUSES.includes(input.to)) patch.outcomeAt = now;
    if (move.action === 'reopen') patch.outcomeAt = null;
    if (input.to === 'agreement_reached') {
      const a = input.agreement;
      patch.agreement = { clauses: a.clauses, performance: a.performance, copies: a.copies ?? c.partiesCount + 1, signedOn: a.signedOn ?? shanghaiDate(now) };
      notes.push(`协议 ${a.clauses.length} 条`);
    }
    if (input.to === 'transferred_to_court') {
      Object.assign(patch, { courtName: input.court.name, courtCaseNumber: input.court.caseNumber });
      notes.push(`${input.court.name}，诉前联调案号 ${input.court.caseNumber}`);
    }
    await inTransaction(this.ds, async (em) => {
      await writeCase(em, c, patch, now, { status: c.status });
      await timeline.append(em, staff, { entityType: ENTITY, entityId: c.id, type: 'status', from: c.status, to: input.to, note: notes.join('；') || null }, now);
    });
    return this.reader.detail(c.id);
  }

  /** 司法确认: applied for after the agreement; the court's ruling is recorded when it comes. */
  async judicialConfirmation(staff: StaffPrincipal, id: string, input: JudicialConfirmationInput): Promise<MediationCaseDetail> {
    const c = await loadVisibleCase(this.ds, staff, id);
    if (c.status !== 'agreement_reached' || !c.agreement) throw AppError.conflict('NO_AGREEMENT', '达成调解协议后才能记录司法确认');
    if (input.appliedOn < c.agreement.signedOn) throw AppError.field('appliedOn', '申请日期不能早于协议签订日期');
    const result = input.result ?? 'pending';
    const now = this.now();
    await inTransaction(this.ds, async (em) => {
      await writeCase(em, c, { judicialAppliedOn: input.appliedOn, judicialCourt: input.court, judicialResult: result, judicialDecidedOn: input.decidedOn ?? null, judicialNote: input.note ?? null }, now);
      await timeline.append(
        em,
        staff,
        { entityType: ENTITY, entityId: c.id, type: 'judicial_confirmation', from: c.judicialResult, to: result, note: `${input.court}，${input.appliedOn} 申请，${JudicialConfirmationResult[result]}${input.note ? `；${input.note}` : ''}` },
        now,
      );
    });
    return this.reader.detail(c.id);
  }

  /** The 人民调解协议书 as .docx; only once an agreement is reached. Each download is audited. */
  async agreementDocx(staff: StaffPrincipal, id: string): Promise<{ buffer: Buffer; filename: string }> {
    const c = await loadVisibleCase(this.ds, staff, id);
    if (c.status !== 'agreement_reached' || !c.agreement) throw AppError.conflict('NO_AGREEMENT', '达成调解协议后才能生成调解协议书');
    const [center, mediators] = await Promise.all([
      this.centers.get(c.centerId, { includeInactive: true }),
      this.ds.getRepository(MediationMediatorEntity).find({ where: { caseId: c.id }, order: { sortOrder: 'ASC' } }),
    ]);
    const buffer = await buildAgreementDocx({
      ref: c.ref,
      centerName: center.name,
      committeeLevel: c.committeeLevel,
      committeeName: c.committeeName,
      parties: c.parties,
      summary: c.summary,
      agreement: c.agreement,
      mediators: mediators.map((m) => m.name),
    });
    await this.audit.record(staff, { action: 'mediation.agreement.download', entityType: ENTITY, entityId: c.id, centerId: c.centerId }, this.now());
    return { buffer, filename: `${c.ref}.docx` };
  }
}
