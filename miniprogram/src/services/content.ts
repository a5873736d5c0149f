import type { ArticleDto, ArticleSummaryDto, ClassCategory, LeaderboardDto, QuizAttemptDto, QuizAttemptSummaryDto, SubmitAnswersInput } from '@zjh/shared';
import { api, withQuery } from './api';
import { readToken, TOKEN_KEY } from './storage';

interface List<T> {
  items: T[];
  nextCursor?: string | null;
}

export const LAW_PATH = '/pages/law/index';
export const ARTICLE_PATH = '/pages/law/article';
export const QUIZ_PATH = '/pages/law/quiz';

/** The article category tabs, 普法 first (this is the 普法 corner). */
export const ARTICLE_TABS: ClassCategory[] = ['law', 'family_education', 'mental_health'];

/** How many questions one quiz has. */
export const QUIZ_SIZE = 10;

export function listArticles(category: ClassCategory, cursor?: string | null): Promise<List<ArticleSummaryDto>> {
  return api<List<ArticleSummaryDto>>(withQuery('/api/articles', { category, cursor, limit: 10 }));
}

let readerId: string | null = null;

/**
 * A random reader id for this visit, so re-opening an article today is not counted again. It lives
 * in memory only — never in storage — and says nothing about her.
 */
export function readerIdForVisit(): string {
  if (!readerId) {
    const random = () => Math.floor(Math.random() * 36 ** 8).toString(36).padStart(8, '0');
    readerId = `r-${Date.now().toString(36)}-${random()}${random()}`;
  }
  return readerId;
}

/** Test seam: forget this visit's reader id. */
export function resetReaderId(): void {
  readerId = null;
}

export function getArticle(id: string): Promise<ArticleDto> {
  return api<ArticleDto>(`/api/articles/${encodeURIComponent(id)}`, {
    header: { 'X-Reader-Id': readerIdForVisit() },
    auth: readToken(TOKEN_KEY) ? 'user' : 'none',
  });
}

export function startQuiz(count = QUIZ_SIZE): Promise<QuizAttemptDto> {
  return api<QuizAttemptDto>('/api/quiz/attempts', { method: 'POST', data: { count }, auth: 'user' });
}

export function submitQuiz(id: string, answers: SubmitAnswersInput['answers']): Promise<QuizAttemptDto> {
  return api<QuizAttemptDto>(`/api/quiz/attempts/${encodeURIComponent(id)}/answers`, { method: 'POST', data: { answers }, auth: 'user' });
}

export function myQuizAttempts(): Promise<List<QuizAttemptSummaryDto>> {
  return api<List<QuizAttemptSummaryDto>>('/api/quiz/attempts/mine', { auth: 'user' });
}

/** Top scores under anonymous names; with her session it also says where she stands. */
export function quizLeaderboard(): Promise<LeaderboardDto> {
  return api<LeaderboardDto>(withQuery('/api/quiz/leaderboard', { limit: 10 }), { auth: readToken(TOKEN_KEY) ? 'user' : 'none' });
}
