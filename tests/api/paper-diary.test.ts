import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { getSchoolSettings } from '../../src/school/settings';
import { adminLogin } from '../helpers/admin';
import { pdfTextLines } from '../helpers/pdf-text';
import { make, teach } from '../helpers/school-fixture';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/**
 * R17 (seed 002 §2.3, 001 §2.2.2, §2.4): paper pupil diaries, still mandatory in grades 2–4. A school
 * setting names the grades; a weekly extract of the e-diary is printed for the paper diary (marks
 * by day and subject, homework, the teachers' entries, attendance, the parent's signature) — one
 * pupil's, or the class teacher's set for the whole class; diaries are not archived.
 */

let strapi: Core.Strapi;
let world: TwoClassSchool;
let superAdmin: string;
let as: Record<string, Api>;
const grade3: Record<'schoolClass' | 'orlov' | 'belova', string> = { schoolClass: '', orlov: '', belova: '' };
/** Any day of the printed week (Monday 2025-09-08 to Sunday 2025-09-14). */
const WEEK = '2025-09-10';

const download = (api: Api, url: string) =>
  api
    .get(url)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });

const textOf = (pdf: Buffer): string => pdfTextLines(pdf).join(' ').replace(/\s+/g, ' ');
const pageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

const pathsOf = (body: { error?: { details?: { errors?: Array<{ path: Array<string | number> }> } } }): string[] =>
  (body.error?.details?.errors ?? []).map((error) => error.path.join('.'));

const saveSettings = (data: unknown) =>
  supertest(strapi.server.httpServer).put('/school-settings').set('Authorization', `Bearer ${superAdmin}`).send({ data });

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  superAdmin = await adminLogin(strapi, { email: 'paper-diary-admin@school.test' });
  const { school } = world;
  const classTeacher3 = await createAccount(strapi, 'class-teacher', 'classteacher.3v');
  const parent3 = await createAccount(strapi, 'parent', 'parent.3v');
  const schoolClass = await make(strapi, 'api::school-class.school-class', {
    grade: 3,
    letter: 'В',
    academicYear: school.year.documentId,
    classTeacher: classTeacher3.documentId,
  });
  const pupil = (lastName: string, firstName: string, gender: string) =>
    make(strapi, 'api::student.student', {
      lastName,
      firstName,
      patronymic: gender === 'female' ? 'Андреевна' : 'Андреевич',
      gender,
      birthDate: '2017-03-03',
    });
  const orlov = await pupil('Орлов', 'Михаил', 'male');
  const belova = await pupil('Белова', 'Екатерина', 'female');
  for (const student of [orlov, belova]) {
    await make(strapi, 'api::enrollment.enrollment', {
      student: student.documentId,
      schoolClass: schoolClass.documentId,
      startDate: '2025-09-01',
    });
  }
  await make(strapi, 'api::guardian.guardian', {
    lastName: 'Орлова',
    firstName: 'Наталья',
    kinship: 'mother',
    children: [orlov.documentId],
    user: parent3.documentId,
  });
  const math = await make(strapi, 'api::journal.journal', { schoolClass: schoolClass.documentId, subject: school.math.documentId });
  const russian = await make(strapi, 'api::journal.journal', { schoolClass: schoolClass.documentId, subject: school.russian.documentId });
  await teach(strapi, math.documentId, classTeacher3);
  await teach(strapi, russian.documentId, classTeacher3);
  const mathLesson = await make(strapi, 'api::lesson.lesson', {
    journal: math.documentId,
    date: '2025-09-08',
    number: 1,
    topic: 'Сложение в пределах 100',
    homework: 'с. 12 № 3',
  });
  const russianLesson = await make(strapi, 'api::lesson.lesson', {
    journal: russian.documentId,
    date: '2025-09-09',
    number: 2,
    topic: 'Безударные гласные',
    homework: 'упр. 45',
  });
  const mark = (lesson: { documentId: string }, journal: { documentId: string }, student: string, value: string, extra = {}) =>
    make(strapi, 'api::mark.mark', { kind: 'current', journal: journal.documentId, lesson: lesson.documentId, student, value, ...extra });
  await mark(mathLesson, math, orlov.documentId, '5');
  await mark(russianLesson, russian, orlov.documentId, '4', { workType: 'dictation' });
  await mark(mathLesson, math, belova.documentId, '3');
  await make(strapi, 'api::attendance.attendance', { lesson: russianLesson.documentId, student: belova.documentId, kind: 'ill' });
  await make(strapi, 'api::diary-entry.diary-entry', {
    student: orlov.documentId,
    journal: math.documentId,
    kind: 'praise',
    text: 'Отлично работал у доски',
    date: '2025-09-09',
  });
  // Another week: not on the sheet.
  await make(strapi, 'api::lesson.lesson', {
    journal: math.documentId,
    date: '2025-09-15',
    number: 1,
    topic: 'Вычитание',
    homework: 'с. 14',
  });
  grade3.schoolClass = schoolClass.documentId;
  grade3.orlov = orlov.documentId;
  grade3.belova = belova.documentId;
  as = {
    parent3: apiAs(strapi, parent3.jwt),
    classTeacher3: apiAs(strapi, classTeacher3.jwt),
    parentA: apiAs(strapi, world.accounts.parentA.jwt),
    pupilA: apiAs(strapi, world.accounts.pupilA.jwt),
    deputy: apiAs(strapi, world.accounts.deputy.jwt),
    director: apiAs(strapi, world.accounts.director.jwt),
    secretary: apiAs(strapi, world.accounts.secretary.jwt),
    teacherA: apiAs(strapi, world.teacherA.jwt),
    classTeacherB: apiAs(strapi, world.classTeacherB.jwt),
    public: apiAs(strapi),
  };
});
afterAll(() => stopStrapi(strapi));

