import { z } from 'zod';
import { ClassCategory } from './labels';
import { ZId } from '../common';

export { ClassCategory } from './labels';
const categoryCodes = Object.keys(ClassCategory) as [ClassCategory, ...ClassCategory[]];
export const ZClassCategory = z.enum(categoryCodes, { error: '类别只能是 family_education、mental_health、law' });

/** Live and replay links: web addresses only (http/https). */
const ZLink = z
  .string()
  .trim()
  .max(500, '链接过长')
  .regex(/^https?:\/\/[^\s]+$/i, '链接须以 http:// 或 https:// 开头');
const ZInstantInput = z.iso.datetime({ offset: true, error: '时间须为带时区的 ISO 8601，如 2026-12-02T19:30:00+08:00' });

export const ZCourseInput = z
  .strictObject({
    category: ZClassCategory,
    title: z.string().trim().min(2, '请填写课程名称（至少 2 个字）').max(100, '课程名称最多 100 个字'),
    description: z.string().trim().max(3000, '课程介绍最多 3000 个字').default(''),
    audience: z.string().trim().max(200, '适合对象最多 200 个字').default(''),
    centerId: ZId.nullable().optional().describe('开课中心；null 表示全市课程（仅市妇联管理员）；中心工作人员默认为本中心'),
    published: z.boolean().default(false),
  })
  .meta({ id: 'CourseInput' });
export type CourseInput = z.infer<typeof ZCourseInput>;

export const ZCourseUpdateInput = z
  .strictObject({
    category: ZClassCategory.optional(),
    title: z.string().trim().min(2, '请填写课程名称（至少 2 个字）').max(100, '课程名称最多 100 个字').optional(),
    description: z.string().trim().max(3000, '课程介绍最多 3000 个字').optional(),
    audience: z.string().trim().max(200, '适合对象最多 200 个字').optional(),
    published: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: '没有要修改的内容', path: ['title'] })
  .meta({ id: 'CourseUpdateInput' });
export type CourseUpdateInput = z.infer<typeof ZCourseUpdateInput>;

const sessionFields = {
  start: ZInstantInput,
  end: ZInstantInput,
  online: z.boolean(),
  liveUrl: ZLink.nullable().optional().describe('直播链接：仅已报名者在开课前 30 分钟至结束可见'),
  replayUrl: ZLink.nullable().optional().describe('回放链接：结束后仅已报名者可见'),
  venue: z.string().trim().min(2, '请填写上课地点').max(200, '地点最多 200 个字').nullable().optional(),
  centerId: ZId.nullable().optional().describe('线下课程的举办中心（默认为课程所属中心）'),
  capacity: z.int('名额须为整数').min(1, '名额至少 1 人').max(5000, '名额最多 5000 人'),
  enrolmentDeadline: ZInstantInput.optional().describe('报名截止时间，默认为开课时间'),
};

function checkSession(v: { start?: string; end?: string; online?: boolean; venue?: string | null; enrolmentDeadline?: string }, ctx: z.RefinementCtx, creating: boolean) {
  if (v.start && v.end && Date.parse(v.end) <= Date.parse(v.start)) ctx.addIssue({ code: 'custom', path: ['end'], message: '结束时间须晚于开始时间' });
  if (v.start && v.enrolmentDeadline && Date.parse(v.enrolmentDeadline) > Date.parse(v.start)) {
    ctx.addIssue({ code: 'custom', path: ['enrolmentDeadline'], message: '报名截止时间不能晚于开课时间' });
  }
  if (creating && v.online === false && !v.venue) ctx.addIssue({ code: 'custom', path: ['venue'], message: '线下课程须填写上课地点' });
}

export const ZSessionInput = z
  .strictObject(sessionFields)
  .superRefine((v, ctx) => checkSession(v, ctx, true))
  .meta({ id: 'ClassSessionInput' });
export type SessionInput = z.infer<typeof ZSessionInput>;

export const ZSessionUpdateInput = z
  .strictObject({
    start: sessionFields.start.optional(),
    end: sessionFields.end.optional(),
    liveUrl: sessionFields.liveUrl,
    replayUrl: sessionFields.replayUrl,
    venue: sessionFields.venue,
    capacity: sessionFields.capacity.optional(),
    enrolmentDeadline: sessionFields.enrolmentDeadline,
  })
  .superRefine((v, ctx) => {
    if (!Object.values(v).some((x) => x !== undefined)) ctx.addIssue({ code: 'custom', path: ['capacity'], message: '没有要修改的内容' });
    checkSession(v, ctx, false);
  })
  .meta({ id: 'ClassSessionUpdateInput' });
export type SessionUpdateInput = z.infer<typeof ZSessionUpdateInput>;

export const ZEnrolInput = z
  .strictObject({
    notify: z.boolean().optional().describe('开课前 24 小时和 1 小时发送提醒（需已订阅消息）'),
    name: z.string().trim().min(1).max(40, '称呼最多 40 个字').optional().describe('称呼（如“王女士”），仅工作人员签到时可见'),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+\- ]{5,20}$/, '电话号码格式不正确')
      .optional(),
  })
  .meta({ id: 'EnrolInput' });
export type EnrolInput = z.infer<typeof ZEnrolInput>;

export const ZClassesQuery = z
  .strictObject({
    category: ZClassCategory.optional(),
    centerId: ZId.optional(),
    includePast: z.enum(['true', 'false'], { error: '只能是 true 或 false' }).transform((v) => v === 'true').optional(),
  })
  .meta({ id: 'ClassesQuery' });
export type ClassesQuery = z.infer<typeof ZClassesQuery>;

export const ZStaffClassesQuery = z
  .strictObject({ centerId: ZId.optional(), category: ZClassCategory.optional() })
  .meta({ id: 'StaffClassesQuery' });

/** Check in by enrolment id (from the list) or by the code she shows on her phone. */
export const ZCheckInInput = z
  .strictObject({
    enrollmentId: ZId.optional(),
    code: z
      .string()
      .trim()
      .transform((v) => v.toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9]{6}$/, '签到码为 6 位字母或数字'))
      .optional(),
  })
  .refine((v) => (v.enrollmentId === undefined) !== (v.code === undefined), { message: '请提供报名编号或签到码（二选一）', path: ['code'] })
  .meta({ id: 'CheckInInput' });
export type CheckInInput = z.infer<typeof ZCheckInInput>;
