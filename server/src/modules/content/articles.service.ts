import { Between, type DataSource, type FindOptionsWhere } from 'typeorm';
import {
  ClassCategory,
  shanghaiDate,
  toShanghaiIso,
  type ArticleDto,
  type ArticleInput,
  type ArticlesQuery,
  type ArticleStats,
  type ArticleSummaryDto,
  type ArticleUpdateInput,
  type StaffArticleDto,
} from '@zjh/shared';
import { AppError, isUniqueViolation } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { blindIndex } from '../../lib/field-crypto';
import { inTransaction } from '../../lib/db/transaction';
import { isCityAdmin, type Principal, type StaffPrincipal } from '../../lib/access';
import { timeline } from '../timeline/timeline.service';
import { ArticleEntity, ArticleViewEntity } from './content.entity';
import { ARTICLE_ENTITY, articleWorkflow, publicationOf } from './content.workflow';
import { plainText, sanitizeArticleHtml } from './sanitize';

/** Who is reading, as far as counting goes: her account, an anonymous reader id, or IP + browser. */
export interface ReaderHint {
  principal?: Principal;
  readerId?: string;
  ip: string;
  userAgent: string;
}

/**
 * The key a reader is counted under: keyed hashes only (an IP address must not be recoverable
 * from the table). Staff previewing an article are not readers.
 */
export function readerKey(r: ReaderHint): string | null {
  if (r.principal?.kind === 'staff') return null;
  if (r.principal?.kind === 'user') return userReaderKey(r.principal.userId);
  if (r.readerId && /^[A-Za-z0-9_-]{8,64}$/.test(r.readerId)) return blindIndex(`article-reader|anon|${r.readerId}`);
  return blindIndex(`article-reader|net|${r.ip}|${r.userAgent.slice(0, 300)}`);
}
export const userReaderKey = (userId: string) => blindIndex(`article-reader|user|${userId}`);

const PAGE = 20;

/** Articles: public list and reader with once-a-day view counts; editing and publishing by staff. */
export class ArticlesService {
  constructor(
    private readonly ds: DataSource,
    private readonly now: () => Date,
  ) {}

  async list(q: ArticlesQuery): Promise<{ items: ArticleSummaryDto[]; nextCursor: string | null }> {
    const offset = Number(q.cursor ?? 0);
    const limit = q.limit ?? PAGE;
    const rows = await this.ds.getRepository(ArticleEntity).find({
      where: { published: true, ...(q.category ? { category: q.category } : {}) },
      order: { publishedAt: 'DESC', id: 'ASC' },
      skip: offset,
      take: limit + 1,
    });
    return { items: rows.slice(0, limit).map(toSummary), nextCursor: rows.length > limit ? String(offset + limit) : null };
  }

  /** A published article; reading it counts once per reader per day. */
  async read(id: string, reader: ReaderHint): Promise<ArticleDto> {
    const a = await this.ds.getRepository(ArticleEntity).findOneBy({ id, published: true });
    if (!a) throw AppError.notFound('找不到该文章');
    const key = readerKey(reader);
    if (key && (await this.countView(a.id, key))) a.views += 1;
    return { ...toSummary(a), body: a.body };
  }

