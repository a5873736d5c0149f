import { DevelopmentWechatAdapter, LiveWechatAdapter } from './wechat';
import { LiveSubscribeSender } from './subscribe-messages';
import { FORBIDDEN_NOTIFICATION_WORDS } from '@zjh/shared';

/** A fetch double that records calls and answers from a script; nothing leaves the machine. */
function fakeFetch(answers: Array<unknown>) {
  const calls: Array<{ url: string; body?: string }> = [];
  const impl = (async (url: URL | string, init?: RequestInit) => {
    calls.push({ url: String(url), body: init?.body as string | undefined });
    return { json: async () => answers.shift() } as Response;
  }) as typeof fetch;
  return { impl, calls };
}

describe('WeChat login adapter', () => {
  it('live: exchanges the code with code2Session and returns only the openid (session_key stays here)', async () => {
    const f = fakeFetch([{ openid: 'o-123', session_key: 'secret-key', unionid: 'u-1' }]);
    const adapter = new LiveWechatAdapter('wx-app', 'wx-secret', f.impl);
    const result = await adapter.code2Session('the-code');
    expect(result).toEqual({ openid: 'o-123', unionid: 'u-1' });
    expect(JSON.stringify(result)).not.toContain('secret-key');
    const url = new URL(f.calls[0].url);
    expect(url.origin + url.pathname).toBe('https://api.weixin.qq.com/sns/jscode2session');
    expect(Object.fromEntries(url.searchParams)).toEqual({ appid: 'wx-app', secret: 'wx-secret', js_code: 'the-code', grant_type: 'authorization_code' });
  });

  it('live: an invalid or used code is a 401 WECHAT_LOGIN_FAILED', async () => {
    const adapter = new LiveWechatAdapter('wx-app', 'wx-secret', fakeFetch([{ errcode: 40029, errmsg: 'invalid code' }]).impl);
    await expect(adapter.code2Session('bad')).rejects.toMatchObject({ status: 401, code: 'WECHAT_LOGIN_FAILED' });
  });

  it('live: WeChat unreachable is a 502, not a crash', async () => {
    const failing = (async () => {
      throw new Error('ECONNREFUSED');
    }) as unknown as typeof fetch;
    await expect(new LiveWechatAdapter('a', 'b', failing).code2Session('c')).rejects.toMatchObject({ status: 502 });
  });

  it('development: the same code always gives the same openid, different codes different ones', async () => {
    const dev = new DevelopmentWechatAdapter();
    expect((await dev.code2Session('x')).openid).toBe((await dev.code2Session('x')).openid);
    expect((await dev.code2Session('x')).openid).not.toBe((await dev.code2Session('y')).openid);
  });
});

describe('subscribe-message sender (live)', () => {
  it('fetches an access token once, then sends the neutral template text to the configured template id', async () => {
    const f = fakeFetch([{ access_token: 'tok', expires_in: 7200 }, { errcode: 0 }, { errcode: 0 }]);
    const sender = new LiveSubscribeSender('wx-app', 'wx-secret', { progress_update: 'TPL-1' }, f.impl);
    await sender.send('o-123', 'progress_update', 'pages/my-requests/index?id=abc');
    await sender.send('o-123', 'progress_update', 'pages/my-requests/index?id=abc');
    expect(f.calls.filter((c) => c.url.includes('/cgi-bin/token'))).toHaveLength(1);
    const sent = f.calls.filter((c) => c.url.includes('/message/subscribe/send'));
    expect(sent).toHaveLength(2);
    const body = JSON.parse(sent[0].body!);
    expect(body).toMatchObject({ touser: 'o-123', template_id: 'TPL-1', page: 'pages/my-requests/index?id=abc' });
    for (const word of FORBIDDEN_NOTIFICATION_WORDS) expect(JSON.stringify(body.data)).not.toContain(word);
  });

  it('refuses a template with no configured id, and reports a WeChat error code', async () => {
    const sender = new LiveSubscribeSender('a', 'b', {}, fakeFetch([]).impl);
    await expect(sender.send('o', 'class_reminder', 'p')).rejects.toThrow('no template id');
    const failing = new LiveSubscribeSender('a', 'b', { class_reminder: 'T' }, fakeFetch([{ access_token: 't', expires_in: 7200 }, { errcode: 43101 }]).impl);
    await expect(failing.send('o', 'class_reminder', 'p')).rejects.toThrow('43101');
  });
});
