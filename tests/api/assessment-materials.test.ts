import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { adminWithActions } from '../helpers/admin';
import { buildMiniSchool, make, type MiniSchool } from '../helpers/school-fixture';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';

/**
 * The bank of КИМ (R98) and the results of one КИМ across classes, on a hand-made school whose
 * figures are computed by hand.
 *
 * КИМ «Дроби, 5 класс» (mathematics, grade 5), written by the 5А teacher: tasks 4 + 4 + 4 = 12 points,
 * basic from 5, advanced from 9; approved by the deputy director. Control works naming it (neither
 * with its own maximum nor thresholds, so the КИМ's apply):
 *   5А maths 2025-10-15: Иванов 5 (11 б.) повышенный, Петрова 2 (3 б.) ниже базового, Сидоров ill →
 *     wrote 2, absent 1, успеваемость 1/2 = 50 %, качество 1/2 = 50 %, average (11 + 3) / 2 = 7;
 *   5Б maths 2025-10-20 (teacher B): Кузнецов 4 (8 б.) базовый → wrote 1, 100 %, 100 %, average 8;
 *   total: wrote 3, absent 1, успеваемость 2/3 = 66.7 %, качество 2/3 = 66.7 %, average 22/3 = 7.3,
 *     one pupil at each level.
 */

let strapi: Core.Strapi;
let school: MiniSchool;
let kim: string;
let russianKim: string;
let controlWork5a: { documentId: string };
const accounts: Record<string, { id: number; documentId: string; jwt: string }> = {};
const as: Record<string, Api> = {};

const TASKS = [
  { number: 1, checks: 'Сложение дробей с одинаковыми знаменателями', maxPoints: 4, level: 'basic' },
  { number: 2, checks: 'Вычитание дробей', maxPoints: 4, level: 'basic' },
  { number: 3, checks: 'Задача на дроби', maxPoints: 4, level: 'advanced' },
];

const goodKim = (extra: Record<string, unknown> = {}) => ({
  title: 'Дроби, 5 класс',
  subject: school.math.documentId,
  grade: 5,
  kind: 'control-work',
  specification: 'Сложение и вычитание дробей; критерии: 2 балла за верный ход решения, 2 — за верный ответ',
  tasks: TASKS,
  maxPoints: 12,
  basicFromPoints: 5,
  advancedFromPoints: 9,
  ...extra,
});

const errorPaths = (body: { error?: { details?: { errors?: Array<{ path: string[] }> } } }) =>
  (body.error?.details?.errors ?? []).map((error) => error.path.join('.'));

beforeAll(async () => {
  strapi = await bootStrapi();
  const made = {
    teacher: await createAccount(strapi, 'teacher', 'kim_teacher'),
    teacherB: await createAccount(strapi, 'teacher', 'kim_teacher_b'),
    deputy: await createAccount(strapi, 'deputy-director', 'kim_deputy'),
    director: await createAccount(strapi, 'director', 'kim_director'),
    methodologist: await createAccount(strapi, 'methodologist', 'kim_methodologist'),
    parentA: await createAccount(strapi, 'parent', 'kim_parent_a'),
    pupilA: await createAccount(strapi, 'pupil', 'kim_pupil_a'),
  };
  Object.assign(accounts, made);
  for (const [name, account] of Object.entries(made)) as[name] = apiAs(strapi, account.jwt);
  as.anonymous = apiAs(strapi);

  school = await buildMiniSchool(strapi, { teacher: made.teacher });
  const [ivanov, petrova, sidorov] = school.pupils5a;
  await make(strapi, 'api::guardian.guardian', {
    lastName: 'Иванова',
    firstName: 'Ольга',
    kinship: 'mother',
    phone: '+7 900 111-11-11',
    children: [ivanov.documentId],
    user: made.parentA.documentId,
  });
  await strapi.documents('api::student.student').update({ documentId: ivanov.documentId, data: { user: made.pupilA.documentId } } as never);

  // The teacher writes the КИМ over REST; the deputy director approves it.
  const created = await as.teacher.post('/api/assessment-materials', goodKim());
  expect([created.status, created.body.error]).toEqual([201, undefined]);
  kim = created.body.data.documentId;
  const approved = await as.deputy.put(`/api/assessment-materials/${kim}`, { approved: true });
  expect([approved.status, approved.body.error]).toEqual([200, undefined]);
  russianKim = (
    await make(strapi, 'api::assessment-material.assessment-material', {
      title: 'Диктант, 5 класс',
      subject: school.russian.documentId,
      grade: 5,
      kind: 'dictation',
    })
  ).documentId;

  const journal5b = await make(strapi, 'api::journal.journal', {
    schoolClass: school.class5b.documentId,
    subject: school.math.documentId,
    kind: 'classroom',
    teachers: [made.teacherB.documentId],
  });
  const lesson = (journal: string, date: string, extra: Record<string, unknown> = {}) =>
    make(strapi, 'api::lesson.lesson', { journal, date, number: 3, topic: `Урок ${date}`, ...extra });
  controlWork5a = await lesson(school.mathJournal.documentId, '2025-10-15', { workType: 'control-work', topic: 'Контрольная работа № 1' });
  const controlWork5b = await lesson(journal5b.documentId, '2025-10-20', { workType: 'control-work', topic: 'Контрольная работа 5Б' });
  // The journal's teacher names the КИМ on the control work over REST; 5Б's through the document service.
  const named = await as.teacher.put(`/api/lessons/${controlWork5a.documentId}`, { assessmentMaterial: kim });
  expect([named.status, named.body.error]).toEqual([200, undefined]);
  await strapi.documents('api::lesson.lesson').update({ documentId: controlWork5b.documentId, data: { assessmentMaterial: kim } } as never);

  const mark = (journal: string, lessonDoc: { documentId: string }, pupil: { documentId: string }, value: string, points: number) =>
    make(strapi, 'api::mark.mark', { kind: 'current', journal, lesson: lessonDoc.documentId, student: pupil.documentId, value, points });
  await mark(school.mathJournal.documentId, controlWork5a, ivanov, '5', 11);
  await mark(school.mathJournal.documentId, controlWork5a, petrova, '2', 3);
  await make(strapi, 'api::attendance.attendance', { lesson: controlWork5a.documentId, student: sidorov.documentId, kind: 'ill' });
  await mark(journal5b.documentId, controlWork5b, school.pupil5b, '4', 8);
});

