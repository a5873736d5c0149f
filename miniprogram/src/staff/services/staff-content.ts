import type {
  ArticleInput,
  ArticleUpdateInput,
  ClassCategory,
  QuizQuestionInput,
  QuizQuestionUpdateInput,
  StaffArticleDto,
  StaffQuizQuestionDto,
} from '@zjh/shared';
import { api, withQuery } from '../../services/api';

interface List<T> {
  items: T[];
  nextCursor?: string | null;
}

export const STAFF_ARTICLES_PATH = '/staff/pages/articles/index';
export const STAFF_ARTICLE_PATH = '/staff/pages/articles/edit';
export const STAFF_QUESTIONS_PATH = '/staff/pages/quiz/index';
export const STAFF_QUESTION_PATH = '/staff/pages/quiz/edit';

export function staffArticles(query: { category?: ClassCategory; published?: 'true' | 'false' } = {}): Promise<List<StaffArticleDto>> {
  return api<List<StaffArticleDto>>(withQuery('/api/staff/articles', query), { auth: 'staff' });
}

export function staffArticle(id: string): Promise<StaffArticleDto> {
  return api<StaffArticleDto>(`/api/staff/articles/${encodeURIComponent(id)}`, { auth: 'staff' });
}

/** Creates an article; the body comes back sanitised. */
export function createArticle(input: ArticleInput, idempotencyKey: string): Promise<StaffArticleDto> {
  return api<StaffArticleDto>('/api/staff/articles', { method: 'POST', data: input, auth: 'staff', header: { 'Idempotency-Key': idempotencyKey } });
}

export function updateArticle(id: string, input: ArticleUpdateInput): Promise<StaffArticleDto> {
  return api<StaffArticleDto>(`/api/staff/articles/${encodeURIComponent(id)}`, { method: 'PATCH', data: input, auth: 'staff' });
}

export function staffQuestions(query: { published?: 'true' | 'false' } = {}): Promise<List<StaffQuizQuestionDto>> {
  return api<List<StaffQuizQuestionDto>>(withQuery('/api/staff/quiz/questions', query), { auth: 'staff' });
}

export function staffQuestion(id: string): Promise<StaffQuizQuestionDto> {
  return api<StaffQuizQuestionDto>(`/api/staff/quiz/questions/${encodeURIComponent(id)}`, { auth: 'staff' });
}

export function createQuestion(input: QuizQuestionInput, idempotencyKey: string): Promise<StaffQuizQuestionDto> {
  return api<StaffQuizQuestionDto>('/api/staff/quiz/questions', { method: 'POST', data: input, auth: 'staff', header: { 'Idempotency-Key': idempotencyKey } });
}

export function updateQuestion(id: string, input: QuizQuestionUpdateInput): Promise<StaffQuizQuestionDto> {
  return api<StaffQuizQuestionDto>(`/api/staff/quiz/questions/${encodeURIComponent(id)}`, { method: 'PATCH', data: input, auth: 'staff' });
}
