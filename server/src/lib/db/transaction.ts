import type { DataSource, EntityManager } from 'typeorm';

/*
 * better-sqlite3 under TypeORM has a single connection: two transaction() calls in flight at once
 * would interleave on it. On SQLite, write transactions therefore queue behind each other; on
 * MySQL/MariaDB each gets its own pooled connection and the database arbitrates.
 */
const queues = new WeakMap<DataSource, Promise<unknown>>();

export async function inTransaction<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  if (ds.options.type !== 'better-sqlite3') return ds.transaction(work);
  const previous = queues.get(ds) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => ds.transaction(work));
  queues.set(ds, run.catch(() => undefined));
  return run;
}
