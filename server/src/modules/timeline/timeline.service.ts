import type { EntityManager } from 'typeorm';
import { newId } from '../../lib/ids';
import type { Principal } from '../../lib/access';
import { TimelineEventEntity } from './timeline.entity';

export interface TimelineInput {
  entityType: string;
  entityId: string;
  type: string;
  from?: string | null;
  to?: string | null;
  note?: string | null;
  visibility?: 'client' | 'internal';
}

export interface TimelineItem {
  id: string;
  at: string;
  actor: { type: 'staff' | 'user' | 'system'; id: string | null; name: string };
  type: string;
  from?: string;
  to?: string;
  note?: string;
  visibility: 'client' | 'internal';
}

export function actorName(actor: Principal | 'system'): string {
  if (actor === 'system') return '系统';
  return actor.kind === 'staff' ? actor.displayName : '求助人';
}

let lastStamp = 0;
/** Strictly increasing instants, so events written in the same millisecond keep their order. */
function monotonic(at: Date): Date {
  lastStamp = Math.max(at.getTime(), lastStamp + 1);
  return new Date(lastStamp);
}

/** Appends to and reads the shared timeline; takes the caller's EntityManager so it joins a transaction. */
export const timeline = {
  async append(em: EntityManager, actor: Principal | 'system', input: TimelineInput, at: Date): Promise<void> {
    await em.getRepository(TimelineEventEntity).insert({
      id: newId(),
      entityType: input.entityType,
      entityId: input.entityId,
      at: monotonic(at),
      actorType: actor === 'system' ? 'system' : actor.kind,
      actorId: actor === 'system' ? null : actor.kind === 'staff' ? actor.staffId : actor.userId,
      actorName: actorName(actor),
      type: input.type,
      fromValue: input.from ?? null,
      toValue: input.to ?? null,
      note: input.note ?? null,
      visibility: input.visibility ?? 'internal',
    });
  },

  async list(em: EntityManager, entityType: string, entityId: string, opts: { clientOnly?: boolean } = {}): Promise<TimelineItem[]> {
    const rows = await em.getRepository(TimelineEventEntity).find({
      where: { entityType, entityId, ...(opts.clientOnly ? { visibility: 'client' as const } : {}) },
      order: { at: 'ASC', id: 'ASC' },
    });
    return rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: { type: r.actorType, id: opts.clientOnly ? null : r.actorId, name: r.actorName },
      type: r.type,
      ...(r.fromValue !== null ? { from: r.fromValue } : {}),
      ...(r.toValue !== null ? { to: r.toValue } : {}),
      ...(r.note !== null ? { note: r.note } : {}),
      visibility: r.visibility,
    }));
  },
};