describe('the school setting', () => {
  it('requires paper diaries in grades 2–4 by default, and saves another list in order without repeats', async () => {
    expect(getSchoolSettings(strapi).paperDiaryGrades).toEqual([2, 3, 4]);
    const saved = await saveSettings({ paperDiaryGrades: [4, 2, 3, 4, 1] });
    expect(saved.status).toBe(200);
    expect(saved.body.data.paperDiaryGrades).toEqual([1, 2, 3, 4]);
    expect(saved.body.meta.overridden).toContain('paperDiaryGrades');
    expect(getSchoolSettings(strapi).paperDiaryGrades).toEqual([1, 2, 3, 4]);
    const none = await saveSettings({ paperDiaryGrades: [] });
    expect(none.body.data.paperDiaryGrades).toEqual([]);
    const reset = await saveSettings({ paperDiaryGrades: null });
    expect(reset.body.data.paperDiaryGrades).toEqual([2, 3, 4]);
  });

  it('refuses anything but a list of grades 1–11 with a Russian message per field, saving nothing', async () => {
    for (const [value, paths] of [
      [[2, 12], ['paperDiaryGrades.1']],
      [
        [0, 'три'],
        ['paperDiaryGrades.0', 'paperDiaryGrades.1'],
      ],
      [[2.5], ['paperDiaryGrades.0']],
      ['2-4', ['paperDiaryGrades']],
      [{ from: 2 }, ['paperDiaryGrades']],
    ] as const) {
      const response = await saveSettings({ paperDiaryGrades: value });
      expect([JSON.stringify(value), response.status, pathsOf(response.body)]).toEqual([JSON.stringify(value), 400, paths]);
      expect(response.body.error.message).toMatch(/[а-я]/);
    }
    expect(getSchoolSettings(strapi).paperDiaryGrades).toEqual([2, 3, 4]);
  });

  it('keeps the rule that diaries are not archived in the retention data', async () => {
    const rule = (await strapi.db.query('plugin::records-archive.retention-rule').findOne({ where: { recordType: 'diary' } })) as {
      periodKind: string;
    } | null;
    expect(rule?.periodKind).toBe('not-archived');
  });
});

