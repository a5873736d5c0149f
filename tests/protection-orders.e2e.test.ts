import fs from 'node:fs';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from './support/server';
import { launchBrowser } from './support/browser';
import { createStaff, pageScreenshot, signInStaffPage, top } from './support/flows';

/*
 * A protection-order application end to end, in Chromium against the real server and the H5 build:
 * she fills the interview on her phone across two visits (the draft lives on the server), uploads a
 * photo, submits → staff of the handling center review it and file it with the court → she sees
 * the court's clock and downloads the 申请书, which names her but not her confidential address.
 */
jest.setTimeout(180_000);

let server: RunningServer;
let browser: Browser;
let her: BrowserContext;
let applicationId = '';

const STAFF_PASSWORD = 'e2e-staff-password-1';
const NAME = '李春梅';
const SECRET_ADDRESS = '吴川市梅菉街道保密路 18 号';
const CASE_NUMBER = '（2026）粤0883民保令12号';
// A real 1×1 PNG: the server decides the type by its bytes.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** The whole current page: the viewport is stretched to its height for the shot. */
const screenshot = (page: Page, name: string) => pageScreenshot(page, name, { maxHeight: 6000 });

async function herPage(): Promise<Page> {
  const page = await her.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** 下一步, then the next step is on screen and her answers are saved. */
async function next(page: Page, step: number) {
  await top(page).locator('#next').click();
  await top(page).getByText(`第 ${step} 步，共 12 步`).waitFor();
}

const staffSignIn = (username: string) => signInStaffPage(browser, server, username, STAFF_PASSWORD);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await createStaff(server, { username: 'wuchuan-po', password: STAFF_PASSWORD, displayName: '吴川黄丽', centerCode: 'wuchuan' });
  // One browser context for her: an H5 account lives in the token this browser keeps.
  her = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a protection-order application from her phone to the court and back', () => {
  it('first visit: she reads what an order is, starts, and fills the first three steps; then closes the page', async () => {
    const page = await herPage();
    await page.goto(server.url + '/');
    await page.locator('.service', { hasText: '了解如何申请' }).click();
    await page.waitForURL('**/pages/applications/index');
    // A neutral title: it is what the browser history shows.
    await page.waitForFunction(() => document.title === '申请材料');
    const intro = top(page);
    await intro.getByText('如果你现在有危险，请立即拨打 110').waitFor();
    await intro.getByText(/72 小时内决定是否发出保护令/).waitFor();
    await screenshot(page, 'po-0-intro');

    await intro.locator('#start').click();
    await page.waitForURL('**/pages/applications/form?id=*');
    applicationId = new URL(page.url()).searchParams.get('id')!;
    expect(applicationId).toMatch(/^[A-Za-z0-9_-]{10,40}$/);
    let form = top(page);
    await form.getByText('第 1 步，共 12 步').waitFor();
    await form.getByText('如果你现在有危险，请立即拨打 110').waitFor();
    await form.locator('#filer-by-self').click();
    await screenshot(page, 'po-1-filer');
    await next(page, 2);

    form = top(page);
    await form.locator('#applicant-name input').fill(NAME);
    await form.locator('#applicant-gender-female').click();
    await form.locator('input#applicant-birth').fill('1990-05-01');
    await form.locator('#applicant-phone input').fill('13800138000');
    await screenshot(page, 'po-2-applicant');
    await next(page, 3);

    form = top(page);
    await form.locator('#respondent-name input').fill('王强');
    await form.locator('#respondent-gender-male').click();
    await form.locator('#respondent-age input').fill('38');
    await form.locator('#respondent-address input').fill('吴川市梅菉街道某某村');
    await next(page, 4);
    await form.getByText('已保存').waitFor();

    // Nothing she wrote is kept in the browser: only the session token.
    const stored = await page.evaluate(() => ({ keys: Object.keys(window.localStorage), all: JSON.stringify(window.localStorage) + JSON.stringify(window.sessionStorage) }));
    expect(stored.keys).toEqual(['zjh_token']);
    expect(stored.all).not.toContain(NAME);
    await page.close();
  });

  it('second visit: she comes back, continues where she stopped, uploads a photo and submits', async () => {
    expect(applicationId).not.toBe('');
    const page = await herPage();
    await page.goto(server.url + '/pages/applications/index');
    const intro = top(page);
    await intro.locator('#my-applications').getByText('还差', { exact: false }).waitFor();
    await screenshot(page, 'po-3-intro-with-draft');
    await intro.locator('#continue').click();
    await page.waitForURL(`**/pages/applications/form?id=${applicationId}`);
    let form = top(page);
    await form.getByText('第 4 步，共 12 步').waitFor();

    // What she typed last time is there.
    await form.locator('#prev').click();
    await form.getByText('第 3 步，共 12 步').waitFor();
    expect(await form.locator('#respondent-name input').inputValue()).toBe('王强');
    await next(page, 4);

    form = top(page);
    await form.locator('#relationship-type-spouse').click();
    await next(page, 5);

    await form.locator('input#incident-0-date').fill('2026-11-20');
    await form.locator('#incident-0-place input').fill('家里');
    await form.locator('#incident-0-types-physical').click();
    await form.locator('#incident-0-types-threats').click();
    await form.locator('#incident-0-description textarea').fill('他喝酒后打了我，还说要让我好看。');
    await screenshot(page, 'po-4-incidents');
    await next(page, 6);

    await form.locator('#children-involved-no').click();
    await next(page, 7);

    await form.locator('#evidence-medical_records-has-yes').click();
    await form.locator('#upload-medical_records').setInputFiles({ name: 'injury.png', mimeType: 'image/png', buffer: PNG });
    await form.locator('#evidence-medical_records').getByText('injury.png').waitFor();
    await screenshot(page, 'po-5-evidence');
    await next(page, 8);

    await form.locator('#measures-items-no_violence').click();
    await form.locator('#measures-items-no_harassment_contact').click();
    await next(page, 9);

    await form.locator('#urgency-urgent-no').click();
    await next(page, 10);

    await form.locator('select#court-name').selectOption('吴川市人民法院');
    await form.locator('#court-basis-applicant_residence').click();
    await screenshot(page, 'po-6-court');
    await next(page, 11);

    await form.locator('#address-confidential-yes').click();
    await form.locator('#address-secret input').fill(SECRET_ADDRESS);
    await screenshot(page, 'po-7-address');
    await next(page, 12);

    await form.getByText('需要填写的内容都已填好。请再看一遍，确认无误后提交。').waitFor();
    await form.getByText(`保密住址：${SECRET_ADDRESS}`).waitFor();
    const submit = form.locator('#submit');
    expect(await submit.getAttribute('disabled')).not.toBeNull();
    await form.locator('#consent').click();
    await screenshot(page, 'po-8-review');
    await submit.click();

    await page.waitForURL(`**/pages/applications/detail?id=${applicationId}*`);
    const detail = top(page);
    await detail.locator('#status', { hasText: '已提交，等待中心审核' }).waitFor();
    await detail.getByText(/由「吴川市12338妇联维权服务中心」为你核对并递交法院/).waitFor();
    await screenshot(page, 'po-9-submitted');
    await page.close();
  });

  it('staff of the handling center review it and file it with the court; the board shows the court’s clock', async () => {
    expect(applicationId).not.toBe('');
    const staff = await staffSignIn('wuchuan-po');
    await staff.locator('.staff-nav__item', { hasText: '保护令' }).click();
    await staff.waitForURL('**/staff/pages/protection-orders/index');
    const row = top(staff).locator(`#po-${applicationId}`);
    await row.waitFor();
    expect(await top(staff).locator('#column-submitted').textContent()).toContain('李*');
    await screenshot(staff, 'po-10-board-submitted');

    await row.locator('.po-row__main').click();
    await staff.waitForURL(`**/staff/pages/protection-orders/detail?id=${applicationId}`);
    const detail = top(staff);
    await detail.getByText(`姓名：${NAME}`).waitFor();
    await detail.getByText(`保密住址：${SECRET_ADDRESS}`).waitFor();
    await detail.getByText('injury.png').waitFor();

    await detail.locator('#move-under_review').click();
    await detail.locator('#confirm-transition').click();
    await detail.locator('#po-status', { hasText: '中心审核中' }).waitFor();

    await detail.locator('#move-filed').click();
    expect(await detail.locator('select#t-court').inputValue()).toBe('吴川市人民法院');
    await detail.locator('#t-case input').fill(CASE_NUMBER);
    await screenshot(staff, 'po-11-filing-form');
    await detail.locator('#confirm-transition').click();
    await detail.locator('#po-status', { hasText: '已向法院提交申请' }).waitFor();
    await detail.locator('#decision-clock').getByText(/72 小时，第二十八条/).waitFor();
    await detail.locator('.po-event__what', { hasText: '状态：中心审核中 → 已向法院提交申请' }).waitFor();
    await screenshot(staff, 'po-12-filed-detail');

    await staff.goto(server.url + '/staff/pages/protection-orders/index');
    const filedRow = top(staff).locator('#column-filed').locator(`#po-${applicationId}`);
    await filedRow.getByText(/裁定期限 .* · 还剩 (2 天 2[0-3]|3 天 0) 小时/).waitFor();
    await screenshot(staff, 'po-13-board-filed');
    await staff.context().close();
  });

  it('she sees that it is with the court, with the decision clock, and downloads the 申请书 without her confidential address', async () => {
    expect(applicationId).not.toBe('');
    const page = await herPage();
    await page.goto(`${server.url}/pages/applications/detail?id=${applicationId}`);
    const detail = top(page);
    await detail.locator('#status', { hasText: '已向法院提交申请' }).waitFor();
    await detail.getByText(`案号：${CASE_NUMBER}`).waitFor();
    await detail.locator('#decision-clock').getByText(/法院应在 .* 前作出决定/).waitFor();
    await screenshot(page, 'po-14-her-filed');

    const [download] = await Promise.all([page.waitForEvent('download'), detail.locator('#download').click()]);
    expect(download.suggestedFilename()).toBe('申请书.docx');
    const bytes = fs.readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain(NAME);
    expect(text).toContain('吴川市人民法院');
    expect(text).toContain('王强');
    expect(text).not.toContain('保密路');
    expect(text).not.toContain(SECRET_ADDRESS);
    await page.close();
  });
});
