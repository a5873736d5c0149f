import { z } from 'zod';
import {
  listOf,
  ZCheckInInput,
  ZClassCourse,
  ZClassesQuery,
  ZCourseInput,
  ZCourseUpdateInput,
  ZEnrolInput,
  ZEnrolResult,
  ZId,
  ZMyEnrolment,
  ZSessionInput,
  ZSessionUpdateInput,
  ZStaffClassCourse,
  ZStaffClassesQuery,
  ZStaffEnrolment,
} from '@zjh/shared';
import type { RouteModule } from '../../lib/route';
import type { StaffPrincipal, UserPrincipal } from '../../lib/access';
import type { CoursesService } from './courses.service';
import type { EnrolmentsService } from './enrolments.service';
import type { StaffClassesService } from './staff-classes.service';
import type { AttendanceService } from './attendance.service';
import { CLASS_MANAGERS } from './classes.workflow';

const ZIdParams = z.object({ id: ZId });
const ZCancelled = z.object({ id: z.string(), status: z.literal('cancelled') }).meta({ id: 'EnrolmentCancelled' });

export interface ClassesRouteServices {
  courses: CoursesService;
  enrolments: EnrolmentsService;
  staffClasses: StaffClassesService;
  attendance: AttendanceService;
}

export const classesRoutes =
  ({ courses, enrolments, staffClasses, attendance }: ClassesRouteServices): RouteModule =>
  (routes) => {
    const user = (p: unknown) => p as UserPrincipal;
    const staff = (p: unknown) => p as StaffPrincipal;
    const managers = { staff: [...CLASS_MANAGERS] };

    // Public and her side. The literal paths come before /classes/:id.
    routes.add({
      method: 'get', path: '/classes', tag: 'classes', auth: 'none',
      summary: '已发布的课程及未结束的场次（登录后附本人报名状态与可见链接）', query: ZClassesQuery,
      responses: { 200: listOf(ZClassCourse).meta({ id: 'ClassCourseList' }) },
      handler: async (_ctx, { query, principal }) => ({ items: await courses.list(principal, query), nextCursor: null }),
    });
    routes.add({
      method: 'get', path: '/classes/enrollments/mine', tag: 'classes', auth: 'user', summary: '我的课程（签到码、直播与回放链接）',
      responses: { 200: listOf(ZMyEnrolment).meta({ id: 'MyEnrolmentList' }) },
      handler: async (_ctx, { principal }) => ({ items: await enrolments.mine(user(principal)), nextCursor: null }),
    });
    routes.add({
      method: 'post', path: '/classes/sessions/:id/enrollments', tag: 'classes', auth: 'user', idempotent: true,
      summary: '报名：有名额则 enrolled，否则进入候补（position 为候补位置）；已报名或已候补 409', params: ZIdParams, body: ZEnrolInput,
      responses: { 201: ZEnrolResult }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => enrolments.enrol(user(principal), params.id, body),
    });
    routes.add({
      method: 'delete', path: '/classes/sessions/:id/enrollments/mine', tag: 'classes', auth: 'user',
      summary: '取消报名或退出候补；空出的名额自动给候补第一位（只递补一次）', params: ZIdParams,
      responses: { 200: ZCancelled }, errors: [404, 409],
      handler: (_ctx, { params, principal }) => enrolments.cancelMine(user(principal), params.id),
    });
    routes.add({
      method: 'get', path: '/classes/:id', tag: 'classes', auth: 'none', summary: '课程详情（含已结束场次）',
      params: ZIdParams, responses: { 200: ZClassCourse }, errors: [404],
      handler: (_ctx, { params, principal }) => courses.get(principal, params.id),
    });

    // Back office.
    routes.add({
      method: 'get', path: '/staff/classes', tag: 'staff-classes', auth: managers, summary: '课程管理列表（本中心；管理员全部）',
      query: ZStaffClassesQuery, responses: { 200: listOf(ZStaffClassCourse).meta({ id: 'StaffClassCourseList' }) },
      handler: async (_ctx, { query, principal }) => ({ items: await staffClasses.list(staff(principal), query), nextCursor: null }),
    });
    routes.add({
      method: 'post', path: '/staff/classes', tag: 'staff-classes', auth: managers, idempotent: true, summary: '新建课程',
      body: ZCourseInput, responses: { 201: ZStaffClassCourse }, errors: [403],
      handler: (_ctx, { body, principal }) => staffClasses.createCourse(staff(principal), body),
    });
    routes.add({
      method: 'get', path: '/staff/classes/:id', tag: 'staff-classes', auth: managers, summary: '课程（含全部场次与人数）',
      params: ZIdParams, responses: { 200: ZStaffClassCourse }, errors: [404],
      handler: (_ctx, { params, principal }) => staffClasses.get(staff(principal), params.id),
    });
    routes.add({
      method: 'patch', path: '/staff/classes/:id', tag: 'staff-classes', auth: managers, summary: '修改课程；published 发布或下架',
      params: ZIdParams, body: ZCourseUpdateInput, responses: { 200: ZStaffClassCourse }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => staffClasses.updateCourse(staff(principal), params.id, body),
    });
    routes.add({
      method: 'post', path: '/staff/classes/:id/sessions', tag: 'staff-classes', auth: managers, idempotent: true, summary: '新增场次',
      params: ZIdParams, body: ZSessionInput, responses: { 201: ZStaffClassCourse }, errors: [403, 404],
      handler: (_ctx, { params, body, principal }) => staffClasses.createSession(staff(principal), params.id, body),
    });
    routes.add({
      method: 'patch', path: '/staff/classes/sessions/:id', tag: 'staff-classes', auth: managers,
      summary: '修改场次（增加名额会自动递补候补；名额少于已报名人数 409）', params: ZIdParams, body: ZSessionUpdateInput,
      responses: { 200: ZStaffClassCourse }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => staffClasses.updateSession(staff(principal), params.id, body),
    });
    routes.add({
      method: 'get', path: '/staff/classes/sessions/:id/enrollments', tag: 'staff-classes', auth: managers, summary: '场次报名名单（写入审计日志）',
      params: ZIdParams, responses: { 200: listOf(ZStaffEnrolment).meta({ id: 'StaffEnrolmentList' }) }, errors: [404],
      handler: async (_ctx, { params, principal }) => ({ items: await attendance.enrolments(staff(principal), params.id), nextCursor: null }),
    });
    routes.add({
      method: 'post', path: '/staff/classes/sessions/:id/check-ins', tag: 'staff-classes', auth: managers,
      summary: '签到：按报名编号或她出示的签到码', params: ZIdParams, body: ZCheckInInput,
      responses: { 200: ZStaffEnrolment }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => attendance.checkIn(staff(principal), params.id, body),
    });
  };
