import { Column, Entity, PrimaryColumn, type DataSource } from 'typeorm';
import type { Context } from 'koa';
import { AppError, isUniqueViolation } from './errors';
import { sha256 } from './ids';
import { sealedJson } from './field-crypto';
import { InstantColumn, IntColumn, StringColumn } from './db/columns';
import type { Principal } from './access';

/**
 * `Idempotency-Key` on creating POSTs: a retry with the same key and body returns the first answer
 * and creates nothing new. The key row is claimed with a single INSERT (unique primary key), so two
 * retries racing on two server processes still create one record.
 */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  @StringColumn(64) requestHash!: string;
  @StringColumn(10) state!: 'pending' | 'done';
  @IntColumn({ nullable: true }) responseStatus!: number | null;
  @Column({ type: 'text', nullable: true, transformer: sealedJson }) responseBody!: unknown;
  @InstantColumn() createdAt!: Date;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export async function withIdempotency(
  ds: DataSource,
  ctx: Context,
  principal: Principal | undefined,
  run: () => Promise<{ status: number; body: unknown }>,
  now: () => Date,
): Promise<{ status: number; body: unknown }> {
  const key = ctx.get('idempotency-key');
  if (!key) return run();
  if (!KEY_PATTERN.test(key)) throw AppError.field('Idempotency-Key', 'Idempotency-Key 须为 1–200 个可见 ASCII 字符');
  const owner = principal ? (principal.kind === 'staff' ? `s:${principal.staffId}` : `u:${principal.userId}`) : 'anonymous';
  const id = sha256(`${owner}\n${ctx.method} ${ctx.path}\n${key}`);
  const requestHash = sha256(JSON.stringify(ctx.request.body ?? null));
  const repo = ds.getRepository(IdempotencyKeyEntity);
  try {
    await repo.insert({ id, requestHash, state: 'pending', responseStatus: null, responseBody: null, createdAt: now() } as never);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const first = await repo.findOneBy({ id });
    if (!first) throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', '相同的请求正在处理，请稍后重试');
    if (first.requestHash !== requestHash) {
      throw new AppError(409, 'IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于不同的请求内容');
    }
    if (first.state !== 'done') throw new AppError(409, 'IDEMPOTENCY_IN_PROGRESS', '相同的请求正在处理，请稍后重试');
    ctx.set('Idempotent-Replayed', 'true');
    return { status: first.responseStatus ?? 200, body: first.responseBody };
  }
  try {
    const result = await run();
    await repo.update({ id }, { state: 'done', responseStatus: result.status, responseBody: result.body } as never);
    return result;
  } catch (err) {
    await repo.delete({ id }); // a failed attempt leaves nothing behind: the retry runs for real
    throw err;
  }
}
