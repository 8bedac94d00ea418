import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { adminLogin } from '../helpers/admin';
import { startAdminBrowser, type AdminBrowser } from '../helpers/browser';
import { buildMiniSchool, make, type MiniSchool } from '../helpers/school-fixture';
import { apiAs, createAccount } from '../helpers/strapi';

/**
 * The teacher's workplace in a real browser: the built admin panel in the machine's Chromium. A
 * teacher logs in, opens a journal, fills a day's marks and absences with the keyboard, sees them
 * saved (after a reload, and in the database), sees a refused value explained and a closed period
 * locked; the deputy director adds a remark. Screenshots of each step go to test-artifacts/.
 */

let panel: AdminBrowser;
let strapi: Core.Strapi;
let school: MiniSchool;
let baseUrl: string;
let teacherJwt: string;

const shot = (page: Page, name: string) => panel.shot(page, name);
const russianPage = () => panel.russianPage();
const logIn = (page: Page, email: string) => panel.logIn(page, email);

const journalUrl = (period: string) => `${baseUrl}/admin/plugins/school-journal?journal=${school.mathJournal.documentId}&period=${period}`;

const cell = (page: Page, row: number, col: number) =>
  page.locator(`[data-testid="journal-grid"] td[data-row="${row}"][data-col="${col}"]`);

/**
 * A key of the Russian layout: its keydown, as the browser sends it for «н» on a Russian keyboard
 * (Playwright's keyboard knows the US layout only and would paste the letter as text).
 */
const pressRussianKey = async (page: Page, key: string) => {
  await page.evaluate((letter) => {
    document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: letter, bubbles: true, cancelable: true }));
  }, key);
};

/** Waits until no cell is waiting for the server. */
const settled = async (page: Page) => {
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="journal-grid"] td.pending').length === 0);
};

beforeAll(async () => {
  panel = await startAdminBrowser();
  ({ strapi, baseUrl } = panel);

  const teacherAccount = await createAccount(strapi, 'teacher', 'browser_teacher');
  teacherJwt = teacherAccount.jwt;
  school = await buildMiniSchool(strapi, { teacher: teacherAccount });
  await strapi.db
    .query('api::study-period.study-period')
    .update({ where: { documentId: school.quarters[1].documentId }, data: { state: 'closed' } });

  const roleId = async (code: string) => (await strapi.db.query('admin::role').findOne({ where: { code } })).id as number;
  // The teacher's admin account has the e-mail of their school account: that is how it reaches their journals.
  await adminLogin(strapi, {
    email: 'browser_teacher@school.test',
    roleId: await roleId('school-teacher'),
    firstname: 'Анна',
    lastname: 'Учитель',
  });
  await adminLogin(strapi, {
    email: 'deputy@school.test',
    roleId: await roleId('school-deputy-director'),
    firstname: 'Ольга',
    lastname: 'Завуч',
  });
});

afterAll(async () => {
  await panel?.stop();
});

