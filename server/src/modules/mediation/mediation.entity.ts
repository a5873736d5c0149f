import { Column, Entity, Index } from 'typeorm';
import type {
  CommitteeLevel,
  DisputeType,
  JudicialConfirmationResult,
  MediationAgreement,
  MediationConsent,
  MediationPartyRole,
  MediationSessionForm,
  MediationStatus,
  MediatorKind,
  PartyGender,
  RequestCategory,
} from '@zjh/shared';
import { sealedJson, sealedText } from '../../lib/field-crypto';
import { BoolColumn, IdColumn, InstantColumn, IntColumn, RefColumn, StringColumn } from '../../lib/db/columns';

/** A party as stored (inside the sealed `parties` column). */
export interface StoredParty {
  id: string;
  role: MediationPartyRole;
  roleNote: string | null;
  name: string;
  gender: PartyGender | null;
  phone: string | null;
  address: string | null;
  consent: MediationConsent | null;
}

/**
 * A marriage/family mediation case (婚调委调解). Parties, narrative, agreed terms and the court
 * case number are sealed at rest; what statistics count (status, type, level, dates) is not.
 */
@Entity('mediation_cases')
@Index('ix_mediation_cases_center_status', ['centerId', 'status'])
@Index('ix_mediation_cases_status_outcome', ['status', 'outcomeAt'])
@Index('uq_mediation_cases_year_seq', ['year', 'seq'], { unique: true })
export class MediationCaseEntity {
  @IdColumn() id!: string;
  @Index('uq_mediation_cases_ref', { unique: true })
  @StringColumn(20)
  ref!: string;
  @IntColumn() year!: number;
  @IntColumn() seq!: number;
  @RefColumn() centerId!: string;
  @StringColumn(24) status!: MediationStatus;
  @StringColumn(20) disputeType!: DisputeType;
  @StringColumn(20) committeeLevel!: CommitteeLevel;
  @StringColumn(60, { nullable: true }) committeeName!: string | null;
  /** One case per help request: the unique key stops a double submission from opening two. */
  @Index('uq_mediation_cases_request', { unique: true })
  @RefColumn({ nullable: true })
  fromRequestId!: string | null;
  @StringColumn(20, { nullable: true }) sourceCategory!: RequestCategory | null;
  @Column({ type: 'text', transformer: sealedJson }) parties!: StoredParty[];
  @IntColumn({ default: 0 }) partiesCount!: number;
  /** Applicant(s) and respondent(s) have all agreed to mediate; kept in clear for the board. */
  @BoolColumn({ default: false }) consentComplete!: boolean;
  @Column({ type: 'text', transformer: sealedText }) summary!: string;
  @Column({ type: 'text', nullable: true, transformer: sealedJson }) agreement!: MediationAgreement | null;
  @StringColumn(60, { nullable: true }) courtName!: string | null;
  @Column({ type: 'text', nullable: true, transformer: sealedText }) courtCaseNumber!: string | null;
  @StringColumn(10, { nullable: true }) judicialAppliedOn!: string | null;
  @StringColumn(60, { nullable: true }) judicialCourt!: string | null;
  @StringColumn(10, { nullable: true }) judicialResult!: JudicialConfirmationResult | null;
  @StringColumn(10, { nullable: true }) judicialDecidedOn!: string | null;
  @Column({ type: 'text', nullable: true, transformer: sealedText }) judicialNote!: string | null;
  @RefColumn({ nullable: true }) registeredBy!: string | null;
  /** Bumped by every write: edits and moves are conditional on it, so concurrent edits get a 409. */
  @IntColumn({ default: 1 }) version!: number;
  @Index('ix_mediation_cases_created')
  @InstantColumn()
  createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
  @InstantColumn({ nullable: true }) startedAt!: Date | null;
  /** When the current outcome (agreement, not reached, court, withdrawn) was recorded. */
  @InstantColumn({ nullable: true }) outcomeAt!: Date | null;
}

/** A mediator on a case. With a staff account the case becomes visible to that account. */
@Entity('mediation_mediators')
@Index('uq_mediation_mediators_staff', ['caseId', 'staffId'], { unique: true })
export class MediationMediatorEntity {
  @IdColumn() id!: string;
  @Index('ix_mediation_mediators_case')
  @RefColumn()
  caseId!: string;
  @Index('ix_mediation_mediators_staff_id')
  @RefColumn({ nullable: true })
  staffId!: string | null;
  @StringColumn(40) name!: string;
  @StringColumn(20) kind!: MediatorKind;
  @IntColumn({ default: 0 }) sortOrder!: number;
}

/**
 * Who attended a session, as they were named at the time: the session is a record of what happened,
 * so later edits of the case's parties or mediators do not rewrite it.
 */
export interface StoredAttendance {
  parties: Array<{ id: string; role: MediationPartyRole; name: string }>;
  mediators: Array<{ id: string; name: string; kind: MediatorKind }>;
  others: string | null;
}

@Entity('mediation_sessions')
@Index('ix_mediation_sessions_case_at', ['caseId', 'at'])
export class MediationSessionEntity {
  @IdColumn() id!: string;
  @RefColumn() caseId!: string;
  @InstantColumn() at!: Date;
  @StringColumn(20) form!: MediationSessionForm;
  @Column({ type: 'text', transformer: sealedJson }) attendance!: StoredAttendance;
  @Column({ type: 'text', nullable: true, transformer: sealedText }) location!: string | null;
  @Column({ type: 'text', nullable: true, transformer: sealedText }) notes!: string | null;
  @RefColumn() recordedBy!: string;
  @InstantColumn() createdAt!: Date;
}
