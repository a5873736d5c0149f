import { Column, Entity, Index } from 'typeorm';
import type { Channel, RequestCategory, RequestStatus, SafeContact, ReferralAgency, ReferralOutcome } from '@zjh/shared';
import { sealedJson, sealedText } from '../../lib/field-crypto';
import { BoolColumn, IdColumn, InstantColumn, IntColumn, RefColumn, StringColumn } from '../../lib/db/columns';

/** A help request (求助). Narrative, contact, persons and location are sealed at rest. */
@Entity('help_requests')
@Index('ix_help_requests_center_status', ['centerId', 'status'])
@Index('uq_help_requests_year_seq', ['year', 'seq'], { unique: true })
export class HelpRequestEntity {
  @IdColumn() id!: string;
  @Index('uq_help_requests_ref', { unique: true })
  @StringColumn(20)
  ref!: string;
  @IntColumn() year!: number;
  @IntColumn() seq!: number;
  @Index('ix_help_requests_user')
  @RefColumn({ nullable: true })
  userId!: string | null;
  @RefColumn() centerId!: string;
  @StringColumn(20) category!: RequestCategory;
  @StringColumn(20) channel!: Channel;
  @StringColumn(20) status!: RequestStatus;
  @BoolColumn({ default: false }) urgent!: boolean;
  @BoolColumn({ default: false }) serious!: boolean;
  @BoolColumn({ default: false }) difficult!: boolean;
  @Column({ type: 'text', transformer: sealedText }) description!: string;
  @IntColumn({ default: 1 }) personsCount!: number;
  @Column({ type: 'text', nullable: true, transformer: sealedJson }) personsDetail!: Array<{ relation: string; age?: number }> | null;
  @StringColumn(20, { nullable: true }) district!: string | null;
  @Column({ type: 'text', nullable: true, transformer: sealedJson }) location!: { lat: number; lng: number } | null;
  @Column({ type: 'text', nullable: true, transformer: sealedJson }) contact!: SafeContact | null;
  /** Blind index of the phone number, for search by phone. */
  @Index('ix_help_requests_phone')
  @StringColumn(40, { nullable: true })
  phoneIndex!: string | null;
  @BoolColumn({ default: false }) notify!: boolean;
  @RefColumn({ nullable: true }) assigneeId!: string | null;
  @InstantColumn() consentAt!: Date;
  @RefColumn({ nullable: true }) registeredBy!: string | null;
  @InstantColumn() acceptDueAt!: Date;
  @InstantColumn({ nullable: true }) acceptedAt!: Date | null;
  @InstantColumn({ nullable: true }) resolvedAt!: Date | null;
  @InstantColumn({ nullable: true }) closedAt!: Date | null;
  @IntColumn({ nullable: true }) ratingScore!: number | null;
  @Column({ type: 'text', nullable: true, transformer: sealedText }) ratingComment!: string | null;
  @Index('ix_help_requests_created')
  @InstantColumn()
  createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}

/** A referral of a request to another agency (公安, 法院 …) and what came of it. */
@Entity('request_referrals')
export class RequestReferralEntity {
  @IdColumn() id!: string;
  @Index('ix_request_referrals_request')
  @RefColumn()
  requestId!: string;
  @StringColumn(20) agency!: ReferralAgency;
  @Column({ type: 'text', nullable: true, transformer: sealedText }) note!: string | null;
  @StringColumn(20) outcome!: ReferralOutcome;
  @Column({ type: 'text', nullable: true, transformer: sealedText }) outcomeNote!: string | null;
  @RefColumn() createdBy!: string;
  @InstantColumn() createdAt!: Date;
  @InstantColumn({ nullable: true }) outcomeAt!: Date | null;
}
