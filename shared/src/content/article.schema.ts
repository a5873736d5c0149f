import { z } from 'zod';
import { ZClassCategory } from '../classes/class.schema';
import { ZId } from '../common';

/** Article categories: 普法, 家庭教育, 心理健康 (the same codes as the classes). */
export const ZArticleCategory = ZClassCategory;

/** A cover image: an https address or a file this service stores under /uploads/. */
export const ZImageUrl = z
  .string()
  .trim()
  .max(500, '图片地址过长')
  .regex(/^(https:\/\/[^\s"'<>]+|\/uploads\/[A-Za-z0-9._\-/]+)$/, '图片地址须以 https:// 或 /uploads/ 开头');

export const ZArticleInput = z
  .strictObject({
    category: ZArticleCategory,
    title: z.string().trim().min(2, '请填写标题（至少 2 个字）').max(120, '标题最多 120 个字'),
    summary: z.string().trim().max(300, '摘要最多 300 个字').default(''),
    body: z.string().min(1, '请填写正文').max(100_000, '正文过长'),
    coverUrl: ZImageUrl.nullable().optional(),
    published: z.boolean().default(false),
  })
  .meta({ id: 'ArticleInput' });
export type ArticleInput = z.infer<typeof ZArticleInput>;

export const ZArticleUpdateInput = z
  .strictObject({
    category: ZArticleCategory.optional(),
    title: z.string().trim().min(2, '请填写标题（至少 2 个字）').max(120, '标题最多 120 个字').optional(),
    summary: z.string().trim().max(300, '摘要最多 300 个字').optional(),
    body: z.string().min(1, '请填写正文').max(100_000, '正文过长').optional(),
    coverUrl: ZImageUrl.nullable().optional(),
    published: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '没有要修改的内容', path: ['title'] })
  .meta({ id: 'ArticleUpdateInput' });
export type ArticleUpdateInput = z.infer<typeof ZArticleUpdateInput>;

export const ZArticlesQuery = z
  .strictObject({
    category: ZArticleCategory.optional(),
    cursor: z.string().regex(/^\d{1,6}$/, '分页游标不正确').optional(),
    limit: z.coerce.number().int().min(1).max(50).optional(),
  })
  .meta({ id: 'ArticlesQuery' });
export type ArticlesQuery = z.infer<typeof ZArticlesQuery>;

export const ZStaffArticlesQuery = z
  .strictObject({ category: ZArticleCategory.optional(), published: z.enum(['true', 'false']).transform((v) => v === 'true').optional(), centerId: ZId.optional() })
  .meta({ id: 'StaffArticlesQuery' });

export const ZArticleSummary = z
  .object({
    id: z.string(),
    category: ZArticleCategory,
    categoryLabel: z.string(),
    title: z.string(),
    summary: z.string(),
    coverUrl: z.string().nullable(),
    publishedAt: z.string().nullable(),
    views: z.number().describe('阅读人次（同一读者每天计一次）'),
    sample: z.boolean().describe('示例内容'),
  })
  .meta({ id: 'ArticleSummary' });
export type ArticleSummaryDto = z.infer<typeof ZArticleSummary>;

export const ZArticle = ZArticleSummary.extend({ body: z.string().describe('已净化的富文本 HTML') }).meta({ id: 'Article' });
export type ArticleDto = z.infer<typeof ZArticle>;

export const ZStaffArticle = ZArticle.extend({ published: z.boolean(), centerId: z.string().nullable(), createdAt: z.string(), updatedAt: z.string() }).meta({
  id: 'StaffArticle',
});
export type StaffArticleDto = z.infer<typeof ZStaffArticle>;

/** Figures the statistics dashboard reads: articles published and reads counted. */
export interface ArticleStats {
  published: number;
  views: number;
}
