import type { Browser, Page } from 'playwright-core';
import { api, E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './support/server';
import { launchBrowser, phonePage, screenshot as save } from './support/browser';

/*
 * The city admin's back office in Chromium against the compiled server and the H5 build: the admin
 * creates a center_staff account in 账号管理; that staff member signs in and reads the audit log,
 * which lists her own center's entries only; the admin deactivates her, and her next page load
 * sends her to sign-in.
 */
jest.setTimeout(180_000);

let server: RunningServer;
let browser: Browser;
let adminToken = '';
const DESKTOP = { width: 1280, height: 800 };
const PASSWORD = 'e2e-staff-password-9';
let xiashan = { id: '', name: '' };
let chikan = { id: '', name: '' };

const top = (page: Page) => page.locator('.taro_router > .taro_page').last();

async function settled(page: Page) {
  await page.waitForFunction(() => {
    const pages = document.querySelectorAll('.taro_router > .taro_page');
    const last = pages[pages.length - 1] as HTMLElement | undefined;
    return !!last && Math.abs(last.getBoundingClientRect().left) < 1;
  });
}

async function screenshot(page: Page, name: string) {
  await settled(page);
  const size = page.viewportSize()!;
  const height = await top(page).evaluate((el) => el.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(size.height, height), 5000) });
  await save(page, name);
  await page.setViewportSize(size);
}

async function signIn(username: string, password: string): Promise<Page> {
  const page = await phonePage(browser, { viewport: DESKTOP });
  await page.goto(server.url + '/staff/pages/login/index');
  const inputs = page.locator('.staff-field__input input');
  await inputs.nth(0).fill(username);
  await inputs.nth(1).fill(password);
  await page.locator('.staff-btn--primary').click();
  await page.waitForURL('**/staff/pages/inbox/index');
  return page;
}

async function ok<T = any>(p: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const res = await p;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  adminToken = (await ok<{ token: string }>(api(server.url, 'POST', '/api/auth/staff', { username: 'admin', password: E2E_ADMIN_PASSWORD }))).token;
  const centers = await ok<{ items: Array<{ id: string; code: string; name: string }> }>(api(server.url, 'GET', '/api/centers'));
  xiashan = centers.items.find((c) => c.code === 'xiashan')!;
  chikan = centers.items.find((c) => c.code === 'chikan')!;
  // Another center's activity, which the Xiashan desk must not see.
  await ok(api(server.url, 'POST', '/api/admin/staff', { username: 'chikan01', password: PASSWORD, displayName: '赤坎陈静', role: 'center_staff', centerId: chikan.id }, adminToken), 201);
  await ok(api(server.url, 'POST', '/api/auth/staff', { username: 'chikan01', password: PASSWORD }));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the city admin back office in a desktop browser', () => {
  let adminPage: Page;
  let staffPage: Page;

  it('the admin creates a center_staff account in 账号管理', async () => {
    adminPage = await signIn('admin', E2E_ADMIN_PASSWORD);
    await top(adminPage).locator('.staff-nav__item', { hasText: '账号管理' }).click();
    await adminPage.waitForURL('**/staff/pages/admin/staff');
    const page = top(adminPage);
    await page.locator('.adm-staff-row', { hasText: 'chikan01' }).waitFor();
    await page.getByText('+ 新建账号').click();
    await page.locator('#new-username').fill('xiashan02');
    await page.locator('#new-name').fill('霞山林芳');
    await page.locator('#new-role').selectOption('center_staff');
    await page.locator('#new-center').selectOption(xiashan.id);
    await page.locator('#new-password').fill(PASSWORD);
    await screenshot(adminPage, 'admin-staff-create');
    await page.getByText('创建账号').click();
    const row = page.locator('.adm-staff-row', { hasText: 'xiashan02' });
    await row.waitFor();
    expect(await row.textContent()).toContain('霞山林芳');
    expect(await row.textContent()).toContain(xiashan.name);
    expect(await row.textContent()).toContain('可用');
    await screenshot(adminPage, 'admin-staff-list');
  });

  it('she signs in and the audit log lists her own center’s entries only', async () => {
    staffPage = await signIn('xiashan02', PASSWORD);
    const nav = top(staffPage).locator('.staff-nav__item');
    await nav.filter({ hasText: '审计日志' }).waitFor();
    expect(await nav.filter({ hasText: '账号管理' }).count()).toBe(0);
    await nav.filter({ hasText: '审计日志' }).click();
    await staffPage.waitForURL('**/staff/pages/admin/audit');
    const rows = top(staffPage).locator('.adm-audit-row');
    await rows.first().waitFor();
    const texts = await rows.allTextContents();
    // Her account being created (by the admin) and her sign-in, both at Xiashan.
    expect(texts.some((t) => t.includes('新建账号') && t.includes('市妇联管理员'))).toBe(true);
    expect(texts.some((t) => t.includes('登录') && t.includes('霞山林芳'))).toBe(true);
    expect(texts.every((t) => t.includes(xiashan.name))).toBe(true);
    expect(texts.some((t) => t.includes(chikan.name) || t.includes('赤坎陈静'))).toBe(false);
    await top(staffPage).getByText(`只显示本中心（${xiashan.name}）的记录。`).waitFor();
    await screenshot(staffPage, 'admin-audit-center-staff');
  });

  it('the admin deactivates her, and her next page load sends her to sign-in', async () => {
    const page = top(adminPage);
    const row = page.locator('.adm-staff-row', { hasText: 'xiashan02' });
    await row.getByText('编辑').click();
    await page.locator('#edit-active').uncheck();
    await page.getByText('保存修改').click();
    await row.getByText('已停用').waitFor();
    await screenshot(adminPage, 'admin-staff-deactivated');

    await staffPage.reload();
    await staffPage.waitForURL('**/staff/pages/login/index');
    await screenshot(staffPage, 'admin-deactivated-sign-in');
    const signInAgain = await ok<unknown>(api(server.url, 'POST', '/api/auth/staff', { username: 'xiashan02', password: PASSWORD }), 401);
    expect(signInAgain).toBeTruthy();

    // The admin's own audit view shows the deactivation.
    await top(adminPage).locator('.staff-nav__item', { hasText: '审计日志' }).click();
    await adminPage.waitForURL('**/staff/pages/admin/audit');
    await top(adminPage).locator('.adm-audit-row', { hasText: '停用账号' }).first().waitFor();
    await screenshot(adminPage, 'admin-audit-admin');
  });
});
