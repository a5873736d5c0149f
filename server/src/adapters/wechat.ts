import { createHash } from 'node:crypto';
import { AppError } from '../lib/errors';
import type { Config } from '../lib/config';

/**
 * The one door to WeChat's servers. session_key is consumed here and never leaves the server:
 * nothing returned by this adapter is sent to a client.
 */
export interface WechatAdapter {
  readonly mode: 'live' | 'development';
  /** Exchanges a wx.login code for the user's openid (code2Session). */
  code2Session(code: string): Promise<{ openid: string; unionid?: string }>;
}

/** Real client of https://api.weixin.qq.com/sns/jscode2session. */
export class LiveWechatAdapter implements WechatAdapter {
  readonly mode = 'live' as const;
  constructor(
    private readonly appId: string,
    private readonly secret: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async code2Session(code: string) {
    const url = new URL('https://api.weixin.qq.com/sns/jscode2session');
    url.search = new URLSearchParams({ appid: this.appId, secret: this.secret, js_code: code, grant_type: 'authorization_code' }).toString();
    let data: { openid?: string; unionid?: string; session_key?: string; errcode?: number; errmsg?: string };
    try {
      const res = await this.fetchImpl(url, { signal: AbortSignal.timeout(5000) });
      data = (await res.json()) as typeof data;
    } catch {
      throw new AppError(502, 'WECHAT_LOGIN_FAILED', '暂时无法连接微信，请稍后重试');
    }
    if (!data.openid || data.errcode) {
      // 40029 invalid code, 40163 code used, 45011 rate limit: all mean "log in again".
      throw new AppError(401, 'WECHAT_LOGIN_FAILED');
    }
    return { openid: data.openid, unionid: data.unionid };
  }
}

/**
 * Development mode (no WeChat credentials): any non-empty code is accepted and the same code
 * always maps to the same user. Chosen explicitly by configuration and announced at start.
 */
export class DevelopmentWechatAdapter implements WechatAdapter {
  readonly mode = 'development' as const;
  async code2Session(code: string) {
    return { openid: 'dev_' + createHash('sha256').update(code).digest('base64url').slice(0, 24) };
  }
}

export function createWechatAdapter(config: Config['wechat']): WechatAdapter {
  return config.mode === 'live' ? new LiveWechatAdapter(config.appId, config.secret) : new DevelopmentWechatAdapter();
}
