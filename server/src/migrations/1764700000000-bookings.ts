import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, id, instant, int, json, ref, str, text } from './columns';

/** Consultation booking: providers, weekly availability, exceptions, bookings, slot watches. */
export class Bookings1764700000000 implements MigrationInterface {
  name = 'Bookings1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'provider_profiles',
        columns: [{ name: 'staffId', type: 'varchar', length: '32', isPrimary: true }, str('kind', 20), ref('centerId'), int('slotMinutes', 50), int('bufferMinutes', 10), json('modes'), bool('active', true), instant('createdAt'), instant('updatedAt')],
        indices: [new TableIndex({ name: 'ix_provider_profiles_center', columnNames: ['centerId'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'availability_rules',
        columns: [id(), ref('providerId'), int('weekday'), str('startTime', 5), str('endTime', 5)],
        indices: [new TableIndex({ name: 'ix_availability_rules_provider', columnNames: ['providerId'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'availability_exceptions',
        columns: [id(), ref('providerId', true), str('date', 10), str('startTime', 5, true), str('endTime', 5, true), str('reason', 100, true)],
        indices: [new TableIndex({ name: 'ix_availability_exceptions_provider', columnNames: ['providerId'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'bookings',
        columns: [
          id(), ref('providerId'), ref('centerId'), ref('userId', true), str('kind', 20), str('mode', 10), instant('startAt'), instant('endAt'), str('status', 10),
          str('activeSlot', 80, true), text('contact', true), text('topic', true), bool('notify', false), text('note', true), text('cancelReason', true),
          str('cancelledBy', 10, true), instant('cancelledAt', true), instant('createdAt'), instant('updatedAt'),
        ],
        indices: [
          new TableIndex({ name: 'uq_bookings_active_slot', columnNames: ['activeSlot'], isUnique: true }),
          new TableIndex({ name: 'ix_bookings_provider_start', columnNames: ['providerId', 'startAt'] }),
          new TableIndex({ name: 'ix_bookings_center', columnNames: ['centerId'] }),
          new TableIndex({ name: 'ix_bookings_user', columnNames: ['userId'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'slot_watches',
        columns: [id(), ref('userId'), str('kind', 20), ref('centerId'), str('date', 10), instant('createdAt'), instant('notifiedAt', true)],
        indices: [new TableIndex({ name: 'uq_slot_watches', columnNames: ['userId', 'kind', 'centerId', 'date'], isUnique: true })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['slot_watches', 'bookings', 'availability_exceptions', 'availability_rules', 'provider_profiles']) await q.dropTable(t);
  }
}
