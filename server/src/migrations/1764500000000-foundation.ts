import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, double, id, instant, int, json, ref, str } from './columns';

export class Foundation1764500000000 implements MigrationInterface {
  name = 'Foundation1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'centers',
        columns: [
          id(),
          str('code', 40),
          str('name', 120),
          str('district', 20),
          str('address', 200),
          str('phone', 40),
          str('hours', 200),
          double('lat'),
          double('lng'),
          json('services'),
          str('note', 300, true),
          bool('sampleLocation', true),
          bool('active', true),
          int('sortOrder', 0),
          instant('createdAt'),
          instant('updatedAt'),
        ],
        indices: [new TableIndex({ name: 'uq_centers_code', columnNames: ['code'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'app_users',
        columns: [id(), str('kind', 10), str('openidHash', 64, true), instant('createdAt')],
        indices: [new TableIndex({ name: 'uq_app_users_openid_hash', columnNames: ['openidHash'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'staff',
        columns: [
          id(),
          str('username', 64),
          str('passwordHash', 255),
          str('displayName', 64),
          str('role', 20),
          ref('centerId', true),
          bool('active', true),
          instant('createdAt'),
          instant('updatedAt'),
        ],
        indices: [new TableIndex({ name: 'uq_staff_username', columnNames: ['username'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { name: 'tokenHash', type: 'varchar', length: '64', isPrimary: true },
          str('subjectType', 10),
          ref('subjectId'),
          instant('createdAt'),
          instant('expiresAt'),
        ],
        indices: [new TableIndex({ name: 'ix_sessions_subject', columnNames: ['subjectId'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'login_failures',
        columns: [
          { name: 'subject', type: 'varchar', length: '100', isPrimary: true },
          int('failures', 0),
          instant('windowStart'),
          instant('lockedUntil', true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          id(),
          instant('at'),
          str('actorType', 10),
          ref('actorId', true),
          str('action', 60),
          str('entityType', 40),
          ref('entityId', true),
          ref('centerId', true),
          json('detail', true),
        ],
        indices: [
          new TableIndex({ name: 'ix_audit_at', columnNames: ['at'] }),
          new TableIndex({ name: 'ix_audit_entity', columnNames: ['entityType', 'entityId'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_log', 'login_failures', 'sessions', 'staff', 'app_users', 'centers']) {
      await q.dropTable(t);
    }
  }
}
