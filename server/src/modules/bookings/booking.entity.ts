import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { BookingStatus, ConsultationKind, ConsultationMode, SafeContact } from '@zjh/shared';
import { sealedJson, sealedText } from '../../lib/field-crypto';
import { BoolColumn, IdColumn, InstantColumn, IntColumn, JsonColumn, RefColumn, StringColumn } from '../../lib/db/columns';

/** A counsellor, lawyer or family-education adviser who takes bookings (one per staff account). */
@Entity('provider_profiles')
export class ProviderProfileEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 }) staffId!: string;
  @StringColumn(20) kind!: ConsultationKind;
  @Index('ix_provider_profiles_center')
  @RefColumn()
  centerId!: string;
  @IntColumn({ default: 50 }) slotMinutes!: number;
  @IntColumn({ default: 10 }) bufferMinutes!: number;
  @JsonColumn() modes!: ConsultationMode[];
  @BoolColumn({ default: true }) active!: boolean;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}

@Entity('availability_rules')
export class AvailabilityRuleEntity {
  @IdColumn() id!: string;
  @Index('ix_availability_rules_provider')
  @RefColumn()
  providerId!: string;
  @IntColumn() weekday!: number;
  @StringColumn(5) startTime!: string;
  @StringColumn(5) endTime!: string;
}

/** Leave or a public holiday. providerId null = every provider (a holiday). */
@Entity('availability_exceptions')
export class AvailabilityExceptionEntity {
  @IdColumn() id!: string;
  @Index('ix_availability_exceptions_provider')
  @RefColumn({ nullable: true })
  providerId!: string | null;
  @StringColumn(10) date!: string;
  @StringColumn(5, { nullable: true }) startTime!: string | null;
  @StringColumn(5, { nullable: true }) endTime!: string | null;
  @StringColumn(100, { nullable: true }) reason!: string | null;
}

/**
 * A booking. `activeSlot` ("providerId|startMs") is unique while the booking holds its slot and
 * NULL once cancelled: the database lets exactly one booking hold a slot, however many race for it.
 */
@Entity('bookings')
@Index('ix_bookings_provider_start', ['providerId', 'startAt'])
export class BookingEntity {
  @IdColumn() id!: string;
  @RefColumn() providerId!: string;
  @Index('ix_bookings_center')
  @RefColumn()
  centerId!: string;
  @Index('ix_bookings_user')
  @RefColumn({ nullable: true })
  userId!: string | null;
  @StringColumn(20) kind!: ConsultationKind;
  @StringColumn(10) mode!: ConsultationMode;
  @InstantColumn() startAt!: Date;
  @InstantColumn() endAt!: Date;
  @StringColumn(10) status!: BookingStatus;
  @Index('uq_bookings_active_slot', { unique: true })
  @StringColumn(80, { nullable: true })
  activeSlot!: string | null;
  @Column({ type: 'text', nullable: true, transformer: sealedJson }) contact!: SafeContact | null;
  @Column({ type: 'text', nullable: true, transformer: sealedText }) topic!: string | null;
  @BoolColumn({ default: false }) notify!: boolean;
  /** Confidential session note: the provider and the city admin only. */
  @Column({ type: 'text', nullable: true, transformer: sealedText }) note!: string | null;
  @Column({ type: 'text', nullable: true, transformer: sealedText }) cancelReason!: string | null;
  @StringColumn(10, { nullable: true }) cancelledBy!: 'client' | 'staff' | null;
  @InstantColumn({ nullable: true }) cancelledAt!: Date | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}

/** "Notify me if something opens" for a kind, center and day. */
@Entity('slot_watches')
@Index('uq_slot_watches', ['userId', 'kind', 'centerId', 'date'], { unique: true })
export class SlotWatchEntity {
  @IdColumn() id!: string;
  @RefColumn() userId!: string;
  @StringColumn(20) kind!: ConsultationKind;
  @RefColumn() centerId!: string;
  @StringColumn(10) date!: string;
  @InstantColumn() createdAt!: Date;
  @InstantColumn({ nullable: true }) notifiedAt!: Date | null;
}
