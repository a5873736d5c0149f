import { bearer, describeEachDb } from './test-support/test-env';
import { toErrorResponse } from './lib/errors';

describeEachDb('HTTP core', (env) => {
  it('health answers ok with the database kind', async () => {
    const res = await env.api().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: env.db.name === 'sqlite' ? 'sqlite' : 'mysql' });
  });

  it('malformed JSON is a 400 MALFORMED_JSON, not a 500', async () => {
    const res = await env.api().post('/api/auth/staff').set('Content-Type', 'application/json').send('{"username": "admin",').expect(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js|stack/i);
  });

  it('a body over the limit is a 413', async () => {
    const big = { username: 'a', password: 'x'.repeat(env.config.bodyLimitKb * 1024 + 10) };
    const res = await env.api().post('/api/auth/staff').send(big).expect(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a non-JSON body is a 415', async () => {
    const res = await env.api().post('/api/auth/staff').set('Content-Type', 'application/x-www-form-urlencoded').send('username=admin&password=x').expect(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('a JSON array or string where an object belongs is a 400', async () => {
    const res = await env.api().post('/api/auth/staff').set('Content-Type', 'application/json').send('["admin"]').expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('an unknown API path is a JSON 404 and a wrong method a 405', async () => {
    const res = await env.api().get('/api/no-such-thing').expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    const wrong = await env.api().put('/api/centers').send({}).expect(405);
    expect(wrong.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('sends security headers and never lets API answers be cached', async () => {
    const res = await env.api().get('/api/centers').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('logs one line per request with no bodies, passwords, tokens or query strings', async () => {
    env.logs.length = 0;
    const user = await env.userToken();
    await env.api().post('/api/auth/staff').send({ username: 'admin', password: 'secret-in-log?' }).expect(401);
    await env.api().get('/api/centers/nearest').query({ lat: 21.123456, lng: 110.654321 }).set(bearer(user.token)).expect(200);
    const text = env.logs.join('');
    expect(text).toContain('/api/centers/nearest');
    expect(text).not.toContain('secret-in-log');
    expect(text).not.toContain('21.123456');
    expect(text).not.toContain(user.token);
  });

  it('publishes an OpenAPI 3.1 document generated from the request schemas', async () => {
    const res = await env.api().get('/api/openapi.json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const p of ['/api/auth/wechat', '/api/auth/device', '/api/auth/staff', '/api/admin/staff', '/api/centers', '/api/centers/nearest', '/api/health']) {
      expect(res.body.paths).toHaveProperty([p]);
    }
    const nearest = res.body.paths['/api/centers/nearest'].get;
    expect(nearest.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['lat', 'lng', 'service']);
    expect(nearest.responses).toHaveProperty('400');
    expect(res.body.components.schemas.CreateStaffInput.properties.role.enum).toEqual(['admin', 'center_staff', 'counselor', 'lawyer', 'mediator', 'educator']);
    expect(JSON.stringify(res.body)).not.toContain('$defs');
  });
});

describe('error mapping', () => {
  it('an unexpected error becomes a generic 500 with no message or stack', () => {
    const res = toErrorResponse(new Error('SELECT secret FROM women'));
    expect(res).toEqual({ status: 500, code: 'INTERNAL', message: expect.any(String) });
    expect(res.message).not.toContain('secret');
  });

  it('a unique-key violation from either database becomes a 409', () => {
    expect(toErrorResponse({ driverError: { code: 'ER_DUP_ENTRY' } }).status).toBe(409);
    expect(toErrorResponse({ code: 'SQLITE_CONSTRAINT_UNIQUE' }).status).toBe(409);
  });

  it('a lost database connection becomes a 503', () => {
    expect(toErrorResponse({ code: 'ECONNREFUSED' }).status).toBe(503);
  });
});

describe('when the database is unreachable', () => {
  it('health and data endpoints answer 503 DATABASE_UNAVAILABLE, not 500', async () => {
    const { openDataSource } = await import('./lib/db/data-source');
    const { createApp } = await import('./app');
    const { testConfig } = await import('./lib/config');
    const { createLogger } = await import('./lib/logger');
    const request = (await import('supertest')).default;
    const ds = await openDataSource({ kind: 'sqlite', url: 'sqlite::memory:', sqlitePath: ':memory:' });
    const { app } = createApp({ ds, config: testConfig(), logger: createLogger('silent') });
    await ds.destroy();
    const server = app.listen(0);
    try {
      const health = await request(server).get('/api/health').expect(503);
      expect(health.body.error.code).toBe('DATABASE_UNAVAILABLE');
      const centers = await request(server).get('/api/centers').expect(503);
      expect(centers.body.error.code).toBe('DATABASE_UNAVAILABLE');
    } finally {
      server.close();
    }
  });
});
