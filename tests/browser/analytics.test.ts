import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Page } from 'playwright-core';
import { adminLogin } from '../helpers/admin';
import { SHOTS, startAdminBrowser, type AdminBrowser } from '../helpers/browser';
import { buildMiniSchool, make, teach, type MiniSchool } from '../helpers/school-fixture';
import { createAccount } from '../helpers/strapi';

/**
 * The deputy director's «Аналитика» in a real browser: the section is in the menu, the page shows
 * the school's figures, classes ranked, pupils at risk, and downloads the workbook; a teacher's
 * admin account has no such section. Screenshots go to test-artifacts/.
 */

let panel: AdminBrowser;
let strapi: Core.Strapi;
let school: MiniSchool;
let baseUrl: string;

const russianPage = () => panel.russianPage({ acceptDownloads: true });
const logIn = (page: Page, email: string) => panel.logIn(page, email);

beforeAll(async () => {
  panel = await startAdminBrowser();
  ({ strapi, baseUrl } = panel);
  school = await buildMiniSchool(strapi);
  const [ivanov, petrova, sidorov] = school.pupils5a;
  const q1 = school.quarters[0].documentId;
  for (const [pupil, value] of [
    [ivanov, '4'],
    [petrova, '5'],
    [sidorov, '2'],
  ] as const)
    await make(strapi, 'api::mark.mark', {
      kind: 'periodic',
      journal: school.mathJournal.documentId,
      studyPeriod: q1,
      student: pupil.documentId,
      value,
    });
  // Сидоров already has an open trajectory (R24): the at-risk table marks it in «ИОТ».
  await make(strapi, 'api::learning-trajectory.learning-trajectory', {
    student: sidorov.documentId,
    academicYear: school.year.documentId,
    basis: 'Итоги анализа результатов за 1 четверть',
    startsOn: '2025-10-27',
    goals: [{ subject: school.math.documentId, goal: 'ликвидировать пробелы по предмету Математика' }],
  });
  // A control work of Q1 marked by points, and the maths programme whose topic it checks (R91).
  const mathTeacher = await createAccount(strapi, 'teacher', 'analytics.math.teacher');
  await teach(strapi, school.mathJournal.documentId, mathTeacher);
  await make(strapi, 'api::work-programme.work-programme', {
    journal: school.mathJournal.documentId,
    teacher: mathTeacher.documentId,
    title: 'Математика, 5 класс',
    hoursPerYear: 34,
    plan: [{ topic: 'Дроби', lessons: 10, plannedResults: 'складывать и вычитать дроби\nсравнивать дроби' }],
  });
  // The КИМ the control work uses (R98).
  const kim = await make(strapi, 'api::assessment-material.assessment-material', {
    title: 'КИМ «Дроби», 5 класс',
    subject: school.math.documentId,
    grade: 5,
    maxPoints: 10,
    basicFromPoints: 5,
    advancedFromPoints: 8,
  });
  const controlWork = await make(strapi, 'api::lesson.lesson', {
    journal: school.mathJournal.documentId,
    date: '2025-10-15',
    number: 2,
    topic: 'Контрольная работа: дроби',
    workType: 'control-work',
    assessmentMaterial: kim.documentId,
    plannedSuccessRate: 80,
    maxPoints: 10,
    basicFromPoints: 5,
    advancedFromPoints: 8,
  });
  for (const [pupil, value, points] of [
    [ivanov, '5', 9],
    [petrova, '4', 7],
  ] as const)
    await make(strapi, 'api::mark.mark', {
      kind: 'current',
      journal: school.mathJournal.documentId,
      lesson: controlWork.documentId,
      student: pupil.documentId,
      value,
      points,
    });
  const roleId = async (code: string) => (await strapi.db.query('admin::role').findOne({ where: { code } })).id as number;
  await adminLogin(strapi, { email: 'deputy@school.test', roleId: await roleId('school-deputy-director'), firstname: 'Ольга' });
  await adminLogin(strapi, { email: 'teacher@school.test', roleId: await roleId('school-teacher'), firstname: 'Анна' });
});

afterAll(async () => {
  await panel?.stop();
});

