import type { Core } from '@strapi/strapi';
import ExcelJS from 'exceljs';
import supertest from 'supertest';
import { setStoredSchoolSettings, type SchoolSettingsOverrides } from '../../src/school/settings';
import { adminLogin, adminWithActions } from '../helpers/admin';
import { buildMiniSchool, make, type MiniSchool } from '../helpers/school-fixture';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';

/**
 * Analytics on a hand-made school whose every figure is computed by hand below.
 *
 * 2025/2026, quarters. 5А: Иванов, Петрова, Сидоров (moves to 5Б on 2025-11-21); 5Б: Кузнецов.
 * Maths (five-point) in both classes, PE (зачёт) in 5А. A control work weighs 2 (school setting).
 *
 * Q1 (2025-09-01 – 2025-10-24; forecast: earlier part before 09-19, later part to 10-07), maths 5А:
 *   lessons 09-02, 09-03, 09-10, 09-12 | 09-25, 09-29, 10-01 | 10-15 (control work)
 *   Иванов   5, 4, 5, 5 | 2, 2, 3 | 3(w2)   average 32/9 = 3.56   period mark 3
 *            forecast: 26/7 = 3.71, trend 2.33 − 4.75 = −2.42 → −0.25: 3.46 → 3
 *   Петрова  5, 5, –, – | –, –, – | 5(w2)   average 5             period mark 5
 *   Сидоров  2, 3(weight 3), –, – | – | 2(w2)  average 15/6 = 2.5  period mark 2
 *   PE period marks: Иванов зачтено, Петрова осв, Сидоров зачтено
 *   maths 5Б: Кузнецов period mark н/а, no current marks
 * Q2 (2025-11-05 – 2025-12-28), no period marks: results are rounded weighted averages
 *   5А 11-12: Иванов 5, Петрова 4 (late), Сидоров 3
 *   5Б 12-01, 12-03: Сидоров 4, 4; Кузнецов 3, 4; 12-05: Кузнецов ill, Сидоров absent
 *   Сидоров's maths pools both classes: (3 + 4 + 4) / 3 = 3.67 → 4, counted in 5Б (latest marks)
 */

let strapi: Core.Strapi;
let school: MiniSchool;
let q1: string;
let q2: string;
let class5b: string;
let journal5b: { documentId: string };
const as: Record<string, Api> = {};

const pupilNames = (rows: Array<{ fullName: string }>) => rows.map((row) => row.fullName.split(' ')[0]);

