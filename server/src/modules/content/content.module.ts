import type { DataSource } from 'typeorm';
import type { PersonalDataHandler } from '../privacy/privacy.service';
import { ArticlesService, userReaderKey } from './articles.service';
import { QuizService } from './quiz.service';
import { QuizQuestionsService } from './quiz-questions.service';
import { ArticleViewEntity } from './content.entity';
import { seedContentIfEmpty } from './content.seed';

/** Builds the content domain (articles, quiz); app.ts keeps it under `services.content`. */
export function createContentServices(ds: DataSource, now: () => Date) {
  const articles = new ArticlesService(ds, now);
  const quiz = new QuizService(ds, now);
  const privacy: PersonalDataHandler = {
    name: 'content',
    export: async (u) => ({
      quizAttempts: await quiz.mine(u),
      articleReads: (await ds.getRepository(ArticleViewEntity).find({ where: { readerKey: userReaderKey(u.userId) }, order: { day: 'DESC' } })).map((v) => ({ articleId: v.articleId, day: v.day })),
    }),
    // The read counters stay (they are anonymous totals); the rows that tie reads to her go.
    erase: async (em, userId) => {
      await quiz.eraseUser(em, userId);
      await em.getRepository(ArticleViewEntity).delete({ readerKey: userReaderKey(userId) });
    },
  };
  return {
    articles,
    quiz,
    quizQuestions: new QuizQuestionsService(ds, now),
    privacy,
    /** `articleStats({from, to, centerId})` → {published, views}. */
    articleStats: (p: { from: Date; to: Date; centerId?: string | null }) => articles.stats(p),
    /** `quizStats({from, to, centerId})` → {participants, attempts}. */
    quizStats: (p: { from: Date; to: Date; centerId?: string | null }) => quiz.stats(p),
    seedIfEmpty: () => seedContentIfEmpty(ds, now()),
  };
}
export type ContentServices = ReturnType<typeof createContentServices>;
