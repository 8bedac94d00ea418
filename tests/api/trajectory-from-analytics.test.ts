import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { buildCurrentYear, type CurrentYear } from '../helpers/distance-fixture';
import { make, teach } from '../helpers/school-fixture';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/**
 * Trajectories drawn up from the analytics' lists (R24). The current year's 6А: Орлов with 2, 2, 3 in
 * maths (an expected «2») and 4, 4, 4 in Russian; Зайцева with 5s in both (отличница). The year's
 * only study period runs around today, so it is the one the analytics pick by default.
 */

const TRAJECTORY = 'api::learning-trajectory.learning-trajectory';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let current: CurrentYear;
let period: { id: number; documentId: string };
let classTeacher6a: { id: number; documentId: string; jwt: string };
let classTeacher: Api;
let deputy: Api;
let orlov: string;
let zaitseva: string;

const day = (offset: number) => DateTime.fromISO(current.today).plus({ days: offset }).toISODate() as string;

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  current = await buildCurrentYear(strapi, world);
  classTeacher6a = await createAccount(strapi, 'class-teacher', 'ct.6a');
  await strapi
    .documents('api::school-class.school-class')
    .update({ documentId: current.class6a.documentId, data: { classTeacher: classTeacher6a.documentId } } as never);
  const yearStart = String(current.year.startDate);
  const yearEnd = String(current.year.endDate);
  period = await make(strapi, 'api::study-period.study-period', {
    title: '2 четверть',
    academicYear: current.year.documentId,
    scheme: 'quarter',
    number: 2,
    startDate: day(-40) < yearStart ? yearStart : day(-40),
    endDate: day(40) > yearEnd ? yearEnd : day(40),
  });
  const russian = await make(strapi, 'api::journal.journal', {
    schoolClass: current.class6a.documentId,
    subject: world.school.russian.documentId,
    academicYear: current.year.documentId,
  });
  await teach(strapi, russian.documentId, world.teacherA);
  const lessonsOf = async (journal: string, existing: Array<{ documentId: string }>) => [
    await make(strapi, 'api::lesson.lesson', { journal, date: day(-2), number: 2, topic: 'Повторение' }),
    ...existing,
  ];
  const math = await lessonsOf(current.journal.documentId, [current.lessonYesterday, current.lessonToday]);
  const ru = await lessonsOf(russian.documentId, [
    await make(strapi, 'api::lesson.lesson', { journal: russian.documentId, date: day(-1), number: 2, topic: 'Орфограммы' }),
    await make(strapi, 'api::lesson.lesson', { journal: russian.documentId, date: current.today, number: 2, topic: 'Диктант' }),
  ]);
  const [orlovDoc, zaitsevaDoc] = current.pupils;
  orlov = orlovDoc.documentId;
  zaitseva = zaitsevaDoc.documentId;
  const marks = async (journal: string, lessons: Array<{ documentId: string }>, student: string, values: string[]) => {
    for (const [index, value] of values.entries())
      await make(strapi, 'api::mark.mark', { kind: 'current', journal, lesson: lessons[index].documentId, student, value });
  };
  await marks(current.journal.documentId, math, orlov, ['2', '2', '3']);
  await marks(russian.documentId, ru, orlov, ['4', '4', '4']);
  await marks(current.journal.documentId, math, zaitseva, ['5', '5', '5']);
  await marks(russian.documentId, ru, zaitseva, ['5', '5', '5']);
  classTeacher = apiAs(strapi, classTeacher6a.jwt);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
});
afterAll(() => stopStrapi(strapi));

type Listed = { documentId: string; trajectory: string | null };
const trajectoryOnList = async (list: 'at-risk' | 'leaders', pupil: string): Promise<string | null | undefined> => {
  const response = await deputy.get(`/api/analytics/${list}`);
  expect(response.status).toBe(200);
  const rows: Listed[] = list === 'at-risk' ? response.body.data.pupils : response.body.data.excellent;
  return rows.find((row) => row.documentId === pupil)?.trajectory;
};

const stored = (documentId: string) =>
  strapi.db.query(TRAJECTORY).findOne({
    where: { documentId },
    populate: { student: true, academicYear: true, originPeriod: true, responsible: true, goals: { populate: { subject: true } } },
  });

const monthLater = () => {
  const later = DateTime.fromISO(current.today).plus({ months: 1 }).toISODate() as string;
  return later > String(current.year.endDate) ? String(current.year.endDate) : later;
};

type Goal = { subject: { name: string } | null; goal: string; measures: string };
const goalsOf = (row: { goals: Goal[] }) => row.goals.map((goal) => [goal.subject?.name ?? null, goal.goal, goal.measures]);