beforeAll(async () => {
  strapi = await bootStrapi();
  const accounts = {
    teacher: await createAccount(strapi, 'teacher', 'an_teacher'),
    teacherB: await createAccount(strapi, 'teacher', 'an_teacher_b'),
    classTeacherB: await createAccount(strapi, 'class-teacher', 'an_class_teacher_b'),
    deputy: await createAccount(strapi, 'deputy-director', 'an_deputy'),
    director: await createAccount(strapi, 'director', 'an_director'),
    secretary: await createAccount(strapi, 'secretary', 'an_secretary'),
    archivist: await createAccount(strapi, 'archivist', 'an_archivist'),
    methodologist: await createAccount(strapi, 'methodologist', 'an_methodologist'),
    parentA: await createAccount(strapi, 'parent', 'an_parent_a'),
    pupilA: await createAccount(strapi, 'pupil', 'an_pupil_a'),
  };
  for (const [name, account] of Object.entries(accounts)) as[name] = apiAs(strapi, account.jwt);
  as.anonymous = apiAs(strapi);

  school = await buildMiniSchool(strapi, { teacher: accounts.teacher });
  q1 = school.quarters[0].documentId;
  q2 = school.quarters[1].documentId;
  class5b = school.class5b.documentId;
  const [ivanov, petrova, sidorov] = school.pupils5a;
  const kuznetsov = school.pupil5b;
  await strapi
    .documents('api::school-class.school-class')
    .update({ documentId: class5b, data: { classTeacher: accounts.classTeacherB.documentId, profile: 'математический' } } as never);
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

  // Сидоров leaves 5А on 2025-11-20 and joins 5Б the next day.
  const enrollment = (await strapi.db
    .query('api::enrollment.enrollment')
    .findOne({ where: { student: { id: sidorov.id } }, select: ['documentId'] })) as { documentId: string };
  await strapi
    .documents('api::enrollment.enrollment')
    .update({ documentId: enrollment.documentId, data: { endDate: '2025-11-20' } } as never);
  await make(strapi, 'api::enrollment.enrollment', { student: sidorov.documentId, schoolClass: class5b, startDate: '2025-11-21' });

  journal5b = await make(strapi, 'api::journal.journal', {
    schoolClass: class5b,
    subject: school.math.documentId,
    kind: 'classroom',
    studyLevel: 'advanced',
    teachers: [accounts.teacherB.documentId],
  });
  const lesson = (journal: string, date: string, extra: Record<string, unknown> = {}) =>
    make(strapi, 'api::lesson.lesson', { journal, date, number: 3, topic: `Урок ${date}`, ...extra });
  const math5a = school.mathJournal.documentId;
  const [l0902, l0903, l1112] = school.lessons;
  const l0910 = await lesson(math5a, '2025-09-10');
  const l0912 = await lesson(math5a, '2025-09-12');
  const l0925 = await lesson(math5a, '2025-09-25');
  const l0929 = await lesson(math5a, '2025-09-29');
  const l1001 = await lesson(math5a, '2025-10-01');
  const l1015 = await lesson(math5a, '2025-10-15', { workType: 'control-work', topic: 'Контрольная работа' });
  const l1201 = await lesson(journal5b.documentId, '2025-12-01');
  const l1203 = await lesson(journal5b.documentId, '2025-12-03');
  const l1205 = await lesson(journal5b.documentId, '2025-12-05');

  const mark = (journal: string, lessonDoc: { documentId: string }, pupil: { documentId: string }, value: string, extra = {}) =>
    make(strapi, 'api::mark.mark', { kind: 'current', journal, lesson: lessonDoc.documentId, student: pupil.documentId, value, ...extra });
  const periodMark = (journal: string, period: string, pupil: { documentId: string }, value: string) =>
    make(strapi, 'api::mark.mark', { kind: 'periodic', journal, studyPeriod: period, student: pupil.documentId, value });

  for (const [lessonDoc, value] of [
    [l0902, '5'],
    [l0903, '4'],
    [l0910, '5'],
    [l0912, '5'],
    [l0925, '2'],
    [l0929, '2'],
    [l1001, '3'],
    [l1015, '3'],
    [l1112, '5'],
  ] as const)
    await mark(math5a, lessonDoc, ivanov, value);
  for (const [lessonDoc, value] of [
    [l0902, '5'],
    [l0903, '5'],
    [l1015, '5'],
    [l1112, '4'],
  ] as const)
    await mark(math5a, lessonDoc, petrova, value);
  await mark(math5a, l0902, sidorov, '2');
  await mark(math5a, l0903, sidorov, '3', { weight: 3 });
  await mark(math5a, l1015, sidorov, '2');
  await mark(math5a, l1112, sidorov, '3');
  await mark(journal5b.documentId, l1201, sidorov, '4');
  await mark(journal5b.documentId, l1203, sidorov, '4');
  await mark(journal5b.documentId, l1201, kuznetsov, '3');
  await mark(journal5b.documentId, l1203, kuznetsov, '4');

  await periodMark(math5a, q1, ivanov, '3');
  await periodMark(math5a, q1, petrova, '5');
  await periodMark(math5a, q1, sidorov, '2');
  await periodMark(journal5b.documentId, q1, kuznetsov, 'н/а');
  await periodMark(school.peJournal.documentId, q1, ivanov, 'зачтено');
  await periodMark(school.peJournal.documentId, q1, petrova, 'осв');
  await periodMark(school.peJournal.documentId, q1, sidorov, 'зачтено');

  await make(strapi, 'api::attendance.attendance', { lesson: l1112.documentId, student: petrova.documentId, kind: 'late', minutesLate: 5 });
  await make(strapi, 'api::attendance.attendance', { lesson: l1205.documentId, student: kuznetsov.documentId, kind: 'ill' });
  await make(strapi, 'api::attendance.attendance', { lesson: l1205.documentId, student: sidorov.documentId, kind: 'absent' });
});

afterAll(async () => {
  await stopStrapi(strapi);
});

const get = async (who: string, url: string) => {
  const response = await as[who].get(url);
  return response;
};

const groupOf = (body: { data: { groups: Array<{ label: string }> } }, label: string) =>
  body.data.groups.find((group) => group.label === label) as unknown as Record<string, Record<string, unknown>>;

