import type { Browser, Page } from 'playwright-core';
import { api, startServer, type RunningServer } from './support/server';
import { launchBrowser, phonePage } from './support/browser';
import { adminToken, createStaff, pageScreenshot, signInStaffPage, top } from './support/flows';

/*
 * A help request end to end, in Chromium against the real server and the H5 build: a woman asks
 * for help on her phone → staff of the assigned center accept it and write to her → she sees the
 * new status and the message → staff of another center never see it.
 */
jest.setTimeout(120_000);

let server: RunningServer;
let browser: Browser;
let woman: Page;
let ref = '';
let requestId = '';

const WUCHUAN = { latitude: 21.4412, longitude: 110.7791 };
const STAFF_PASSWORD = 'e2e-staff-password-1';
const MESSAGE = '你好，我们已经收到你的求助，明天上午十点给你打电话，可以吗？';


const screenshot = pageScreenshot;
const staffSignIn = (username: string) => signInStaffPage(browser, server, username, STAFF_PASSWORD);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const token = await adminToken(server);
  await createStaff(server, { token, username: 'wuchuan01', password: STAFF_PASSWORD, displayName: '吴川李敏', centerCode: 'wuchuan' });
  await createStaff(server, { token, username: 'leizhou01', password: STAFF_PASSWORD, displayName: '雷州陈静', centerCode: 'leizhou' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a help request from her phone to the right center and back', () => {
  it('she fills the form on her phone, sees which center will help before sending, consents and gets a reference number', async () => {
    woman = await phonePage(browser, { geolocation: WUCHUAN, permissions: ['geolocation'] });
    await woman.goto(server.url + '/');
    await woman.getByText('我的求助', { exact: true }).waitFor();
    await screenshot(woman, 'requests-0-home');
    await woman.locator('.service', { hasText: '遇到困难' }).click();
    await woman.waitForURL('**/pages/help/index');
    const form = top(woman);
    expect(await woman.title()).toBe('湛家和'); // neutral in the browser history

    await form.getByText('家庭暴力', { exact: true }).click();
    await form.locator('#description textarea').fill('他最近经常喝酒后打我，我不知道该怎么办。孩子也很害怕。');
    await form.getByText('＋', { exact: true }).click();
    await form.getByText('使用我的位置', { exact: true }).click();
    await form.getByText('已使用你的大致位置（约 100 米）').waitFor();
    await form.locator('.help-center__name', { hasText: '吴川市12338妇联维权服务中心' }).waitFor();
    await form.getByText('提交后由「吴川市12338妇联维权服务中心」为你提供帮助。').waitFor();

    await form.getByText('请联系我', { exact: true }).click();
    await form.locator('#contact-phone input').fill('13800138000');
    await form.locator('#contact-name input').fill('阿芳');
    await form.getByText('工作日上午', { exact: true }).click();
    await form.locator('#contact-note input').fill('接通后先问是不是快递');
    await screenshot(woman, 'requests-1-form-before-consent');

    // 提交 stays disabled until the separate consent is given.
    const submit = form.locator('.help-submit__btn');
    expect(await submit.getAttribute('disabled')).not.toBeNull();
    await form.locator('#consent').click();
    expect(await submit.getAttribute('disabled')).toBeNull();
    await submit.click();

    const refText = await form.locator('.help-sent__ref').textContent({ timeout: 15_000 });
    ref = (refText ?? '').trim();
    expect(ref).toMatch(/^ZJ-\d{4}-\d{6}$/);
    await form.getByText('吴川市12338妇联维权服务中心').first().waitFor();
    await form.getByText('拨打 0759-0000007').waitFor();
    await form.getByText(/1 小时内受理/).waitFor();
    await screenshot(woman, 'requests-2-sent');

    // Nothing she wrote is kept in the browser: only the session token.
    const stored = await woman.evaluate(() => ({ keys: Object.keys(window.localStorage), all: JSON.stringify(window.localStorage) + JSON.stringify(window.sessionStorage) }));
    expect(stored.keys).toEqual(['zjh_token']);
    expect(stored.all).not.toContain('13800138000');
    expect(stored.all).not.toContain('喝酒');
  });

  it('staff of the assigned center see it in their inbox, open it with her safe-contact wishes, accept it and write to her', async () => {
    expect(ref).not.toBe('');
    const staff = await staffSignIn('wuchuan01');
    const row = staff.locator('.inbox-row', { hasText: ref });
    await row.waitFor();
    expect(await row.textContent()).toContain('待受理');
    await screenshot(staff, 'requests-3-inbox');

    await row.click();
    await staff.waitForURL('**/staff/pages/requests/detail?id=*');
    requestId = new URL(staff.url()).searchParams.get('id')!;
    const detail = top(staff);
    await detail.locator('.rq-head__ref', { hasText: ref }).waitFor();
    await detail.getByText('13800138000').waitFor();
    await detail.getByText('安全时段：工作日 09:00–12:00').waitFor();
    await detail.getByText('可否表明妇联身份：不可以').waitFor();
    await detail.getByText('备注：接通后先问是不是快递').waitFor();
    await detail.getByText('涉及人数').waitFor();
    await screenshot(staff, 'requests-4-detail');

    await detail.locator('#move-accepted').click();
    await detail.getByText('当前状态：已受理').waitFor();
    await detail.locator('#message-body textarea').fill(MESSAGE);
    await detail.getByText('发送给求助人', { exact: true }).click();
    await detail.locator('.rq-msg__body', { hasText: MESSAGE }).waitFor();
    await detail.locator('.rq-event__what', { hasText: '状态：待受理 → 已受理' }).waitFor();
    await screenshot(staff, 'requests-5-accepted-and-message');

    // Hotline and walk-in requests are registered from the section bar.
    await top(staff).locator('.staff-nav__item', { hasText: '登记求助' }).click();
    await staff.waitForURL('**/staff/pages/requests/register');
    await top(staff).getByText(/^当事人已同意处理敏感个人信息/).waitFor();
    await screenshot(staff, 'requests-10-register');
    await staff.context().close();
  });

  it('she reloads 我的求助 and sees 已受理 and the message', async () => {
    expect(requestId).not.toBe('');
    await woman.goto(server.url + '/pages/my-requests/index');
    const item = top(woman).locator('.mine-item', { hasText: ref });
    await item.waitFor();
    expect(await item.textContent()).toContain('已受理');
    await screenshot(woman, 'requests-6-my-list');
    await item.click();
    const view = top(woman);
    await view.locator('.mine-msg__body', { hasText: MESSAGE }).waitFor();
    await view.getByText('状态更新为“已受理”').waitFor();
    await screenshot(woman, 'requests-7-my-detail');
  });

  it('staff of another center do not see it', async () => {
    expect(requestId).not.toBe('');
    const other = await staffSignIn('leizhou01');
    await other.getByText('暂无求助').waitFor();
    expect(await other.locator('.inbox-row', { hasText: ref }).count()).toBe(0);
    await screenshot(other, 'requests-8-other-center-inbox');

    // Nor by searching for it, nor by its address.
    await other.locator('.inbox-search__input input').fill(ref);
    await other.getByText('搜索', { exact: true }).click();
    await other.getByText('暂无求助').waitFor();
    await other.goto(`${server.url}/staff/pages/requests/detail?id=${requestId}`);
    await top(other).getByText('找不到该求助').waitFor();
    await other.context().close();
  });

  it('she sees her data and deletes it: her account ends, the center keeps the request without her contact', async () => {
    expect(requestId).not.toBe('');
    await woman.goto(server.url + '/pages/privacy/index');
    const privacy = top(woman);
    await privacy.getByText('查看我的数据', { exact: true }).click();
    await privacy.getByText(`求助编号：${ref}`).waitFor();
    await privacy.getByText('状态：已受理').waitFor();
    await privacy.getByText('删除我的数据', { exact: true }).click();
    await privacy.getByText('确定要删除吗？').waitFor();
    await screenshot(woman, 'requests-9-privacy-delete-confirm');
    await privacy.getByText('确认删除', { exact: true }).click();
    await woman.waitForURL((url) => url.pathname === '/' || url.pathname.endsWith('/pages/index/index'));
    expect(await woman.evaluate(() => window.localStorage.getItem('zjh_token'))).toBeNull();
    await woman.context().close();

    const staff = await api<{ token: string }>(server.url, 'POST', '/api/auth/staff', { username: 'wuchuan01', password: STAFF_PASSWORD });
    const kept = await api<{ ref: string; contact: unknown; anonymous: boolean }>(server.url, 'GET', `/api/staff/requests/${requestId}`, undefined, staff.body.token);
    expect(kept.status).toBe(200);
    expect(kept.body.ref).toBe(ref);
    expect(kept.body.contact).toBeNull();
  });
});
