import { z } from 'zod';
import { ZId } from '../common';

const ZWhen = z.union([z.iso.datetime({ offset: true, error: '时间须为带时区的 ISO 8601' }), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')]);

export const ZStatsQuery = z
  .strictObject({
    from: ZWhen.optional().describe('起始（含），默认今年 1 月 1 日'),
    to: ZWhen.optional().describe('截止（不含），默认明年 1 月 1 日'),
    centerId: ZId.optional().describe('仅市妇联管理员可查其他中心；不填为全市'),
  })
  .meta({ id: 'StatsQuery' });
export type StatsQuery = z.infer<typeof ZStatsQuery>;

export const ZReportQuery = z
  .strictObject({
    year: z.coerce.number({ error: '年份须为数字' }).int().min(2000, '年份不正确').max(2100, '年份不正确'),
    centerId: ZId.optional(),
  })
  .meta({ id: 'ReportQuery' });

const ZCounts = z.record(z.string(), z.number());

/** The figures the Federation reports, for a period and one center or the whole city. */
export const ZStats = z
  .object({
    period: z.object({ from: z.string(), to: z.string(), centerId: z.string().nullable() }),
    requests: z.object({
      cases: z.number().describe('接访案件（宗）'),
      persons: z.number().describe('涉及人次'),
      byCategory: ZCounts,
      byChannel: ZCounts,
      byPriority: ZCounts,
      overdue: z.number().describe('未在时限内受理'),
      medianHoursToAccept: z.number().nullable(),
      byMonth: z.array(z.object({ month: z.string(), cases: z.number(), persons: z.number() })),
      byCenter: z.array(z.object({ centerId: z.string(), name: z.string(), cases: z.number(), persons: z.number() })),
    }),
    consultations: z.object({ booked: z.number(), held: z.number(), noShow: z.number(), cancelled: z.number(), byKind: ZCounts }),
    protectionOrders: z.object({ applied: z.number(), granted: z.number(), rejected: z.number() }),
    mediations: z.object({ total: z.number(), countyLevel: z.number(), agreements: z.number(), toCourt: z.number() }),
    classes: z.object({ held: z.number(), attendees: z.number() }),
    articles: z.object({ published: z.number(), views: z.number() }),
    quiz: z.object({ participants: z.number(), attempts: z.number() }),
  })
  .meta({ id: 'Stats' });
export type Stats = z.infer<typeof ZStats>;