describe('the whole-school summary (deputy director)', () => {
  it('gives each class its average, успеваемость, качество, counts and н/а share for a finished quarter', async () => {
    const response = await get('deputy', `/api/analytics/summary?period=${q1}&groupBy=class`);
    expect(response.status).toBe(200);
    const { data } = response.body;
    expect(data.period).toMatchObject({ documentId: q1, title: '1 четверть' });
    expect(data.previousPeriod).toBeNull();
    expect(data.groups.map((group: { label: string }) => group.label)).toEqual(['5А', '5Б']);
    // 5А: Иванов 3 + зачтено, Петрова 5 (PE осв: no result), Сидоров 2 + зачтено.
    expect(groupOf(response.body, '5А').current).toEqual({
      pupils: 3,
      results: 5,
      averageMark: 3.33,
      successRate: 66.7,
      qualityRate: 33.3,
      counts: { '5': 1, '4': 0, '3': 1, '2': 1, '1': 0, passed: 2, notPassed: 0, notAssessed: 0 },
      notAssessedShare: 0,
    });
    expect(groupOf(response.body, '5А').standing).toEqual({ excellent: 1, good: 0, oneFour: 0, oneThree: 1, failing: 1 });
    // 5Б: Кузнецов н/а.
    expect(groupOf(response.body, '5Б').current).toMatchObject({
      pupils: 1,
      averageMark: null,
      successRate: 0,
      qualityRate: 0,
      notAssessedShare: 100,
    });
    expect(data.total.current).toMatchObject({
      pupils: 4,
      results: 6,
      averageMark: 3.33,
      successRate: 50,
      qualityRate: 25,
      notAssessedShare: 16.7,
    });
  });

  it('compares a quarter with the previous one; a pupil who changed class counts where his marks end', async () => {
    const { body } = await get('deputy', `/api/analytics/summary?period=${q2}&groupBy=class`);
    expect(body.data.previousPeriod).toMatchObject({ documentId: q1 });
    // 5А: Иванов 5, Петрова 4. 5Б: Сидоров 3.67 → 4 (marks of both classes), Кузнецов 3.5 → 4.
    expect(groupOf(body, '5А').current).toMatchObject({ pupils: 2, averageMark: 4.5, successRate: 100, qualityRate: 100 });
    expect(groupOf(body, '5А').change).toEqual({ averageMark: 1.17, successRate: 33.3, qualityRate: 66.7 });
    expect(groupOf(body, '5Б').current).toMatchObject({ pupils: 2, averageMark: 4, successRate: 100, qualityRate: 100 });
    expect(groupOf(body, '5Б').change).toEqual({ averageMark: null, successRate: 100, qualityRate: 100 });
    expect(body.data.total.current).toMatchObject({ pupils: 4, averageMark: 4.25 });
  });

  it('compares with the same quarter of the previous year on request (none in this school)', async () => {
    const { body } = await get('deputy', `/api/analytics/summary?period=${q2}&groupBy=class&compare=year`);
    expect(body.data.previousPeriod).toBeNull();
    expect(groupOf(body, '5А').previous).toBeNull();
    expect(groupOf(body, '5А').change).toEqual({ averageMark: null, successRate: null, qualityRate: null });
  });

  it('groups by subject, parallel and teacher, and narrows by class, subject and parallel', async () => {
    const bySubject = (await get('deputy', `/api/analytics/summary?period=${q1}&groupBy=subject`)).body;
    expect(groupOf(bySubject, 'Математика').current).toMatchObject({
      pupils: 4,
      averageMark: 3.33,
      successRate: 50,
      qualityRate: 25,
      notAssessedShare: 25,
    });
    expect(groupOf(bySubject, 'Физическая культура').current).toMatchObject({
      pupils: 2,
      averageMark: null,
      successRate: 100,
      qualityRate: 100,
    });
    const byGrade = (await get('deputy', `/api/analytics/summary?period=${q1}&groupBy=grade`)).body;
    expect(byGrade.data.groups).toHaveLength(1);
    expect(groupOf(byGrade, '5 классы').current).toMatchObject({ pupils: 4, successRate: 50 });
    const byTeacher = (await get('deputy', `/api/analytics/summary?period=${q1}&groupBy=teacher`)).body;
    expect(groupOf(byTeacher, 'an_teacher').current).toMatchObject({ pupils: 3, successRate: 66.7 });
    expect(groupOf(byTeacher, 'an_teacher_b').current).toMatchObject({ pupils: 1, successRate: 0 });
    const oneClass = (await get('deputy', `/api/analytics/summary?period=${q1}&groupBy=subject&class=${school.class5a.documentId}`)).body;
    expect(groupOf(oneClass, 'Математика').current).toMatchObject({ pupils: 3, averageMark: 3.33 });
    const oneSubject = (await get('deputy', `/api/analytics/summary?period=${q1}&subject=${school.math.documentId}`)).body;
    expect(oneSubject.data.total.current).toMatchObject({ pupils: 4, results: 4 });
    const otherGrade = (await get('deputy', `/api/analytics/summary?period=${q1}&grade=7`)).body;
    expect(otherGrade.data.total.current.pupils).toBe(0);
  });

  it('groups by the level of study and by the class’s profile: 5Б studies maths in depth', async () => {
    const byLevel = (await get('deputy', `/api/analytics/summary?period=${q1}&groupBy=level`)).body;
    expect(byLevel.data.groups.map((group: { label: string }) => group.label).sort()).toEqual(['Базовый уровень', 'Углублённое изучение']);
    expect(groupOf(byLevel, 'Базовый уровень').current).toMatchObject({ pupils: 3, successRate: 66.7 });
    expect(groupOf(byLevel, 'Углублённое изучение').current).toMatchObject({ pupils: 1, successRate: 0, notAssessedShare: 100 });
    const byProfile = (await get('deputy', `/api/analytics/summary?period=${q1}&groupBy=profile`)).body;
    expect(groupOf(byProfile, 'Без профиля').current).toMatchObject({ pupils: 3 });
    expect(groupOf(byProfile, 'Профиль «математический»').current).toMatchObject({ pupils: 1, successRate: 0 });
  });

  it('refuses unknown filters with a field message', async () => {
    const badPeriod = await get('deputy', '/api/analytics/summary?period=nope');
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.body.error.details.errors[0].path).toEqual(['period']);
    expect((await get('deputy', `/api/analytics/summary?period=${q1}&groupBy=planet`)).status).toBe(400);
    expect((await get('deputy', `/api/analytics/summary?period=${q1}&grade=12`)).status).toBe(400);
    expect((await get('deputy', `/api/analytics/summary?period=${q2}&compare=week`)).status).toBe(400);
  });
});

