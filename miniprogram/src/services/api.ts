import Taro from '@tarojs/taro';
import type { UserAuthResult } from '@zjh/shared';
import { isH5, isWeapp } from './env';
import { readToken, removeToken, STAFF_TOKEN_KEY, TOKEN_KEY, writeToken } from './storage';

/**
 * Who the call is made as: `none` for public endpoints (centers, client config), `user` for the
 * woman's own records (signs in on first need), `staff` for the back office.
 */
export type AuthMode = 'none' | 'user' | 'staff';

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  data?: unknown;
  auth?: AuthMode;
  /** Extra request headers, e.g. `Idempotency-Key` on creating POSTs. */
  header?: Record<string, string>;
}

/** An API failure with the message a person can read (Chinese, from the server when it sent one). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';

const FALLBACK_MESSAGES: Record<number, string> = {
  400: '提交的内容有误，请检查后重试',
  401: '请先登录',
  403: '没有权限执行此操作',
  404: '找不到该记录',
  409: '操作与现有数据冲突，请刷新后重试',
  413: '提交的内容过大',
  429: '尝试次数过多，请稍后再试',
};

function fallbackMessage(status: number): string {
  return FALLBACK_MESSAGES[status] ?? (status >= 500 ? '服务暂时不可用，请稍后再试' : '请求失败，请稍后再试');
}

/** The API origin: same-origin in H5, the build-time API_BASE in the mini-program. */
export function apiUrl(path: string): string {
  const base = !isH5() && typeof API_BASE === 'string' ? API_BASE : '';
  return `${base.replace(/\/+$/, '')}${path}`;
}

/** Builds `path?key=value&…`, skipping empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

interface RawResponse {
  statusCode: number;
  data: unknown;
}

async function send(path: string, options: ApiOptions, token: string | null): Promise<RawResponse> {
  const header: Record<string, string> = { Accept: 'application/json', ...options.header };
  if (token) header.Authorization = `Bearer ${token}`;
  const method = options.method ?? 'GET';
  if (options.data !== undefined) header['Content-Type'] = 'application/json';
  try {
    const res = await Taro.request({
      url: apiUrl(path),
      method,
      data: options.data as Taro.request.Option['data'],
      header,
      dataType: 'json',
      timeout: 15000,
    });
    return { statusCode: res.statusCode, data: res.data };
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
}

function toError(res: RawResponse): ApiError {
  const body = res.data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null;
  const err = body && typeof body === 'object' ? body.error : undefined;
  const code = typeof err?.code === 'string' ? err.code : `HTTP_${res.statusCode}`;
  const message = typeof err?.message === 'string' && err.message ? err.message : fallbackMessage(res.statusCode);
  return new ApiError(res.statusCode, code, message, err?.details);
}

let signingIn: Promise<string> | null = null;

/** Signs the woman in: WeChat code in the mini-program, an anonymous device account in a browser. */
async function signIn(): Promise<string> {
  let result: RawResponse;
  if (isWeapp()) {
    let code: string;
    try {
      code = (await Taro.login()).code;
    } catch {
      throw new ApiError(0, 'WECHAT_LOGIN_FAILED', '微信登录失败，请重试');
    }
    result = await send('/api/auth/wechat', { method: 'POST', data: { code } }, null);
  } else {
    result = await send('/api/auth/device', { method: 'POST', data: {} }, null);
  }
  if (result.statusCode !== 200) throw toError(result);
  const { token } = result.data as UserAuthResult;
  writeToken(TOKEN_KEY, token);
  return token;
}

/** The woman's session token, signing in once on first need (concurrent callers share one sign-in). */
export function userToken(): Promise<string> {
  const stored = readToken(TOKEN_KEY);
  if (stored) return Promise.resolve(stored);
  if (!signingIn) {
    signingIn = signIn().finally(() => {
      signingIn = null;
    });
  }
  return signingIn;
}

/** Calls the API and returns the parsed body; throws ApiError with a readable message otherwise. */
export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const auth = options.auth ?? 'none';
  let token: string | null = null;
  if (auth === 'user') token = await userToken();
  if (auth === 'staff') {
    token = readToken(STAFF_TOKEN_KEY);
    if (!token) throw new ApiError(401, 'UNAUTHENTICATED', '请先登录');
  }

  let res = await send(path, options, token);
  if (res.statusCode === 401 && auth === 'user') {
    // Her session expired or was revoked: start a fresh one once, then retry.
    removeToken(TOKEN_KEY);
    res = await send(path, options, await userToken());
  } else if (res.statusCode === 401 && auth === 'staff') {
    removeToken(STAFF_TOKEN_KEY);
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T;
  throw toError(res);
}

/** A readable message for anything thrown by an API call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '出了点问题，请稍后再试';
}

/** A short neutral message at the bottom of the screen. */
export function toast(title: string): void {
  Promise.resolve(Taro.showToast({ title, icon: 'none', duration: 3000 })).catch(() => undefined);
}

/** Shows an API failure as a toast. */
export function showError(error: unknown): void {
  toast(errorMessage(error));
}
