import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { api, E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './support/server';
import { launchBrowser } from './support/browser';
import { adminToken as signInAdmin, createStaff, DESKTOP, ok, pageScreenshot, signInStaffPage, top } from './support/flows';

/*
 * Statistics and mediation in the back office, in Chromium against the real server and the H5
 * build. Data is seeded through the public API (help requests from two women, a mediation case
 * taken through consent, start and agreement); then the city admin reads the dashboard on a
 * desktop screen — every figure on the page equals GET /api/staff/stats for the same period — and
 * exports the yearly workbook; center staff find the case on the mediation board and download the
 * 调解协议书.
 */
jest.setTimeout(180_000);

let server: RunningServer;
let browser: Browser;
let adminToken = '';
let staffToken = '';
let caseId = '';
let caseRef = '';
const STAFF_PASSWORD = 'e2e-staff-password-7';
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

/** The whole current page (the viewport is stretched to the page's height for the shot). */
const screenshot = (page: Page, name: string) => pageScreenshot(page, name, { noOverflow: false });
const signIn = (username: string, password: string) => signInStaffPage(browser, server, username, password, { acceptDownloads: true });

/** A woman's anonymous browser account, and her help requests. */
async function woman(requests: Array<{ category: string; district: string; persons: number }>) {
  const { token } = await ok<{ token: string }>(api(server.url, 'POST', '/api/auth/device', {}));
  for (const r of requests) {
    await ok(api(server.url, 'POST', '/api/requests', { ...r, description: '想咨询一下家里的事情怎么处理。', consent: { sensitive: true } }, token), 201);
  }
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  adminToken = await signInAdmin(server);
  await createStaff(server, { token: adminToken, username: 'wuchuan07', password: STAFF_PASSWORD, displayName: '吴川黄敏', centerCode: 'wuchuan' });
  staffToken = (await ok<{ token: string }>(api(server.url, 'POST', '/api/auth/staff', { username: 'wuchuan07', password: STAFF_PASSWORD }))).token;

  // Help requests from two women, in different categories and districts.
  await woman([
    { category: 'domestic_violence', district: '吴川市', persons: 2 },
    { category: 'marriage_family', district: '吴川市', persons: 1 },
  ]);
  await woman([{ category: 'legal', district: '遂溪县', persons: 3 }]);

  // A mediation case: registered, both parties consent, mediation starts, agreement reached.
  const created = await ok<{ id: string; ref: string }>(
    api(
      server.url,
      'POST',
      '/api/staff/mediation/cases',
      {
        disputeType: 'custody',
        committeeLevel: 'county_or_above',
        committeeName: '吴川市婚姻家庭纠纷人民调解委员会',
        parties: [
          { role: 'applicant', name: '林小梅', gender: 'female', phone: '13800138000' },
          { role: 'respondent', name: '陈大伟', gender: 'male' },
        ],
        mediators: [{ name: '黄律师', kind: 'lawyer' }],
        summary: '双方就孩子的抚养费数额有争议。',
      },
      staffToken,
    ),
    201,
  );
  caseId = created.id;
  caseRef = created.ref;
  const detail = await ok<{ parties: Array<{ id: string }> }>(api(server.url, 'GET', `/api/staff/mediation/cases/${caseId}`, undefined, staffToken));
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  for (const p of detail.parties) await ok(api(server.url, 'POST', `/api/staff/mediation/cases/${caseId}/consents`, { partyId: p.id, date: today, method: 'written' }, staffToken));
  await ok(api(server.url, 'POST', `/api/staff/mediation/cases/${caseId}/transitions`, { to: 'in_mediation' }, staffToken));
  await ok(
    api(
      server.url,
      'POST',
      `/api/staff/mediation/cases/${caseId}/transitions`,
      { to: 'agreement_reached', agreement: { clauses: ['孩子由女方抚养。', '男方每月 5 日前支付抚养费 1500 元。'], performance: '按月转账支付。' } },
      staffToken,
    ),
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the statistics dashboard and the mediation board in a desktop browser', () => {
  it('the city admin sees exactly the figures of GET /api/staff/stats for the year, with charts, and exports the .xlsx', async () => {
    const expected = await ok<any>(api(server.url, 'GET', `/api/staff/stats?from=${YEAR}-01-01&to=${YEAR + 1}-01-01`, undefined, adminToken));
    // Independently counted from what was seeded above.
    expect(expected.requests.cases).toBe(3);
    expect(expected.requests.persons).toBe(6);
    expect(expected.mediations).toMatchObject({ total: 1, countyLevel: 1, agreements: 1, toCourt: 0 });

    const page = await signIn('admin', E2E_ADMIN_PASSWORD);
    await top(page).locator('.staff-nav__item', { hasText: '统计' }).click();
    await page.waitForURL('**/staff/pages/stats/index');
    const view = top(page);
    await view.locator('#fig-requests-cases').waitFor();

    // Every figure on the page, by the API field it names (fig-area-field[-key]).
    const figures = await view.locator('[id^="fig-"]').evaluateAll((els) => els.map((el) => [el.id, el.textContent ?? ''] as [string, string]));
    expect(figures.length).toBeGreaterThanOrEqual(20);
    for (const [id, text] of figures) {
      const value = id
        .slice(4)
        .split('-')
        .reduce((v: any, k) => v?.[k], expected);
      expect({ id, text }).toEqual({ id, text: String(value) });
    }
    expect(await view.locator('#st-requests').textContent()).toContain('接访案件 3 宗 6 人次');
    expect(await view.locator('#st-mediations').textContent()).toContain('调解 1 件，县级以上婚调委 1 件，达成协议 1 件');

    // Charts: by category (labels from the shared codes), by center, by month.
    const category = (code: string) => view.locator(`#chart-categories-${code} .st-bar-value`).textContent();
    expect(await category('domestic_violence')).toBe(String(expected.requests.byCategory.domestic_violence));
    expect(await category('legal')).toBe(String(expected.requests.byCategory.legal));
    expect(await view.locator('#chart-categories-legal').textContent()).toContain('法律咨询');
    for (const c of expected.requests.byCenter) {
      expect(await view.locator(`#chart-centers-${c.centerId} .st-bar-value`).textContent()).toBe(String(c.cases));
    }
    const month = expected.requests.byMonth[0];
    expect(await view.locator(`#chart-months-${month.month} .st-bar-value`).allTextContents()).toEqual([String(month.cases), String(month.persons)]);
    // The bars are drawn to scale: the busier center's bar is longer.
    const [busy, quiet] = await Promise.all(
      expected.requests.byCenter.map((c: { centerId: string }) => view.locator(`#chart-centers-${c.centerId} .st-hbar__fill`).evaluate((el) => el.getBoundingClientRect().width)),
    );
    expect(busy).toBeGreaterThan(quiet);
    await screenshot(page, 'stats-1-dashboard-city');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'stats-1b-dashboard-narrow');
    await page.setViewportSize(DESKTOP);

    // The yearly workbook: an authenticated download of a real .xlsx (a zip).
    const [download] = await Promise.all([page.waitForEvent('download'), view.locator('#export-xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`湛家和统计报表-${YEAR}.xlsx`);
    const file = fs.readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    await page.context().close();
  });

  it('center staff see the case on the mediation board, open it and download the 调解协议书 (.docx)', async () => {
    const page = await signIn('wuchuan07', STAFF_PASSWORD);
    await top(page).locator('.staff-nav__item', { hasText: '调解案件' }).click();
    await page.waitForURL('**/staff/pages/mediation/index');
    const board = top(page);
    const row = board.locator('.md-row', { hasText: caseRef });
    await row.waitFor();
    expect(await row.textContent()).toContain('达成协议');
    expect(await row.textContent()).toContain('抚养');
    expect(await row.textContent()).toContain('县级以上婚调委');
    // The board shows no party names.
    expect(await board.textContent()).not.toContain('林小梅');
    expect(await board.locator('#count-agreement_reached').textContent()).toBe('达成协议 1');
    await screenshot(page, 'stats-2-mediation-board');

    await row.click();
    await page.waitForURL('**/staff/pages/mediation/detail?id=*');
    const detail = top(page);
    await detail.locator('.md-head__ref', { hasText: caseRef }).waitFor();
    await detail.getByText('一、孩子由女方抚养。').waitFor();
    await detail.getByText('林小梅').waitFor();
    await detail.locator('.md-event__what', { hasText: '状态：调解中 → 达成协议' }).waitFor();
    await screenshot(page, 'stats-3-mediation-case');

    const [download] = await Promise.all([page.waitForEvent('download'), detail.locator('#md-download').click()]);
    expect(download.suggestedFilename()).toBe(`人民调解协议书-${caseRef}.docx`);
    const file = fs.readFileSync((await download.path())!);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    await page.context().close();
  });

  it('center staff register a case on the form, record consents (start is refused until both consented), a session, the agreement and 司法确认', async () => {
    const page = await signIn('wuchuan07', STAFF_PASSWORD);
    await page.goto(server.url + '/staff/pages/mediation/index');
    await top(page).locator('#md-register').click();
    await page.waitForURL('**/staff/pages/mediation/register');
    await page.locator('#md-submit').waitFor();
    const form = top(page);
    await form.locator('#md-dispute').selectOption('visitation');
    await form.locator('#md-level').selectOption('community');
    await form.locator('#party-0-name input').fill('周丽');
    await form.locator('#party-0-phone input').fill('13900139000');
    await form.locator('#party-1-name input').fill('吴强');
    await form.getByText('把我加为调解员', { exact: true }).click();
    await form.locator('#mediator-0-kind').selectOption('social_worker');
    await form.locator('#md-summary textarea').fill('离婚后孩子探望的时间安排有争议。');
    await screenshot(page, 'stats-4-mediation-register');
    await form.locator('#md-submit').click();
    await page.waitForURL('**/staff/pages/mediation/detail?id=*');
    const c = top(page);
    await c.locator('.md-head__ref').waitFor();
    await c.getByText('吴川黄敏（社工）').waitFor();

    // The applicant consents; starting is refused while the respondent has not.
    await c.locator('#consent-open-0').click();
    await c.locator('#consent-0-method').selectOption('oral');
    await c.locator('#consent-0-save').click();
    await c.locator('#consent-0', { hasText: '已同意调解' }).waitFor();
    await c.locator('#move-in_mediation').click();
    await c.locator('#move-confirm').click();
    await c.locator('#md-move-error', { hasText: '开始调解前须记录被申请人同意调解' }).waitFor();
    await screenshot(page, 'stats-5-mediation-consent-missing');

    await c.locator('#consent-open-1').click();
    await c.locator('#consent-1-method').selectOption('phone');
    await c.locator('#consent-1-save').click();
    await c.locator('#consent-1', { hasText: '已同意调解' }).waitFor();
    await c.locator('#move-confirm').click();
    await c.locator('#md-status', { hasText: '调解中' }).waitFor();

    // A session: form, both parties present, notes.
    await c.locator('#session-open').click();
    await c.locator('#session-form-kind').selectOption('face_to_face');
    await c.locator('#session-party-0').click();
    await c.locator('#session-party-1').click();
    await c.locator('#session-mediator-0').click();
    await c.locator('#session-notes textarea').fill('双方同意每两周周末探望一次。');
    await c.locator('#session-save').click();
    await c.getByText('调解记录（1 次）').waitFor();
    await c.getByText('双方同意每两周周末探望一次。').waitFor();

    // The agreement, clause by clause.
    await c.locator('#move-agreement_reached').click();
    await c.locator('#clause-0 textarea').fill('男方每两周的周六上午接孩子，周日下午五点前送回。');
    await c.locator('#clause-add').click();
    await c.locator('#clause-1 textarea').fill('寒暑假期间男方可连续探望七日。');
    await c.locator('#agreement-performance textarea').fill('自签订之日起履行。');
    await screenshot(page, 'stats-6-mediation-agreement-form');
    await c.locator('#move-confirm').click();
    await c.locator('#md-status', { hasText: '达成协议' }).waitFor();
    await c.getByText('二、寒暑假期间男方可连续探望七日。').waitFor();

    await c.locator('#jc-open').click();
    await c.locator('#jc-court input').fill('吴川市人民法院');
    await c.locator('#jc-save').click();
    await c.locator('#md-judicial .md-status', { hasText: '法院审查中' }).waitFor();
    await screenshot(page, 'stats-7-mediation-agreed');

    // Still usable on a narrow screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'stats-8-mediation-case-narrow');
    await page.context().close();
  });
});
