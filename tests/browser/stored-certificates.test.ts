import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { adminLogin } from '../helpers/admin';
import { startAdminBrowser, type AdminBrowser } from '../helpers/browser';
import { make } from '../helpers/school-fixture';

/**
 * The archivist's «Бумажный архив» in the built admin panel: a held аттестат whose pupil has left is
 * returned through «Вернуть» — the form shows the server's refusal beside the name, then records the
 * return — and «Расписка» downloads the receipt for signature.
 */

let panel: AdminBrowser;
let strapi: Core.Strapi;
let carrierId: number;

beforeAll(async () => {
  panel = await startAdminBrowser();
  ({ strapi } = panel);
  const year = await make(strapi, 'api::academic-year.academic-year', {
    title: '2026/2027',
    startDate: '2026-09-01',
    endDate: '2027-08-31',
    state: 'current',
  });
  const class10a = await make(strapi, 'api::school-class.school-class', { grade: 10, letter: 'А', academicYear: year.documentId });
  const pupil = await make(strapi, 'api::student.student', {
    lastName: 'Павлов',
    firstName: 'Игорь',
    patronymic: 'Сергеевич',
    gender: 'male',
    birthDate: '2011-05-14',
  });
  await make(strapi, 'api::enrollment.enrollment', {
    student: pupil.documentId,
    schoolClass: class10a.documentId,
    startDate: '2026-09-01',
    admissionOrder: '№ 70-у',
    endDate: '2026-10-15',
    leavingReason: 'transferred-to-other-school',
    leavingOrder: '№ 112-у',
  });
  const token = await adminLogin(strapi, { email: 'archivist@school.test', roleCode: 'school-archivist' });
  const created = await supertest(strapi.server.httpServer)
    .post('/records-archive/paper-archive/carriers')
    .set('Authorization', `Bearer ${token}`)
    .send({
      recordType: 'stored-basic-certificate',
      title: 'Аттестат об основном общем образовании: Павлов И. С.',
      schoolYear: '2026/2027',
      student: pupil.documentId,
    });
  expect(created.status).toBe(201);
  carrierId = created.body.data.id;
});

afterAll(async () => {
  await panel?.stop();
});

it('lets the archivist return a held аттестат against the receiver’s name and download the receipt', async () => {
  const page = await panel.russianPage({ acceptDownloads: true });
  await panel.logIn(page, 'archivist@school.test');
  await page.goto(`${panel.baseUrl}/admin/plugins/records-archive/paper`);
  const section = page.getByRole('heading', { name: 'Аттестаты об основном общем образовании на хранении' });
  await section.waitFor({ timeout: 30_000 });
  await section.scrollIntoViewIfNeeded();
  await page.getByText(/выбыл\(а\) 15\.10\.2026, приказ № 112-у: вернуть/).waitFor();

  await page.getByRole('button', { name: 'Вернуть', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('Возврат аттестата: Павлов Игорь Сергеевич').waitFor();
  // Without the receiver's name the server refuses, and says so beside the field.
  await dialog.locator('input[name="receivedBy"]').fill('   ');
  await dialog.getByRole('button', { name: 'Записать возврат' }).click();
  await dialog.getByText('Укажите фамилию, имя и отчество получившего аттестат').first().waitFor({ timeout: 15_000 });
  expect((await strapi.db.query('plugin::records-archive.paper-carrier').findOne({ where: { id: carrierId } })).state).toBe('in-storage');
  await panel.shot(page, 'stored-certificate-return-refused');

  await dialog.locator('input[name="receivedBy"]').fill('Павлова Ирина Сергеевна');
  await dialog.locator('input[name="receiverDocument"]').fill('паспорт 45 10 123456');
  await dialog.getByRole('button', { name: 'Записать возврат' }).click();
  await page.getByRole('heading', { name: 'Возвращены под роспись' }).waitFor({ timeout: 15_000 });
  await page.getByText('Павлова Ирина Сергеевна').first().waitFor();
  expect(await strapi.db.query('plugin::records-archive.paper-carrier').findOne({ where: { id: carrierId } })).toEqual(
    expect.objectContaining({ state: 'handed-over', handedOverTo: 'Павлова Ирина Сергеевна', handedOverToKind: 'parent' }),
  );
  await panel.shot(page, 'stored-certificate-returned');
  // In the register the returned carrier says who took it, and is not edited any more.
  await page.getByText(/\d{2}\.\d{2}\.\d{4}, получил\(а\) Павлова Ирина Сергеевна/).waitFor();
  expect(await page.getByRole('button', { name: 'Изменить' }).isDisabled()).toBe(true);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Расписка' }).click()]);
  expect(download.suggestedFilename()).toMatch(/Расписка в получении аттестата/);
  await page.close();
});
