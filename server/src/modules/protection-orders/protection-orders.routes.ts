import type { Context } from 'koa';
import { z } from 'zod';
import {
  listOf,
  ZId,
  ZMyProtectionOrder,
  ZMyProtectionOrderSummary,
  ZPoAnswers,
  ZPoCreated,
  ZPoEvidenceFile,
  ZPoMessageInput,
  ZPoNoteInput,
  ZPoStaffAnswersInput,
  ZPoSubmitInput,
  ZPoSubmitted,
  ZPoTransitionInput,
  ZPoWithdrawInput,
  ZStaffPoDetail,
  ZStaffPoQuery,
  ZStaffPoSummary,
} from '@zjh/shared';
import type { RouteModule } from '../../lib/route';
import type { Principal, StaffPrincipal, UserPrincipal } from '../../lib/access';
import type { ProtectionOrderServices } from './protection-orders.module';
import { EXTENSION_OF } from './file-types';

const ZIdParams = z.object({ id: ZId });
const ZFileParams = z.object({ id: ZId, fileId: ZId });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const STAFF = { staff: ['admin' as const, 'center_staff' as const] };

/** The evidence upload is multipart: it skips the JSON-only check (wired in app.ts). */
export const isEvidenceUpload = (ctx: Context) => ctx.method === 'POST' && /^\/api\/protection-orders\/[^/]+\/evidence$/.test(ctx.path);