describe('pupils: leaders, at risk, attendance, forecasts', () => {
  it('names отличники and pupils with one 3', async () => {
    const { body } = await get('director', `/api/analytics/leaders?period=${q1}`);
    expect(pupilNames(body.data.excellent)).toEqual(['Петрова']);
    expect(body.data.oneFour).toEqual([]);
    expect(body.data.good).toEqual([]);
    expect(body.data.oneThree).toEqual([expect.objectContaining({ fullName: expect.stringMatching(/^Иванов /), subject: 'Математика' })]);
  });

  it('finds pupils at risk: an expected 2 and н/а in a finished quarter (equal weight: by class, then name)', async () => {
    const { body } = await get('deputy', `/api/analytics/at-risk?period=${q1}`);
    expect(body.data.pupils.map((pupil: { fullName: string; risks: string[] }) => [pupil.fullName.split(' ')[0], pupil.risks])).toEqual([
      ['Сидоров', ['expected-fail']],
      ['Кузнецов', ['not-assessed']],
    ]);
  });

  it('finds a falling average, too few marks and many absences in the next quarter', async () => {
    const { body } = await get('deputy', `/api/analytics/at-risk?period=${q2}`);
    const risks = Object.fromEntries(
      body.data.pupils.map((pupil: { fullName: string; risks: string[] }) => [pupil.fullName.split(' ')[0], pupil.risks]),
    );
    expect(risks).toEqual({
      Кузнецов: ['few-marks', 'absences'],
      Сидоров: ['absences'],
      Петрова: ['few-marks', 'falling'],
      Иванов: ['few-marks'],
    });
    expect(pupilNames(body.data.pupils)).toEqual(['Кузнецов', 'Сидоров', 'Петрова', 'Иванов']);
  });

  it('gives each pupil their results with weights, forecast and standing', async () => {
    const { body } = await get('deputy', `/api/analytics/pupils?period=${q1}&subject=${school.math.documentId}`);
    const byName = Object.fromEntries(body.data.pupils.map((pupil: { fullName: string }) => [pupil.fullName.split(' ')[0], pupil]));
    expect(byName['Иванов'].subjects[0]).toMatchObject({
      subject: 'Математика',
      average: 3.56,
      marks: 8,
      periodMark: '3',
      result: { value: '3', source: 'period-mark' },
      forecast: { value: 3, average: 3.71, trend: -2.42 },
    });
    expect(byName['Сидоров'].subjects[0]).toMatchObject({ average: 2.5, forecast: { value: 3, average: 2.75, trend: null } });
    expect(byName['Кузнецов'].subjects[0]).toMatchObject({ average: null, result: { value: 'н/а' }, forecast: null });
  });

  it('counts each mark with the weight it was given: a control work’s from the settings of that day', async () => {
    const control = (await strapi.db.query('api::mark.mark').findMany({
      where: { lesson: { date: '2025-10-15' } },
      select: ['value', 'weight', 'workType'],
    })) as Array<{ weight: number | string; workType: string }>;
    expect(control.map((mark) => [Number(mark.weight), mark.workType])).toEqual([
      [2, 'control-work'],
      [2, 'control-work'],
      [2, 'control-work'],
    ]);
    setStoredSchoolSettings(strapi, { workTypeWeights: { 'control-work': 3 } });
    try {
      const { body } = await get('deputy', `/api/analytics/pupils?period=${q1}&subject=${school.math.documentId}`);
      const byName = Object.fromEntries(body.data.pupils.map((pupil: { fullName: string }) => [pupil.fullName.split(' ')[0], pupil]));
      // A later change of the school's weights does not rewrite marks already given.
      expect(byName['Иванов'].subjects[0].average).toBe(3.56);
      expect(byName['Сидоров'].subjects[0].average).toBe(2.5);
    } finally {
      setStoredSchoolSettings(strapi, {});
    }
  });

  it('counts missed lessons by reason per class and pupil', async () => {
    const { body } = await get('deputy', `/api/analytics/attendance?period=${q2}`);
    expect(body.data.classes).toEqual([
      { documentId: school.class5a.documentId, name: '5А', absent: 0, ill: 0, excused: 0, late: 1, pupils: 1, missed: 0 },
      { documentId: class5b, name: '5Б', absent: 1, ill: 1, excused: 0, late: 0, pupils: 2, missed: 2 },
    ]);
    const kuznetsov = body.data.pupils.find((pupil: { fullName: string }) => pupil.fullName.startsWith('Кузнецов'));
    expect(kuznetsov).toMatchObject({ className: '5Б', ill: 1, missed: 1, lessons: 3, missedShare: 33.3 });
  });

  it('measures the forecast on the finished quarters, beside plain averages', async () => {
    const { body } = await get('deputy', '/api/analytics/forecast-accuracy');
    // Q1: forecasts Иванов 3 = 3, Петрова 5 = 5, Сидоров 3 ≠ 2. Averages so far (no trend): 4 ≠ 3, 5 = 5, 3 ≠ 2.
    // Averages of the whole period: 3.56 → 4 ≠ 3, 5 = 5, 2.5 → 3 ≠ 2.
    expect(body.data.forecast).toEqual({ pairs: 3, exact: 66.7, withinOne: 100, meanAbsoluteError: 0.333 });
    expect(body.data.baselines.averageSoFar).toEqual({ pairs: 3, exact: 33.3, withinOne: 100, meanAbsoluteError: 0.667 });
    expect(body.data.baselines.averageOfWholePeriod).toEqual({ pairs: 3, exact: 33.3, withinOne: 100, meanAbsoluteError: 0.667 });
    expect(body.data.periods.find((row: { period: { documentId: string } }) => row.period.documentId === q1).pairs).toBe(3);
  });
});

