import { z } from 'zod';
import {
  listOf,
  ZAttendanceInput,
  ZBooking,
  ZCancelBookingInput,
  ZCreateBookingInput,
  ZId,
  ZProvider,
  ZProviderRulesInput,
  ZRescheduleInput,
  ZSlot,
  ZSlotsQuery,
  ZSlotWatchInput,
  ZStaffBooking,
  ZStaffBookingsQuery,
  ZTimelineItem,
  ZConsultationKind,
} from '@zjh/shared';
import type { RouteModule } from '../../lib/route';
import type { Principal, StaffPrincipal, UserPrincipal } from '../../lib/access';
import type { BookingsService } from './bookings.service';
import type { ProvidersService } from './providers.service';

const ZIdParams = z.object({ id: ZId });

export const bookingsRoutes =
  (bookings: BookingsService, providers: ProvidersService): RouteModule =>
  (routes) => {
    const user = (p: unknown) => p as UserPrincipal;
    const staff = (p: unknown) => p as StaffPrincipal;

    routes.add({
      method: 'get', path: '/slots', tag: 'bookings', auth: 'none', summary: '可预约的空闲时段（Asia/Shanghai）',
      query: ZSlotsQuery, responses: { 200: listOf(ZSlot).meta({ id: 'SlotList' }) },
      handler: async (_ctx, { query }) => ({ items: await bookings.slots(query), nextCursor: null }),
    });
    routes.add({
      method: 'get', path: '/providers', tag: 'bookings', auth: 'none', summary: '咨询师、律师、家庭教育指导师及其值班时间',
      query: z.strictObject({ kind: ZConsultationKind.optional(), centerId: ZId.optional() }).meta({ id: 'ProvidersQuery' }),
      responses: { 200: listOf(ZProvider.omit({ exceptions: true })).meta({ id: 'ProviderList' }) },
      handler: async (_ctx, { query }) => ({ items: (await providers.list(query)).map(({ exceptions: _e, ...p }) => p), nextCursor: null }),
    });
    routes.add({
      method: 'post', path: '/bookings', tag: 'bookings', auth: 'user', idempotent: true,
      summary: '预约一个时段（并发时只有一人成功，其余 409 SLOT_TAKEN）', body: ZCreateBookingInput,
      responses: { 201: ZBooking }, errors: [404, 409],
      handler: (_ctx, { body, principal }) => bookings.book(user(principal), body),
    });
    routes.add({
      method: 'get', path: '/bookings/mine', tag: 'bookings', auth: 'user', summary: '我的预约',
      responses: { 200: listOf(ZBooking).meta({ id: 'BookingList' }) },
      handler: async (_ctx, { principal }) => ({ items: await bookings.mine(user(principal)), nextCursor: null }),
    });
    routes.add({
      method: 'delete', path: '/bookings/:id', tag: 'bookings', auth: 'any',
      summary: '取消预约（本人：开始前 2 小时以前；工作人员：随时，须填写原因）', params: ZIdParams, body: ZCancelBookingInput,
      responses: { 200: ZBooking }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => {
        return bookings.cancel(principal as Principal, params.id, body.reason);
      },
    });
    routes.add({
      method: 'post', path: '/bookings/:id/reschedule', tag: 'bookings', auth: 'any', summary: '改期到同一咨询师的另一个空闲时段',
      params: ZIdParams, body: ZRescheduleInput, responses: { 200: ZBooking }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => {
        return bookings.reschedule(principal as Principal, params.id, body.start, body.reason);
      },
    });
    routes.add({
      method: 'get', path: '/bookings/:id/history', tag: 'bookings', auth: 'any', summary: '预约的变更记录',
      params: ZIdParams, responses: { 200: listOf(ZTimelineItem).meta({ id: 'BookingHistory' }) }, errors: [404],
      handler: async (_ctx, { params, principal }) => {
        return { items: await bookings.history(principal as Principal, params.id), nextCursor: null };
      },
    });
    routes.add({
      method: 'post', path: '/slot-watches', tag: 'bookings', auth: 'user', summary: '有空位时通知我', body: ZSlotWatchInput,
      responses: { 201: z.object({ id: z.string() }).meta({ id: 'SlotWatchCreated' }) },
      handler: (_ctx, { body, principal }) => bookings.watch(user(principal), body),
    });

    routes.add({
      method: 'get', path: '/staff/bookings', tag: 'staff-bookings', auth: 'staff', summary: '预约日历（咨询师看自己的，中心看本中心的，管理员看全部）',
      query: ZStaffBookingsQuery, responses: { 200: listOf(ZStaffBooking).meta({ id: 'StaffBookingList' }) },
      handler: async (_ctx, { query, principal }) => ({ items: await bookings.staffList(staff(principal), query), nextCursor: null }),
    });
    routes.add({
      method: 'get', path: '/staff/bookings/:id', tag: 'staff-bookings', auth: 'staff', summary: '预约详情（写入审计日志）',
      params: ZIdParams, responses: { 200: ZStaffBooking }, errors: [404],
      handler: (_ctx, { params, principal }) => bookings.staffGet(staff(principal), params.id),
    });
    routes.add({
      method: 'patch', path: '/staff/bookings/:id', tag: 'staff-bookings', auth: 'staff', summary: '记录到场/未到场与保密咨询记录',
      params: ZIdParams, body: ZAttendanceInput, responses: { 200: ZStaffBooking }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => bookings.record(staff(principal), params.id, body),
    });
    routes.add({
      method: 'get', path: '/staff/providers/:id', tag: 'staff-bookings', auth: 'staff',
      summary: '咨询师的值班设置（含请假和全体公休）', params: ZIdParams, responses: { 200: ZProvider }, errors: [404],
      handler: (_ctx, { params, principal }) => providers.getForStaff(staff(principal), params.id),
    });
    routes.add({
      method: 'put', path: '/staff/providers/:id', tag: 'staff-bookings', auth: 'staff',
      summary: '设置咨询师的时段长度、间隔、方式、每周值班和请假（管理员、本中心工作人员或本人）',
      params: ZIdParams, body: ZProviderRulesInput, responses: { 200: ZProvider }, errors: [404],
      handler: (_ctx, { params, body, principal }) => providers.configure(staff(principal), params.id, body),
    });
  };
