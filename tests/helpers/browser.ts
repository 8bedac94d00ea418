import fs from 'fs';
import type { AddressInfo } from 'net';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ADMIN_TEST_PASSWORD } from './admin';
import { bootStrapi, stopStrapi } from './strapi';

/**
 * The browser tests' common ground: a real Strapi on a loopback port serving the built admin panel,
 * the machine's Chromium (never a downloaded browser), Russian pages, the admin login form, and
 * screenshots kept in test-artifacts/screenshots.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = path.resolve(__dirname, '../../test-artifacts/screenshots');

export interface AdminBrowser {
  strapi: Core.Strapi;
  browser: Browser;
  baseUrl: string;
  /** A new page of the panel in Russian, as a school sees it. */
  russianPage(options?: { acceptDownloads?: boolean }): Promise<Page>;
  /** Signs in through the panel's login form with the test password of `adminLogin`. */
  logIn(page: Page, email: string): Promise<void>;
  shot(page: Page, name: string): Promise<void>;
  stop(): Promise<void>;
}

export const startAdminBrowser = async (): Promise<AdminBrowser> => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\``);
  fs.mkdirSync(SHOTS, { recursive: true });
  const strapi = await bootStrapi();
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(strapi.server.httpServer.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  return {
    strapi,
    browser,
    baseUrl,
    async russianPage({ acceptDownloads = false } = {}) {
      // The school's staff work on the school's clock: a form's «today» is the school's day, also around midnight.
      const page = await browser.newPage({
        viewport: { width: 1440, height: 900 },
        locale: 'ru-RU',
        timezoneId: 'Europe/Moscow',
        acceptDownloads,
      });
      await page.addInitScript(() => window.localStorage.setItem('strapi-admin-language', 'ru'));
      return page;
    },
    async logIn(page, email) {
      await page.goto(`${baseUrl}/admin/auth/login`);
      await page.locator('input[name="email"]').fill(email);
      await page.locator('input[name="password"]').fill(ADMIN_TEST_PASSWORD);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((url) => !url.pathname.includes('/auth/login'), { timeout: 30_000 });
    },
    async shot(page, name) {
      await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    },
    async stop() {
      await browser.close();
      await new Promise<void>((resolve) => strapi.server.httpServer.close(() => resolve()));
      await stopStrapi(strapi);
    },
  };
};