describe('the school’s thresholds and weights (settings page)', () => {
  const withSettings = async (overrides: SchoolSettingsOverrides, run: () => Promise<void>) => {
    setStoredSchoolSettings(strapi, overrides);
    try {
      await run();
    } finally {
      setStoredSchoolSettings(strapi, {});
    }
  };
  const riskList = (body: { data: { pupils: Array<{ fullName: string; risks: string[] }> } }) =>
    body.data.pupils.map((pupil) => [pupil.fullName.split(' ')[0], pupil.risks]);

  it('finds pupils at risk by the school’s own thresholds', async () => {
    // Q2 marks: Иванов 1, Петрова 1, Кузнецов 2, Сидоров 3; both absences are 1 of 3 lessons = 33.3 %.
    await withSettings({ analytics: { fewMarks: 2, absentShare: 34 } }, async () => {
      const { body } = await get('deputy', `/api/analytics/at-risk?period=${q2}`);
      expect(riskList(body)).toEqual([
        ['Петрова', ['few-marks', 'falling']],
        ['Иванов', ['few-marks']],
      ]);
    });
    // Петрова's average fell 5 → 4: a threshold of 1.5 no longer sees it.
    await withSettings({ analytics: { fallingBy: 1.5 } }, async () => {
      const { body } = await get('deputy', `/api/analytics/at-risk?period=${q2}`);
      expect(Object.fromEntries(riskList(body)).Петрова).toEqual(['few-marks']);
    });
  });

  it('orders the at-risk list by the school’s weights of the reasons', async () => {
    // Absences weigh nothing: Петрова falling 2 + few 1 = 3; Иванов few 1 and Кузнецов few 1 (5А before 5Б); Сидоров 0.
    await withSettings({ analytics: { riskWeights: { absences: 0 } } }, async () => {
      const { body } = await get('deputy', `/api/analytics/at-risk?period=${q2}`);
      expect(pupilNames(body.data.pupils)).toEqual(['Петрова', 'Иванов', 'Кузнецов', 'Сидоров']);
    });
  });

  it('makes the forecast with the school’s share of the trend and marks needed for it', async () => {
    // Иванов Q1: 26/7 = 3.71 so far, trend −2.42. Without the trend: 3.71 → 4.
    await withSettings({ analytics: { trendFactor: 0 } }, async () => {
      const { body } = await get('deputy', `/api/analytics/pupils?period=${q1}&subject=${school.math.documentId}`);
      const ivanov = body.data.pupils.find((pupil: { fullName: string }) => pupil.fullName.startsWith('Иванов'));
      expect(ivanov.subjects[0].forecast).toEqual({ value: 4, average: 3.71, trend: -2.42 });
    });
    // Five marks in each part: his earlier part has four, so no trend is read.
    await withSettings({ analytics: { trendMinMarks: 5 } }, async () => {
      const { body } = await get('deputy', `/api/analytics/pupils?period=${q1}&subject=${school.math.documentId}`);
      const ivanov = body.data.pupils.find((pupil: { fullName: string }) => pupil.fullName.startsWith('Иванов'));
      expect(ivanov.subjects[0].forecast).toEqual({ value: 4, average: 3.71, trend: null });
      const accuracy = (await get('deputy', '/api/analytics/forecast-accuracy')).body;
      expect(accuracy.data.method).toMatch(/with 5 marks or more/);
    });
  });
});

