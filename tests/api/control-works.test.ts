import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { adminWithActions } from '../helpers/admin';
import { buildMiniSchool, make, type MiniSchool } from '../helpers/school-fixture';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';

/**
 * The analysis of control works (R91, R98) on a hand-made school whose figures are computed by hand.
 *
 * 2025/2026, quarters. 5А: Иванов, Петрова, Сидоров and, added here, Орлова and Павлов; 5Б: Кузнецов.
 * Q1 (2025-09-01 – 2025-10-24):
 *   5А maths 2025-10-15, control work «Контрольная работа № 1», planned успеваемость 80 %, качество 50 %:
 *     Иванов 5, Петрова 4, Орлова 3, Павлов 2, Сидоров ill (absent) → on list 5, wrote 4, absent 1;
 *     успеваемость 3/4 = 75 % (gap −5), качество 2/4 = 50 % (gap 0); levels 1 высокий, 1 повышенный,
 *     1 базовый, 1 недостаточный. Иванов's 2 on an ordinary lesson (09-02) is not part of it.
 *   5Б maths 2025-10-20, control work without a plan: Кузнецов 3 → on list 1, wrote 1,
 *     успеваемость 100 %, качество 0 %, no gap.
 * Q2: 5А maths 2025-11-19, control work: Петрова 5.
 */

let strapi: Core.Strapi;
let school: MiniSchool;
let q1: string;
let q2: string;
let controlWork5a: { documentId: string };
const as: Record<string, Api> = {};

beforeAll(async () => {
  strapi = await bootStrapi();
  const accounts = {
    teacher: await createAccount(strapi, 'teacher', 'cw_teacher'),
    teacherB: await createAccount(strapi, 'teacher', 'cw_teacher_b'),
    classTeacherB: await createAccount(strapi, 'class-teacher', 'cw_class_teacher_b'),
    deputy: await createAccount(strapi, 'deputy-director', 'cw_deputy'),
    director: await createAccount(strapi, 'director', 'cw_director'),
    parentA: await createAccount(strapi, 'parent', 'cw_parent_a'),
    pupilA: await createAccount(strapi, 'pupil', 'cw_pupil_a'),
  };
  for (const [name, account] of Object.entries(accounts)) as[name] = apiAs(strapi, account.jwt);
  as.anonymous = apiAs(strapi);

  school = await buildMiniSchool(strapi, { teacher: accounts.teacher });
  q1 = school.quarters[0].documentId;
  q2 = school.quarters[1].documentId;
  const [ivanov, petrova, sidorov] = school.pupils5a;
  const kuznetsov = school.pupil5b;
  await strapi
    .documents('api::school-class.school-class')
    .update({ documentId: school.class5b.documentId, data: { classTeacher: accounts.classTeacherB.documentId } } as never);
  await make(strapi, 'api::guardian.guardian', {
    lastName: 'Иванова',
    firstName: 'Ольга',
    kinship: 'mother',
    phone: '+7 900 111-11-11',
    children: [ivanov.documentId],
    user: accounts.parentA.documentId,
  });
  await strapi
    .documents('api::student.student')
    .update({ documentId: ivanov.documentId, data: { user: accounts.pupilA.documentId } } as never);
  const newPupil = async (lastName: string, firstName: string, gender: string) => {
    const student = await make(strapi, 'api::student.student', {
      lastName,
      firstName,
      patronymic: gender === 'female' ? 'Игоревна' : 'Игоревич',
      gender,
      birthDate: '2014-06-06',
    });
    await make(strapi, 'api::enrollment.enrollment', {
      student: student.documentId,
      schoolClass: school.class5a.documentId,
      startDate: '2025-09-01',
    });
    return student;
  };
  const orlova = await newPupil('Орлова', 'Вера', 'female');
  const pavlov = await newPupil('Павлов', 'Глеб', 'male');

  const journal5b = await make(strapi, 'api::journal.journal', {
    schoolClass: school.class5b.documentId,
    subject: school.math.documentId,
    kind: 'classroom',
    teachers: [accounts.teacherB.documentId],
  });
  const math5a = school.mathJournal.documentId;
  const lesson = (journal: string, date: string, extra: Record<string, unknown> = {}) =>
    make(strapi, 'api::lesson.lesson', { journal, date, number: 3, topic: `Урок ${date}`, ...extra });
  controlWork5a = await lesson(math5a, '2025-10-15', { workType: 'control-work', topic: 'Контрольная работа № 1' });
  const controlWork5b = await lesson(journal5b.documentId, '2025-10-20', { workType: 'control-work', topic: 'Контрольная работа 5Б' });
  const controlWorkQ2 = await lesson(math5a, '2025-11-19', { workType: 'control-work', topic: 'Контрольная работа № 2' });

  // The teacher of the journal attaches the specification and the planned result over REST.
  const saved = await as.teacher.put(`/api/lessons/${controlWork5a.documentId}`, {
    assessmentSpec: 'Сложение и вычитание дробей; 5 заданий; «5» — 5 верных, «4» — 4, «3» — 3',
    plannedSuccessRate: 80,
    plannedQualityRate: 50,
  });
  expect(saved.status).toBe(200);

  const mark = (journal: string, lessonDoc: { documentId: string }, pupil: { documentId: string }, value: string) =>
    make(strapi, 'api::mark.mark', { kind: 'current', journal, lesson: lessonDoc.documentId, student: pupil.documentId, value });
  await mark(math5a, school.lessons[0], ivanov, '2');
  for (const [pupil, value] of [
    [ivanov, '5'],
    [petrova, '4'],
    [orlova, '3'],
    [pavlov, '2'],
  ] as const)
    await mark(math5a, controlWork5a, pupil, value);
  await make(strapi, 'api::attendance.attendance', { lesson: controlWork5a.documentId, student: sidorov.documentId, kind: 'ill' });
  await mark(journal5b.documentId, controlWork5b, kuznetsov, '3');
  await mark(math5a, controlWorkQ2, petrova, '5');
});

