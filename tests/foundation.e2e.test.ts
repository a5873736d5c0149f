import type { Browser } from 'playwright-core';
import { api, E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './support/server';
import { launchBrowser, phonePage, screenshot } from './support/browser';

/*
 * The foundation as a person uses it: the real server (compiled, fresh SQLite, migrated and seeded
 * on start) serving the H5 build, driven in Debian's Chromium.
 */
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('foundation in a real browser', () => {
  it('the server announces the URL, the admin and WeChat development mode, and is healthy', async () => {
    expect(server.output()).toContain('Staff sign-in: user "admin", password from ADMIN_PASSWORD');
    expect(server.output()).toContain('DEVELOPMENT MODE');
    const health = await api(server.url, 'GET', '/api/health');
    expect(health).toEqual({ status: 200, body: { status: 'ok', db: 'sqlite' } });
    const head = await fetch(server.url + '/', { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('home: one-tap 110 and 12338, the five services, and the nearest center for her location', async () => {
    const page = await phonePage(browser, { geolocation: { latitude: 21.441, longitude: 110.779 }, permissions: ['geolocation'] });
    await page.goto(server.url + '/');
    await page.getByText('110', { exact: true }).first().waitFor();
    await page.getByText('12338', { exact: true }).first().waitFor();
    for (const s of ['求助', '预约咨询', '保护令', '家长学堂', '普法']) await page.getByText(s, { exact: true }).first().waitFor();
    await page.getByText('使用我的位置').click();
    await page.getByText('吴川市12338妇联维权服务中心').waitFor();
    await screenshot(page, 'foundation-home-nearest');
    await page.context().close();
  });

  it('when location is refused, she picks her district and sees its center', async () => {
    const page = await phonePage(browser, { permissions: [] });
    await page.goto(server.url + '/');
    await page.getByText('使用我的位置').click();
    await page.getByText('没有获取到你的位置').waitFor();
    await page.locator('select.nearest__select').first().selectOption({ label: '雷州市' });
    await page.getByText('雷州市12338妇联维权服务中心').waitFor();
    await screenshot(page, 'foundation-district');
    await page.context().close();
  });

  it('the center list shows all twelve centers', async () => {
    const page = await phonePage(browser);
    await page.goto(server.url + '/pages/centers/index');
    await page.locator('.center-card__name').nth(11).waitFor();
    expect(await page.locator('.center-card__name').count()).toBe(12);
    await page.getByText('坡头区12338妇联维权服务中心').waitFor();
    await page.context().close();
  });

  it('quick exit replaces the page with a neutral one and forgets the session', async () => {
    const page = await phonePage(browser);
    await page.goto(server.url + '/');
    await page.evaluate(() => window.localStorage.setItem('zjh_token', 'secret-token'));
    const historyBefore = await page.evaluate(() => window.history.length);
    await page.getByText('快速离开').first().click();
    await page.waitForURL('**/neutral.html');
    expect(await page.evaluate(() => window.localStorage.getItem('zjh_token'))).toBeNull();
    expect(await page.evaluate(() => window.history.length)).toBe(historyBefore);
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/湛家和|妇联|求助|12338/);
    await screenshot(page, 'foundation-neutral');
    await page.context().close();
  });

  it('pressing Shift three times also leaves at once', async () => {
    const page = await phonePage(browser);
    await page.goto(server.url + '/pages/centers/index');
    await page.locator('.center-card__name').first().waitFor();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await page.waitForURL('**/neutral.html');
    await page.context().close();
  });

  it('staff sign in to the back office; a wrong password is refused', async () => {
    const page = await phonePage(browser, { viewport: { width: 1280, height: 800 } });
    await page.goto(server.url + '/staff/pages/login/index');
    const inputs = page.locator('.staff-field__input input');
    await inputs.nth(0).fill('admin');
    await inputs.nth(1).fill('wrong-password');
    await page.locator('.staff-btn--primary').click();
    await page.getByText('用户名或密码错误').waitFor();
    await inputs.nth(1).fill(E2E_ADMIN_PASSWORD);
    await page.locator('.staff-btn--primary').click();
    await page.waitForURL('**/staff/pages/inbox/index');
    await page.getByText('市妇联管理员').first().waitFor();
    const stored = await page.evaluate(() => Object.keys(window.localStorage));
    expect(stored).toEqual(['zjh_staff_token']);
    await screenshot(page, 'foundation-staff-inbox');
    await page.context().close();
  });
});
