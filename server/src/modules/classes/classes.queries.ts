import { In, Not, type EntityManager } from 'typeorm';
import type { EnrolmentStatus } from '@zjh/shared';
import { AppError } from '../../lib/errors';
import { ClassEnrolmentEntity, ClassSessionEntity } from './classes.entity';

/*
 * The queries the classes domain shares. Everything that changes who holds a place starts with
 * lockSession(): one UPDATE on the session row, so changes to one session queue on that row in the
 * database (on MariaDB across server processes too) and every transaction takes its locks in the
 * same order (session row first, then enrolment rows): no deadlocks, no lost updates.
 */

const isMysql = (em: EntityManager) => em.connection.options.type === 'mysql' || em.connection.options.type === 'mariadb';
const col = (em: EntityManager, name: string) => em.connection.driver.escape(name);

export async function lockSession(em: EntityManager, sessionId: string, now: Date): Promise<void> {
  const res = await em
    .createQueryBuilder()
    .update(ClassSessionEntity)
    .set({ version: () => `${col(em, 'version')} + 1`, updatedAt: now })
    .where('id = :id', { id: sessionId })
    .execute();
  if (res.affected !== 1) throw AppError.notFound('找不到该课程场次');
}

/** Claims one place: true if `taken` was below `capacity` and is now one higher. */
export async function claimPlace(em: EntityManager, sessionId: string): Promise<boolean> {
  const taken = col(em, 'taken');
  const res = await em
    .createQueryBuilder()
    .update(ClassSessionEntity)
    .set({ taken: () => `${taken} + 1` })
    .where(`id = :id AND ${taken} < ${col(em, 'capacity')}`, { id: sessionId })
    .execute();
  return res.affected === 1;
}

export async function releasePlace(em: EntityManager, sessionId: string): Promise<void> {
  const taken = col(em, 'taken');
  await em
    .createQueryBuilder()
    .update(ClassSessionEntity)
    .set({ taken: () => `${taken} - 1` })
    .where(`id = :id AND ${taken} > 0`, { id: sessionId })
    .execute();
}

/** Hands out the next waiting-list number of the session (the row is locked by lockSession). */
export async function nextWaitSeq(em: EntityManager, sessionId: string): Promise<number> {
  await em
    .createQueryBuilder()
    .update(ClassSessionEntity)
    .set({ waitSeq: () => `${col(em, 'waitSeq')} + 1` })
    .where('id = :id', { id: sessionId })
    .execute();
  const row = await em.getRepository(ClassSessionEntity).findOneOrFail({ where: { id: sessionId }, select: { id: true, waitSeq: true } });
  return row.waitSeq;
}

/** The first person on the waiting list; a locking read on MariaDB so it sees the latest commit. */
export async function firstWaitlisted(em: EntityManager, sessionId: string): Promise<ClassEnrolmentEntity | null> {
  const qb = em
    .getRepository(ClassEnrolmentEntity)
    .createQueryBuilder('e')
    .where('e.sessionId = :sessionId AND e.status = :status', { sessionId, status: 'waitlisted' })
    .orderBy('e.waitSeq', 'ASC')
    .limit(1);
  if (isMysql(em)) qb.setLock('pessimistic_write');
  return qb.getOne();
}

/** An enrolment as it is now (a locking read on MariaDB, so a promotion committed a moment ago shows). */
export async function currentEnrolment(em: EntityManager, id: string): Promise<ClassEnrolmentEntity | null> {
  const qb = em.getRepository(ClassEnrolmentEntity).createQueryBuilder('e').where('e.id = :id', { id });
  if (isMysql(em)) qb.setLock('pessimistic_write');
  return qb.getOne();
}

/** Moves one enrolment from `from` to `to` if it is still in `from`: true when this call made the move. */
export async function moveEnrolment(em: EntityManager, id: string, from: EnrolmentStatus, set: Partial<ClassEnrolmentEntity>): Promise<boolean> {
  const res = await em
    .createQueryBuilder()
    .update(ClassEnrolmentEntity)
    .set(set)
    .where('id = :id AND status = :from', { id, from })
    .execute();
  return res.affected === 1;
}

/** Waiting-list length of each session. */
export async function waitlistCounts(em: EntityManager, sessionIds: string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await em
    .getRepository(ClassEnrolmentEntity)
    .createQueryBuilder('e')
    .select('e.sessionId', 'sessionId')
    .addSelect('COUNT(*)', 'n')
    .where('e.sessionId IN (:...ids) AND e.status = :status', { ids: sessionIds, status: 'waitlisted' })
    .groupBy('e.sessionId')
    .getRawMany<{ sessionId: string; n: string | number }>();
  return new Map(rows.map((r) => [r.sessionId, Number(r.n)]));
}

/** Attended count of each session. */
export async function attendedCounts(em: EntityManager, sessionIds: string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await em
    .getRepository(ClassEnrolmentEntity)
    .createQueryBuilder('e')
    .select('e.sessionId', 'sessionId')
    .addSelect('COUNT(*)', 'n')
    .where('e.sessionId IN (:...ids) AND e.status = :status', { ids: sessionIds, status: 'attended' })
    .groupBy('e.sessionId')
    .getRawMany<{ sessionId: string; n: string | number }>();
  return new Map(rows.map((r) => [r.sessionId, Number(r.n)]));
}

/** Her current place in the waiting list (1 = next to be promoted). */
export async function waitPosition(em: EntityManager, e: Pick<ClassEnrolmentEntity, 'sessionId' | 'waitSeq' | 'status'>): Promise<number | null> {
  if (e.status !== 'waitlisted' || e.waitSeq === null) return null;
  return em
    .getRepository(ClassEnrolmentEntity)
    .createQueryBuilder('e')
    .where('e.sessionId = :sid AND e.status = :status AND e.waitSeq <= :seq', { sid: e.sessionId, status: 'waitlisted', seq: e.waitSeq })
    .getCount();
}

/** Her enrolments (not cancelled) in these sessions, by session. */
export async function viewerEnrolments(em: EntityManager, userId: string, sessionIds: string[]): Promise<Map<string, ClassEnrolmentEntity>> {
  if (sessionIds.length === 0) return new Map();
  const rows = await em.getRepository(ClassEnrolmentEntity).findBy({ userId, sessionId: In(sessionIds), status: Not('cancelled') });
  return new Map(rows.map((r) => [r.sessionId, r]));
}

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/**
 * MariaDB may pick this transaction as a deadlock victim (e.g. two sessions' outbox rows sharing an
 * index gap); it rolled back completely, so running it again is safe and is what the database asks.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (err) {
      const e = err as { code?: string; driverError?: { code?: string } };
      const code = e?.driverError?.code ?? e?.code;
      if (i >= attempts || !code || !RETRYABLE.has(code)) throw err;
      await new Promise((r) => setTimeout(r, 5 + Math.floor(Math.random() * 20) * i));
    }
  }
}
