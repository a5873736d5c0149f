import { Entity, Index } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn, RefColumn, StringColumn } from '../../lib/db/columns';

/** Who did what to which record, and when. Never holds the record's sensitive content. */
@Entity('audit_log')
@Index('ix_audit_entity', ['entityType', 'entityId'])
export class AuditEntryEntity {
  @IdColumn() id!: string;
  @Index('ix_audit_at')
  @InstantColumn()
  at!: Date;
  @StringColumn(10) actorType!: 'staff' | 'user' | 'system';
  @RefColumn({ nullable: true }) actorId!: string | null;
  @StringColumn(60) action!: string;
  @StringColumn(40) entityType!: string;
  @RefColumn({ nullable: true }) entityId!: string | null;
  @RefColumn({ nullable: true }) centerId!: string | null;
  @JsonColumn({ nullable: true }) detail!: Record<string, unknown> | null;
}
