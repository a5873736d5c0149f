import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { phonePage, screenshot as save } from './browser';
import { api, E2E_ADMIN_PASSWORD, type RunningServer } from './server';

/* The steps the end-to-end tests share: signing in, staff accounts, whole-page screenshots. */

/** A staff member's desktop screen. */
export const DESKTOP = { width: 1280, height: 800 };

/** The page on top of the H5 page stack (pages below it stay in the DOM, hidden). */
export const top = (page: Page) => page.locator('.taro_router > .taro_page').last();

/** Throws unless the API answered with `status`; returns the body. */
export async function ok<T = any>(p: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const res = await p;
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Waits for H5's page slide-in to finish (a screenshot mid-animation shows two pages); by default also for no sideways scroll. */
export async function settled(page: Page, { noOverflow = true }: { noOverflow?: boolean } = {}) {
  await page.waitForFunction(
    (checkOverflow) => {
      const pages = document.querySelectorAll('.taro_router > .taro_page');
      const last = pages[pages.length - 1] as HTMLElement | undefined;
      return !!last && Math.abs(last.getBoundingClientRect().left) < 1 && (!checkOverflow || document.documentElement.scrollWidth <= window.innerWidth);
    },
    noOverflow,
  );
}

/** The whole current page: the viewport is stretched to its height for the shot (the page scrolls inside its own container). */
export async function pageScreenshot(page: Page, name: string, { maxHeight = 5000, noOverflow = true }: { maxHeight?: number; noOverflow?: boolean } = {}) {
  await settled(page, { noOverflow });
  const size = page.viewportSize()!;
  const height = await top(page).evaluate((el) => el.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(size.height, height), maxHeight) });
  await save(page, name);
  await page.setViewportSize(size);
}

/** The seeded city admin's API token. */
export async function adminToken(server: RunningServer): Promise<string> {
  return (await ok<{ token: string }>(api(server.url, 'POST', '/api/auth/staff', { username: 'admin', password: E2E_ADMIN_PASSWORD }))).token;
}

/** The seeded centers, by code. */
export async function centersByCode(server: RunningServer): Promise<Record<string, { id: string; code: string; name: string }>> {
  const { items } = await ok<{ items: Array<{ id: string; code: string; name: string }> }>(api(server.url, 'GET', '/api/centers'));
  return Object.fromEntries(items.map((c) => [c.code, c]));
}

interface NewStaff {
  username: string;
  password: string;
  displayName: string;
  role?: string;
  /** The center, by id or by its seeded code. */
  centerId?: string;
  centerCode?: string;
  /** The admin's token (signed in once more when left out). */
  token?: string;
}

/** A staff account created by the admin through POST /api/admin/staff (201 expected). */
export async function createStaff(server: RunningServer, { username, password, displayName, role = 'center_staff', centerId, centerCode, token }: NewStaff) {
  const center = centerId ?? (centerCode ? (await centersByCode(server))[centerCode]?.id : undefined);
  if (centerCode && !center) throw new Error(`no center ${centerCode}`);
  return ok(api(server.url, 'POST', '/api/admin/staff', { username, password, displayName, role, centerId: center }, token ?? (await adminToken(server))), 201);
}

/** Signs in at the staff login page on a desktop-sized page and waits for the inbox. */
export async function signInStaffPage(browser: Browser, server: RunningServer, username: string, password: string, opts: BrowserContextOptions = {}): Promise<Page> {
  const page = await phonePage(browser, { viewport: DESKTOP, ...opts });
  await page.goto(server.url + '/staff/pages/login/index');
  const inputs = page.locator('.staff-field__input input');
  await inputs.nth(0).fill(username);
  await inputs.nth(1).fill(password);
  await page.locator('.staff-btn--primary').click();
  await page.waitForURL('**/staff/pages/inbox/index');
  return page;
}