describe('a pupil’s week for the paper diary', () => {
  it('prints the week by day: lessons with topic and homework, marks by subject, attendance, the teachers’ entries and the parent’s signature', async () => {
    const response = await download(as.parent3, `/api/diary/${grade3.orlov}/week.pdf?date=${WEEK}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/pdf/);
    expect(response.headers['cache-control']).toBe('no-store');
    const pdf = response.body as Buffer;
    expect(pdf.toString('latin1')).toMatch(/DejaVuSans/);
    const text = textOf(pdf);
    expect(text).toContain('Выписка из электронного дневника за неделю');
    expect(text).toContain('с 08.09.2025 по 14.09.2025');
    expect(text).toContain('Орлов Михаил Андреевич');
    expect(text).toContain('Класс: 3В');
    expect(text).toContain('№ Предмет Домашнее задание Отметки Посещаемость');
    expect(text).toContain('понедельник, 08.09.2025 1 Математика с. 12 № 3 5 вторник');
    expect(text).toContain('вторник, 09.09.2025 2 Русский язык упр. 45 4 (диктант) среда');
    expect(text).toContain('суббота, 13.09.2025 Уроков нет');
    expect(text).toMatch(/09\.09\.2025 — поощрение.*Отлично работал у доски/);
    expect(text).toContain('Подпись родителя (законного представителя)');
    expect(text).not.toContain('Белова');
    expect(text).not.toContain('Вычитание');
    expect(text).not.toContain('воскресенье');
  });

  it('shows a pupil’s absence beside the lesson', async () => {
    const text = textOf((await download(as.classTeacher3, `/api/diary/${grade3.belova}/week.pdf?date=${WEEK}`)).body as Buffer);
    expect(text).toContain('2 Русский язык упр. 45 отсутствие по болезни');
    expect(text).toContain('1 Математика с. 12 № 3 3');
  });

  it('is given to the family of the child, the class teacher of that class, the deputy and the director; others get 404 or 403', async () => {
    const url = `/api/diary/${grade3.orlov}/week.pdf?date=${WEEK}`;
    for (const who of ['parent3', 'classTeacher3', 'deputy', 'director']) {
      expect([who, (await download(as[who], url)).status]).toEqual([who, 200]);
    }
    for (const who of ['parentA', 'pupilA', 'classTeacherB']) {
      expect([who, (await download(as[who], url)).status]).toEqual([who, 404]);
    }
    for (const who of ['teacherA', 'secretary', 'public']) {
      expect([who, (await download(as[who], url)).status]).toEqual([who, 403]);
    }
    // A pupil prints their own week, whatever the grade.
    expect((await download(as.pupilA, `/api/diary/${world.school.pupils5a[0].documentId}/week.pdf?date=2025-09-02`)).status).toBe(200);
    const bad = await as.parent3.get(`/api/diary/${grade3.orlov}/week.pdf?date=2025-13-01`);
    expect([bad.status, pathsOf(bad.body)]).toEqual([400, ['date']]);
  });
});

describe('the class teacher’s set for a class', () => {
  it('prints one sheet per pupil of a class whose grade keeps paper diaries, each on its own page', async () => {
    const response = await download(as.classTeacher3, `/api/diary/classes/${grade3.schoolClass}/week.pdf?date=${WEEK}`);
    expect(response.status).toBe(200);
    const pdf = response.body as Buffer;
    expect(pageCount(pdf)).toBe(2);
    const text = textOf(pdf);
    expect(text.indexOf('Белова Екатерина Андреевна')).toBeGreaterThan(-1);
    expect(text.indexOf('Орлов Михаил Андреевич')).toBeGreaterThan(text.indexOf('Белова Екатерина Андреевна'));
    expect(text.match(/Подпись родителя/g)).toHaveLength(2);
    expect((await download(as.deputy, `/api/diary/classes/${grade3.schoolClass}/week.pdf?date=${WEEK}`)).status).toBe(200);
  });

  it('is not offered for a grade without paper diaries, until the setting names it', async () => {
    const url = `/api/diary/classes/${world.school.class5b.documentId}/week.pdf?date=${WEEK}`;
    const refused = await as.classTeacherB.get(url);
    expect([refused.status, pathsOf(refused.body)]).toEqual([400, ['schoolClass']]);
    expect(refused.body.error.message).toMatch(/бумажные дневники не ведутся/);
    expect((await saveSettings({ paperDiaryGrades: [2, 3, 4, 5] })).status).toBe(200);
    try {
      expect((await download(as.classTeacherB, url)).status).toBe(200);
    } finally {
      await saveSettings({ paperDiaryGrades: null });
    }
  });

  it('is the class teacher’s own class only (the deputy and the director any)', async () => {
    const url = `/api/diary/classes/${grade3.schoolClass}/week.pdf?date=${WEEK}`;
    expect((await as.classTeacherB.get(url)).status).toBe(403);
    for (const who of ['parent3', 'teacherA', 'secretary', 'public']) {
      expect([who, (await as[who].get(url)).status]).toEqual([who, 403]);
    }
  });

  it('says in the class teacher’s weekly view whether the class keeps paper diaries', async () => {
    const grade3View = await as.classTeacher3.get(`/api/diary/classes/${grade3.schoolClass}/confirmations?week=${WEEK}`);
    expect(grade3View.status).toBe(200);
    expect(grade3View.body.data.paperDiariesRequired).toBe(true);
    const grade5View = await as.classTeacherB.get(`/api/diary/classes/${world.school.class5b.documentId}/confirmations?week=${WEEK}`);
    expect(grade5View.body.data.paperDiariesRequired).toBe(false);
  });
});
