import { Entity, Index } from 'typeorm';
import type { ClassCategory, QuizQuestionKind } from '@zjh/shared';
import { BoolColumn, IdColumn, InstantColumn, IntColumn, JsonColumn, RefColumn, StringColumn, TextColumn } from '../../lib/db/columns';

/** An article (普法, 家庭教育, 心理健康). `body` is HTML already sanitised when it was saved. */
@Entity('articles')
@Index('ix_articles_published', ['published', 'publishedAt'])
export class ArticleEntity {
  @IdColumn() id!: string;
  @StringColumn(20) category!: ClassCategory;
  @StringColumn(120) title!: string;
  @StringColumn(300) summary!: string;
  @TextColumn() body!: string;
  @StringColumn(500, { nullable: true }) coverUrl!: string | null;
  @BoolColumn({ default: false }) published!: boolean;
  @InstantColumn({ nullable: true }) publishedAt!: Date | null;
  /** Reads counted (a reader once per day); moves only when an article_views row is inserted. */
  @IntColumn({ default: 0 }) views!: number;
  /** The author's center (null = the city admin); center staff edit their own center's articles. */
  @RefColumn({ nullable: true }) centerId!: string | null;
  @BoolColumn({ default: false }) sample!: boolean;
  @RefColumn({ nullable: true }) createdBy!: string | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}

/**
 * One reader on one day: the unique key makes "once per reader per day" the database's decision.
 * readerKey is a hash (of her account, her anonymous reader id, or IP + user agent), never the raw value.
 */
@Entity('article_views')
@Index('uq_article_views', ['articleId', 'readerKey', 'day'], { unique: true })
@Index('ix_article_views_day', ['day'])
export class ArticleViewEntity {
  @IdColumn() id!: string;
  @RefColumn() articleId!: string;
  @StringColumn(64) readerKey!: string;
  @StringColumn(10) day!: string;
  @InstantColumn() createdAt!: Date;
}

@Entity('quiz_questions')
export class QuizQuestionEntity {
  @IdColumn() id!: string;
  @StringColumn(10) kind!: QuizQuestionKind;
  @TextColumn() stem!: string;
  @JsonColumn() options!: string[];
  @JsonColumn() correct!: number[];
  @TextColumn() explanation!: string;
  @StringColumn(200) lawRef!: string;
  @Index('ix_quiz_questions_published')
  @BoolColumn({ default: false })
  published!: boolean;
  @BoolColumn({ default: false }) sample!: boolean;
  @RefColumn({ nullable: true }) createdBy!: string | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}

/** One quiz she took: the questions drawn, then (once) her answers and score. */
@Entity('quiz_attempts')
@Index('ix_quiz_attempts_board', ['submittedAt', 'score'])
export class QuizAttemptEntity {
  @IdColumn() id!: string;
  @Index('ix_quiz_attempts_user')
  @RefColumn()
  userId!: string;
  @JsonColumn() questionIds!: string[];
  @IntColumn() total!: number;
  @JsonColumn({ nullable: true }) answers!: Array<{ questionId: string; choices: number[] }> | null;
  @IntColumn({ nullable: true }) score!: number | null;
  @InstantColumn() startedAt!: Date;
  @InstantColumn({ nullable: true }) submittedAt!: Date | null;
}
