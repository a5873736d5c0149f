import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, id, instant, int, ref, str, text } from './columns';

/** Help requests, the shared timeline, idempotency keys, the notification outbox. */
export class HelpRequests1764600000000 implements MigrationInterface {
  name = 'HelpRequests1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('app_users', new TableColumn(text('openid', true)));
    await q.createTable(
      new Table({
        name: 'timeline_events',
        columns: [id(), str('entityType', 40), ref('entityId'), instant('at'), str('actorType', 10), ref('actorId', true), str('actorName', 64), str('type', 40), str('fromValue', 60, true), str('toValue', 60, true), text('note', true), str('visibility', 10)],
        indices: [new TableIndex({ name: 'ix_timeline_entity', columnNames: ['entityType', 'entityId', 'at'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'idempotency_keys',
        columns: [{ name: 'id', type: 'varchar', length: '64', isPrimary: true }, str('requestHash', 64), str('state', 10), int('responseStatus', undefined, true), text('responseBody', true), instant('createdAt')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'outbox',
        columns: [id(), str('dedupeKey', 120), ref('userId'), str('template', 40), str('page', 200), instant('dueAt'), str('state', 10), str('claimToken', 40, true), instant('claimedAt', true), int('attempts', 0), instant('sentAt', true), str('lastError', 200, true), instant('createdAt')],
        indices: [
          new TableIndex({ name: 'uq_outbox_dedupe', columnNames: ['dedupeKey'], isUnique: true }),
          new TableIndex({ name: 'ix_outbox_due', columnNames: ['state', 'dueAt'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'help_requests',
        columns: [
          id(), str('ref', 20), int('year'), int('seq'), ref('userId', true), ref('centerId'), str('category', 20), str('channel', 20), str('status', 20),
          bool('urgent', false), bool('serious', false), bool('difficult', false), text('description'), int('personsCount', 1), text('personsDetail', true),
          str('district', 20, true), text('location', true), text('contact', true), str('phoneIndex', 40, true), bool('notify', false), ref('assigneeId', true),
          instant('consentAt'), ref('registeredBy', true), instant('acceptDueAt'), instant('acceptedAt', true), instant('resolvedAt', true), instant('closedAt', true),
          int('ratingScore', undefined, true), text('ratingComment', true), instant('createdAt'), instant('updatedAt'),
        ],
        indices: [
          new TableIndex({ name: 'uq_help_requests_ref', columnNames: ['ref'], isUnique: true }),
          new TableIndex({ name: 'uq_help_requests_year_seq', columnNames: ['year', 'seq'], isUnique: true }),
          new TableIndex({ name: 'ix_help_requests_user', columnNames: ['userId'] }),
          new TableIndex({ name: 'ix_help_requests_center_status', columnNames: ['centerId', 'status'] }),
          new TableIndex({ name: 'ix_help_requests_phone', columnNames: ['phoneIndex'] }),
          new TableIndex({ name: 'ix_help_requests_created', columnNames: ['createdAt'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'request_referrals',
        columns: [id(), ref('requestId'), str('agency', 20), text('note', true), str('outcome', 20), text('outcomeNote', true), ref('createdBy'), instant('createdAt'), instant('outcomeAt', true)],
        indices: [new TableIndex({ name: 'ix_request_referrals_request', columnNames: ['requestId'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['request_referrals', 'help_requests', 'outbox', 'idempotency_keys', 'timeline_events']) await q.dropTable(t);
    await q.dropColumn('app_users', 'openid');
  }
}