describe('the journal grid in the browser', () => {
  let page: Page;

  beforeAll(async () => {
    page = await russianPage();
    await logIn(page, 'browser_teacher@school.test');
  });

  it('greets the teacher on the home page with their day and the journals behind', async () => {
    await page.goto(`${baseUrl}/admin`);
    const widget = page.locator('[data-testid="home-teacher"]');
    await widget.waitFor();
    expect(await widget.textContent()).toContain('Уроки сегодня');
    await shot(page, '00-teacher-home');
  });

  it('shows the teacher the «Журнал» section and the journal as a grid of pupils and lessons', async () => {
    await page.goto(journalUrl(school.quarters[0].documentId));
    await page.locator('[data-testid="journal-grid"]').waitFor();
    expect(await page.locator('[data-testid="journal-grid"] td.pupil').allTextContents()).toEqual([
      expect.stringMatching(/^Иванов/),
      expect.stringMatching(/^Петрова/),
      expect.stringMatching(/^Сидоров/),
    ]);
    expect(await page.locator('[data-testid="journal-grid"] th.lesson-head').count()).toBe(2);
    await shot(page, '01-teacher-journal');
  });

  it('fills a day’s marks and absences with the keyboard and keeps them after a reload and in the database', async () => {
    await cell(page, 0, 1).click();
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await pressRussianKey(page, 'н');
    await page.keyboard.press('Enter');
    await page.keyboard.type('4 5');
    await page.keyboard.press('Tab');
    await settled(page);
    await shot(page, '02-marks-typed');

    await page.reload();
    await page.locator('[data-testid="journal-grid"]').waitFor();
    expect(await cell(page, 0, 1).textContent()).toBe('5');
    expect(await cell(page, 1, 1).textContent()).toBe('н');
    expect(await cell(page, 2, 1).textContent()).toBe('4 5');

    const marks = await strapi.db.query('api::mark.mark').findMany({
      where: { lesson: { documentId: school.lessons[1].documentId } },
      populate: { student: { select: ['lastName'] } },
      orderBy: { id: 'asc' },
    });
    expect(marks.map((mark: { student: { lastName: string }; value: string }) => [mark.student.lastName, mark.value])).toEqual([
      ['Иванов', '5'],
      ['Сидоров', '4'],
      ['Сидоров', '5'],
    ]);
    const absences = await strapi.db.query('api::attendance.attendance').findMany({ populate: { student: { select: ['lastName'] } } });
    expect(absences.map((entry: { student: { lastName: string }; kind: string }) => [entry.student.lastName, entry.kind])).toEqual([
      ['Петрова', 'absent'],
    ]);
    // And through the REST API, as the teacher's school account reads them.
    const rest = await apiAs(strapi, teacherJwt).get(
      `/api/marks?filters[lesson][documentId][$eq]=${school.lessons[1].documentId}&populate[student][fields][0]=lastName&sort=id`,
    );
    expect(rest.body.data.map((mark: { value: string; student: { lastName: string } }) => [mark.student.lastName, mark.value])).toEqual([
      ['Иванов', '5'],
      ['Сидоров', '4'],
      ['Сидоров', '5'],
    ]);
  });

  it('clears a cell with Delete', async () => {
    await cell(page, 0, 1).click();
    await page.keyboard.press('Delete');
    await settled(page);
    expect(await cell(page, 0, 1).textContent()).toBe('');
    expect(await strapi.db.query('api::mark.mark').count({ where: { student: { documentId: school.pupils5a[0].documentId } } })).toBe(0);
  });

  it('explains a refused value beside the grid, marks the cell and stores nothing', async () => {
    await cell(page, 0, 0).click();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    const refusal = page.locator('[data-testid="grid-refusal"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('допустимы 2, 3, 4, 5');
    await settled(page);
    expect(await cell(page, 0, 0).getAttribute('class')).toContain('failed');
    expect(await cell(page, 0, 0).textContent()).toBe('');
    await shot(page, '03-refused-value');
  });

  it('shows a closed period locked and read-only', async () => {
    await page.goto(journalUrl(school.quarters[1].documentId));
    await page.locator('[data-testid="period-locked"]').waitFor();
    await cell(page, 0, 0).click();
    await page.keyboard.type('5');
    expect(await page.locator('[data-testid="journal-grid"] input').count()).toBe(0);
    expect(await cell(page, 0, 0).getAttribute('class')).toContain('off');
    await shot(page, '04-closed-period');
  });
});

describe('the points of a control work in the browser (R91)', () => {
  let page: Page;

  beforeAll(async () => {
    await make(strapi, 'api::lesson.lesson', {
      journal: school.mathJournal.documentId,
      date: '2025-10-15',
      number: 2,
      topic: 'Контрольная работа: дроби',
      workType: 'control-work',
      maxPoints: 20,
      basicFromPoints: 8,
      advancedFromPoints: 15,
    });
    page = await russianPage();
    await logIn(page, 'browser_teacher@school.test');
  });

  afterAll(async () => {
    await page?.close();
  });

  it('takes the points typed after the mark, shows them against the maximum with the level, and refuses more than the maximum', async () => {
    await page.goto(journalUrl(school.quarters[0].documentId));
    await page.locator('[data-testid="journal-grid"]').waitFor();
    expect(await page.locator('[data-testid="journal-grid"] th.lesson-head').nth(2).textContent()).toContain('/20');
    await cell(page, 0, 2).click();
    await page.keyboard.type('5/18');
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await cell(page, 0, 2).textContent()).toBe('5 · 18/20');
    expect(await cell(page, 0, 2).getAttribute('title')).toBe('Уровень: повышенный');

    // Now on the next pupil: more points than the work has.
    await page.keyboard.type('4/25');
    await page.keyboard.press('Enter');
    const refusal = page.locator('[data-testid="grid-refusal"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('от 0 до 20');
    await settled(page);
    expect(await cell(page, 1, 2).getAttribute('class')).toContain('failed');
    expect(await cell(page, 1, 2).textContent()).toBe('');
    await shot(page, '09-control-work-points');

    await page.reload();
    await page.locator('[data-testid="journal-grid"]').waitFor();
    expect(await cell(page, 0, 2).textContent()).toBe('5 · 18/20');
    const marks = await strapi.db.query('api::mark.mark').findMany({
      where: { lesson: { topic: 'Контрольная работа: дроби' } },
      populate: { student: { select: ['lastName'] } },
    });
    expect(
      marks.map((mark: { student: { lastName: string }; value: string; points: unknown }) => [
        mark.student.lastName,
        mark.value,
        Number(mark.points),
      ]),
    ).toEqual([['Иванов', '5', 18]]);
  });

  it('sets a column’s maximum and thresholds in its header, showing a refused threshold beside its field', async () => {
    await make(strapi, 'api::lesson.lesson', {
      journal: school.mathJournal.documentId,
      date: '2025-10-16',
      number: 3,
      topic: 'Контрольная работа: проценты',
    });
    await page.goto(journalUrl(school.quarters[0].documentId));
    await page.locator('[data-testid="journal-grid"]').waitFor();
    const head = page.locator('[data-testid="journal-grid"] th.lesson-head').nth(3);
    expect(await head.textContent()).not.toContain('/');
    await head.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Вид работы' }).click();
    await page.getByRole('option', { name: 'Контрольная работа' }).click();
    await dialog.getByLabel('Максимум баллов').fill('10');
    await dialog.getByLabel('Базовый уровень — от, баллов').fill('9');
    await dialog.getByLabel('Повышенный уровень — от, баллов').fill('8');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.getByText('Порог базового уровня меньше порога повышенного').waitFor();
    await shot(page, '10-control-work-scale-refused');
    const scale = async () =>
      strapi.db.query('api::lesson.lesson').findOne({
        where: { topic: 'Контрольная работа: проценты' },
        select: ['workType', 'maxPoints', 'basicFromPoints', 'advancedFromPoints'],
      });
    expect(await scale()).toMatchObject({ maxPoints: null, basicFromPoints: null });

    await dialog.getByLabel('Базовый уровень — от, баллов').fill('5');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="journal-grid"] th.lesson-head')[3]?.textContent?.includes('/10') ?? false,
    );
    expect(await scale()).toMatchObject({ workType: 'control-work', maxPoints: 10, basicFromPoints: 5, advancedFromPoints: 8 });
  });
});

