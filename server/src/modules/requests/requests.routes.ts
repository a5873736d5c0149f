import { z } from 'zod';
import {
  listOf,
  ZCreateRequestInput,
  ZCreatedRequest,
  ZId,
  ZMessageInput,
  ZMyRequest,
  ZNoteInput,
  ZRatingInput,
  ZReferralInput,
  ZReferralOutcomeInput,
  ZRegisterRequestInput,
  ZStaffRequestDetail,
  ZStaffRequestSummary,
  ZStaffRequestsQuery,
  ZTimelineItem,
  ZTransferInput,
  ZUpdateRequestInput,
} from '@zjh/shared';
import type { RouteModule } from '../../lib/route';
import type { Limit } from '../../lib/rate-limit';
import type { StaffPrincipal, UserPrincipal } from '../../lib/access';
import type { RequestsService } from './requests.service';
import type { StaffRequestsService } from './staff-requests.service';

const ZIdParams = z.object({ id: ZId });
const ZMyRequestList = listOf(ZMyRequest).meta({ id: 'MyRequestList' });
const ZInbox = listOf(ZStaffRequestSummary)
  .extend({ counts: z.object({ total: z.number(), new: z.number(), open: z.number(), overdue: z.number(), urgent: z.number() }) })
  .meta({ id: 'StaffInbox' });
const ZTimeline = listOf(ZTimelineItem).meta({ id: 'Timeline' });
const ZRegistered = z.object({ id: z.string(), ref: z.string(), status: z.literal('new'), center: z.object({ id: z.string(), name: z.string() }) }).meta({ id: 'RegisteredRequest' });

export const requestsRoutes =
  (requests: RequestsService, staffRequests: StaffRequestsService, limit: Limit): RouteModule =>
  (routes) => {
    const user = (p: unknown) => p as UserPrincipal;
    const staff = (p: unknown) => p as StaffPrincipal;

    // Her side.
    routes.add({
      method: 'post', path: '/requests', tag: 'requests', auth: 'user', idempotent: true,
      summary: '提交求助（分派到最近的中心；支持 Idempotency-Key）',
      body: ZCreateRequestInput, responses: { 201: ZCreatedRequest }, errors: [429],
      rateLimit: (_ctx, p) => ({ bucket: `requests:${(p as UserPrincipal).userId}`, limit }),
      handler: (_ctx, { body, principal }) => requests.create(user(principal), body),
    });
    routes.add({
      method: 'get', path: '/requests/mine', tag: 'requests', auth: 'user', summary: '我的求助',
      responses: { 200: ZMyRequestList },
      handler: async (_ctx, { principal }) => ({ items: await requests.listMine(user(principal)), nextCursor: null }),
    });
    routes.add({
      method: 'get', path: '/requests/:id', tag: 'requests', auth: 'user', summary: '我的一条求助（不是自己的则 404）',
      params: ZIdParams, responses: { 200: ZMyRequest }, errors: [404],
      handler: (_ctx, { params, principal }) => requests.getMine(user(principal), params.id),
    });
    routes.add({
      method: 'post', path: '/requests/:id/messages', tag: 'requests', auth: 'user', summary: '给工作人员留言',
      params: ZIdParams, body: ZMessageInput, responses: { 201: ZMyRequest }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => requests.messageFromClient(user(principal), params.id, body.body),
    });
    routes.add({
      method: 'post', path: '/requests/:id/rating', tag: 'requests', auth: 'user', summary: '解决后评价',
      params: ZIdParams, body: ZRatingInput, responses: { 201: ZMyRequest }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => requests.rate(user(principal), params.id, body),
    });

    // Back office.
    routes.add({
      method: 'get', path: '/staff/requests', tag: 'staff-requests', auth: 'staff',
      summary: '本中心求助收件箱（市妇联管理员：全部中心）', query: ZStaffRequestsQuery, responses: { 200: ZInbox },
      handler: (_ctx, { query, principal }) => staffRequests.list(staff(principal), query),
    });
    routes.add({
      method: 'post', path: '/staff/requests', tag: 'staff-requests', auth: { staff: ['admin', 'center_staff'] }, idempotent: true,
      summary: '登记热线、来访或转介的求助', body: ZRegisterRequestInput, responses: { 201: ZRegistered },
      handler: (_ctx, { body, principal }) => staffRequests.register(staff(principal), body),
    });
    routes.add({
      method: 'get', path: '/staff/requests/:id', tag: 'staff-requests', auth: 'staff',
      summary: '求助详情（写入审计日志；其他中心的为 404）', params: ZIdParams, responses: { 200: ZStaffRequestDetail }, errors: [404],
      handler: (_ctx, { params, principal }) => staffRequests.get(staff(principal), params.id),
    });
    routes.add({
      method: 'patch', path: '/staff/requests/:id', tag: 'staff-requests', auth: 'staff',
      summary: '变更状态、优先级或经办人（流程不允许的变更为 409）', params: ZIdParams, body: ZUpdateRequestInput,
      responses: { 200: ZStaffRequestDetail }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => staffRequests.update(staff(principal), params.id, body),
    });
    routes.add({
      method: 'post', path: '/staff/requests/:id/transfer', tag: 'staff-requests', auth: { staff: ['admin', 'center_staff'] },
      summary: '转交其他中心', params: ZIdParams, body: ZTransferInput, responses: { 200: ZStaffRequestDetail }, errors: [404],
      handler: (_ctx, { params, body, principal }) => staffRequests.transfer(staff(principal), params.id, body),
    });
    routes.add({
      method: 'get', path: '/staff/requests/:id/timeline', tag: 'staff-requests', auth: 'staff',
      summary: '处理时间线', params: ZIdParams, responses: { 200: ZTimeline }, errors: [404],
      handler: async (_ctx, { params, principal }) => ({ items: await staffRequests.timeline(staff(principal), params.id), nextCursor: null }),
    });
    routes.add({
      method: 'post', path: '/staff/requests/:id/referrals', tag: 'staff-requests', auth: 'staff',
      summary: '转介到其他部门（公安、法院…）', params: ZIdParams, body: ZReferralInput, responses: { 201: ZStaffRequestDetail }, errors: [404],
      handler: (_ctx, { params, body, principal }) => staffRequests.addReferral(staff(principal), params.id, body),
    });
    routes.add({
      method: 'patch', path: '/staff/requests/:id/referrals/:referralId', tag: 'staff-requests', auth: 'staff',
      summary: '记录转介结果', params: z.object({ id: ZId, referralId: ZId }), body: ZReferralOutcomeInput,
      responses: { 200: ZStaffRequestDetail }, errors: [404],
      handler: (_ctx, { params, body, principal }) => staffRequests.referralOutcome(staff(principal), params.id, params.referralId, body),
    });
    routes.add({
      method: 'post', path: '/staff/requests/:id/notes', tag: 'staff-requests', auth: 'staff',
      summary: '内部备注（求助人看不到）', params: ZIdParams, body: ZNoteInput, responses: { 201: ZStaffRequestDetail }, errors: [404],
      handler: (_ctx, { params, body, principal }) => staffRequests.addNote(staff(principal), params.id, body.note),
    });
    routes.add({
      method: 'post', path: '/staff/requests/:id/messages', tag: 'staff-requests', auth: 'staff',
      summary: '给求助人发消息（她在“我的求助”里看到）', params: ZIdParams, body: ZMessageInput,
      responses: { 201: ZStaffRequestDetail }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => staffRequests.messageToClient(staff(principal), params.id, body.body),
    });
  };
