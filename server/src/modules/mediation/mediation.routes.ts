import { z } from 'zod';
import {
  listOf,
  ZAddMediationSessionInput,
  ZCreateMediationCaseInput,
  ZCreatedMediationCase,
  ZId,
  ZJudicialConfirmationInput,
  ZMediationBoard,
  ZMediationBoardQuery,
  ZMediationCaseDetail,
  ZMediationSession,
  ZMediationTransitionInput,
  ZRecordMediationConsentInput,
  ZTimelineItem,
  ZUpdateMediationCaseInput,
} from '@zjh/shared';
import type { RouteModule } from '../../lib/route';
import type { StaffPrincipal } from '../../lib/access';
import type { MediationServices } from './mediation.module';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ZIdParams = z.object({ id: ZId });
const ZSessionList = listOf(ZMediationSession).meta({ id: 'MediationSessionList' });
const ZMediationTimeline = listOf(ZTimelineItem).meta({ id: 'MediationTimeline' });

/** Back office only: every route is for staff, and every case read is audited by the services. */
export const mediationRoutes =
  ({ cases, sessions, outcomes }: MediationServices): RouteModule =>
  (routes) => {
    const staff = (p: unknown) => p as StaffPrincipal;
    const tag = 'staff-mediation';

    routes.add({
      method: 'get', path: '/staff/mediation/cases', tag, auth: 'staff',
      summary: '调解案件看板（本中心；调解员仅见指派给自己的；市妇联管理员可按中心筛选）',
      query: ZMediationBoardQuery, responses: { 200: ZMediationBoard },
      handler: (_ctx, { query, principal }) => cases.list(staff(principal), query),
    });
    routes.add({
      method: 'post', path: '/staff/mediation/cases', tag, auth: { staff: ['admin', 'center_staff'] }, idempotent: true,
      summary: '登记调解案件（直接登记，或由求助转入：fromRequestId；支持 Idempotency-Key）',
      body: ZCreateMediationCaseInput, responses: { 201: ZCreatedMediationCase }, errors: [404, 409],
      handler: (_ctx, { body, principal }) => cases.create(staff(principal), body),
    });
    routes.add({
      method: 'get', path: '/staff/mediation/cases/:id', tag, auth: 'staff',
      summary: '调解案件详情（写入审计日志；无权查看的为 404）', params: ZIdParams, responses: { 200: ZMediationCaseDetail }, errors: [404],
      handler: (_ctx, { params, principal }) => cases.get(staff(principal), params.id),
    });
    routes.add({
      method: 'patch', path: '/staff/mediation/cases/:id', tag, auth: 'staff',
      summary: '修改案件信息（当事人、纠纷类型、调解组织、调解员、纠纷事实）；结案后为 409',
      params: ZIdParams, body: ZUpdateMediationCaseInput, responses: { 200: ZMediationCaseDetail }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => cases.update(staff(principal), params.id, body),
    });
    routes.add({
      method: 'post', path: '/staff/mediation/cases/:id/consents', tag, auth: 'staff',
      summary: '记录当事人同意调解（日期与方式）', params: ZIdParams, body: ZRecordMediationConsentInput,
      responses: { 200: ZMediationCaseDetail }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => cases.recordConsent(staff(principal), params.id, body),
    });
    routes.add({
      method: 'post', path: '/staff/mediation/cases/:id/transitions', tag, auth: 'staff',
      summary: '推进流程：开始调解、达成协议（含协议条款）、未达成、转法院诉前联调、撤回、重新调解；流程不允许的为 409',
      params: ZIdParams, body: ZMediationTransitionInput, responses: { 200: ZMediationCaseDetail }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => outcomes.transition(staff(principal), params.id, body),
    });
    routes.add({
      method: 'put', path: '/staff/mediation/cases/:id/judicial-confirmation', tag, auth: 'staff',
      summary: '记录司法确认（申请日期、法院、结果）；未达成协议的为 409', params: ZIdParams, body: ZJudicialConfirmationInput,
      responses: { 200: ZMediationCaseDetail }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => outcomes.judicialConfirmation(staff(principal), params.id, body),
    });
    routes.add({
      method: 'get', path: '/staff/mediation/cases/:id/timeline', tag, auth: 'staff',
      summary: '案件时间线（写入审计日志）', params: ZIdParams, responses: { 200: ZMediationTimeline }, errors: [404],
      handler: async (_ctx, { params, principal }) => ({ items: await cases.timeline(staff(principal), params.id), nextCursor: null }),
    });
    routes.add({
      method: 'get', path: '/staff/mediation/cases/:id/sessions', tag, auth: 'staff',
      summary: '调解记录列表（写入审计日志）', params: ZIdParams, responses: { 200: ZSessionList }, errors: [404],
      handler: async (_ctx, { params, principal }) => ({ items: await sessions.list(staff(principal), params.id), nextCursor: null }),
    });
    routes.add({
      method: 'post', path: '/staff/mediation/cases/:id/sessions', tag, auth: 'staff',
      summary: '记录一次调解（时间、形式、到场人员、记录）', params: ZIdParams, body: ZAddMediationSessionInput,
      responses: { 201: ZMediationSession }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => sessions.add(staff(principal), params.id, body),
    });
    routes.add({
      method: 'get', path: '/staff/mediation/cases/:id/agreement.docx', tag, auth: 'staff',
      summary: '人民调解协议书（.docx；达成协议后才有，否则 409；下载写入审计日志）', params: ZIdParams,
      responses: { 200: { binary: DOCX } }, errors: [404, 409],
      handler: async (ctx, { params, principal }) => {
        const file = await outcomes.agreementDocx(staff(principal), params.id);
        ctx.set('Content-Disposition', `attachment; filename="agreement-${file.filename}"; filename*=UTF-8''${encodeURIComponent(`人民调解协议书-${file.filename}`)}`);
        ctx.set('Cache-Control', 'no-store');
        ctx.type = DOCX;
        ctx.body = file.buffer;
      },
    });
  };
