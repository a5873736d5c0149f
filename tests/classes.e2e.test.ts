import type { Browser, Page } from 'playwright-core';
import { shanghaiDate } from '@zjh/shared';
import { api, E2E_ADMIN_PASSWORD, startServer, type RunningServer } from './support/server';
import { launchBrowser, phonePage } from './support/browser';
import { pageScreenshot, signInStaffPage, top } from './support/flows';

/*
 * 家长学堂 and 普法 end to end, in Chromium against the real server and the H5 build: the city
 * admin creates a course with a one-place session in the back office; two women, each in her own
 * browser, enrol — the first gets the place, the second is 候补第 1 位; the first cancels in
 * 我的课程 and the second, reloading 我的课程, holds the place. Then an article is read and the
 * 普法 quiz taken once.
 */
jest.setTimeout(180_000);

let server: RunningServer;
let browser: Browser;
let desk: Page;
let first: Page;
let second: Page;

const TITLE = '周末亲子共读小组（e2e）';
const VENUE = '湛家馨家庭教育指导工作室 2 号室';
const DAY = shanghaiDate(new Date(Date.now() + 7 * 86400_000));

/** The whole current page: the viewport is stretched to its height for the shot. */
const screenshot = pageScreenshot;


async function tokenOf(page: Page): Promise<string> {
  const raw = await page.evaluate(() => window.localStorage.getItem('zjh_token'));
  return JSON.parse(raw ?? '{}').data as string;
}

