import type { Browser, Page } from 'playwright-core';
import { api, startServer, type RunningServer } from './support/server';
import { launchBrowser, phonePage, screenshot } from './support/browser';
import { createStaff, signInStaffPage } from './support/flows';

/*
 * Consultation booking as people use it: in H5 a woman books a Thursday lawyer slot at the 湛江站,
 * finds it in 我的预约, another woman no longer sees it, center staff see it in the calendar, she
 * cancels and the slot is offered again. The real server (fresh SQLite, seeded providers) and
 * Debian's Chromium.
 */
// The project's testTimeout is not applied per project by jest 30; a browser flow needs more than 5 s.
jest.setTimeout(120_000);

let server: RunningServer;
let browser: Browser;
let stationId: string;

interface Slot {
  providerId: string;
  providerName: string;
  start: string;
  end: string;
}

/** Taro's H5 router slides a new page in; wait for it to rest before a screenshot. */
async function shot(page: Page, name: string) {
  await page.waitForTimeout(700);
  await screenshot(page, name);
}

/** Her session token, as the H5 app keeps it (Taro storage format). */
async function tokenOf(page: Page): Promise<string> {
  const raw = await page.evaluate(() => window.localStorage.getItem('zjh_token'));
  return JSON.parse(raw ?? '{}').data as string;
}

async function freeSlotsOn(date: string): Promise<Slot[]> {
  const res = await api<{ items: Slot[] }>(server.url, 'GET', `/api/slots?kind=legal&centerId=${stationId}&from=${date}&to=${date}`);
  expect(res.status).toBe(200);
  return res.body.items;
}