describe('a trajectory drawn up from the analytics’ lists (R24)', () => {
  it('shows on both lists that neither pupil has an open trajectory yet', async () => {
    expect(await trajectoryOnList('at-risk', orlov)).toBeNull();
    expect(await trajectoryOnList('leaders', zaitseva)).toBeNull();
  });

  it('draws up a trajectory from the at-risk list: the reasons as the analytics gives them, a goal for each subject below the pass line, the class teacher responsible, reviewed a month later', async () => {
    const response = await classTeacher.post('/api/learning-trajectories/from-analytics', { student: orlov, list: 'at-risk' });
    expect(response.status).toBe(201);
    const row = await stored(response.body.data.documentId);
    expect(row).toMatchObject({
      origin: 'at-risk',
      student: { documentId: orlov },
      academicYear: { documentId: current.year.documentId },
      originPeriod: { documentId: period.documentId },
      responsible: { id: classTeacher6a.id },
      startsOn: current.today,
      nextReviewOn: monthLater(),
      closedOn: null,
    });
    expect(row.basis).toContain('обучающийся в списке «группы риска»');
    expect(row.basis).toContain('ожидается «2» — Математика (средний балл 2,33, прогноз «2»)');
    expect(row.basis).not.toContain('Русский язык');
    expect(goalsOf(row)).toEqual([['Математика', 'ликвидировать пробелы по предмету Математика', 'консультации']]);
    expect(await trajectoryOnList('at-risk', orlov)).toBe(response.body.data.documentId);
  });

  it('draws up a trajectory from the leaders list: the group, the average and the strong subjects, an olympiad goal for each, the pupil’s class teacher responsible', async () => {
    const response = await deputy.post('/api/learning-trajectories/from-analytics', {
      student: zaitseva,
      list: 'leader',
      period: period.documentId,
    });
    expect(response.status).toBe(201);
    const row = await stored(response.body.data.documentId);
    expect(row).toMatchObject({
      origin: 'leader',
      originPeriod: { documentId: period.documentId },
      responsible: { id: classTeacher6a.id },
      startsOn: current.today,
    });
    expect(row.basis).toContain('обучающийся в списке лидеров — отличник, средний балл 5');
    expect(row.basis).toContain('Сильные предметы: Математика — «5» (средний балл 5); Русский язык — «5» (средний балл 5)');
    expect(goalsOf(row).map(([subject, goal]) => [subject, goal])).toEqual([
      ['Математика', 'подготовка к олимпиаде по предмету Математика'],
      ['Русский язык', 'подготовка к олимпиаде по предмету Русский язык'],
    ]);
    expect(await trajectoryOnList('leaders', zaitseva)).toBe(response.body.data.documentId);
  });

  it('refuses a pupil who is not on the list asked for with 400 on the pupil, naming the list, and stores nothing', async () => {
    const before = await strapi.db.query(TRAJECTORY).count();
    const notLeader = await deputy.post('/api/learning-trajectories/from-analytics', { student: orlov, list: 'leader' });
    expect(notLeader.status).toBe(400);
    expect(notLeader.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['student'], message: expect.stringContaining('нет в списке лидеров') }),
    ]);
    const notAtRisk = await classTeacher.post('/api/learning-trajectories/from-analytics', { student: zaitseva, list: 'at-risk' });
    expect(notAtRisk.status).toBe(400);
    expect(notAtRisk.body.error.details.errors[0]).toMatchObject({ path: ['student'] });
    expect(notAtRisk.body.error.message).toContain('нет в списке «группы риска»');
    expect(await strapi.db.query(TRAJECTORY).count()).toBe(before);
  });

  it('is refused with 403 to a subject teacher of the pupil and to the class teacher of another class', async () => {
    const before = await strapi.db.query(TRAJECTORY).count();
    const teacher = await apiAs(strapi, world.teacherA.jwt).post('/api/learning-trajectories/from-analytics', {
      student: orlov,
      list: 'at-risk',
    });
    expect(teacher.status).toBe(403);
    const otherClass = await apiAs(strapi, world.classTeacherB.jwt).post('/api/learning-trajectories/from-analytics', {
      student: orlov,
      list: 'at-risk',
    });
    expect(otherClass.status).toBe(403);
    expect(await strapi.db.query(TRAJECTORY).count()).toBe(before);
  });

  it('shows no trajectory on the list once the pupil’s trajectory is closed', async () => {
    const open = await trajectoryOnList('at-risk', orlov);
    await strapi.db
      .query(TRAJECTORY)
      .update({ where: { documentId: open }, data: { closedOn: current.today, outcome: 'Пробелы ликвидированы' } });
    expect(await trajectoryOnList('at-risk', orlov)).toBeNull();
  });
});