afterAll(async () => {
  await stopStrapi(strapi);
});

describe('the bank of КИМ', () => {
  it('keeps the tasks, the maximum and the thresholds, with the teacher as the author and the deputy’s approval', async () => {
    const stored = (await strapi.db.query('api::assessment-material.assessment-material').findOne({
      where: { documentId: kim },
      populate: { tasks: true, author: { select: ['id'] }, approvedBy: { select: ['id'] } },
    })) as Record<string, unknown> & { tasks: Array<Record<string, unknown>>; author: { id: number }; approvedBy: { id: number } };
    expect(stored).toMatchObject({ maxPoints: 12, basicFromPoints: 5, advancedFromPoints: 9, approved: true, version: 1 });
    expect(stored.tasks.map((task) => [task.number, task.maxPoints, task.level])).toEqual([
      [1, 4, 'basic'],
      [2, 4, 'basic'],
      [3, 4, 'advanced'],
    ]);
    expect(stored.author.id).toBe(accounts.teacher.id);
    expect(stored.approvedBy.id).toBe(accounts.deputy.id);
    expect(stored.approvedAt).toBeTruthy();
  });

  it('refuses tasks whose maxima do not add up to the maximum, naming the maximum', async () => {
    const response = await as.teacher.post(
      '/api/assessment-materials',
      goodKim({ maxPoints: 10, basicFromPoints: 4, advancedFromPoints: 8 }),
    );
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toContain('maxPoints');
    expect(response.body.error.message).toContain('сумме максимальных баллов заданий (12)');
  });

  it('takes the maximum from the tasks when it is left empty', async () => {
    const response = await as.teacher.post(
      '/api/assessment-materials',
      goodKim({ title: 'Дроби, вариант без максимума', maxPoints: null }),
    );
    expect([response.status, response.body.error]).toEqual([201, undefined]);
    expect(response.body.data.maxPoints).toBe(12);
  });

  it('refuses thresholds out of order or above the maximum, and a task without points', async () => {
    const disorder = await as.teacher.post('/api/assessment-materials', goodKim({ basicFromPoints: 9, advancedFromPoints: 5 }));
    expect(disorder.status).toBe(400);
    expect(errorPaths(disorder.body)).toContain('basicFromPoints');
    const above = await as.teacher.post('/api/assessment-materials', goodKim({ advancedFromPoints: 13 }));
    expect(above.status).toBe(400);
    expect(errorPaths(above.body)).toContain('advancedFromPoints');
    const noPoints = await as.teacher.post('/api/assessment-materials', goodKim({ tasks: [{ number: 1, level: 'basic' }], maxPoints: 4 }));
    expect(noPoints.status).toBe(400);
    expect(errorPaths(noPoints.body)).toContain('tasks.0.maxPoints');
  });

  it('lets a teacher keep their own draft but not approve it; the deputy approves; another teacher may not change it', async () => {
    const created = await as.teacher.post('/api/assessment-materials', goodKim({ title: 'Дроби, черновик' }));
    expect(created.status).toBe(201);
    const draft = created.body.data.documentId as string;
    expect((await as.teacher.put(`/api/assessment-materials/${draft}`, { specification: 'Уточнённые критерии' })).status).toBe(200);
    const selfApproved = await as.teacher.put(`/api/assessment-materials/${draft}`, { approved: true });
    expect(selfApproved.status).toBe(400);
    expect(errorPaths(selfApproved.body)).toEqual(['approved']);
    expect((await as.teacherB.put(`/api/assessment-materials/${draft}`, { title: 'Чужой КИМ' })).status).toBe(403);
    const approved = await as.director.put(`/api/assessment-materials/${draft}`, { approved: true, approvedBy: accounts.teacher.id });
    expect(approved.status).toBe(200);
    const stored = (await strapi.db.query('api::assessment-material.assessment-material').findOne({
      where: { documentId: draft },
      populate: { approvedBy: { select: ['id'] } },
    })) as { approved: boolean; approvedBy: { id: number } | null };
    // Who approved is the caller, never the body.
    expect(stored).toMatchObject({ approved: true, approvedBy: { id: accounts.director.id } });
    // Approved and not yet used: the teacher no longer changes it, the deputy still may.
    expect((await as.teacher.put(`/api/assessment-materials/${draft}`, { title: 'Дроби, изменено' })).status).toBe(403);
    expect((await as.deputy.put(`/api/assessment-materials/${draft}`, { title: 'Дроби, 5 класс (вариант 2)' })).status).toBe(200);
  });

  it('does not change an approved КИМ used by a held control work; a new version is made instead', async () => {
    for (const who of ['deputy', 'director']) {
      const response = await as[who].put(`/api/assessment-materials/${kim}`, { specification: 'Другие критерии' });
      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain('новую версию');
    }
    expect((await as.teacher.put(`/api/assessment-materials/${kim}`, { specification: 'Другие критерии' })).status).toBe(403);
    expect((await as.deputy.delete(`/api/assessment-materials/${kim}`)).status).toBe(403);
    const stored = (await strapi.db.query('api::assessment-material.assessment-material').findOne({ where: { documentId: kim } })) as {
      specification: string;
    };
    expect(stored.specification).toContain('Сложение и вычитание дробей');

    const next = await as.teacher.post('/api/assessment-materials', goodKim({ title: 'Дроби, 5 класс (ред. 2)', previousVersion: kim }));
    expect([next.status, next.body.error]).toEqual([201, undefined]);
    expect(next.body.data).toMatchObject({ version: 2, approved: false });
  });

  it('is read by staff and closed to families', async () => {
    for (const who of ['teacher', 'teacherB', 'deputy', 'director', 'methodologist']) {
      expect((await as[who].get('/api/assessment-materials')).status).toBe(200);
    }
    for (const who of ['parentA', 'pupilA']) {
      expect((await as[who].get('/api/assessment-materials')).status).toBe(403);
      expect((await as[who].get(`/api/assessment-materials/${kim}`)).status).toBe(403);
      expect((await as[who].post('/api/assessment-materials', goodKim({ title: 'Семейный КИМ' }))).status).toBe(403);
      expect((await as[who].get(`/api/analytics/assessment-materials/${kim}`)).status).toBe(403);
    }
    expect([401, 403]).toContain((await as.anonymous.get('/api/assessment-materials')).status);
  });
});