afterAll(async () => {
  await stopStrapi(strapi);
});

type Work = {
  lesson: { documentId: string; date: string; topic: string };
  class: { name: string };
  subject: { name: string };
  [field: string]: unknown;
};
const works = async (who: string, query: string): Promise<Work[]> => {
  const response = await as[who].get(`/api/analytics/control-works?${query}`);
  expect(response.status).toBe(200);
  return response.body.data.controlWorks as Work[];
};

describe('the analysis of the control works of a period', () => {
  it('gives each control work its marks, written and absent, успеваемость and качество against the plan', async () => {
    const response = await as.deputy.get(`/api/analytics/control-works?period=${q1}`);
    expect(response.status).toBe(200);
    expect(response.body.data.period).toMatchObject({ documentId: q1, title: '1 четверть' });
    const [work5a, work5b, ...rest] = response.body.data.controlWorks;
    expect(rest).toEqual([]);
    expect(work5a).toMatchObject({
      lesson: { documentId: controlWork5a.documentId, date: '2025-10-15', topic: 'Контрольная работа № 1' },
      journal: { documentId: school.mathJournal.documentId },
      class: { name: '5А' },
      subject: { name: 'Математика' },
      assessmentSpec: 'Сложение и вычитание дробей; 5 заданий; «5» — 5 верных, «4» — 4, «3» — 3',
      onList: 5,
      written: 4,
      absent: 1,
      counts: { '5': 1, '4': 1, '3': 1, '2': 1, '1': 0 },
      successRate: 75,
      qualityRate: 50,
      planned: { successRate: 80, qualityRate: 50 },
      gap: { successRate: -5, qualityRate: 0 },
      levels: { high: 1, advanced: 1, basic: 1, insufficient: 1 },
    });
    expect(
      work5a.pupils.map((pupil: { fullName: string; mark: string; levelLabel: string }) => [
        pupil.fullName.split(' ')[0],
        pupil.mark,
        pupil.levelLabel,
      ]),
    ).toEqual([
      ['Иванов', '5', 'высокий'],
      ['Орлова', '3', 'базовый'],
      ['Павлов', '2', 'недостаточный'],
      ['Петрова', '4', 'повышенный'],
    ]);
    expect(work5b).toMatchObject({
      class: { name: '5Б' },
      lesson: { date: '2025-10-20' },
      assessmentSpec: null,
      onList: 1,
      written: 1,
      absent: 0,
      successRate: 100,
      qualityRate: 0,
      planned: { successRate: null, qualityRate: null },
      gap: { successRate: null, qualityRate: null },
      levels: { high: 0, advanced: 0, basic: 1, insufficient: 0 },
    });
  });

  it('takes the control works of the period asked for, narrowed by class and subject', async () => {
    expect((await works('director', `period=${q2}`)).map((work) => work.lesson.topic)).toEqual(['Контрольная работа № 2']);
    expect((await works('director', `period=${q1}&class=${school.class5b.documentId}`)).map((work) => work.class.name)).toEqual(['5Б']);
    expect(await works('director', `period=${q1}&subject=${school.pe.documentId}`)).toEqual([]);
  });

  it('shows a teacher the control works of their journals and a class teacher those of their class', async () => {
    expect((await works('teacher', `period=${q1}`)).map((work) => work.class.name)).toEqual(['5А']);
    expect((await works('teacherB', `period=${q1}`)).map((work) => work.class.name)).toEqual(['5Б']);
    expect((await works('classTeacherB', `period=${q1}`)).map((work) => work.class.name)).toEqual(['5Б']);
  });

  it('is closed to parents, pupils and anonymous callers', async () => {
    for (const who of ['parentA', 'pupilA']) expect((await as[who].get(`/api/analytics/control-works?period=${q1}`)).status).toBe(403);
    expect([401, 403]).toContain((await as.anonymous.get(`/api/analytics/control-works?period=${q1}`)).status);
  });

  it('refuses an unknown period with a field message', async () => {
    const response = await as.deputy.get('/api/analytics/control-works?period=nope');
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['period']);
  });
});