/** Home → 预约咨询 → 法律咨询 → 湛江站 → first day with free slots. */
async function openFirstLawyerDay(page: Page, shots = false) {
  await page.goto(server.url + '/');
  await page.locator('.service', { hasText: '预约咨询' }).click();
  await page.waitForURL('**/pages/bookings/index');
  if (shots) await shot(page, 'bookings-0-kind');
  await page.locator('.bk-option', { hasText: '法律咨询' }).click();
  const station = page.locator('.bk-center', { hasText: '湛江站' }).first();
  await station.waitFor();
  if (shots) await shot(page, 'bookings-0-center');
  await station.click();
  const day = page.locator('.bk-option.bk-day').first();
  await day.waitFor();
  return day;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const centers = await api<{ items: Array<{ id: string; code: string }> }>(server.url, 'GET', '/api/centers?service=legal');
  stationId = centers.body.items.find((c) => c.code === 'zj-station')!.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('consultation booking in a real browser', () => {
  let her: Page;
  let booked: { id: string; start: string; providerId: string; providerName: string; date: string; time: string };

  it('she books a Thursday lawyer slot at the 湛江站 and sees it in 我的预约', async () => {
    her = await phonePage(browser);
    const day = await openFirstLawyerDay(her, true);
    expect(await day.innerText()).toContain('周四');
    await shot(her, 'bookings-1-days');
    await day.click();

    const slot = her.locator('.bk-slot').first();
    await slot.waitFor();
    const [time, providerName] = [await slot.locator('.bk-slot__time').innerText(), await slot.locator('.bk-slot__who').innerText()];
    expect(time).toMatch(/^(09|1[0-7]):\d\d–\d\d:\d\d$/);
    expect(providerName).toMatch(/律师/);
    await shot(her, 'bookings-2-slots');
    await slot.click();

    await her.locator('.bk-option', { hasText: '到中心面谈' }).waitFor();
    await shot(her, 'bookings-2b-mode');
    await her.locator('.bk-option', { hasText: '到中心面谈' }).click();
    await her.getByText('联系方式（可不填）').waitFor();
    await her.locator('.contact-prefs__choice', { hasText: '不要打电话' }).click();
    await her.locator('.contact-prefs__input input').nth(1).fill('13800000000');
    await her.locator('.contact-prefs__choice', { hasText: '不可以' }).first().click();
    await shot(her, 'bookings-3-details');
    await her.locator('.bk-primary', { hasText: '下一步' }).click();

    await her.getByText('请确认预约信息').waitFor();
    await her.getByText('13800000000，不要打电话，不要留言').waitFor();
    await shot(her, 'bookings-4-confirm');
    await her.locator('.bk-primary', { hasText: '确认预约' }).click();
    await her.getByText('预约成功').waitFor();
    await shot(her, 'bookings-5-done');

    const mine = await api<{ items: Array<{ id: string; start: string; status: string; provider: { id: string; name: string } }> }>(
      server.url, 'GET', '/api/bookings/mine', undefined, await tokenOf(her),
    );
    expect(mine.body.items).toHaveLength(1);
    const b = mine.body.items[0];
    expect(b.status).toBe('confirmed');
    expect(b.provider.name).toBe(providerName);
    expect(b.start).toMatch(/\+08:00$/);
    expect(new Date(Date.parse(b.start) + 8 * 3600_000).getUTCDay()).toBe(4); // a Thursday in Asia/Shanghai
    booked = { id: b.id, start: b.start, providerId: b.provider.id, providerName, date: b.start.slice(0, 10), time: time.slice(0, 5) };

    await her.locator('.bk-primary', { hasText: '查看我的预约' }).click();
    await her.waitForURL('**/pages/bookings/mine');
    const card = her.locator('.bk-booking', { hasText: providerName });
    await card.getByText('已预约').waitFor();
    expect(await card.innerText()).toContain(time);
    expect(await card.innerText()).toContain('法律咨询');
    await shot(her, 'bookings-6-mine');
  });

  it('the same slot is gone for another woman, in the API and in her slot list', async () => {
    const free = await freeSlotsOn(booked.date);
    expect(free.some((s) => s.providerId === booked.providerId && s.start === booked.start)).toBe(false);
    expect(free.length).toBeGreaterThan(0); // the other slots of the day are still there

    const other = await phonePage(browser);
    const day = await openFirstLawyerDay(other);
    await day.click();
    await other.locator('.bk-slot').first().waitFor();
    const offered = await other.locator('.bk-slot').allInnerTexts();
    const taken = offered.filter((t) => t.includes(booked.time) && t.includes(booked.providerName));
    expect(taken).toEqual([]);
    await shot(other, 'bookings-7-other-user');
    expect(await tokenOf(other)).not.toBe(await tokenOf(her));
    await other.context().close();
  });

  it('center staff of the 湛江站, created by the admin, see the booking in the calendar on a desktop', async () => {
    await createStaff(server, { username: 'zj.staff1', password: 'station-staff-password', displayName: '李敏', centerId: stationId });

    const desk = await signInStaffPage(browser, server, 'zj.staff1', 'station-staff-password');
    await desk.locator('.staff-nav__item', { hasText: '预约日历' }).click();
    await desk.waitForURL('**/staff/pages/bookings/index');
    await desk.locator('.cal-day').nth(6).waitFor();

    // Walk forward week by week until the booked day is on screen (the window is 30 days).
    const item = desk.locator('.cal-item', { hasText: booked.providerName }).filter({ hasText: booked.time });
    for (let i = 0; i < 6 && !(await item.count()); i++) {
      await desk.locator('.cal-btn', { hasText: '下一周' }).click();
      await desk.waitForTimeout(400);
    }
    await item.first().waitFor();
    expect(await item.first().innerText()).toContain('已预约');
    await shot(desk, 'bookings-8-staff-calendar');

    await item.first().click();
    await desk.waitForURL('**/staff/pages/bookings/detail**');
    await desk.getByText('13800000000').first().waitFor();
    await desk.getByText('现在不宜给她打电话').waitFor();
    await shot(desk, 'bookings-9-staff-detail');

    await desk.goto(server.url + '/staff/pages/providers/index');
    const pick = desk.getByRole('combobox', { name: '咨询人员' });
    await pick.waitFor();
    await pick.selectOption({ label: `${booked.providerName} · 法律咨询` });
    await desk.getByText(/可约：09:00、10:00、11:00/).first().waitFor();
    await shot(desk, 'bookings-10-provider-settings');
    await desk.context().close();
  });

  it('she cancels it in 我的预约 and the slot is offered again', async () => {
    const card = her.locator('.bk-booking', { hasText: booked.providerName });
    await card.locator('.bk-secondary', { hasText: '取消预约' }).click();
    await her.getByText(/确定取消 .* 的这次预约吗/).waitFor();
    await her.locator('.bk-danger', { hasText: '确定取消' }).click();
    await her.getByText('已结束或已取消').waitFor();
    await her.locator('.bk-booking', { hasText: booked.providerName }).getByText('已取消').waitFor();
    await shot(her, 'bookings-11-cancelled');

    const free = await freeSlotsOn(booked.date);
    expect(free.some((s) => s.providerId === booked.providerId && s.start === booked.start)).toBe(true);
    await her.context().close();
  });

  it('center staff give the provider a day off in 值班设置, and her slots that day are no longer offered', async () => {
    const desk = await signInStaffPage(browser, server, 'zj.staff1', 'station-staff-password');
    await desk.locator('.staff-nav__item', { hasText: '值班设置' }).click();
    await desk.waitForURL('**/staff/pages/providers/index');
    await desk.getByRole('combobox', { name: '咨询人员' }).selectOption({ label: `${booked.providerName} · 法律咨询` });
    await desk.getByText(/可约：09:00、10:00、11:00/).first().waitFor();

    await desk.locator('.cal-btn', { hasText: '+ 添加请假 / 休息' }).click();
    const leave = desk.locator('.rules-row').last();
    await leave.getByLabel('日期').fill(booked.date);
    await leave.locator('.rules-reason input').fill('外出培训');
    await leave.scrollIntoViewIfNeeded();
    await shot(desk, 'bookings-12-provider-leave');
    await desk.locator('.staff-btn--primary', { hasText: '保存设置' }).click();
    await desk.getByText('值班设置已保存').waitFor();

    const free = await freeSlotsOn(booked.date);
    expect(free.some((s) => s.providerId === booked.providerId)).toBe(false);
    expect(free.length).toBeGreaterThan(0); // the other lawyer still works that day
    await desk.context().close();
  });
});
