import { z } from 'zod';
import {
  listOf,
  ZArticle,
  ZArticleInput,
  ZArticleSummary,
  ZArticlesQuery,
  ZArticleUpdateInput,
  ZId,
  ZLeaderboard,
  ZLeaderboardQuery,
  ZQuizAttempt,
  ZQuizAttemptSummary,
  ZQuizQuestionInput,
  ZQuizQuestionUpdateInput,
  ZStaffArticle,
  ZStaffArticlesQuery,
  ZStaffQuizQuestion,
  ZStartQuizInput,
  ZSubmitAnswersInput,
} from '@zjh/shared';
import type { RouteModule } from '../../lib/route';
import type { StaffPrincipal, UserPrincipal } from '../../lib/access';
import type { ArticlesService } from './articles.service';
import type { QuizService } from './quiz.service';
import type { QuizQuestionsService } from './quiz-questions.service';
import { CONTENT_EDITORS } from './content.workflow';

const ZIdParams = z.object({ id: ZId });

export interface ContentRouteServices {
  articles: ArticlesService;
  quiz: QuizService;
  quizQuestions: QuizQuestionsService;
}

export const contentRoutes =
  ({ articles, quiz, quizQuestions }: ContentRouteServices): RouteModule =>
  (routes) => {
    const user = (p: unknown) => p as UserPrincipal;
    const staff = (p: unknown) => p as StaffPrincipal;
    const editors = { staff: [...CONTENT_EDITORS] };

    routes.add({
      method: 'get', path: '/articles', tag: 'content', auth: 'none', summary: '已发布的文章（普法、家庭教育、心理健康）',
      query: ZArticlesQuery, responses: { 200: listOf(ZArticleSummary).meta({ id: 'ArticleList' }) },
      handler: (_ctx, { query }) => articles.list(query),
    });
    routes.add({
      method: 'get', path: '/articles/:id', tag: 'content', auth: 'none',
      summary: '阅读文章（同一读者每天计一次阅读；匿名读者可带 X-Reader-Id 头）', params: ZIdParams,
      responses: { 200: ZArticle }, errors: [404],
      handler: (ctx, { params, principal }) => articles.read(params.id, { principal, readerId: ctx.get('x-reader-id') || undefined, ip: ctx.ip, userAgent: ctx.get('user-agent') }),
    });

    routes.add({
      method: 'post', path: '/quiz/attempts', tag: 'quiz', auth: 'user', summary: '开始答题：随机抽取 count 道题（默认 10），不含答案',
      body: ZStartQuizInput, responses: { 201: ZQuizAttempt }, errors: [409],
      handler: (_ctx, { body, principal }) => quiz.start(user(principal), body.count),
    });
    routes.add({
      method: 'get', path: '/quiz/attempts/mine', tag: 'quiz', auth: 'user', summary: '我的答题记录',
      responses: { 200: listOf(ZQuizAttemptSummary).meta({ id: 'QuizAttemptList' }) },
      handler: async (_ctx, { principal }) => ({ items: await quiz.mine(user(principal)), nextCursor: null }),
    });
    routes.add({
      method: 'get', path: '/quiz/leaderboard', tag: 'quiz', auth: 'none', summary: '排行榜（每人最好成绩，同分先达到者在前；匿名称呼）',
      query: ZLeaderboardQuery, responses: { 200: ZLeaderboard },
      handler: (_ctx, { query, principal }) => quiz.leaderboard(principal?.kind === 'user' ? principal : undefined, query.limit),
    });
    routes.add({
      method: 'get', path: '/quiz/attempts/:id', tag: 'quiz', auth: 'user', summary: '一次答题（提交后含对错与解析）',
      params: ZIdParams, responses: { 200: ZQuizAttempt }, errors: [404],
      handler: (_ctx, { params, principal }) => quiz.get(user(principal), params.id),
    });
    routes.add({
      method: 'post', path: '/quiz/attempts/:id/answers', tag: 'quiz', auth: 'user',
      summary: '提交全部答案（只能提交一次）：得分、每题对错、解析与法条', params: ZIdParams, body: ZSubmitAnswersInput,
      responses: { 200: ZQuizAttempt }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => quiz.submit(user(principal), params.id, body),
    });

    routes.add({
      method: 'get', path: '/staff/articles', tag: 'staff-content', auth: editors, summary: '文章管理（本中心；管理员全部）',
      query: ZStaffArticlesQuery, responses: { 200: listOf(ZStaffArticle).meta({ id: 'StaffArticleList' }) },
      handler: async (_ctx, { query, principal }) => ({ items: await articles.staffList(staff(principal), query), nextCursor: null }),
    });
    routes.add({
      method: 'post', path: '/staff/articles', tag: 'staff-content', auth: editors, idempotent: true, summary: '新建文章（正文保存时净化）',
      body: ZArticleInput, responses: { 201: ZStaffArticle },
      handler: (_ctx, { body, principal }) => articles.create(staff(principal), body),
    });
    routes.add({
      method: 'get', path: '/staff/articles/:id', tag: 'staff-content', auth: editors, summary: '文章（含草稿）',
      params: ZIdParams, responses: { 200: ZStaffArticle }, errors: [404],
      handler: (_ctx, { params, principal }) => articles.staffGet(staff(principal), params.id),
    });
    routes.add({
      method: 'patch', path: '/staff/articles/:id', tag: 'staff-content', auth: editors, summary: '修改文章；published 发布或下架',
      params: ZIdParams, body: ZArticleUpdateInput, responses: { 200: ZStaffArticle }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => articles.update(staff(principal), params.id, body),
    });

    routes.add({
      method: 'get', path: '/staff/quiz/questions', tag: 'staff-content', auth: editors, summary: '普法题库',
      query: z.strictObject({ published: z.enum(['true', 'false']).transform((v) => v === 'true').optional() }).meta({ id: 'QuizQuestionsQuery' }),
      responses: { 200: listOf(ZStaffQuizQuestion).meta({ id: 'StaffQuizQuestionList' }) },
      handler: async (_ctx, { query }) => ({ items: await quizQuestions.list(query), nextCursor: null }),
    });
    routes.add({
      method: 'post', path: '/staff/quiz/questions', tag: 'staff-content', auth: editors, idempotent: true, summary: '新增题目',
      body: ZQuizQuestionInput, responses: { 201: ZStaffQuizQuestion },
      handler: (_ctx, { body, principal }) => quizQuestions.create(staff(principal), body),
    });
    routes.add({
      method: 'get', path: '/staff/quiz/questions/:id', tag: 'staff-content', auth: editors, summary: '题目（含答案与解析）',
      params: ZIdParams, responses: { 200: ZStaffQuizQuestion }, errors: [404],
      handler: (_ctx, { params }) => quizQuestions.get(params.id),
    });
    routes.add({
      method: 'patch', path: '/staff/quiz/questions/:id', tag: 'staff-content', auth: editors, summary: '修改题目；published 上架或下架',
      params: ZIdParams, body: ZQuizQuestionUpdateInput, responses: { 200: ZStaffQuizQuestion }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => quizQuestions.update(staff(principal), params.id, body),
    });
  };
