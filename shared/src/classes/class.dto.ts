import { z } from 'zod';
import { EnrolmentStatus } from './labels';
import { ZClassCategory } from './class.schema';

export { EnrolmentStatus } from './labels';
export const ZEnrolmentStatus = z.enum(Object.keys(EnrolmentStatus) as [EnrolmentStatus, ...EnrolmentStatus[]]);

/** A session as the public sees it; `my…` and the links only when she is signed in and enrolled. */
export const ZClassSession = z
  .object({
    id: z.string(),
    start: z.string(),
    end: z.string(),
    online: z.boolean(),
    capacity: z.number(),
    placesLeft: z.number(),
    waitlistLength: z.number(),
    venue: z.string().nullable(),
    centerId: z.string().nullable(),
    centerName: z.string().nullable(),
    enrolmentDeadline: z.string(),
    enrolmentOpen: z.boolean().describe('未过报名截止时间且未开课'),
    myStatus: ZEnrolmentStatus.nullable().describe('登录后：本人的报名状态'),
    myPosition: z.number().nullable().describe('候补时：当前排在第几位'),
    liveUrl: z.string().nullable().describe('仅已报名者在开课前 30 分钟至结束可见'),
    replayUrl: z.string().nullable().describe('仅已报名者在结束后可见'),
  })
  .meta({ id: 'ClassSession' });
export type ClassSessionDto = z.infer<typeof ZClassSession>;

export const ZClassCourse = z
  .object({
    id: z.string(),
    title: z.string(),
    category: ZClassCategory,
    categoryLabel: z.string(),
    description: z.string(),
    audience: z.string(),
    centerId: z.string().nullable(),
    centerName: z.string().nullable(),
    sample: z.boolean().describe('示例数据'),
    sessions: z.array(ZClassSession),
  })
  .meta({ id: 'ClassCourse' });
export type ClassCourseDto = z.infer<typeof ZClassCourse>;

export const ZEnrolResult = z
  .object({
    id: z.string(),
    status: z.enum(['enrolled', 'waitlisted']),
    position: z.number().optional().describe('候补位置（从 1 开始）'),
  })
  .meta({ id: 'EnrolResult' });
export type EnrolResult = z.infer<typeof ZEnrolResult>;

/** 我的课程: one of her enrolments, with what she needs on the day. */
export const ZMyEnrolment = z
  .object({
    id: z.string(),
    status: ZEnrolmentStatus,
    position: z.number().nullable(),
    checkInCode: z.string().nullable().describe('签到码：到场时出示给工作人员'),
    notify: z.boolean(),
    createdAt: z.string(),
    course: z.object({ id: z.string(), title: z.string(), category: ZClassCategory }),
    session: ZClassSession,
    canCancel: z.boolean(),
  })
  .meta({ id: 'MyEnrolment' });
export type MyEnrolmentDto = z.infer<typeof ZMyEnrolment>;

/** A session in the back office: everything, links included. */
export const ZStaffClassSession = ZClassSession.omit({ myStatus: true, myPosition: true })
  .extend({
    liveUrl: z.string().nullable(),
    replayUrl: z.string().nullable(),
    enrolled: z.number(),
    attended: z.number(),
  })
  .meta({ id: 'StaffClassSession' });
export type StaffClassSessionDto = z.infer<typeof ZStaffClassSession>;

export const ZStaffClassCourse = ZClassCourse.omit({ sessions: true })
  .extend({ published: z.boolean(), createdAt: z.string(), updatedAt: z.string(), sessions: z.array(ZStaffClassSession) })
  .meta({ id: 'StaffClassCourse' });
export type StaffClassCourseDto = z.infer<typeof ZStaffClassCourse>;

export const ZStaffEnrolment = z
  .object({
    id: z.string(),
    status: ZEnrolmentStatus,
    position: z.number().nullable(),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    createdAt: z.string(),
    attendedAt: z.string().nullable(),
  })
  .meta({ id: 'StaffEnrolment' });
export type StaffEnrolmentDto = z.infer<typeof ZStaffEnrolment>;

/** Figures the statistics dashboard reads: sessions held and people who attended. */
export interface ClassStats {
  held: number;
  attendees: number;
}
