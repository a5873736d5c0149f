import type { Browser, Page } from 'playwright-core';
import { api, E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './support/server';
import { launchBrowser } from './support/browser';
import { adminToken as signInAdmin, centersByCode, createStaff, ok, pageScreenshot, signInStaffPage, top } from './support/flows';

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
const PASSWORD = 'e2e-staff-password-9';
let xiashan = { id: '', name: '' };
let chikan = { id: '', name: '' };

/** The whole current page (the viewport is stretched to the page's height for the shot). */
const screenshot = (page: Page, name: string) => pageScreenshot(page, name, { noOverflow: false });
const signIn = (username: string, password: string) => signInStaffPage(browser, server, username, password);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  adminToken = await signInAdmin(server);
  const centers = await centersByCode(server);
  xiashan = centers.xiashan;
  chikan = centers.chikan;
  // Another center's activity, which the Xiashan desk must not see.
  await createStaff(server, { token: adminToken, username: 'chikan01', password: PASSWORD, displayName: '赤坎陈静', centerId: chikan.id });
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