describe('the control works in the admin panel', () => {
  it('answers an admin holding analytics.read with the whole school, and refuses one without it', async () => {
    const admin = (token: string) =>
      supertest(strapi.server.httpServer)
        .get(`/records-archive/analytics/control-works?period=${q1}`)
        .set('Authorization', `Bearer ${token}`);
    const reader = await adminWithActions(strapi, 'cw.reader@school.test', ['plugin::records-archive.analytics.read']);
    const nobody = await adminWithActions(strapi, 'cw.nobody@school.test', ['plugin::records-archive.journal.own']);
    const response = await admin(reader);
    expect(response.status).toBe(200);
    expect(response.body.data.controlWorks.map((work: Work) => [work.class.name, work.successRate])).toEqual([
      ['5А', 75],
      ['5Б', 100],
    ]);
    expect((await admin(nobody)).status).toBe(403);
  });
});

describe('the specification and planned result of a control work', () => {
  it('refuses them on a lesson that is not a control work, naming the field', async () => {
    const response = await as.teacher.put(`/api/lessons/${school.lessons[1].documentId}`, { plannedSuccessRate: 90 });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors).toEqual([
      expect.objectContaining({
        path: ['plannedSuccessRate'],
        message:
          'Спецификация, планируемые результаты, баллы и пороги уровней указываются только для урока с видом работы «Контрольная работа»',
      }),
    ]);
  });

  it('refuses a planned rate outside 0–100 % and keeps the one saved', async () => {
    const response = await as.teacher.put(`/api/lessons/${controlWork5a.documentId}`, { plannedQualityRate: 120 });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['plannedQualityRate']);
    const stored = (await strapi.db
      .query('api::lesson.lesson')
      .findOne({ where: { documentId: controlWork5a.documentId }, select: ['plannedQualityRate'] })) as { plannedQualityRate: unknown };
    expect(Number(stored.plannedQualityRate)).toBe(50);
  });

  it('refuses to change the work type of a lesson that carries them, until they are cleared', async () => {
    const response = await as.teacher.put(`/api/lessons/${controlWork5a.documentId}`, { workType: 'test' });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['workType']);
  });
});

