import { Column, Entity, Index } from 'typeorm';
import type { NotificationTemplate } from '@zjh/shared';
import { IdColumn, InstantColumn, IntColumn, RefColumn, StringColumn } from '../../lib/db/columns';

/**
 * A notification waiting to be sent. Rows, not timers: they survive restarts, and a job is claimed
 * with a conditional UPDATE so two server processes never send the same one twice.
 */
@Entity('outbox')
@Index('ix_outbox_due', ['state', 'dueAt'])
export class OutboxEntity {
  @IdColumn() id!: string;
  /** Unique per logical message (e.g. `booking:<id>:remind-24h`), so scheduling twice is harmless. */
  @Index('uq_outbox_dedupe', { unique: true })
  @StringColumn(120)
  dedupeKey!: string;
  @RefColumn() userId!: string;
  @StringColumn(40) template!: NotificationTemplate;
  /** Mini-program page to open (no sensitive words in it either). */
  @StringColumn(200) page!: string;
  @InstantColumn() dueAt!: Date;
  @StringColumn(10) state!: 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled' | 'skipped';
  @StringColumn(40, { nullable: true }) claimToken!: string | null;
  @InstantColumn({ nullable: true }) claimedAt!: Date | null;
  @IntColumn({ default: 0 }) attempts!: number;
  @InstantColumn({ nullable: true }) sentAt!: Date | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) lastError!: string | null;
  @InstantColumn() createdAt!: Date;
}