describe('a parent’s view of the class (school setting)', () => {
  const classResults = (pupil = school.pupils5a[0].documentId) => `/api/diary/${pupil}/class-results?period=${q1}`;

  it('is closed while the school has not opened it', async () => {
    const response = await get('parentA', classResults());
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/показатели класса/);
  });

  it('shows the class’s figures by subject, names no pupil, and withholds a subject of fewer than three pupils', async () => {
    setStoredSchoolSettings(strapi, { parentsSeeClassResults: true });
    try {
      const response = await get('parentA', classResults());
      expect(response.status).toBe(200);
      // 5А Q1 maths: Иванов 3, Петрова 5, Сидоров 2. PE: Иванов and Сидоров зачтено (Петрова осв): two pupils.
      expect(response.body.data.schoolClass).toEqual({ name: '5А', grade: 5 });
      expect(response.body.data.total).toEqual({ pupils: 3, averageMark: 3.33, successRate: 66.7, qualityRate: 33.3, withheld: false });
      expect(response.body.data.subjects).toEqual([
        { subject: 'Математика', pupils: 3, averageMark: 3.33, successRate: 66.7, qualityRate: 33.3, withheld: false },
        { subject: 'Физическая культура', pupils: null, averageMark: null, successRate: null, qualityRate: null, withheld: true },
      ]);
      const names = JSON.stringify(response.body.data);
      expect(names).not.toMatch(/Петрова|Сидоров|Иванов|Кузнецов/);
      expect((await get('parentA', classResults(school.pupil5b.documentId))).status).toBe(404);
      for (const who of ['pupilA', 'teacher', 'deputy', 'anonymous'])
        expect([who, (await get(who, classResults())).status]).toEqual([who, 403]);
      expect((await get('parentA', `/api/diary/${school.pupils5a[0].documentId}/class-results?period=nope`)).status).toBe(400);
    } finally {
      setStoredSchoolSettings(strapi, {});
    }
  });
});

describe('who sees what', () => {
  const kuznetsovTrend = () => `/api/analytics/pupils/${school.pupil5b.documentId}/trend`;
  const ivanovTrend = () => `/api/analytics/pupils/${school.pupils5a[0].documentId}/trend`;

  it('a teacher sees only the classes of their journals; a class teacher also their class', async () => {
    const teacher = (await get('teacher', `/api/analytics/summary?period=${q2}&groupBy=class`)).body;
    expect(teacher.data.groups.map((group: { label: string }) => group.label)).toEqual(['5А']);
    const teacherB = (await get('teacherB', `/api/analytics/summary?period=${q1}&groupBy=class`)).body;
    expect(teacherB.data.groups.map((group: { label: string }) => group.label)).toEqual(['5Б']);
    const classTeacher = (await get('classTeacherB', `/api/analytics/summary?period=${q2}&groupBy=class`)).body;
    expect(classTeacher.data.groups.map((group: { label: string }) => group.label)).toEqual(['5Б']);
    const risks = (await get('teacher', `/api/analytics/at-risk?period=${q1}`)).body;
    expect(pupilNames(risks.data.pupils)).toEqual(['Сидоров']);
    const choices = (await get('teacherB', '/api/analytics/choices')).body;
    expect(choices.data.classes.map((item: { name: string }) => item.name)).toEqual(['5Б']);
  });

  it('every report answers the deputy director and the director', async () => {
    for (const who of ['deputy', 'director'])
      for (const path of ['choices', 'summary', 'pupils', 'leaders', 'at-risk', 'attendance', 'forecast-accuracy'])
        expect([who, path, (await get(who, `/api/analytics/${path}?period=${q1}`)).status]).toEqual([who, path, 200]);
  });

  it('secretary, archivist, methodologist, families and anonymous callers get no school reports', async () => {
    for (const who of ['secretary', 'archivist', 'methodologist', 'parentA', 'pupilA', 'anonymous'])
      for (const path of ['choices', 'summary', 'pupils', 'leaders', 'at-risk', 'attendance', 'forecast-accuracy']) {
        const status = (await get(who, `/api/analytics/${path}?period=${q1}`)).status;
        expect([who, path, status]).toEqual([who, path, 403]);
      }
  });

  it('a parent and a pupil see their own trend, and no other child', async () => {
    for (const who of ['parentA', 'pupilA']) {
      const own = await get(who, ivanovTrend());
      expect(own.status).toBe(200);
      expect(own.body.data.student.fullName).toMatch(/^Иванов /);
      const maths = own.body.data.subjects.find((subject: { subject: string }) => subject.subject === 'Математика');
      expect(
        maths.periods.map((entry: { title: string; average: number; result: { value: string } }) => [
          entry.title,
          entry.average,
          entry.result.value,
        ]),
      ).toEqual([
        ['1 четверть', 3.56, '3'],
        ['2 четверть', 5, '5'],
      ]);
      expect(maths.change).toBe(1.44);
      expect(own.body.data.overall.map((entry: { average: number }) => entry.average)).toEqual([3.56, 5]);
      expect(JSON.stringify(own.body)).not.toMatch(/Петрова|Сидоров|Кузнецов/);
      expect((await get(who, kuznetsovTrend())).status).toBe(404);
    }
  });

  it('staff read a pupil’s trend only within their reach', async () => {
    expect((await get('deputy', kuznetsovTrend())).status).toBe(200);
    expect((await get('teacher', ivanovTrend())).status).toBe(200);
    expect((await get('teacher', kuznetsovTrend())).status).toBe(404);
    expect((await get('classTeacherB', kuznetsovTrend())).status).toBe(200);
    expect((await get('secretary', kuznetsovTrend())).status).toBe(403);
    expect((await get('anonymous', kuznetsovTrend())).status).toBe(403);
  });
});

