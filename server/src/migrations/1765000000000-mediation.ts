import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, id, instant, int, ref, str, text } from './columns';

/** Mediation cases (婚调委调解): cases, their mediators and sessions. */
export class Mediation1765000000000 implements MigrationInterface {
  name = 'Mediation1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'mediation_cases',
        columns: [
          id(), str('ref', 20), int('year'), int('seq'), ref('centerId'), str('status', 24), str('disputeType', 20), str('committeeLevel', 20),
          str('committeeName', 60, true), ref('fromRequestId', true), str('sourceCategory', 20, true), text('parties'), int('partiesCount', 0),
          bool('consentComplete', false), text('summary'), text('agreement', true), str('courtName', 60, true), text('courtCaseNumber', true),
          str('judicialAppliedOn', 10, true), str('judicialCourt', 60, true), str('judicialResult', 10, true), str('judicialDecidedOn', 10, true),
          text('judicialNote', true), ref('registeredBy', true), int('version', 1), instant('createdAt'), instant('updatedAt'), instant('startedAt', true),
          instant('outcomeAt', true),
        ],
        indices: [
          new TableIndex({ name: 'uq_mediation_cases_ref', columnNames: ['ref'], isUnique: true }),
          new TableIndex({ name: 'uq_mediation_cases_year_seq', columnNames: ['year', 'seq'], isUnique: true }),
          new TableIndex({ name: 'uq_mediation_cases_request', columnNames: ['fromRequestId'], isUnique: true }),
          new TableIndex({ name: 'ix_mediation_cases_center_status', columnNames: ['centerId', 'status'] }),
          new TableIndex({ name: 'ix_mediation_cases_status_outcome', columnNames: ['status', 'outcomeAt'] }),
          new TableIndex({ name: 'ix_mediation_cases_created', columnNames: ['createdAt'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mediation_mediators',
        columns: [id(), ref('caseId'), ref('staffId', true), str('name', 40), str('kind', 20), int('sortOrder', 0)],
        indices: [
          new TableIndex({ name: 'uq_mediation_mediators_staff', columnNames: ['caseId', 'staffId'], isUnique: true }),
          new TableIndex({ name: 'ix_mediation_mediators_case', columnNames: ['caseId'] }),
          new TableIndex({ name: 'ix_mediation_mediators_staff_id', columnNames: ['staffId'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'mediation_sessions',
        columns: [id(), ref('caseId'), instant('at'), str('form', 20), text('attendance'), text('location', true), text('notes', true), ref('recordedBy'), instant('createdAt')],
        indices: [new TableIndex({ name: 'ix_mediation_sessions_case_at', columnNames: ['caseId', 'at'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['mediation_sessions', 'mediation_mediators', 'mediation_cases']) await q.dropTable(t);
  }
}