/** RFC 6266: a plain ASCII name for old clients, the real (Chinese) name in filename*. */
export function attachment(ctx: Context, type: string, asciiName: string, utf8Name: string, body: Buffer): void {
  const encoded = encodeURIComponent(utf8Name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  ctx.set('Content-Disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`);
  ctx.type = type;
  ctx.body = body;
}

export const protectionOrdersRoutes =
  ({ orders, staff: staffOrders, evidence, petition }: ProtectionOrderServices): RouteModule =>
  (routes) => {
    const user = (p: unknown) => p as UserPrincipal;
    const staff = (p: unknown) => p as StaffPrincipal;

    // Her side: the interview, saved as she goes, then submitted and followed.
    routes.add({
      method: 'post', path: '/protection-orders', tag: 'protection-orders', auth: 'user', idempotent: true,
      summary: '开始一份人身安全保护令申请（草稿；可带上已填的答案）', body: ZPoAnswers, responses: { 201: ZPoCreated }, errors: [409],
      handler: (_ctx, { body, principal }) => orders.create(user(principal), body),
    });
    routes.add({
      method: 'get', path: '/protection-orders/mine', tag: 'protection-orders', auth: 'user', summary: '我的保护令申请（含草稿，换设备登录同一账号也能继续）',
      responses: { 200: listOf(ZMyProtectionOrderSummary).meta({ id: 'MyProtectionOrderList' }) },
      handler: async (_ctx, { principal }) => ({ items: await orders.listMine(user(principal)), nextCursor: null }),
    });
    routes.add({
      method: 'get', path: '/protection-orders/:id', tag: 'protection-orders', auth: 'user', summary: '我的一份申请：答案、缺少的内容、进展（不是自己的则 404）',
      params: ZIdParams, responses: { 200: ZMyProtectionOrder }, errors: [404],
      handler: (_ctx, { params, principal }) => orders.getMine(user(principal), params.id),
    });
    routes.add({
      method: 'patch', path: '/protection-orders/:id', tag: 'protection-orders', auth: 'user',
      summary: '保存部分答案（对象逐层合并，数组整体替换，null 清除）；已提交后为 409', params: ZIdParams, body: ZPoAnswers,
      responses: { 200: ZMyProtectionOrder }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => orders.saveAnswers(user(principal), params.id, body),
    });
    routes.add({
      method: 'post', path: '/protection-orders/:id/submit', tag: 'protection-orders', auth: 'user',
      summary: '提交（或补充后重新提交）；不完整时 400，details 逐项列出缺少的内容', params: ZIdParams, body: ZPoSubmitInput,
      responses: { 200: ZPoSubmitted }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => orders.submit(user(principal), params.id, body),
    });
    routes.add({
      method: 'post', path: '/protection-orders/:id/withdraw', tag: 'protection-orders', auth: 'user', summary: '撤回已提交、尚未递交法院的申请',
      params: ZIdParams, body: ZPoWithdrawInput, responses: { 200: ZMyProtectionOrder }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => orders.withdraw(user(principal), params.id, body.reason),
    });
    routes.add({
      method: 'delete', path: '/protection-orders/:id', tag: 'protection-orders', auth: 'user', summary: '删除草稿及其证据文件',
      params: ZIdParams, responses: { 204: null }, errors: [404, 409],
      handler: async (ctx, { params, principal }) => {
        await orders.deleteDraft(user(principal), params.id);
        ctx.status = 204;
      },
    });
    routes.add({
      method: 'post', path: '/protection-orders/:id/messages', tag: 'protection-orders', auth: 'user', summary: '给处理中心留言',
      params: ZIdParams, body: ZPoMessageInput, responses: { 201: ZMyProtectionOrder }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => orders.message(user(principal), params.id, body.body),
    });

    // Evidence files.
    routes.add({
      method: 'post', path: '/protection-orders/:id/evidence', tag: 'protection-orders', auth: 'user',
      summary: '上传证据：multipart/form-data，字段 file（照片 JPEG/PNG/WebP/HEIC 或 PDF，按文件内容判断，单个 ≤ 10 MB）和 kind（证据清单项）；每份申请合计 ≤ 50 MB',
      params: ZIdParams, responses: { 201: ZPoEvidenceFile }, errors: [404, 409, 413, 415],
      handler: (ctx, { params, principal }) => evidence.upload(user(principal), params.id, ctx),
    });
    routes.add({
      method: 'get', path: '/protection-orders/:id/evidence/:fileId', tag: 'protection-orders', auth: 'any',
      summary: '下载证据文件（仅申请人本人和处理中心的工作人员；工作人员下载写入审计日志）', params: ZFileParams,
      responses: { 200: { binary: 'application/octet-stream' } }, errors: [404],
      handler: async (ctx, { params, principal }) => {
        const f = await evidence.download(principal as Principal, params.id, params.fileId);
        attachment(ctx, f.mimeType, `evidence-${f.id}.${EXTENSION_OF[f.mimeType] ?? 'bin'}`, f.name, f.data);
      },
    });
    routes.add({
      method: 'delete', path: '/protection-orders/:id/evidence/:fileId', tag: 'protection-orders', auth: 'user', summary: '删除证据文件（可以修改申请时）',
      params: ZFileParams, responses: { 204: null }, errors: [404, 409],
      handler: async (ctx, { params, principal }) => {
        await evidence.remove(user(principal), params.id, params.fileId);
        ctx.status = 204;
      },
    });
    routes.add({
      method: 'get', path: '/protection-orders/:id/petition.docx', tag: 'protection-orders', auth: 'any',
      summary: '申请书（Word 文档；保密住址不会出现在其中）。申请人本人，或处理中心的工作人员（写入审计日志）', params: ZIdParams,
      responses: { 200: { binary: DOCX } }, errors: [404],
      handler: async (ctx, { params, principal }) => attachment(ctx, DOCX, 'application.docx', '申请书.docx', await petition.build(principal as Principal, params.id)),
    });

    // Back office.
    routes.add({
      method: 'get', path: '/staff/protection-orders', tag: 'staff-protection-orders', auth: STAFF,
      summary: '本中心保护令申请看板（可按状态、裁定超时、即将到期筛选）', query: ZStaffPoQuery,
      responses: { 200: listOf(ZStaffPoSummary).extend({ counts: z.object({ total: z.number(), waiting: z.number(), overdue: z.number(), expiring: z.number() }) }).meta({ id: 'StaffProtectionOrderBoard' }) },
      handler: async (_ctx, { query, principal }) => ({ ...(await staffOrders.board(staff(principal), query)), nextCursor: null }),
    });
    routes.add({
      method: 'get', path: '/staff/protection-orders/:id', tag: 'staff-protection-orders', auth: STAFF,
      summary: '申请详情、时间线和查看记录（写入审计日志；其他中心的为 404）', params: ZIdParams, responses: { 200: ZStaffPoDetail }, errors: [404],
      handler: (_ctx, { params, principal }) => staffOrders.detail(staff(principal), params.id),
    });
    routes.add({
      method: 'post', path: '/staff/protection-orders/:id/transitions', tag: 'staff-protection-orders', auth: STAFF,
      summary:
        '推进流程：submitted→under_review→filed（法院、立案时间、案号；裁定时限 24/72 小时）→granted（文号、措施、有效期≤6个月）或 rejected（理由；5 日内可复议）→delivered（公安派出所、居/村委会及送达日期）；审核中可 needs_info 请她补充；不允许的变更为 409',
      params: ZIdParams, body: ZPoTransitionInput, responses: { 200: ZStaffPoDetail }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => staffOrders.transition(staff(principal), params.id, body),
    });
    routes.add({
      method: 'patch', path: '/staff/protection-orders/:id/answers', tag: 'staff-protection-orders', auth: STAFF,
      summary: '工作人员协助补全或更正申请内容（递交法院前）', params: ZIdParams, body: ZPoStaffAnswersInput,
      responses: { 200: ZStaffPoDetail }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => staffOrders.editAnswers(staff(principal), params.id, body),
    });
    routes.add({
      method: 'post', path: '/staff/protection-orders/:id/notes', tag: 'staff-protection-orders', auth: STAFF, summary: '内部备注（申请人看不到）',
      params: ZIdParams, body: ZPoNoteInput, responses: { 201: ZStaffPoDetail }, errors: [404],
      handler: (_ctx, { params, body, principal }) => staffOrders.note(staff(principal), params.id, body.note),
    });
    routes.add({
      method: 'post', path: '/staff/protection-orders/:id/messages', tag: 'staff-protection-orders', auth: STAFF, summary: '给申请人发消息（她在申请详情里看到）',
      params: ZIdParams, body: ZPoMessageInput, responses: { 201: ZStaffPoDetail }, errors: [404, 409],
      handler: (_ctx, { params, body, principal }) => staffOrders.message(staff(principal), params.id, body.body),
    });
    routes.add({
      method: 'post', path: '/staff/protection-orders/:id/extension', tag: 'staff-protection-orders', auth: STAFF,
      summary: '为即将到期的保护令申请延长：为她新建一份预填并关联原申请的草稿', params: ZIdParams,
      responses: { 201: z.object({ id: z.string(), status: z.literal('draft'), extendsId: z.string() }).meta({ id: 'ProtectionOrderExtension' }) }, errors: [404, 409],
      handler: (_ctx, { params, principal }) => staffOrders.extend(staff(principal), params.id),
    });
  };
