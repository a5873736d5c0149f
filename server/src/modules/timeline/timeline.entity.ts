import { Column, Entity, Index } from 'typeorm';
import { sealedText } from '../../lib/field-crypto';
import { IdColumn, InstantColumn, RefColumn, StringColumn } from '../../lib/db/columns';

/**
 * Every change to a request, booking, application or case, in order: who, when, what, from, to,
 * why. One table for all domains so the history of any record reads the same way.
 */
@Entity('timeline_events')
@Index('ix_timeline_entity', ['entityType', 'entityId', 'at'])
export class TimelineEventEntity {
  @IdColumn() id!: string;
  @StringColumn(40) entityType!: string;
  @RefColumn() entityId!: string;
  @InstantColumn() at!: Date;
  @StringColumn(10) actorType!: 'staff' | 'user' | 'system';
  @RefColumn({ nullable: true }) actorId!: string | null;
  /** Staff display name or a role label at the time; never the woman's name. */
  @StringColumn(64) actorName!: string;
  @StringColumn(40) type!: string;
  @StringColumn(60, { nullable: true }) fromValue!: string | null;
  @StringColumn(60, { nullable: true }) toValue!: string | null;
  @Column({ type: 'text', nullable: true, transformer: sealedText }) note!: string | null;
  /** 'client' events are shown to her in 我的求助; 'internal' ones only to staff. */
  @StringColumn(10) visibility!: 'client' | 'internal';
}
