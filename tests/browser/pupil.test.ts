import type { Core } from '@strapi/strapi';
import { adminLogin } from '../helpers/admin';
import { startAdminBrowser, type AdminBrowser } from '../helpers/browser';
import { make } from '../helpers/school-fixture';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/**
 * «Ученик» in the built admin panel (issue 11, «Done when»): the class teacher of 5Б picks their
 * class, opens a pupil and sees on one page the subject marks, meta-subject and personal results,
 * the ВПР result, the trajectory and the special conditions with the diagnosis; a subject teacher of
 * another class is offered only their own classes.
 */

let panel: AdminBrowser;
let strapi: Core.Strapi;
let world: TwoClassSchool;

beforeAll(async () => {
  panel = await startAdminBrowser();
  ({ strapi } = panel);
  world = await buildTwoClasses(strapi);
  const kuznetsov = world.school.pupil5b.documentId;
  const year = world.school.year.documentId;
  await make(strapi, 'api::competency-result.competency-result', {
    student: kuznetsov,
    academicYear: year,
    resultGroup: 'meta-subject',
    uudKind: 'communicative',
    indicator: 'Работа в группе',
    level: 'высокий',
    source: 'observation',
    date: '2025-10-20',
  });
  await make(strapi, 'api::external-assessment.external-assessment', {
    kind: 'vpr',
    title: 'ВПР по математике, 5 класс',
    date: '2026-04-15',
    subject: world.school.math.documentId,
    student: kuznetsov,
    score: 12,
    maxScore: 20,
    mark: 3,
  });
  await make(strapi, 'api::learning-trajectory.learning-trajectory', {
    student: kuznetsov,
    academicYear: year,
    basis: 'Пробелы в вычислениях по итогам первой четверти',
    startsOn: '2025-10-27',
    nextReviewOn: '2025-12-20',
    goals: [{ subject: world.school.math.documentId, goal: 'Устранить пробелы в действиях с дробями', dueOn: '2025-12-15' }],
  });
  await make(strapi, 'api::special-condition.special-condition', {
    student: kuznetsov,
    commissionDate: '2025-08-20',
    commissionNumber: 'ПМПК № 201',
    conditions: 'Дополнительное время на контрольных работах',
    diagnosis: 'G80',
  });
  // Their admin accounts carry the e-mails of their school accounts (tests/helpers/strapi.ts createAccount).
  await adminLogin(strapi, { email: 'classteacher.b@school.test', roleCode: 'school-teacher' });
  await adminLogin(strapi, { email: 'teacher.a@school.test', roleCode: 'school-teacher' });
});

afterAll(async () => {
  await panel?.stop();
});

it('shows the class teacher one pupil’s year on one page: marks, results, ВПР, trajectory, special conditions', async () => {
  const page = await panel.russianPage();
  await panel.logIn(page, 'classteacher.b@school.test');
  await page.goto(`${panel.baseUrl}/admin/plugins/school-pupil`);
  await page.getByRole('heading', { name: 'Ученик' }).first().waitFor({ timeout: 30_000 });
  await page.getByRole('combobox', { name: 'Учебный год' }).click();
  await page.getByRole('option', { name: '2025/2026' }).click();
  await page.getByRole('combobox', { name: 'Класс' }).click();
  await page.getByRole('option', { name: '5Б' }).click();
  await page.getByText(String(world.school.pupil5b.fullName)).first().click();
  await page.getByRole('heading', { name: 'Предметные результаты', exact: true }).waitFor({ timeout: 15_000 });
  await page.getByText('Математика', { exact: true }).first().waitFor();
  await page.getByText('Работа в группе').waitFor();
  await page.getByText('ВПР по математике, 5 класс').waitFor();
  await page.getByText('Пробелы в вычислениях по итогам первой четверти').waitFor();
  await page.getByText('Дополнительное время на контрольных работах').waitFor();
  await page.getByText('G80', { exact: true }).waitFor();
  await page.getByText('Специальные условия обучения', { exact: true }).first().waitFor();
  await panel.shot(page, 'pupil-card');
  await page.close();
});

it('offers a subject teacher only the classes they teach', async () => {
  const page = await panel.russianPage();
  await panel.logIn(page, 'teacher.a@school.test');
  await page.goto(`${panel.baseUrl}/admin/plugins/school-pupil`);
  await page.getByRole('heading', { name: 'Ученик' }).first().waitFor({ timeout: 30_000 });
  await page.getByRole('combobox', { name: 'Учебный год' }).click();
  await page.getByRole('option', { name: '2025/2026' }).click();
  await page.getByRole('combobox', { name: 'Класс' }).click();
  await page.getByRole('option', { name: '5А' }).waitFor();
  expect(await page.getByRole('option', { name: '5Б' }).count()).toBe(0);
  await page.keyboard.press('Escape');
  await page.close();
});