  /**
   * The (article, reader, day) row is claimed by INSERT; the counter moves in the same transaction
   * only when that INSERT succeeded, so repeated or concurrent reads by one reader count once.
   */
  async countView(articleId: string, key: string): Promise<boolean> {
    const now = this.now();
    try {
      await inTransaction(this.ds, async (em) => {
        await em.getRepository(ArticleViewEntity).insert({ id: newId(), articleId, readerKey: key, day: shanghaiDate(now), createdAt: now });
        await em.createQueryBuilder().update(ArticleEntity).set({ views: () => `${em.connection.driver.escape('views')} + 1` }).where('id = :id', { id: articleId }).execute();
      });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  // ——— back office ———

  async staffList(staff: StaffPrincipal, q: { category?: ArticleInput['category']; published?: boolean; centerId?: string }): Promise<StaffArticleDto[]> {
    const where: FindOptionsWhere<ArticleEntity> = { ...(q.category ? { category: q.category } : {}), ...(q.published !== undefined ? { published: q.published } : {}) };
    if (!isCityAdmin(staff)) where.centerId = staff.centerId ?? '-';
    else if (q.centerId) where.centerId = q.centerId;
    const rows = await this.ds.getRepository(ArticleEntity).find({ where, order: { updatedAt: 'DESC' } });
    return rows.map(toStaff);
  }

  async staffGet(staff: StaffPrincipal, id: string): Promise<StaffArticleDto> {
    return toStaff(await this.editable(staff, id));
  }

  async create(staff: StaffPrincipal, input: ArticleInput): Promise<StaffArticleDto> {
    const body = this.cleanBody(input.body);
    const now = this.now();
    const a: ArticleEntity = {
      id: newId(), category: input.category, title: input.title, summary: input.summary || plainText(body).slice(0, 120), body, coverUrl: input.coverUrl ?? null,
      published: false, publishedAt: null, views: 0, centerId: isCityAdmin(staff) ? null : staff.centerId, sample: false, createdBy: staff.staffId, createdAt: now, updatedAt: now,
    };
    await inTransaction(this.ds, async (em) => {
      await em.getRepository(ArticleEntity).insert(a);
      await timeline.append(em, staff, { entityType: ARTICLE_ENTITY, entityId: a.id, type: 'created' }, now);
      if (input.published) {
        articleWorkflow.check('draft', 'published', staff.role);
        await em.getRepository(ArticleEntity).update({ id: a.id }, { published: true, publishedAt: now });
        await timeline.append(em, staff, { entityType: ARTICLE_ENTITY, entityId: a.id, type: 'status', from: 'draft', to: 'published' }, now);
      }
    });
    return this.staffGet(staff, a.id);
  }

  async update(staff: StaffPrincipal, id: string, input: ArticleUpdateInput): Promise<StaffArticleDto> {
    const a = await this.editable(staff, id);
    const now = this.now();
    const { published, body, ...fields } = input;
    const move = published !== undefined && published !== a.published ? articleWorkflow.check(publicationOf(a.published), publicationOf(published), staff.role) : null;
    const changes: Partial<ArticleEntity> = { ...fields, updatedAt: now };
    if (body !== undefined) changes.body = this.cleanBody(body);
    if (move) {
      changes.published = published;
      // The first publication date stays: republishing after a correction is not a new article.
      if (published && !a.publishedAt) changes.publishedAt = now;
    }
    await inTransaction(this.ds, async (em) => {
      await em.getRepository(ArticleEntity).update({ id }, changes);
      const edited = Object.keys(input).filter((k) => k !== 'published');
      if (edited.length) await timeline.append(em, staff, { entityType: ARTICLE_ENTITY, entityId: id, type: 'updated', note: edited.join(',') }, now);
      if (move) await timeline.append(em, staff, { entityType: ARTICLE_ENTITY, entityId: id, type: 'status', from: move.from, to: move.to }, now);
    });
    return this.staffGet(staff, id);
  }

  /** For statistics: articles first published in [from, to) and reads counted on those days. */
  async stats(period: { from: Date; to: Date; centerId?: string | null }): Promise<ArticleStats> {
    const where: FindOptionsWhere<ArticleEntity> = { published: true, publishedAt: Between(period.from, new Date(period.to.getTime() - 1)) };
    if (period.centerId) where.centerId = period.centerId;
    const published = await this.ds.getRepository(ArticleEntity).countBy(where);
    const views = this.ds
      .getRepository(ArticleViewEntity)
      .createQueryBuilder('v')
      .where('v.day >= :from AND v.day < :to', { from: shanghaiDate(period.from), to: shanghaiDate(period.to) });
    if (period.centerId) views.innerJoin(ArticleEntity, 'a', 'a.id = v.articleId').andWhere('a.centerId = :centerId', { centerId: period.centerId });
    return { published, views: await views.getCount() };
  }

  private cleanBody(html: string): string {
    const body = sanitizeArticleHtml(html);
    if (!plainText(body) && !/<img /.test(body)) throw AppError.field('body', '正文在去除不安全内容后为空');
    return body;
  }

  /** The admin edits every article; center staff those of their own center. */
  private async editable(staff: StaffPrincipal, id: string): Promise<ArticleEntity> {
    const a = await this.ds.getRepository(ArticleEntity).findOneBy({ id });
    if (!a || (!isCityAdmin(staff) && (!staff.centerId || a.centerId !== staff.centerId))) throw AppError.notFound('找不到该文章');
    return a;
  }
}

function toSummary(a: ArticleEntity): ArticleSummaryDto {
  return {
    id: a.id,
    category: a.category,
    categoryLabel: ClassCategory[a.category],
    title: a.title,
    summary: a.summary,
    coverUrl: a.coverUrl,
    publishedAt: a.publishedAt ? toShanghaiIso(a.publishedAt) : null,
    views: a.views,
    sample: a.sample,
  };
}

function toStaff(a: ArticleEntity): StaffArticleDto {
  return { ...toSummary(a), body: a.body, published: a.published, centerId: a.centerId, createdAt: toShanghaiIso(a.createdAt), updatedAt: toShanghaiIso(a.updatedAt) };
}
