import { bearer, describeEachDb } from '../test-support/test-env';
import { testConfig } from './config';
import { HelpRequestEntity } from '../modules/requests/request.entity';

const small = { max: 3, windowMs: 3600_000 };
const request = { category: 'other', description: '想咨询一下', consent: { sensitive: true } };

describeEachDb(
  'rate limits (counted in the database)',
  (env) => {
    it('a fourth anonymous account from one address within the hour is a 429 with Retry-After; an hour later it works again', async () => {
      for (let i = 0; i < 3; i++) await env.api().post('/api/auth/device').send({}).expect(200);
      const res = await env.api().post('/api/auth/device').send({}).expect(429);
      expect(res.body.error.code).toBe('RATE_LIMITED');
      expect(res.body.error.message).toContain('110');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      env.clock.advance(3600_000 + 1000);
      await env.api().post('/api/auth/device').send({}).expect(200);
      env.clock.reset();
    });

    it('she may send a few requests an hour; the next is a 429 and nothing is saved', async () => {
      const { token } = await env.userToken('limited-woman');
      for (let i = 0; i < 2; i++) await env.api().post('/api/requests').set(bearer(token)).send(request).expect(201);
      const before = await env.ds.getRepository(HelpRequestEntity).count();
      const res = await env.api().post('/api/requests').set(bearer(token)).send(request).expect(429);
      expect(res.body.error.code).toBe('RATE_LIMITED');
      expect(await env.ds.getRepository(HelpRequestEntity).count()).toBe(before);
      // Another woman is not affected.
      const other = await env.userToken('another-woman');
      await env.api().post('/api/requests').set(bearer(other.token)).send(request).expect(201);
    });

    it('one address trying many staff sign-ins is slowed down even across user names', async () => {
      for (let i = 0; i < 3; i++) await env.api().post('/api/auth/staff').send({ username: `guess${i}`, password: 'wrong-password' }).expect(401);
      await env.api().post('/api/auth/staff').send({ username: 'guess9', password: 'wrong-password' }).expect(429);
    });
  },
  (() => {
    const unlimited = testConfig().rateLimits.wechatLogins;
    return { rateLimits: { deviceAccounts: small, wechatLogins: unlimited, staffLogins: small, helpRequests: { max: 2, windowMs: 3600_000 } } };
  })(),
);
