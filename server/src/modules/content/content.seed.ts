import type { DataSource } from 'typeorm';
import { newId } from '../../lib/ids';
import { ArticleEntity, QuizQuestionEntity } from './content.entity';
import { ARTICLE_SEEDS } from './articles.seed';
import { QUESTION_SEEDS } from './quiz.seed';
import { sanitizeArticleHtml } from './sanitize';

/** Rotates a question's options so the right answer is not always the first one. */
function rotate(options: string[], correct: number[], by: number) {
  const n = options.length;
  const shift = by % n;
  return {
    options: options.map((_, i) => options[(i + shift) % n]),
    correct: correct.map((c) => (c - shift + n) % n).sort((a, b) => a - b),
  };
}

/** Inserts the sample articles and quiz questions when there are none (each table on its own). */
export async function seedContentIfEmpty(ds: DataSource, now: Date): Promise<{ articles: number; questions: number }> {
  let articles = 0;
  let questions = 0;
  if ((await ds.getRepository(ArticleEntity).count()) === 0) {
    // Spread the publication dates over the past weeks so the list has a natural order.
    const rows = ARTICLE_SEEDS.map((a, i) => {
      const at = new Date(now.getTime() - (ARTICLE_SEEDS.length - i) * 3 * 86400_000);
      return {
        id: newId(), category: a.category, title: a.title, summary: a.summary, body: sanitizeArticleHtml(a.body), coverUrl: null, published: true, publishedAt: at,
        views: 0, centerId: null, sample: true, createdBy: null, createdAt: at, updatedAt: at,
      };
    });
    await ds.getRepository(ArticleEntity).insert(rows);
    articles = rows.length;
  }
  if ((await ds.getRepository(QuizQuestionEntity).count()) === 0) {
    const rows = QUESTION_SEEDS.map((q, i) => ({
      id: newId(), kind: q.kind, stem: q.stem, ...rotate(q.options, q.correct, i), explanation: q.explanation, lawRef: q.lawRef,
      published: true, sample: true, createdBy: null, createdAt: new Date(now.getTime() + i), updatedAt: now,
    }));
    await ds.getRepository(QuizQuestionEntity).insert(rows);
    questions = rows.length;
  }
  return { articles, questions };
}