/** Home → 家长学堂 → the e2e course. */
async function openCourse(page: Page) {
  await page.goto(server.url + '/');
  await page.locator('.service', { hasText: '家长学堂' }).click();
  await page.waitForURL('**/pages/classes/index');
  const card = top(page).locator('.cl-course', { hasText: TITLE });
  await card.waitFor();
  return card;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('家长学堂: a one-place session with a waiting list, in real browsers', () => {
  it('the city admin creates a published course with a one-place offline session in the back office', async () => {
    desk = await signInStaffPage(browser, server, 'admin', E2E_ADMIN_PASSWORD);

    await top(desk).locator('.staff-nav__item', { hasText: '课程管理' }).click();
    await desk.waitForURL('**/staff/pages/classes/index');
    await top(desk).locator('.lr-course-row').first().waitFor(); // the seeded sample courses
    await screenshot(desk, 'classes-0-staff-courses');

    await top(desk).locator('.lr-btn', { hasText: '新建课程' }).click();
    await desk.waitForURL('**/staff/pages/classes/edit');
    const page = top(desk);
    await page.locator('#course-category').selectOption('family_education');
    await page.locator('#course-title').fill(TITLE);
    await page.locator('#course-audience').fill('3–8 岁孩子的家长');
    await page.locator('#course-description').fill('一起读一本绘本，学习陪伴孩子阅读的方法。');
    await page.locator('#course-published').check();
    await page.locator('.lr-btn', { hasText: '创建课程' }).click();
    await desk.waitForURL('**/staff/pages/classes/edit?id=*');

    const editor = top(desk);
    await editor.locator('.lr-btn', { hasText: '新增场次' }).click();
    await editor.locator('#session-date').fill(DAY);
    await editor.locator('#session-start').fill('09:30');
    await editor.locator('#session-end').fill('11:00');
    await editor.locator('#session-capacity').fill('1');
    await editor.locator('#session-online').uncheck();
    await editor.locator('#session-venue').fill(VENUE);
    await screenshot(desk, 'classes-1-staff-new-session');
    await editor.locator('.lr-btn', { hasText: '添加场次' }).click();
    const row = editor.locator('.lr-session-row');
    await row.waitFor();
    expect(await row.innerText()).toContain('0 / 1');
    expect(await row.innerText()).toContain(VENUE);
    expect(await editor.locator('.lr-tag', { hasText: '已发布' }).count()).toBe(1);
    await screenshot(desk, 'classes-2-staff-course');

    const listed = await api<{ items: Array<{ title: string; sessions: Array<{ start: string; capacity: number; online: boolean }> }> }>(server.url, 'GET', '/api/classes?category=family_education');
    const mine = listed.body.items.find((c) => c.title === TITLE)!;
    expect(mine.sessions).toEqual([expect.objectContaining({ start: `${DAY}T09:30:00+08:00`, capacity: 1, online: false })]);
  });

  it('the first woman enrols and gets the place; the second, in another browser, is 候补第 1 位', async () => {
    first = await phonePage(browser);
    const card = await openCourse(first);
    expect(await card.innerText()).toContain('余 1 个名额');
    await screenshot(first, 'classes-3-list');
    await card.click();
    await first.waitForURL('**/pages/classes/detail?id=*');
    const box = top(first).locator('.cl-session--detail').first();
    await box.locator('.cl-primary', { hasText: '报名' }).click();
    await box.locator('.cl-input input').fill('王女士');
    await screenshot(first, 'classes-4-confirm');
    await box.locator('.cl-primary', { hasText: '确认报名' }).click();
    await box.getByText('报名成功 · 已报名').waitFor();
    await screenshot(first, 'classes-5-enrolled');

    second = await phonePage(browser);
    const full = await openCourse(second);
    expect(await full.innerText()).toContain('已满');
    await full.click();
    await second.waitForURL('**/pages/classes/detail?id=*');
    const box2 = top(second).locator('.cl-session--detail').first();
    await box2.locator('.cl-primary', { hasText: '候补报名' }).click();
    await box2.getByText('名额已满。报名后进入候补名单').waitFor();
    await box2.locator('.cl-primary', { hasText: '确认候补' }).click();
    await box2.getByText('已进入候补 · 候补第 1 位').waitFor();
    await screenshot(second, 'classes-6-waitlisted');
    expect(await tokenOf(second)).not.toBe(await tokenOf(first));
  });

  it('the first cancels in 我的课程; the second reloads 我的课程 and holds the place', async () => {
    await top(first).locator('.cl-secondary', { hasText: '查看我的课程' }).click();
    await first.waitForURL('**/pages/classes/mine');
    const card = top(first).locator('.cl-enrolment', { hasText: TITLE });
    await card.getByText('已报名').waitFor();
    const code = (await card.locator('.cl-code__value').innerText()).trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await screenshot(first, 'classes-7-mine-enrolled');
    await card.locator('.cl-secondary', { hasText: '取消报名' }).click();
    await card.getByText('确定取消报名吗？').waitFor();
    await card.locator('.cl-danger', { hasText: '确定取消' }).click();
    await top(first).getByText('已结束或已取消').waitFor();
    await top(first).locator('.cl-enrolment', { hasText: TITLE }).getByText('已取消').waitFor();
    await screenshot(first, 'classes-8-mine-cancelled');

    await top(second).locator('.cl-secondary', { hasText: '查看我的课程' }).click();
    await second.waitForURL('**/pages/classes/mine');
    await second.reload();
    const promoted = top(second).locator('.cl-enrolment', { hasText: TITLE });
    await promoted.getByText('已报名').waitFor();
    expect(await promoted.locator('.cl-code__value').count()).toBe(1);
    expect(await promoted.innerText()).not.toContain('候补');
    await screenshot(second, 'classes-9-mine-promoted');

    const mine = await api<{ items: Array<{ status: string; course: { title: string } }> }>(server.url, 'GET', '/api/classes/enrollments/mine', undefined, await tokenOf(second));
    expect(mine.body.items.filter((e) => e.course.title === TITLE).map((e) => e.status)).toEqual(['enrolled']);
  });

  it('the session list in the back office shows the promoted woman with the place and the first as cancelled', async () => {
    await top(desk).locator('.lr-btn', { hasText: '名单与签到' }).click();
    await desk.waitForURL('**/staff/pages/classes/session?id=*');
    await top(desk).getByText('已报名 1 人 · 已签到 0 人 · 候补 0 人 · 名额 1').waitFor();
    const rows = await top(desk).locator('.lr-enrolment-row').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('已报名');
    expect(rows[1]).toContain('王女士');
    expect(rows[1]).toContain('已取消');
    await screenshot(desk, 'classes-10-staff-session');
  });
});

describe('普法: an article and the quiz, in the browser', () => {
  it('she opens an article and reads the formatted body', async () => {
    await second.goto(server.url + '/');
    await second.locator('.service', { hasText: '普法' }).click();
    await second.waitForURL('**/pages/law/index');
    const firstArticle = top(second).locator('.lw-article').first();
    await firstArticle.waitFor();
    await screenshot(second, 'classes-11-law-list');
    const title = (await firstArticle.locator('.lw-article__title').innerText()).trim();
    await firstArticle.click();
    await second.waitForURL('**/pages/law/article?id=*');
    const reader = top(second).locator('.lw-reader');
    await reader.getByText(title).waitFor();
    expect(await reader.locator('.lw-body h2').count()).toBeGreaterThan(0);
    expect(await reader.locator('.lw-body p').count()).toBeGreaterThan(0);
    expect(await reader.locator('.lw-body script, .lw-body [onerror], .lw-body [onclick]').count()).toBe(0);
    expect(await reader.locator('.lw-meta').innerText()).toMatch(/阅读 \d+$/);
    await screenshot(second, 'classes-12-article');
  });

  it('she takes the quiz once and sees her score with explanations', async () => {
    await top(second).locator('.lw-secondary', { hasText: '做一做普法知识问答' }).click();
    await second.waitForURL('**/pages/law/quiz');
    await top(second).locator('.lw-primary', { hasText: '开始答题' }).click();
    const progress = top(second).locator('.lw-progress');
    await progress.waitFor();
    const total = Number(/共 (\d+) 题/.exec(await progress.innerText())![1]);
    expect(total).toBeGreaterThan(0);
    for (let i = 0; i < total; i++) {
      await top(second).getByText(`第 ${i + 1} 题 / 共 ${total} 题`).waitFor();
      const options = top(second).locator('.lw-option');
      await options.first().click();
      if (await top(second).locator('.lw-option--multiple').count()) await options.nth(1).click();
      if (i === 1) await screenshot(second, 'classes-13-quiz-question');
      if (i < total - 1) await top(second).locator('.lw-primary', { hasText: '下一题' }).click();
    }
    await top(second).locator('.lw-primary', { hasText: '提交答案' }).click();
    await top(second).getByText('答题结果').waitFor();
    const score = await top(second).locator('.lw-score__value').innerText();
    expect(score).toMatch(new RegExp(`^\\d+ / ${total}$`));
    expect(await top(second).locator('.lw-result').count()).toBe(total);
    expect(await top(second).locator('.lw-result__law').count()).toBeGreaterThan(0);
    await top(second).locator('.lw-history .lw-board__row').first().waitFor();
    await screenshot(second, 'classes-14-quiz-result');
  });

  it('staff see the article editor with the saved body preview, and the question bank', async () => {
    await desk.goto(server.url + '/staff/pages/articles/index');
    const row = top(desk).locator('.lr-article-row').first();
    await row.waitFor();
    await screenshot(desk, 'classes-15-staff-articles');
    await row.locator('.lr-btn', { hasText: '编辑' }).click();
    await desk.waitForURL('**/staff/pages/articles/edit?id=*');
    const body = top(desk).locator('#article-body');
    await top(desk).locator('.lr-preview h2').first().waitFor();
    await body.fill(`${await body.inputValue()}<p onclick="alert(1)">新增一段<script>alert(2)</script></p>`);
    await top(desk).locator('.lr-btn--primary', { hasText: '保存' }).click();
    await top(desk).getByText(/已在保存时去除/).waitFor();
    expect(await body.inputValue()).not.toMatch(/script|onclick/);
    expect(await top(desk).locator('.lr-preview').innerText()).toContain('新增一段');
    await screenshot(desk, 'classes-16-staff-article-edit');

    await top(desk).locator('.staff-nav__item', { hasText: '题库管理' }).click();
    await desk.waitForURL('**/staff/pages/quiz/index');
    await top(desk).locator('.lr-question-row').first().waitFor();
    await screenshot(desk, 'classes-17-staff-questions');
    await top(desk).locator('.lr-question-row', { hasText: '多选题' }).first().locator('.lr-btn', { hasText: '编辑' }).click();
    await desk.waitForURL('**/staff/pages/quiz/edit?id=*');
    await top(desk).locator('.lr-btn--primary', { hasText: '✓ 正确答案' }).nth(1).waitFor();
    await screenshot(desk, 'classes-18-staff-question-edit');
  });
});
