import { Column, Entity, Index } from 'typeorm';
import type { PoAnswers, PoDeliveryDto, PoEvidenceKind, PoMeasure, PoSection, PoStatus } from '@zjh/shared';
import { sealedJson, sealedText } from '../../lib/field-crypto';
import { BoolColumn, IdColumn, InstantColumn, IntColumn, JsonColumn, RefColumn, StringColumn } from '../../lib/db/columns';

/**
 * A protection-order application: her interview answers (sealed as one JSON value), then the path
 * through the center and the court. Everything that names or locates a person is sealed; the
 * columns in the clear are codes, dates and the court's name, which the board filters on.
 */
@Entity('protection_orders')
@Index('ix_protection_orders_center_status', ['centerId', 'status'])
export class ProtectionOrderEntity {
  @IdColumn() id!: string;
  @Index('ix_protection_orders_user')
  @RefColumn({ nullable: true })
  userId!: string | null;
  @RefColumn({ nullable: true }) centerId!: string | null;
  @StringColumn(20) status!: PoStatus;
  /** Optimistic lock: every write of the answers or the status bumps it. */
  @IntColumn({ default: 0 }) version!: number;
  @Column({ type: 'text', transformer: sealedJson }) answers!: PoAnswers;
  @BoolColumn({ default: false }) notify!: boolean;
  @BoolColumn({ default: false }) urgent!: boolean;
  /** Question groups she may edit while staff wait for more information; null = all of them. */
  @JsonColumn({ nullable: true }) editableSections!: PoSection[] | null;
  /** The application this one extends; unique, so an order is extended once. */
  @Index('uq_protection_orders_extends', { unique: true })
  @RefColumn({ nullable: true })
  extendsId!: string | null;
  /** Bytes of evidence stored for this application; grown by a conditional UPDATE against the limit. */
  @IntColumn({ default: 0 }) evidenceBytes!: number;
  @InstantColumn({ nullable: true }) consentAt!: Date | null;
  @InstantColumn({ nullable: true }) submittedAt!: Date | null;
  @StringColumn(40, { nullable: true }) courtName!: string | null;
  @Column({ type: 'text', nullable: true, transformer: sealedText }) caseNumber!: string | null;
  @InstantColumn({ nullable: true }) filedAt!: Date | null;
  @InstantColumn({ nullable: true }) decisionDueAt!: Date | null;
  @InstantColumn({ nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'text', nullable: true, transformer: sealedText }) orderNumber!: string | null;
  @JsonColumn({ nullable: true }) grantedMeasures!: PoMeasure[] | null;
  @Column({ type: 'text', nullable: true, transformer: sealedText }) otherMeasureText!: string | null;
  @StringColumn(10, { nullable: true }) validFrom!: string | null;
  @StringColumn(10, { nullable: true }) validTo!: string | null;
  /** End of the order's last day (Asia/Shanghai), for the "expiring soon" board. */
  @Index('ix_protection_orders_expires')
  @InstantColumn({ nullable: true })
  expiresAt!: Date | null;
  @Column({ type: 'text', nullable: true, transformer: sealedText }) rejectionReason!: string | null;
  @InstantColumn({ nullable: true }) reconsiderationUntil!: Date | null;
  @Column({ type: 'text', nullable: true, transformer: sealedJson }) delivery!: PoDeliveryDto | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}

/** An uploaded evidence file. The bytes are sealed in file storage under `storageKey`. */
@Entity('protection_order_files')
export class ProtectionOrderFileEntity {
  @IdColumn() id!: string;
  @Index('ix_protection_order_files_order')
  @RefColumn()
  applicationId!: string;
  @StringColumn(30) kind!: PoEvidenceKind;
  @StringColumn(40) mimeType!: string;
  @IntColumn() size!: number;
  /** The name on her phone can say a lot ("他打我.jpg"): sealed. */
  @Column({ type: 'text', transformer: sealedText }) originalName!: string;
  @StringColumn(64) storageKey!: string;
  @StringColumn(10) uploadedBy!: 'user' | 'staff';
  @InstantColumn() createdAt!: Date;
}