describe('the admin panel’s «Аналитика»', () => {
  const admin = (token: string, url: string) => supertest(strapi.server.httpServer).get(url).set('Authorization', `Bearer ${token}`);

  it('answers an admin holding analytics.read with the whole school, and refuses one without it', async () => {
    const reader = await adminWithActions(strapi, 'analytics.reader@school.test', ['plugin::records-archive.analytics.read']);
    const nobody = await adminWithActions(strapi, 'analytics.nobody@school.test', ['plugin::records-archive.journal.own']);
    const summary = await admin(reader, `/records-archive/analytics/summary?period=${q1}&groupBy=class`);
    expect(summary.status).toBe(200);
    expect(summary.body.data.groups.map((group: { label: string }) => group.label)).toEqual(['5А', '5Б']);
    for (const path of [
      'choices',
      'summary',
      'pupils',
      'leaders',
      'at-risk',
      'attendance',
      'forecast-accuracy',
      'self-assessment',
      'export.xlsx',
    ]) {
      expect([path, (await admin(reader, `/records-archive/analytics/${path}?period=${q1}`)).status]).toEqual([path, 200]);
      expect([path, (await admin(nobody, `/records-archive/analytics/${path}?period=${q1}`)).status]).toEqual([path, 403]);
    }
  });

  it('gives the deputy director’s staff role the action, and exports the tables as XLSX', async () => {
    const role = (await strapi.db.query('admin::role').findOne({ where: { code: 'school-deputy-director' } })) as { id: number };
    const deputy = await adminLogin(strapi, { email: 'analytics.deputy@school.test', roleId: role.id });
    const response = await admin(deputy, `/records-archive/analytics/export.xlsx?period=${q2}`)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Классы',
      'Предметы',
      'Учителя',
      'Уровни изучения',
      'Профили',
      'Группа риска',
      'Отличники и хорошисты',
      'Посещаемость',
    ]);
    const classes = workbook.getWorksheet('Классы') as ExcelJS.Worksheet;
    // Ranked by quality: both 100 %, then the higher average (5А 4.5, 5Б 4).
    expect([classes.getRow(4).values, classes.getRow(5).values].map((values) => (values as unknown[]).slice(1, 6))).toEqual([
      ['5А', 2, 4.5, 100, 100],
      ['5Б', 2, 4, 100, 100],
    ]);
    const levels = workbook.getWorksheet('Уровни изучения') as ExcelJS.Worksheet;
    expect([levels.getRow(4).values, levels.getRow(5).values].map((values) => (values as unknown[]).slice(1, 6))).toEqual([
      ['Базовый уровень', 2, 4.5, 100, 100],
      ['Углублённое изучение', 2, 4, 100, 100],
    ]);
    const teachers = workbook.getWorksheet('Учителя') as ExcelJS.Worksheet;
    expect([teachers.getRow(4).getCell(1).value, teachers.getRow(5).getCell(1).value]).toEqual(['an_teacher', 'an_teacher_b']);
    const risk = workbook.getWorksheet('Группа риска') as ExcelJS.Worksheet;
    expect(String(risk.getRow(2).getCell(1).value)).toMatch(/^Кузнецов/);
    expect(risk.getRow(2).getCell(4).value).toBe('мало отметок, много пропусков');
  });
});

/**
 * The third quarter (2026-01-12 – 2026-03-20, finished: the forecast reads the marks before
 * 2026-02-26, split at 2026-02-04), added here so the figures above stay as they are:
 *   5А maths Петрова 4, 4, 4 (01-14, 01-21, 01-28) | 3, 3, 3 (02-09, 02-11, 02-18)
 *     average 3.5 → result 4; trend 3 − 4 = −1: 3.5 − 0.25 = 3.25 → forecast 3
 *   5Б maths Кузнецов 3, 3, 3 | 2, 2, 2: average 2.5 → result 3; trend −1: 2.25 → forecast 2
 */
