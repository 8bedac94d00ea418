import fs from 'fs';
import type { AddressInfo } from 'net';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { chromium, type Browser } from 'playwright-core';
import { adminLogin, ADMIN_TEST_PASSWORD } from '../helpers/admin';
import { bootStrapi, stopStrapi } from '../helpers/strapi';

/**
 * The built admin panel in the machine's Chromium: Russian from the login page on (no language
 * chosen in the browser yet), the content manager's Russian field labels, and
 * the school settings page with a field-level message for a bad time zone.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '../../test-artifacts/screenshots');

let strapi: Core.Strapi;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\``);
  fs.mkdirSync(SHOTS, { recursive: true });
  strapi = await bootStrapi();
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(strapi.server.httpServer.address() as AddressInfo).port}`;
  await adminLogin(strapi, { email: 'browser-admin@school.test' });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
});

afterAll(async () => {
  await browser?.close();
  if (strapi) await new Promise<void>((resolve) => strapi.server.httpServer.close(() => resolve()));
  await stopStrapi(strapi);
});

it('opens in Russian, labels the mark form in Russian and saves the school settings with field messages', async () => {
  // An English-speaking browser: the panel must still default to Russian.
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.getByRole('button', { name: 'Войти' }).waitFor({ timeout: 60_000 });
  expect(await page.evaluate(() => window.localStorage.getItem('strapi-admin-language'))).toBe('ru');
  await page.screenshot({ path: path.join(SHOTS, 'admin-login-ru.png') });

  await page.locator('input[name="email"]').fill('browser-admin@school.test');
  await page.locator('input[name="password"]').fill(ADMIN_TEST_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/login'), { timeout: 30_000 });

  // The edit form of a new mark: Russian labels in our rows.
  await page.goto(`${baseUrl}/admin/content-manager/collection-types/api::mark.mark/create`);
  await page.waitForTimeout(3000);
  await page.screenshot({ path: path.join(SHOTS, 'admin-mark-form-ru.png'), fullPage: true });
  for (const label of ['Журнал', 'Обучающийся', 'Вид отметки', 'Отметка', 'Вес', 'Вид работы', 'Комментарий'])
    await page
      .getByText(new RegExp(`^${label}\\*?$`))
      .first()
      .waitFor({ timeout: 30_000 });
  await page.getByText('Новая запись').first().waitFor();

  await page.goto(`${baseUrl}/admin/settings/school-settings`);
  await page.getByRole('heading', { name: 'Настройки школы' }).first().waitFor({ timeout: 30_000 });
  const timeZone = page.locator('input[name="timeZone"]');
  await timeZone.fill('Europe/Atlantis');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await page
    .getByText(/Неизвестный часовой пояс «Europe\/Atlantis»/)
    .first()
    .waitFor({ timeout: 15_000 });
  await page.screenshot({ path: path.join(SHOTS, 'admin-school-settings-error.png'), fullPage: true });

  await timeZone.fill('Asia/Yekaterinburg');
  await page.locator('textarea[name="address"]').fill('г. Екатеринбург, ул. Мира, 5');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await page.getByText('Настройки школы сохранены').first().waitFor({ timeout: 15_000 });
  const stored = (await strapi.store({ type: 'core', name: 'school_records' }).get({ key: 'school_settings' })) as Record<string, unknown>;
  expect(stored).toMatchObject({ timeZone: 'Asia/Yekaterinburg', address: 'г. Екатеринбург, ул. Мира, 5' });
  await page.close();
});
