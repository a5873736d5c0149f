import { z } from 'zod';

/** Stable error codes of the API, with the zh-CN message a user reads by default. */
export const ErrorCodes = {
  VALIDATION_FAILED: '提交的内容有误，请检查标注的字段',
  MALFORMED_JSON: '请求内容不是有效的 JSON',
  UNSUPPORTED_MEDIA_TYPE: '请求内容类型不受支持，请使用 application/json',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '找不到该记录',
  CONFLICT: '操作与现有数据冲突',
  INVALID_CREDENTIALS: '用户名或密码错误',
  TOO_MANY_ATTEMPTS: '尝试次数过多，请稍后再试',
  USERNAME_TAKEN: '该用户名已被使用',
  WECHAT_LOGIN_FAILED: '微信登录失败，请重试',
  NO_CENTER_AVAILABLE: '暂时没有可提供该服务的中心',
  DATABASE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
  INTERNAL: '服务器开小差了，请稍后再试',
} as const;
export type ErrorCode = keyof typeof ErrorCodes | (string & {});

/** One problem with one field of the input. `path` is dotted (`contact.phone`). */
export const ZFieldProblem = z.object({
  path: z.string(),
  message: z.string(),
});
export type FieldProblem = z.infer<typeof ZFieldProblem>;

/** The body of every error answer. */
export const ZErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ZErrorBody>;
