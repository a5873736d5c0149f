import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, id, instant, int, json, ref, str, text } from './columns';

/** Protection-order applications and their evidence files. */
export class ProtectionOrders1764800000000 implements MigrationInterface {
  name = 'ProtectionOrders1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'protection_orders',
        columns: [
          id(), ref('userId', true), ref('centerId', true), str('status', 20), int('version', 0), text('answers'), bool('notify', false), bool('urgent', false),
          json('editableSections', true), ref('extendsId', true), int('evidenceBytes', 0), instant('consentAt', true), instant('submittedAt', true),
          str('courtName', 40, true), text('caseNumber', true), instant('filedAt', true), instant('decisionDueAt', true), instant('decidedAt', true),
          text('orderNumber', true), json('grantedMeasures', true), text('otherMeasureText', true), str('validFrom', 10, true), str('validTo', 10, true),
          instant('expiresAt', true), text('rejectionReason', true), instant('reconsiderationUntil', true), text('delivery', true),
          instant('createdAt'), instant('updatedAt'),
        ],
        indices: [
          new TableIndex({ name: 'ix_protection_orders_user', columnNames: ['userId'] }),
          new TableIndex({ name: 'ix_protection_orders_center_status', columnNames: ['centerId', 'status'] }),
          new TableIndex({ name: 'uq_protection_orders_extends', columnNames: ['extendsId'], isUnique: true }),
          new TableIndex({ name: 'ix_protection_orders_expires', columnNames: ['expiresAt'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'protection_order_files',
        columns: [id(), ref('applicationId'), str('kind', 30), str('mimeType', 40), int('size'), text('originalName'), str('storageKey', 64), str('uploadedBy', 10), instant('createdAt')],
        indices: [new TableIndex({ name: 'ix_protection_order_files_order', columnNames: ['applicationId'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['protection_order_files', 'protection_orders']) await q.dropTable(t);
  }
}