describe('a control work naming a КИМ', () => {
  it('refuses a КИМ of another subject, naming the field', async () => {
    const response = await as.teacher.put(`/api/lessons/${controlWork5a.documentId}`, { assessmentMaterial: russianKim });
    expect(response.status).toBe(400);
    expect(errorPaths(response.body)).toEqual(['assessmentMaterial']);
    expect(response.body.error.message).toContain('по предмету «Русский язык»');
  });

  it('refuses a КИМ of another grade and a КИМ on a lesson that is not a control work', async () => {
    const grade7 = await make(strapi, 'api::assessment-material.assessment-material', {
      title: 'Дроби, 7 класс',
      subject: school.math.documentId,
      grade: 7,
    });
    const otherGrade = await as.teacher.put(`/api/lessons/${controlWork5a.documentId}`, { assessmentMaterial: grade7.documentId });
    expect(otherGrade.status).toBe(400);
    expect(errorPaths(otherGrade.body)).toEqual(['assessmentMaterial']);
    const ordinary = await as.teacher.put(`/api/lessons/${school.lessons[0].documentId}`, { assessmentMaterial: kim });
    expect(ordinary.status).toBe(400);
    expect(errorPaths(ordinary.body)).toEqual(['assessmentMaterial']);
  });

  it('takes the КИМ’s maximum for the points and its thresholds for the levels', async () => {
    const tooMany = await make(strapi, 'api::mark.mark', {
      kind: 'current',
      journal: school.mathJournal.documentId,
      lesson: controlWork5a.documentId,
      student: school.pupils5a[2].documentId,
      value: '5',
      points: 13,
    }).catch((error: { details?: { errors?: Array<{ path: string[] }> } }) => error);
    expect((tooMany as { details?: { errors?: Array<{ path: string[] }> } }).details?.errors?.map((error) => error.path.join('.'))).toEqual(
      ['points'],
    );
    // The journal grid shows the work against the КИМ's maximum and thresholds.
    const grid = await as.teacher.get(`/api/journal-grid/${school.mathJournal.documentId}?period=${school.quarters[0].documentId}`);
    expect(grid.status).toBe(200);
    expect(
      (grid.body.data.lessons as Array<{ documentId: string }>).find((lesson) => lesson.documentId === controlWork5a.documentId),
    ).toMatchObject({ maxPoints: 12, basicFromPoints: 5, advancedFromPoints: 9 });
    const response = await as.deputy.get(`/api/analytics/control-works?period=${school.quarters[0].documentId}`);
    expect(response.status).toBe(200);
    const work5a = (response.body.data.controlWorks as Array<Record<string, unknown> & { lesson: { documentId: string } }>).find(
      (work) => work.lesson.documentId === controlWork5a.documentId,
    );
    expect(work5a).toMatchObject({
      assessmentMaterial: { documentId: kim, title: 'Дроби, 5 класс' },
      maxPoints: 12,
      thresholds: { basicFrom: 5, advancedFrom: 9 },
      pointsLevels: { 'below-basic': 1, basic: 0, advanced: 1 },
    });
  });
});