describe('a large class in the browser', () => {
  it('renders 35 pupils × 50 lessons in one read and the keyboard reaches the far corner to type a mark there', async () => {
    const teacher = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { username: 'browser_teacher' } });
    const schoolClass = await make(strapi, 'api::school-class.school-class', {
      grade: 6,
      letter: 'В',
      academicYear: school.year.documentId,
    });
    const journal = await make(strapi, 'api::journal.journal', {
      schoolClass: schoolClass.documentId,
      subject: school.math.documentId,
      kind: 'classroom',
      teachers: [teacher.documentId],
    });
    for (let index = 0; index < 35; index += 1) {
      const pupil = await make(strapi, 'api::student.student', {
        lastName: `Ученик${String(index + 1).padStart(2, '0')}`,
        firstName: 'Тест',
        gender: index % 2 ? 'female' : 'male',
        birthDate: '2013-05-05',
      });
      await make(strapi, 'api::enrollment.enrollment', {
        student: pupil.documentId,
        schoolClass: schoolClass.documentId,
        startDate: '2025-09-01',
      });
    }
    // 50 lessons on the weekdays of the first quarter, two on some days.
    const weekdays: string[] = [];
    for (let day = DateTime.fromISO('2025-09-01'); weekdays.length < 25; day = day.plus({ days: 1 }))
      if (day.weekday <= 5) weekdays.push(day.toISODate() as string);
    for (const date of weekdays)
      for (const number of [1, 2]) await make(strapi, 'api::lesson.lesson', { journal: journal.documentId, date, number });

    const page = await russianPage();
    await logIn(page, 'browser_teacher@school.test');
    const started = Date.now();
    await page.goto(`${baseUrl}/admin/plugins/school-journal?journal=${journal.documentId}&period=${school.quarters[0].documentId}`);
    await page.locator('[data-testid="journal-grid"] td[data-row="34"][data-col="50"]').waitFor();
    console.log(`35 × 50 journal grid on screen ${Date.now() - started} ms after navigation (not asserted)`);
    expect(await page.locator('[data-testid="journal-grid"] td.cell').count()).toBe(35 * 51);

    await page.locator('[data-testid="journal-grid"] td[data-row="0"][data-col="0"]').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('4');
    await page.keyboard.press('Enter');
    await settled(page);
    await shot(page, '08-large-class');
    const lastLesson = await strapi.db.query('api::lesson.lesson').findOne({
      where: { journal: { documentId: journal.documentId } },
      orderBy: [{ date: 'desc' }, { number: 'desc' }],
    });
    const marks = await strapi.db.query('api::mark.mark').findMany({
      where: { lesson: { id: lastLesson.id } },
      populate: { student: { select: ['lastName'] } },
    });
    expect(marks.map((mark: { value: string; student: { lastName: string } }) => [mark.student.lastName, mark.value])).toEqual([
      ['Ученик35', '4'],
    ]);
    await page.close();
  });
});

describe('the deputy director in the browser', () => {
  it('opens any journal and adds a remark the teacher will see', async () => {
    const page = await russianPage();
    await logIn(page, 'deputy@school.test');
    await page.goto(journalUrl(school.quarters[0].documentId));
    await page.locator('[data-testid="journal-grid"]').waitFor();
    await shot(page, '05-deputy-journal');
    await page.getByRole('button', { name: 'Замечание', exact: true }).click();
    await page.locator('textarea[name="findings"]').fill('Не заполнены темы двух уроков');
    await page.locator('textarea[name="remarks"]').fill('Заполнить до конца недели');
    await shot(page, '06-deputy-remark-form');
    await page.getByRole('button', { name: 'Записать замечание' }).click();
    await page.locator('[data-testid="grid-remarks"]').waitFor();
    expect(await page.locator('[data-testid="grid-remarks"]').textContent()).toContain('Не заполнены темы двух уроков');
    await shot(page, '07-deputy-remark-shown');
    const remarks = await strapi.db.query('api::journal-remark.journal-remark').findMany({});
    expect(remarks).toEqual([expect.objectContaining({ findings: 'Не заполнены темы двух уроков', state: 'open' })]);
    await page.close();
  });
});
