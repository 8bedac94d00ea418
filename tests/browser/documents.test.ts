import type { Core } from '@strapi/strapi';
import { adminLogin } from '../helpers/admin';
import { startAdminBrowser, type AdminBrowser } from '../helpers/browser';
import { make } from '../helpers/school-fixture';
import { apiAs } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/**
 * The secretary's «Документы» in the built admin panel: find a pupil, fill a year of the personal
 * file from the journal through the confirmation dialog, see it on the page, and meet the
 * certificate book's refusal beside the form's fields; print the class's forms.
 */

let panel: AdminBrowser;
let strapi: Core.Strapi;
let world: TwoClassSchool;

beforeAll(async () => {
  panel = await startAdminBrowser();
  ({ strapi } = panel);
  world = await buildTwoClasses(strapi);
  const secretary = apiAs(strapi, world.accounts.secretary.jwt);
  const opened = await secretary.post('/api/personal-files', { student: world.school.pupils5a[0].documentId, openedOn: '2021-09-01' });
  expect(opened.status).toBe(201);
  await make(strapi, 'api::mark.mark', {
    kind: 'annual',
    journal: world.school.mathJournal.documentId,
    student: world.school.pupils5a[0].documentId,
    value: '5',
  });
  await adminLogin(strapi, { email: 'secretary@school.test', roleCode: 'school-secretary' });
});

afterAll(async () => {
  await panel?.stop();
});

it('lets the secretary find a pupil, fill a year from the journal and see the book’s refusal beside the fields', async () => {
  const page = await panel.russianPage({ acceptDownloads: true });
  await panel.logIn(page, 'secretary@school.test');
  await page.goto(`${panel.baseUrl}/admin/plugins/school-documents`);
  await page.getByRole('heading', { name: 'Документы' }).first().waitFor({ timeout: 30_000 });

  const lastName = String(world.school.pupils5a[0].lastName);
  await page.locator('input[name="q"]').fill(lastName.slice(0, 4));
  await page.getByRole('button', { name: 'Найти' }).click();
  await page.getByText(String(world.school.pupils5a[0].fullName)).first().click();
  await page
    .getByText(/Личное дело № [А-ЯЁ]\/\d+/)
    .first()
    .waitFor({ timeout: 15_000 });
  await page.getByText('Годы в личное дело ещё не заполнены').waitFor();

  // Fill the year 2025/2026 from the journal, through the confirmation dialog.
  await page.getByRole('combobox', { name: 'Учебный год' }).first().click();
  await page.getByRole('option', { name: '2025/2026' }).click();
  await page.getByRole('button', { name: 'Заполнить год из журнала' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Заполнить год из журнала' }).click();
  await page.getByText('Год заполнен из журнала').first().waitFor({ timeout: 15_000 });
  await page.getByText(/Математика — 5/).waitFor({ timeout: 15_000 });
  await panel.shot(page, 'documents-pupil');

  // The certificate book refuses an incomplete registration: the server's messages beside the fields.
  await page.getByRole('button', { name: 'Зарегистрировать аттестат' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Зарегистрировать' }).click();
  await page.getByRole('dialog').locator('[role="alert"], p').filter({ hasText: /./ }).first().waitFor({ timeout: 15_000 });
  await panel.shot(page, 'documents-certificate-refused');
  expect(await strapi.db.query('api::certificate-entry.certificate-entry').count()).toBe(0);
  await page.getByRole('dialog').getByRole('button', { name: 'Отмена' }).click();

  // The class's summary sheet downloads as a PDF.
  const prints = page.getByRole('heading', { name: 'Печатные формы' });
  await prints.scrollIntoViewIfNeeded();
  await page.getByRole('combobox', { name: 'Класс' }).click();
  await page.getByRole('option', { name: '5А' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Сводная ведомость за год (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/Сводная ведомость 5А/);
  await page.close();
});

it('keeps the register of аттестат blanks on «Документы»: a refused receipt beside its field, a receipt, a write-off by an act, the print', async () => {
  const page = await panel.russianPage({ acceptDownloads: true });
  await panel.logIn(page, 'secretary@school.test');
  await page.goto(`${panel.baseUrl}/admin/plugins/school-documents`);
  const section = page.getByRole('heading', { name: 'Бланки аттестатов' });
  await section.waitFor({ timeout: 30_000 });
  await section.scrollIntoViewIfNeeded();

  // Letters for a number: the register's message beside the field, nothing stored.
  await page.getByRole('button', { name: 'Поступление бланков' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('input[name="numberFrom"]').fill('первый');
  await dialog.locator('input[name="receivedOn"]').fill('2026-03-02');
  await dialog.locator('input[name="receiptDocument"]').fill('накладная № 3 от 02.03.2026');
  await dialog.getByRole('button', { name: 'Записать поступление' }).click();
  await dialog.getByText('Номер первого бланка — цифры, как напечатано на бланке').first().waitFor({ timeout: 15_000 });
  expect(await strapi.db.query('api::certificate-blank.certificate-blank').count()).toBe(0);
  await panel.shot(page, 'documents-blanks-refused');

  await dialog.locator('input[name="numberFrom"]').fill('03924000000101');
  await dialog.locator('input[name="numberTo"]').fill('03924000000103');
  await dialog.getByRole('button', { name: 'Записать поступление' }).click();
  await page.getByText('В книгу учёта записано бланков: 3').first().waitFor({ timeout: 15_000 });
  await page.getByRole('row', { name: /03924000000102/ }).waitFor({ timeout: 15_000 });

  // Write off the second blank by an act: its line shows «списан» with the act.
  await page
    .getByRole('row', { name: /03924000000102/ })
    .getByRole('button', { name: 'Списать' })
    .click();
  await dialog.locator('input[name="spoilageAct"]').fill('акт № 1 от 05.03.2026');
  await dialog.locator('input[name="spoiledOn"]').fill('2026-03-05');
  await dialog.locator('input[name="spoilageReason"]').fill('ошибка в фамилии');
  await dialog.getByRole('button', { name: 'Списать по акту' }).click();
  await page.getByRole('row', { name: /03924000000102.*списан.*акт № 1 от 05\.03\.2026/ }).waitFor({ timeout: 15_000 });
  await panel.shot(page, 'documents-blanks');
  expect(await strapi.db.query('api::certificate-blank.certificate-blank').count({ where: { state: 'spoiled' } })).toBe(1);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Книга учёта бланков (PDF)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/Книга учёта бланков аттестатов/);
  await page.close();
});
