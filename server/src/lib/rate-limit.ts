import { Entity, PrimaryColumn, type DataSource } from 'typeorm';
import { AppError } from './errors';
import { InstantColumn, IntColumn } from './db/columns';

/**
 * Fixed-window counters kept in the database, so every server process behind a load balancer
 * counts the same requests. One row per bucket (e.g. "device:<ip>").
 */
@Entity('rate_limits')
export class RateLimitEntity {
  @PrimaryColumn({ type: 'varchar', length: 120 }) bucket!: string;
  @InstantColumn() windowStart!: Date;
  @IntColumn({ default: 0 }) hits!: number;
}

export interface Limit {
  /** How many calls a window allows. */
  max: number;
  windowMs: number;
}

export class RateLimiter {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
  ) {}

  /** Counts one call in `bucket`; throws 429 RATE_LIMITED (with retryAfterSeconds) past the limit. */
  async consume(bucket: string, limit: Limit): Promise<void> {
    const now = this.now();
    const key = bucket.slice(0, 120);
    const qb = () => this.ds.createQueryBuilder();
    await qb().insert().into(RateLimitEntity).values({ bucket: key, windowStart: now, hits: 0 }).orIgnore().execute();
    // A window that has ended starts again; both statements are single conditional UPDATEs.
    await qb()
      .update(RateLimitEntity)
      .set({ windowStart: now, hits: 0 })
      .where('bucket = :key AND windowStart <= :floor', { key, floor: new Date(now.getTime() - limit.windowMs) })
      .execute();
    const counted = await qb().update(RateLimitEntity).set({ hits: () => 'hits + 1' }).where('bucket = :key AND hits < :max', { key, max: limit.max }).execute();
    if (counted.affected === 1) return;
    const row = await this.ds.getRepository(RateLimitEntity).findOneBy({ bucket: key });
    const retry = row ? Math.max(1, Math.ceil((row.windowStart.getTime() + limit.windowMs - now.getTime()) / 1000)) : 60;
    throw new AppError(429, 'RATE_LIMITED', '操作太频繁，请稍后再试。如有紧急危险请拨打 110。', { retryAfterSeconds: retry });
  }
}
