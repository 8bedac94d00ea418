import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Browser } from 'playwright-core';
import { adminLogin, ADMIN_TEST_PASSWORD } from '../helpers/admin';
import { SHOTS, startAdminBrowser, type AdminBrowser } from '../helpers/browser';

/**
 * The built admin panel in the machine's Chromium: Russian from the login page on (no language
 * chosen in the browser yet), the content manager's Russian field labels, and
 * the school settings page with a field-level message for a bad time zone.
 */

let panel: AdminBrowser;
let strapi: Core.Strapi;
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  panel = await startAdminBrowser();
  ({ strapi, browser, baseUrl } = panel);
  await adminLogin(strapi, { email: 'browser-admin@school.test' });
});

afterAll(async () => {
  await panel?.stop();
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
  // The level scale of meta-subject and personal results (R77): one level per line, at least two.
  const levels = page.locator('textarea[name="competencyLevels"]');
  expect(await levels.inputValue()).toBe('низкий\nбазовый\nповышенный\nвысокий');
  await levels.fill('сформирован');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await page
    .getByText(/В шкале от 2 до 10 уровней/)
    .first()
    .waitFor({ timeout: 15_000 });
  await levels.fill('не сформирован\n сформирован \n');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await page.getByText('Настройки школы сохранены').first().waitFor({ timeout: 15_000 });
  const stored = (await strapi.store({ type: 'core', name: 'school_records' }).get({ key: 'school_settings' })) as Record<string, unknown>;
  expect(stored).toMatchObject({
    timeZone: 'Asia/Yekaterinburg',
    address: 'г. Екатеринбург, ул. Мира, 5',
    competencyLevels: ['не сформирован', 'сформирован'],
  });
  await page.close();
});
