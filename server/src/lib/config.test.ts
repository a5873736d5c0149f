import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('defaults to SQLite under data/ and WeChat development mode', () => {
    const c = loadConfig({});
    expect(c.database.kind).toBe('sqlite');
    expect(c.database.sqlitePath).toMatch(/data[\\/]zhanjiahe\.sqlite$/);
    expect(c.wechat.mode).toBe('development');
    expect(c.port).toBe(3000);
  });

  it('a mysql:// URL switches to MySQL/MariaDB', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/test' }).database.kind).toBe('mysql');
  });

  it('uses live WeChat when both credentials are set', () => {
    expect(loadConfig({ WECHAT_APPID: 'wx123', WECHAT_SECRET: 's' }).wechat.mode).toBe('live');
  });

  it.each([
    [{ DATABASE_URL: 'postgres://x' }, 'DATABASE_URL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ WECHAT_APPID: 'wx123' }, 'WECHAT_APPID'],
    [{ NODE_ENV: 'production' }, 'WECHAT_APPID'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
  ])('refuses %j, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });

  it('production may run without WeChat only when development mode is chosen explicitly', () => {
    expect(loadConfig({ NODE_ENV: 'production', WECHAT_MODE: 'development' }).wechat.mode).toBe('development');
  });
});