describe('the results of one КИМ across classes', () => {
  it('gives each class that wrote it and the total (hand-computed)', async () => {
    const response = await as.deputy.get(`/api/analytics/assessment-materials/${kim}`);
    expect([response.status, response.body.error]).toEqual([200, undefined]);
    const { material, classes, total } = response.body.data;
    expect(material).toMatchObject({
      documentId: kim,
      title: 'Дроби, 5 класс',
      subject: { name: 'Математика' },
      grade: 5,
      approved: true,
      maxPoints: 12,
      thresholds: { basicFrom: 5, advancedFrom: 9 },
    });
    expect(classes.map((work: { class: { name: string } }) => work.class.name)).toEqual(['5А', '5Б']);
    expect(classes[0]).toMatchObject({
      lesson: { documentId: controlWork5a.documentId, date: '2025-10-15' },
      written: 2,
      absent: 1,
      successRate: 50,
      qualityRate: 50,
      withPoints: 2,
      averagePoints: 7,
      levels: { 'below-basic': 1, basic: 0, advanced: 1 },
    });
    expect(classes[1]).toMatchObject({
      lesson: { date: '2025-10-20' },
      written: 1,
      absent: 0,
      successRate: 100,
      qualityRate: 100,
      averagePoints: 8,
      levels: { 'below-basic': 0, basic: 1, advanced: 0 },
    });
    expect(total).toEqual({
      written: 3,
      absent: 1,
      successRate: 66.7,
      qualityRate: 66.7,
      withPoints: 3,
      averagePoints: 7.3,
      levels: { 'below-basic': 1, basic: 1, advanced: 1 },
    });
  });

  it('keeps a teacher to the classes they reach', async () => {
    const own = await as.teacher.get(`/api/analytics/assessment-materials/${kim}`);
    expect(own.status).toBe(200);
    expect(own.body.data.classes.map((work: { class: { name: string } }) => work.class.name)).toEqual(['5А']);
    expect(own.body.data.total).toMatchObject({ written: 2, absent: 1 });
    const other = await as.teacherB.get(`/api/analytics/assessment-materials/${kim}`);
    expect(other.body.data.classes.map((work: { class: { name: string } }) => work.class.name)).toEqual(['5Б']);
  });

  it('is shown on the admin «Аналитика» page to an admin holding analytics.read, and refused to one without it', async () => {
    const admin = (token: string) =>
      supertest(strapi.server.httpServer)
        .get(`/records-archive/analytics/assessment-materials/${kim}`)
        .set('Authorization', `Bearer ${token}`);
    const reader = await adminWithActions(strapi, 'kim.reader@school.test', ['plugin::records-archive.analytics.read']);
    const nobody = await adminWithActions(strapi, 'kim.nobody@school.test', ['plugin::records-archive.journal.own']);
    const response = await admin(reader);
    expect(response.status).toBe(200);
    expect(response.body.data.classes.map((work: { class: { name: string } }) => work.class.name)).toEqual(['5А', '5Б']);
    expect(response.body.data.total).toMatchObject({ written: 3, successRate: 66.7 });
    expect((await admin(nobody)).status).toBe(403);
  });

  it('answers 404 for a КИМ that does not exist', async () => {
    expect((await as.deputy.get('/api/analytics/assessment-materials/nosuchdocument0000000000')).status).toBe(404);
  });
});
