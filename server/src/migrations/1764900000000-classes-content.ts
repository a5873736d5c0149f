import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { bool, id, instant, int, json, ref, str, text } from './columns';

/** 家长学堂 classes (courses, sessions, enrolments) and content (articles, reads, quiz). */
export class ClassesContent1764900000000 implements MigrationInterface {
  name = 'ClassesContent1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'courses',
        columns: [
          id(), str('category', 20), str('title', 100), text('description'), str('audience', 200), ref('centerId', true), bool('published', false), bool('sample', false),
          ref('createdBy', true), instant('createdAt'), instant('updatedAt'),
        ],
        indices: [new TableIndex({ name: 'ix_courses_center', columnNames: ['centerId'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'class_sessions',
        columns: [
          id(), ref('courseId'), instant('startAt'), instant('endAt'), instant('enrolmentDeadline'), bool('online', false), str('liveUrl', 500, true), str('replayUrl', 500, true),
          str('venue', 200, true), ref('centerId', true), int('capacity'), int('taken', 0), int('waitSeq', 0), int('version', 0), instant('createdAt'), instant('updatedAt'),
        ],
        indices: [
          new TableIndex({ name: 'ix_class_sessions_course', columnNames: ['courseId', 'startAt'] }),
          new TableIndex({ name: 'ix_class_sessions_start', columnNames: ['startAt'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'class_enrolments',
        columns: [
          id(), ref('sessionId'), ref('userId', true), str('status', 12), str('activeKey', 80, true), int('waitSeq', undefined, true), str('checkInCode', 6), bool('notify', false),
          text('name', true), text('phone', true), instant('promotedAt', true), instant('attendedAt', true), ref('checkedInBy', true), instant('cancelledAt', true),
          instant('createdAt'), instant('updatedAt'),
        ],
        indices: [
          new TableIndex({ name: 'uq_class_enrolments_wait', columnNames: ['sessionId', 'waitSeq'], isUnique: true }),
          new TableIndex({ name: 'uq_class_enrolments_code', columnNames: ['sessionId', 'checkInCode'], isUnique: true }),
          new TableIndex({ name: 'ix_class_enrolments_session_status', columnNames: ['sessionId', 'status'] }),
          new TableIndex({ name: 'ix_class_enrolments_user', columnNames: ['userId'] }),
          new TableIndex({ name: 'uq_class_enrolments_active', columnNames: ['activeKey'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'articles',
        columns: [
          id(), str('category', 20), str('title', 120), str('summary', 300), text('body'), str('coverUrl', 500, true), bool('published', false), instant('publishedAt', true),
          int('views', 0), ref('centerId', true), bool('sample', false), ref('createdBy', true), instant('createdAt'), instant('updatedAt'),
        ],
        indices: [new TableIndex({ name: 'ix_articles_published', columnNames: ['published', 'publishedAt'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'article_views',
        columns: [id(), ref('articleId'), str('readerKey', 64), str('day', 10), instant('createdAt')],
        indices: [
          new TableIndex({ name: 'uq_article_views', columnNames: ['articleId', 'readerKey', 'day'], isUnique: true }),
          new TableIndex({ name: 'ix_article_views_day', columnNames: ['day'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'quiz_questions',
        columns: [
          id(), str('kind', 10), text('stem'), json('options'), json('correct'), text('explanation'), str('lawRef', 200), bool('published', false), bool('sample', false),
          ref('createdBy', true), instant('createdAt'), instant('updatedAt'),
        ],
        indices: [new TableIndex({ name: 'ix_quiz_questions_published', columnNames: ['published'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'quiz_attempts',
        columns: [id(), ref('userId'), json('questionIds'), int('total'), json('answers', true), int('score', undefined, true), instant('startedAt'), instant('submittedAt', true)],
        indices: [
          new TableIndex({ name: 'ix_quiz_attempts_board', columnNames: ['submittedAt', 'score'] }),
          new TableIndex({ name: 'ix_quiz_attempts_user', columnNames: ['userId'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['quiz_attempts', 'quiz_questions', 'article_views', 'articles', 'class_enrolments', 'class_sessions', 'courses']) await q.dropTable(t);
  }
}
