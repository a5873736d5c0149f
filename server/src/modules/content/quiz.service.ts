import { randomInt } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  isAnswerCorrect,
  toShanghaiIso,
  type LeaderboardDto,
  type QuizAttemptDto,
  type QuizAttemptSummaryDto,
  type SubmitAnswersInput,
} from '@zjh/shared';
import { AppError } from '../../lib/errors';
import { newId, sha256 } from '../../lib/ids';
import type { UserPrincipal } from '../../lib/access';
import { QuizAttemptEntity, QuizQuestionEntity } from './content.entity';
import { attemptWorkflow } from './content.workflow';

/** The name she appears under on the leaderboard: never her account, only a short hash of it. */
export const quizAlias = (userId: string) => `参与者 #${sha256(`quiz-alias|${userId}`).slice(0, 4).toUpperCase()}`;

function shuffled<T>(items: T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** A datetime from an aggregate: mysql2 gives a Date, SQLite the stored UTC text. */
const instantOf = (v: unknown) => (v instanceof Date ? v : new Date(`${String(v).replace(' ', 'T')}Z`));

/** The 普法 quiz as she takes it: draw N questions, answer once, see why, compare anonymously. */
export class QuizService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
  ) {}

  /** N random published questions, without answers or explanations. */
  async start(user: UserPrincipal, count: number): Promise<QuizAttemptDto> {
    const pool = await this.ds.getRepository(QuizQuestionEntity).find({ where: { published: true }, select: { id: true } });
    if (pool.length === 0) throw AppError.conflict('NO_QUESTIONS', '题库暂时没有题目');
    const ids = shuffled(pool.map((q) => q.id)).slice(0, count);
    const attempt: QuizAttemptEntity = { id: newId(), userId: user.userId, questionIds: ids, total: ids.length, answers: null, score: null, startedAt: this.now(), submittedAt: null };
    await this.ds.getRepository(QuizAttemptEntity).insert(attempt);
    return this.toDto(attempt);
  }

  /**
   * Scores her answers, once. A multiple-choice question counts only when exactly the right options
   * are chosen; an unanswered question is wrong. The attempt is closed by a conditional UPDATE.
   */
  async submit(user: UserPrincipal, id: string, input: SubmitAnswersInput): Promise<QuizAttemptDto> {
    const attempt = await this.owned(user, id);
    if (attempt.submittedAt) throw AppError.conflict('ALREADY_SUBMITTED', '这次答题已经提交过了');
    attemptWorkflow.check('started', 'submitted', 'owner');
    const questions = await this.questions(this.ds.manager, attempt.questionIds);
    const seen = new Set<string>();
    input.answers.forEach((a, i) => {
      const q = questions.get(a.questionId);
      if (!q || !attempt.questionIds.includes(a.questionId)) throw AppError.field(`answers.${i}.questionId`, '这道题不在本次答题中');
      if (seen.has(a.questionId)) throw AppError.field(`answers.${i}.questionId`, '同一道题只能回答一次');
      seen.add(a.questionId);
      if (a.choices.some((c) => c >= q.options.length)) throw AppError.field(`answers.${i}.choices`, '选项超出范围');
      if (q.kind === 'single' && a.choices.length > 1) throw AppError.field(`answers.${i}.choices`, '单选题只能选一个');
    });
    const answers = attempt.questionIds.map((qid) => ({ questionId: qid, choices: [...new Set(input.answers.find((a) => a.questionId === qid)?.choices ?? [])].sort((x, y) => x - y) }));
    const score = answers.filter((a) => questions.has(a.questionId) && a.choices.length > 0 && isAnswerCorrect(questions.get(a.questionId)!.correct, a.choices)).length;
    const now = this.now();
    const res = await this.ds
      .createQueryBuilder()
      .update(QuizAttemptEntity)
      .set({ answers, score, submittedAt: now })
      .where('id = :id AND submittedAt IS NULL', { id })
      .execute();
    if (res.affected !== 1) throw AppError.conflict('ALREADY_SUBMITTED', '这次答题已经提交过了');
    return this.toDto({ ...attempt, answers, score, submittedAt: now }, questions);
  }

  async get(user: UserPrincipal, id: string): Promise<QuizAttemptDto> {
    return this.toDto(await this.owned(user, id));
  }

  /** Her history, newest first. */
  async mine(user: UserPrincipal): Promise<QuizAttemptSummaryDto[]> {
    const rows = await this.ds.getRepository(QuizAttemptEntity).find({ where: { userId: user.userId }, order: { startedAt: 'DESC' } });
    return rows.map((a) => ({ id: a.id, startedAt: toShanghaiIso(a.startedAt), submittedAt: a.submittedAt ? toShanghaiIso(a.submittedAt) : null, total: a.total, score: a.score }));
  }

  /**
   * Best score per person, ties going to whoever reached it first; names are aliases. `me` is her
   * own line when she is signed in.
   */
  async leaderboard(viewer: UserPrincipal | undefined, limit = 20): Promise<LeaderboardDto> {
    const rows: Array<{ userId: string; score: number | string; firstAt: unknown; total: number | string }> = await this.ds.query(
      `SELECT a.userId AS userId, a.score AS score, MIN(a.submittedAt) AS firstAt, MIN(a.total) AS total
         FROM quiz_attempts a
         JOIN (SELECT userId, MAX(score) AS best FROM quiz_attempts WHERE submittedAt IS NOT NULL GROUP BY userId) b
           ON b.userId = a.userId AND b.best = a.score
        WHERE a.submittedAt IS NOT NULL
        GROUP BY a.userId, a.score
        ORDER BY a.score DESC, firstAt ASC, a.userId ASC
        LIMIT ${Math.min(100, Math.max(1, Math.floor(limit)))}`,
    );
    const items = rows.map((r, i) => ({ rank: i + 1, name: quizAlias(r.userId), score: Number(r.score), total: Number(r.total), at: toShanghaiIso(instantOf(r.firstAt)) }));
    return { items, me: viewer ? await this.myRank(viewer.userId) : null };
  }

  private async myRank(userId: string): Promise<LeaderboardDto['me']> {
    const best = await this.ds.getRepository(QuizAttemptEntity).createQueryBuilder('a').where('a.userId = :userId AND a.submittedAt IS NOT NULL', { userId }).orderBy('a.score', 'DESC').addOrderBy('a.submittedAt', 'ASC').getOne();
    if (!best || best.score === null || !best.submittedAt) return { rank: null, name: quizAlias(userId), score: null };
    const repo = this.ds.getRepository(QuizAttemptEntity);
    const higher = await repo.createQueryBuilder('a').select('COUNT(DISTINCT a.userId)', 'n').where('a.submittedAt IS NOT NULL AND a.score > :s', { s: best.score }).getRawOne<{ n: string | number }>();
    const earlierTies = await repo
      .createQueryBuilder('a')
      .select('COUNT(DISTINCT a.userId)', 'n')
      .where('a.submittedAt IS NOT NULL AND a.score = :s AND a.submittedAt < :at AND a.userId <> :me', { s: best.score, at: best.submittedAt, me: userId })
      .andWhere('NOT EXISTS (SELECT 1 FROM quiz_attempts b WHERE b.userId = a.userId AND b.submittedAt IS NOT NULL AND b.score > :s)')
      .getRawOne<{ n: string | number }>();
    return { rank: 1 + Number(higher?.n ?? 0) + Number(earlierTies?.n ?? 0), name: quizAlias(userId), score: best.score };
  }

  /**
   * For statistics: quizzes submitted in [from, to) and the people who took them. The quiz is
   * city-wide (not run by one center), so a single center's figures are zero.
   */
  async stats(period: { from: Date; to: Date; centerId?: string | null }): Promise<{ participants: number; attempts: number }> {
    if (period.centerId) return { participants: 0, attempts: 0 };
    const row = await this.ds
      .getRepository(QuizAttemptEntity)
      .createQueryBuilder('a')
      .select('COUNT(*)', 'attempts')
      .addSelect('COUNT(DISTINCT a.userId)', 'participants')
      .where('a.submittedAt >= :from AND a.submittedAt < :to', { from: period.from, to: period.to })
      .getRawOne<{ attempts: string | number; participants: string | number }>();
    return { participants: Number(row?.participants ?? 0), attempts: Number(row?.attempts ?? 0) };
  }

  async eraseUser(em: EntityManager, userId: string): Promise<void> {
    await em.getRepository(QuizAttemptEntity).delete({ userId });
  }

  private async owned(user: UserPrincipal, id: string): Promise<QuizAttemptEntity> {
    const a = await this.ds.getRepository(QuizAttemptEntity).findOneBy({ id });
    if (!a || a.userId !== user.userId) throw AppError.notFound('找不到这次答题');
    return a;
  }

  private async questions(em: EntityManager, ids: string[]): Promise<Map<string, QuizQuestionEntity>> {
    if (ids.length === 0) return new Map();
    return new Map((await em.getRepository(QuizQuestionEntity).findBy({ id: In(ids) })).map((q) => [q.id, q]));
  }

  private async toDto(a: QuizAttemptEntity, known?: Map<string, QuizQuestionEntity>): Promise<QuizAttemptDto> {
    const questions = known ?? (await this.questions(this.ds.manager, a.questionIds));
    const list = a.questionIds.map((id) => questions.get(id)).filter((q): q is QuizQuestionEntity => !!q);
    return {
      id: a.id,
      startedAt: toShanghaiIso(a.startedAt),
      submittedAt: a.submittedAt ? toShanghaiIso(a.submittedAt) : null,
      total: a.total,
      score: a.score,
      questions: list.map((q) => ({ id: q.id, kind: q.kind, stem: q.stem, options: q.options })),
      results:
        a.submittedAt && a.answers
          ? list.map((q) => {
              const chosen = a.answers!.find((x) => x.questionId === q.id)?.choices ?? [];
              return { questionId: q.id, chosen, correct: chosen.length > 0 && isAnswerCorrect(q.correct, chosen), correctChoices: q.correct, explanation: q.explanation, lawRef: q.lawRef };
            })
          : null,
    };
  }
}
