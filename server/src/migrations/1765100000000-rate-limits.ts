import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { instant, int } from './columns';

/** Database-backed rate-limit counters (shared by every server process). */
export class RateLimits1765100000000 implements MigrationInterface {
  name = 'RateLimits1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(new Table({ name: 'rate_limits', columns: [{ name: 'bucket', type: 'varchar', length: '120', isPrimary: true }, instant('windowStart'), int('hits', 0)] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('rate_limits');
  }
}
