import { In, LessThanOrEqual, Like, type DataSource, type EntityManager } from 'typeorm';
import type { NotificationTemplate } from '@zjh/shared';
import type { Logger } from 'pino';
import { newId } from '../../lib/ids';
import type { SubscribeMessageSender } from '../../adapters/subscribe-messages';
import { AppUserEntity } from '../auth/auth.entity';
import { OutboxEntity } from './outbox.entity';

export interface EnqueueInput {
  dedupeKey: string;
  userId: string;
  template: NotificationTemplate;
  page: string;
  dueAt: Date;
}

/** A claimed job that stays 'sending' longer than this is given up as failed, never re-sent. */
const STALE_CLAIM_MS = 10 * 60_000;

export class NotificationsService {
  constructor(
    private readonly ds: DataSource,
    private readonly sender: SubscribeMessageSender,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  /** Schedules a message; the same dedupeKey twice schedules it once. */
  async enqueue(em: EntityManager, input: EnqueueInput): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(OutboxEntity)
      .values({ id: newId(), ...input, state: 'pending', claimToken: null, claimedAt: null, attempts: 0, sentAt: null, lastError: null, createdAt: this.now() })
      .orIgnore()
      .execute();
  }

  /** Cancels pending messages whose dedupeKey starts with `prefix` (e.g. a cancelled booking's reminders). */
  async cancel(em: EntityManager, prefix: string): Promise<number> {
    const res = await em.getRepository(OutboxEntity).update({ dedupeKey: Like(`${prefix}%`), state: 'pending' }, { state: 'cancelled' });
    return res.affected ?? 0;
  }

  /**
   * One scheduler tick: claims due messages one by one with a conditional UPDATE (state pending →
   * sending); only the process whose UPDATE changed the row sends it.
   */
  async runDue(limit = 50): Promise<{ sent: number; failed: number; skipped: number }> {
    const now = this.now();
    const repo = this.ds.getRepository(OutboxEntity);
    await repo.update({ state: 'sending', claimedAt: LessThanOrEqual(new Date(now.getTime() - STALE_CLAIM_MS)) }, { state: 'failed', lastError: 'claim expired' });
    const due = await repo.find({ where: { state: 'pending', dueAt: LessThanOrEqual(now) }, order: { dueAt: 'ASC' }, take: limit });
    const counts = { sent: 0, failed: 0, skipped: 0 };
    if (due.length === 0) return counts;
    const users = new Map((await this.ds.getRepository(AppUserEntity).findBy({ id: In([...new Set(due.map((d) => d.userId))]) })).map((u) => [u.id, u]));
    for (const job of due) {
      const token = newId();
      const claim = await repo
        .createQueryBuilder()
        .update(OutboxEntity)
        .set({ state: 'sending', claimToken: token, claimedAt: now, attempts: () => 'attempts + 1' })
        .where('id = :id AND state = :pending', { id: job.id, pending: 'pending' })
        .execute();
      if (claim.affected !== 1) continue; // another process has it
      const openid = users.get(job.userId)?.openid;
      if (!openid) {
        await repo.update({ id: job.id, claimToken: token }, { state: 'skipped', lastError: 'no WeChat account' });
        counts.skipped++;
        continue;
      }
      try {
        await this.sender.send(openid, job.template, job.page);
        await repo.update({ id: job.id, claimToken: token }, { state: 'sent', sentAt: this.now() });
        counts.sent++;
      } catch (err) {
        this.logger.warn({ template: job.template, err: (err as Error).message }, 'subscribe message failed');
        await repo.update({ id: job.id, claimToken: token }, { state: 'failed', lastError: String((err as Error).message).slice(0, 200) });
        counts.failed++;
      }
    }
    return counts;
  }

  /** Starts the in-server scheduler; returns a stop function. */
  start(intervalMs: number): () => void {
    if (intervalMs <= 0) return () => undefined;
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      this.runDue()
        .catch((err) => this.logger.warn({ err: (err as Error).message }, 'outbox tick failed'))
        .finally(() => (running = false));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