describe('the level of mastery by the points of a control work against its thresholds (issue 11)', () => {
  const pathsOf = (response: { body: { error: { details: { errors: Array<{ path: string[] }> } } } }) =>
    response.body.error.details.errors.map((error) => error.path.join('.'));
  const markOf = async (pupil: { documentId: string }, lesson: { documentId: string }) =>
    (
      (await strapi.db
        .query('api::mark.mark')
        .findOne({ where: { student: { documentId: pupil.documentId }, lesson: { documentId: lesson.documentId } } })) as {
        documentId: string;
      }
    ).documentId;

  it('refuses thresholds without the maximum, one without the other, out of order or above the maximum', async () => {
    const put = (data: Record<string, unknown>) => as.teacher.put(`/api/lessons/${controlWork5a.documentId}`, data);
    expect(pathsOf(await put({ basicFromPoints: 8, advancedFromPoints: 15 }))).toEqual(['maxPoints']);
    expect(pathsOf(await put({ maxPoints: 20, basicFromPoints: 8 }))).toEqual(['advancedFromPoints']);
    expect(pathsOf(await put({ maxPoints: 20, basicFromPoints: 15, advancedFromPoints: 8 }))).toEqual(['basicFromPoints']);
    expect(pathsOf(await put({ maxPoints: 20, basicFromPoints: 8, advancedFromPoints: 25 }))).toEqual(['advancedFromPoints']);
    expect(pathsOf(await put({ maxPoints: 2.5 }))).toEqual(['maxPoints']);
    const onOrdinaryLesson = await as.teacher.put(`/api/lessons/${school.lessons[1].documentId}`, { maxPoints: 20 });
    expect(pathsOf(onOrdinaryLesson)).toEqual(['maxPoints']);
  });

  it('takes the points of each pupil within the maximum, and only on a control work that has one', async () => {
    const saved = await as.teacher.put(`/api/lessons/${controlWork5a.documentId}`, {
      plannedResults: 'Базовый уровень: сложение дробей с одинаковыми знаменателями; повышенный: с разными',
      maxPoints: 20,
      basicFromPoints: 8,
      advancedFromPoints: 15,
    });
    expect(saved.status).toBe(200);
    const [ivanov, petrova] = school.pupils5a;
    const over = await as.teacher.put(`/api/marks/${await markOf(ivanov, controlWork5a)}`, { points: 25 });
    expect(pathsOf(over)).toEqual(['points']);
    expect(over.body.error.message).toContain('от 0 до 20');
    const ordinary = await as.teacher.put(`/api/marks/${await markOf(ivanov, school.lessons[0])}`, { points: 3 });
    expect(pathsOf(ordinary)).toEqual(['points']);
    for (const [pupil, points] of [
      [ivanov, 18],
      [petrova, 14],
    ] as const) {
      const response = await as.teacher.put(`/api/marks/${await markOf(pupil, controlWork5a)}`, { points });
      expect(response.status).toBe(200);
    }
    // The pupils added by the fixture, by name.
    for (const [lastName, points] of [
      ['Орлова', 8],
      ['Павлов', 5],
    ] as const) {
      const pupil = (await strapi.db.query('api::student.student').findOne({ where: { lastName } })) as { documentId: string };
      expect((await as.teacher.put(`/api/marks/${await markOf(pupil, controlWork5a)}`, { points })).status).toBe(200);
    }
  });

  it('gives each pupil the level their points reach, and the work the count per level', async () => {
    const [work5a, work5b] = await works('deputy', `period=${q1}`);
    expect(work5a).toMatchObject({
      maxPoints: 20,
      thresholds: { basicFrom: 8, advancedFrom: 15 },
      plannedResults: 'Базовый уровень: сложение дробей с одинаковыми знаменателями; повышенный: с разными',
      pointsLevels: { 'below-basic': 1, basic: 2, advanced: 1 },
    });
    expect(
      (work5a.pupils as Array<{ fullName: string; points: number; pointsLevelLabel: string }>).map((pupil) => [
        pupil.fullName.split(' ')[0],
        pupil.points,
        pupil.pointsLevelLabel,
      ]),
    ).toEqual([
      ['Иванов', 18, 'повышенный'],
      ['Орлова', 8, 'базовый'],
      ['Павлов', 5, 'ниже базового'],
      ['Петрова', 14, 'базовый'],
    ]);
    expect(work5b).toMatchObject({ maxPoints: null, thresholds: null, pointsLevels: null });
  });

  it('refuses to lower the maximum below the points already given', async () => {
    const response = await as.teacher.put(`/api/lessons/${controlWork5a.documentId}`, {
      maxPoints: 16,
      basicFromPoints: 8,
      advancedFromPoints: 15,
    });
    expect(pathsOf(response)).toEqual(['maxPoints']);
    expect(response.body.error.message).toContain('до 18');
  });
});
