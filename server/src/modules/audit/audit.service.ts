import type { DataSource } from 'typeorm';
import { newId } from '../../lib/ids';
import type { Principal } from '../../lib/access';
import { AuditEntryEntity } from './audit.entity';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  centerId?: string | null;
  /** Only identifiers and codes: never names, phones or narratives. */
  detail?: Record<string, unknown>;
}

/** Appends to the audit log: every staff read of a record, every account change. */
export class AuditService {
  constructor(private readonly ds: DataSource) {}

  async record(actor: Principal | 'system', input: AuditInput, at = new Date()): Promise<void> {
    const actorType = actor === 'system' ? 'system' : actor.kind;
    const actorId = actor === 'system' ? null : actor.kind === 'staff' ? actor.staffId : actor.userId;
    await this.ds.getRepository(AuditEntryEntity).insert({
      id: newId(),
      at,
      actorType,
      actorId,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      centerId: input.centerId ?? null,
      detail: input.detail ?? null,
    } as never);
  }

  async forEntity(entityType: string, entityId: string) {
    return this.ds.getRepository(AuditEntryEntity).find({ where: { entityType, entityId }, order: { at: 'ASC' } });
  }
}