describe('«Аналитика» in the browser', () => {
  it('shows the deputy director the school’s figures, classes ranked and pupils at risk, and downloads them', async () => {
    const page = await russianPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await logIn(page, 'deputy@school.test');
    await page.getByRole('link', { name: 'Аналитика' }).first().waitFor();
    await page.goto(`${baseUrl}/admin/plugins/school-analytics?period=${school.quarters[0].documentId}`);
    await page.getByText('Классы: рейтинг по качеству знаний').waitFor();
    const classes = page.locator('table').first();
    await classes.getByText('5А').waitFor();
    // 5А in Q1: 4, 5, 2 → average 3,67; success 2 of 3; quality 2 of 3.
    expect(await classes.locator('tbody tr').first().innerText()).toMatch(/5А\s+3\s+3,67\s+66,7 %\s+66,7 %/);
    await page
      .getByText(/^Сидоров/)
      .first()
      .waitFor();
    await page.getByText('ожидается «2»').first().waitFor();
    const atRisk = page.locator('table', { has: page.getByText('Причины') });
    await atRisk.getByText('ИОТ').waitFor();
    expect(await atRisk.locator('tbody tr', { hasText: 'Сидоров' }).innerText()).toMatch(/есть\s*$/);
    // The charts: a bar per class in the period, and the dynamics over the periods begun.
    await page.locator('[data-testid="analytics-chart-groups"] .recharts-bar-rectangle').first().waitFor();
    await page.locator('[data-testid="analytics-chart-groups"] svg text', { hasText: '5А' }).first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'analytics-deputy.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать XLSX' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^analitika-.*\.xlsx$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the deputy the period’s control works against the plan, a КИМ across classes, and a programme’s mastery of its planned results by topic', async () => {
    const page = await russianPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await logIn(page, 'deputy@school.test');
    await page.goto(`${baseUrl}/admin/plugins/school-analytics?period=${school.quarters[0].documentId}`);
    const works = page.locator('table', { has: page.getByText('Писали / отсутствовали') });
    const work = works.locator('tbody tr', { hasText: 'Контрольная работа: дроби' });
    await work.waitFor();
    // Иванов 5 (9 points), Петрова 4 (7 points): both passed, plan 80 %; one advanced, one basic.
    expect(await work.innerText()).toMatch(/15\.10\.2025\s+5А\s+Математика\s+Контрольная работа: дроби\s+2 \/ 0\s+100 %\s+план 80 %/);
    expect(await work.innerText()).toContain('повышенный 1 · базовый 1 · ниже базового 0');

    // The КИМ the period's works name: its table per class and in total (R98).
    await page.getByRole('combobox', { name: 'КИМ' }).click();
    await page.getByRole('option', { name: 'КИМ «Дроби», 5 класс' }).click();
    const material = page.locator('table', { has: page.getByText('Средний балл (из 10)') });
    // 5А: Иванов 9, Петрова 7 → 2 wrote, 0 absent, 100 %, качество 100 %, average 8.
    expect(await material.locator('tbody tr', { hasText: '5А' }).innerText()).toMatch(
      /5А\s+15\.10\.2025\s+2 \/ 0\s+100 %\s+100 %\s+8\s+повышенный 1 · базовый 1 · ниже базового 0/,
    );
    expect(await material.locator('tbody tr', { hasText: 'Всего' }).innerText()).toMatch(/Всего\s+2 \/ 0\s+100 %\s+100 %\s+8/);

    const programmes = page.locator('table', { has: page.getByText('По плану к дате') });
    const programme = programmes.locator('tbody tr', { hasText: '5А' });
    await programme.waitFor();
    await programme.getByRole('button', { name: 'Освоение' }).click();
    await page.getByText('Освоение планируемых результатов: 5А, Математика').waitFor();
    const topics = page.locator('table', { has: page.getByText('Тема и планируемые результаты') });
    const fractions = topics.locator('tbody tr', { hasText: 'Дроби' });
    await fractions.getByText('• складывать и вычитать дроби').waitFor();
    await fractions.getByText('• сравнивать дроби').waitFor();
    expect(await fractions.innerText()).toMatch(/15\.10\.2025:/);
    // Сидоров wrote no control work of the topic: not assessed.
    expect(await fractions.innerText()).toMatch(/повышенный 1 · базовый 1 · ниже базового 0\s+1\s*$/);
    await page.screenshot({ path: path.join(SHOTS, 'analytics-programmes.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no «Аналитика» for a teacher’s admin account', async () => {
    const page = await russianPage();
    await logIn(page, 'teacher@school.test');
    await page.getByRole('link', { name: 'Журнал' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Аналитика' }).count()).toBe(0);
    await page.close();
  });
});