describe('the forecast for classes and the school (R86)', () => {
  let q3: string;

  beforeAll(async () => {
    q3 = school.quarters[2].documentId;
    const petrova = school.pupils5a[1];
    const kuznetsov = school.pupil5b;
    const plan: Array<[string, string, string]> = [
      ['2026-01-14', '4', '3'],
      ['2026-01-21', '4', '3'],
      ['2026-01-28', '4', '3'],
      ['2026-02-09', '3', '2'],
      ['2026-02-11', '3', '2'],
      ['2026-02-18', '3', '2'],
    ];
    for (const [date, petrovaMark, kuznetsovMark] of plan) {
      const lesson5a = await make(strapi, 'api::lesson.lesson', {
        journal: school.mathJournal.documentId,
        date,
        number: 4,
        topic: `Урок ${date}`,
      });
      const lesson5b = await make(strapi, 'api::lesson.lesson', { journal: journal5b.documentId, date, number: 4, topic: `Урок ${date}` });
      await make(strapi, 'api::mark.mark', {
        kind: 'current',
        journal: school.mathJournal.documentId,
        lesson: lesson5a.documentId,
        student: petrova.documentId,
        value: petrovaMark,
      });
      await make(strapi, 'api::mark.mark', {
        kind: 'current',
        journal: journal5b.documentId,
        lesson: lesson5b.documentId,
        student: kuznetsov.documentId,
        value: kuznetsovMark,
      });
    }
  });

  it('gives each class and the school the rates expected from the pupils’ forecasts beside those so far', async () => {
    const response = await get('deputy', `/api/analytics/forecast?period=${q3}&groupBy=class`);
    expect(response.status).toBe(200);
    const { data } = response.body;
    expect(data.period).toMatchObject({ documentId: q3 });
    expect(data.state).toBe('finished');
    const byClass = Object.fromEntries(data.groups.map((group: { label: string }) => [group.label, group]));
    expect(byClass['5А'].current).toMatchObject({ pupils: 1, averageMark: 4, successRate: 100, qualityRate: 100 });
    expect(byClass['5А'].expected).toMatchObject({ pupils: 1, averageMark: 3, successRate: 100, qualityRate: 0 });
    expect(byClass['5А'].change).toEqual({ averageMark: -1, successRate: 0, qualityRate: -100 });
    expect(byClass['5Б'].expected).toMatchObject({ averageMark: 2, successRate: 0, qualityRate: 0 });
    expect(data.total.current).toMatchObject({ pupils: 2, averageMark: 3.5, successRate: 100, qualityRate: 50 });
    expect(data.total.expected).toMatchObject({ pupils: 2, averageMark: 2.5, successRate: 50, qualityRate: 0 });
    expect(data.total.change).toEqual({ averageMark: -1, successRate: -50, qualityRate: -50 });
    expect(data.total.forecasts).toBe(2);
  });

  it('takes a given period mark as it is, and a forecast only where there is none', async () => {
    // Q1: Иванов 3 and Сидоров 2 (given), Петрова 5, PE зачтено twice; Кузнецов н/а: same as the results.
    const { body } = await get('deputy', `/api/analytics/forecast?period=${q1}&groupBy=school`);
    expect(body.data.total.expected).toEqual(body.data.total.current);
    expect(body.data.total.forecasts).toBe(0);
    expect(body.data.groups.map((group: { label: string }) => group.label)).toEqual(['Школа']);
  });

  it('keeps a teacher to their journals, refuses families and a bad grouping', async () => {
    const teacher = (await get('teacher', `/api/analytics/forecast?period=${q3}&groupBy=class`)).body;
    expect(teacher.data.groups.map((group: { label: string }) => group.label)).toEqual(['5А']);
    expect(teacher.data.total.expected).toMatchObject({ pupils: 1, averageMark: 3 });
    for (const who of ['parentA', 'pupilA', 'secretary', 'anonymous'])
      expect([who, (await get(who, `/api/analytics/forecast?period=${q3}`)).status]).toEqual([who, 403]);
    const bad = await get('deputy', `/api/analytics/forecast?period=${q3}&groupBy=planet`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['groupBy']);
    const admin = await adminWithActions(strapi, 'analytics.forecast@school.test', ['plugin::records-archive.analytics.read']);
    const panel = await supertest(strapi.server.httpServer)
      .get(`/records-archive/analytics/forecast?period=${q3}&groupBy=school`)
      .set('Authorization', `Bearer ${admin}`);
    expect(panel.status).toBe(200);
    expect(panel.body.data.total.expected).toMatchObject({ successRate: 50 });
  });
});
