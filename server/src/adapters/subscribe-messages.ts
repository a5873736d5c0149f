import { NotificationTemplates, type NotificationTemplate } from '@zjh/shared';
import type { Logger } from 'pino';
import type { Config } from '../lib/config';

/**
 * Sends WeChat subscribe messages (订阅消息). The text comes only from NotificationTemplates, which
 * says nothing about violence, law or the Federation.
 */
export interface SubscribeMessageSender {
  readonly mode: 'live' | 'development';
  send(openid: string, template: NotificationTemplate, page: string): Promise<void>;
}

/** Live sender: subscribe/send with template ids from WECHAT_TEMPLATE_<KEY> variables. */
export class LiveSubscribeSender implements SubscribeMessageSender {
  readonly mode = 'live' as const;
  private token?: { value: string; expiresAt: number };
  constructor(
    private readonly appId: string,
    private readonly secret: string,
    private readonly templateIds: Partial<Record<NotificationTemplate, string>>,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  private async accessToken(): Promise<string> {
    if (this.token && this.token.expiresAt > Date.now() + 60_000) return this.token.value;
    const url = new URL('https://api.weixin.qq.com/cgi-bin/token');
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: this.appId, secret: this.secret }).toString();
    const data = (await (await this.fetchImpl(url, { signal: AbortSignal.timeout(5000) })).json()) as { access_token?: string; expires_in?: number; errcode?: number };
    if (!data.access_token) throw new Error(`access_token failed (${data.errcode})`);
    this.token = { value: data.access_token, expiresAt: Date.now() + (data.expires_in ?? 7200) * 1000 };
    return this.token.value;
  }

  async send(openid: string, template: NotificationTemplate, page: string): Promise<void> {
    const templateId = this.templateIds[template];
    if (!templateId) throw new Error(`no template id configured for ${template}`);
    const t = NotificationTemplates[template];
    const res = await this.fetchImpl(`https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=${await this.accessToken()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ touser: openid, template_id: templateId, page, data: { thing1: { value: t.title }, thing2: { value: t.body } } }),
      signal: AbortSignal.timeout(5000),
    });
    const data = (await res.json()) as { errcode?: number };
    if (data.errcode) throw new Error(`subscribe/send errcode ${data.errcode}`);
  }
}

/** Development mode: nothing leaves the machine; the send is logged without the recipient. */
export class DevelopmentSubscribeSender implements SubscribeMessageSender {
  readonly mode = 'development' as const;
  readonly sent: Array<{ template: NotificationTemplate; page: string }> = [];
  constructor(private readonly logger?: Logger) {}
  async send(_openid: string, template: NotificationTemplate, page: string): Promise<void> {
    this.sent.push({ template, page });
    this.logger?.info({ template, page }, 'subscribe message (development mode, not sent)');
  }
}

export function createSubscribeSender(config: Pick<Config, 'wechat' | 'wechatTemplates'>, logger: Logger): SubscribeMessageSender {
  if (config.wechat.mode !== 'live') return new DevelopmentSubscribeSender(logger);
  const ids: Partial<Record<NotificationTemplate, string>> = {};
  for (const key of Object.keys(NotificationTemplates) as NotificationTemplate[]) {
    if (config.wechatTemplates[key]) ids[key] = config.wechatTemplates[key];
  }
  return new LiveSubscribeSender(config.wechat.appId, config.wechat.secret, ids);
}
