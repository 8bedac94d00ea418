import type { Core } from '@strapi/strapi';
import { make } from '../helpers/school-fixture';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/**
 * Self-assessment of a control work written in class (R78, issue 11): the family enters the mark the
 * pupil expects before the teacher's; the diary sets the two side by side once the mark exists; the
 * teacher's mark is never touched; staff read them like marks; the analytics and the pupil overview count them.
 */

type ErrorBody = { body: { error: { message: string; details: { errors?: Array<{ path: string[] }> } } } };
const pathsOf = (response: ErrorBody) => (response.body.error.details.errors ?? []).map((error) => error.path.join('.'));

const SELF = 'api::control-self-assessment.control-self-assessment';
let strapi: Core.Strapi;
let world: TwoClassSchool;
let kuznetsov: string;
let ivanov: string;
/** 5Б maths control works (teacher B): the first gets a self-assessment and then the mark; the second is marked first. */
let control1: string;
let control2: string;
/** 5А maths control work (teacher A), for the pupil's own account. */
let controlA: string;
/** A 5Б maths lesson that is not a control work (and has no mark). */
let plainLesson: string;
const as: Record<string, Api> = {};

const selfAssess = (api: Api, lesson: string, data: Record<string, unknown>, student = kuznetsov) =>
  api.post(`/api/diary/${student}/control-works/${lesson}/self-assessment`, data);
const controlWorksOf = (api: Api, student = kuznetsov) => api.get(`/api/diary/${student}/control-works?from=2025-09-01&to=2025-12-28`);
const markOf = async (student: string, lesson: string) =>
  (await strapi.db.query('api::mark.mark').findMany({
    where: { student: { documentId: student }, lesson: { documentId: lesson } },
    select: ['id', 'value', 'updatedAt'],
  })) as Array<{ id: number; value: string; updatedAt: string }>;

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  kuznetsov = world.school.pupil5b.documentId;
  ivanov = world.school.pupils5a[0].documentId;
  Object.assign(as, {
    parentA: apiAs(strapi, world.accounts.parentA.jwt),
    parentB: apiAs(strapi, world.accounts.parentB.jwt),
    pupilA: apiAs(strapi, world.accounts.pupilA.jwt),
    teacherA: apiAs(strapi, world.teacherA.jwt),
    teacherB: apiAs(strapi, world.teacherB.jwt),
    classTeacherB: apiAs(strapi, world.classTeacherB.jwt),
    deputy: apiAs(strapi, world.accounts.deputy.jwt),
    director: apiAs(strapi, world.accounts.director.jwt),
  });
  const lesson = (journal: string, date: string, topic: string) =>
    make(strapi, 'api::lesson.lesson', { journal, date, number: 3, topic, workType: 'control-work' });
  control1 = (await lesson(world.journalB.documentId, '2025-10-15', 'Контрольная работа № 1')).documentId;
  control2 = (await lesson(world.journalB.documentId, '2025-10-20', 'Контрольная работа № 2')).documentId;
  controlA = (await lesson(world.school.mathJournal.documentId, '2025-10-16', 'Контрольная работа')).documentId;
  plainLesson = (
    await make(strapi, 'api::lesson.lesson', { journal: world.journalB.documentId, date: '2025-10-17', number: 3, topic: 'Проценты' })
  ).documentId;
});

afterAll(async () => {
  await stopStrapi(strapi);
});

describe('entering the self-assessment of a control work', () => {
  it('lets the parent enter the child’s own mark before the teacher’s, change it until then, and records who entered it', async () => {
    const entered = await selfAssess(as.parentB, control1, { value: '4', note: 'Не успел последнюю задачу' });
    expect(entered.status).toBe(201);
    expect(entered.body.data).toMatchObject({ value: '4', note: 'Не успел последнюю задачу' });
    const changed = await selfAssess(as.parentB, control1, { value: '5' });
    expect(changed.status).toBe(200);
    const rows = (await strapi.db.query(SELF).findMany({
      where: { student: { documentId: kuznetsov }, lesson: { documentId: control1 } },
      populate: { enteredBy: { select: ['id'] } },
    })) as Array<{ value: string; enteredBy: { id: number } | null; enteredAt: string | null }>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ value: '5', enteredBy: { id: world.accounts.parentB.id } });
    expect(rows[0].enteredAt).not.toBeNull();
    const list = await controlWorksOf(as.parentB);
    expect(list.status).toBe(200);
    const work = list.body.data.find((each: { lesson: { documentId: string } }) => each.lesson.documentId === control1);
    expect(work).toMatchObject({ subject: 'Математика', teacherMark: null, open: true, selfAssessment: { value: '5', comparison: null } });
  });

  it('lets the pupil enter their own self-assessment, never naming who entered it through the body', async () => {
    const smuggled = await selfAssess(as.pupilA, controlA, { value: '4', enteredBy: world.accounts.parentA.id }, ivanov);
    expect(smuggled.status).toBe(400);
    expect(pathsOf(smuggled)).toEqual(['enteredBy']);
    const entered = await selfAssess(as.pupilA, controlA, { value: '4' }, ivanov);
    expect(entered.status).toBe(201);
    const row = (await strapi.db.query(SELF).findOne({
      where: { student: { documentId: ivanov }, lesson: { documentId: controlA } },
      populate: { enteredBy: { select: ['id'] } },
    })) as { enteredBy: { id: number } | null };
    expect(row.enteredBy).toEqual({ id: world.accounts.pupilA.id });
  });

  it('refuses a lesson that is not a control work, a value off the subject’s scale and a long note, naming the field', async () => {
    const notControl = await selfAssess(as.parentB, plainLesson, { value: '4' });
    expect(notControl.status).toBe(400);
    expect(pathsOf(notControl)).toEqual(['lesson']);
    expect(notControl.body.error.message).toBe('Самооценку вводят за контрольную работу: этот урок не контрольная работа');
    const offScale = await selfAssess(as.parentB, control2, { value: '6', note: 'x'.repeat(1001) });
    expect(offScale.status).toBe(400);
    expect(pathsOf(offScale)).toEqual(['value', 'note']);
    expect(offScale.body.error.details.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Самооценка — отметка по шкале предмета/),
    });
    const empty = await selfAssess(as.parentB, control2, {});
    expect(pathsOf(empty)).toEqual(['value']);
    expect(await strapi.db.query(SELF).count({ where: { lesson: { documentId: control2 } } })).toBe(0);
  });

  it('refuses another family’s child (404) and a pupil not on the journal’s list', async () => {
    expect((await selfAssess(as.parentA, control1, { value: '3' })).status).toBe(404);
    expect((await controlWorksOf(as.parentA)).status).toBe(404);
    const otherClass = await selfAssess(as.parentA, control2, { value: '3' }, ivanov);
    expect(otherClass.status).toBe(400);
    expect(pathsOf(otherClass)).toEqual(['student']);
  });
});

describe('after the teacher’s mark', () => {
  it('refuses a new self-assessment once the mark is set, and never changes an entered one, leaving the mark as it was', async () => {
    const mark1 = await as.teacherB.post('/api/marks', {
      kind: 'current',
      journal: world.journalB.documentId,
      lesson: control1,
      student: kuznetsov,
      value: '4',
    });
    expect(mark1.status).toBe(201);
    const mark2 = await as.teacherB.post('/api/marks', {
      kind: 'current',
      journal: world.journalB.documentId,
      lesson: control2,
      student: kuznetsov,
      value: '3',
    });
    expect(mark2.status).toBe(201);
    const before = await markOf(kuznetsov, control1);
    const late = await selfAssess(as.parentB, control2, { value: '5' });
    expect(late.status).toBe(400);
    expect(pathsOf(late)).toEqual(['lesson']);
    expect(late.body.error.message).toBe('Отметка учителя уже выставлена: самооценка вводится до неё');
    const change = await selfAssess(as.parentB, control1, { value: '3' });
    expect(change.status).toBe(403);
    expect(change.body.error.message).toBe('Отметка учителя уже выставлена: самооценка вводится до неё');
    expect(await markOf(kuznetsov, control1)).toEqual(before);
    expect(before.map((mark) => mark.value)).toEqual(['4']);
    expect((await markOf(kuznetsov, control2)).map((mark) => mark.value)).toEqual(['3']);
    const stored = (await strapi.db
      .query(SELF)
      .findOne({ where: { student: { documentId: kuznetsov }, lesson: { documentId: control1 } } })) as {
      value: string;
    };
    expect(stored.value).toBe('5');
  });

  it('shows the self-assessment and the teacher’s mark side by side in the diary', async () => {
    const list = await controlWorksOf(as.parentB);
    expect(list.status).toBe(200);
    const byLesson = (lesson: string) =>
      list.body.data.find((each: { lesson: { documentId: string } }) => each.lesson.documentId === lesson);
    expect(byLesson(control1)).toMatchObject({
      teacherMark: '4',
      open: false,
      selfAssessment: { value: '5', comparison: { verdict: 'higher', label: 'выше отметки учителя', difference: 1 } },
    });
    expect(byLesson(control2)).toMatchObject({ teacherMark: '3', open: false, selfAssessment: null });
    expect(list.body.meta.selfAssessment).toEqual({ compared: 1, matches: 0, higher: 1, lower: 0, meanAbsoluteDifference: 1 });
  });
});

describe('staff reading self-assessments', () => {
  it('lets the journal’s teachers, the class teacher, the deputy and the director read them like marks; another teacher and families not', async () => {
    const pupilsSeen = async (api: Api) => {
      const response = await api.get('/api/control-self-assessments?populate[student][fields][0]=lastName');
      expect(response.status).toBe(200);
      return (response.body.data as Array<{ student: { lastName: string } }>).map((row) => row.student.lastName).sort();
    };
    expect(await pupilsSeen(as.teacherB)).toEqual(['Кузнецов']);
    expect(await pupilsSeen(as.classTeacherB)).toEqual(['Кузнецов']);
    expect(await pupilsSeen(as.teacherA)).toEqual(['Иванов']);
    expect(await pupilsSeen(as.deputy)).toEqual(['Иванов', 'Кузнецов']);
    expect(await pupilsSeen(as.director)).toEqual(['Иванов', 'Кузнецов']);
    expect((await as.parentB.get('/api/control-self-assessments')).status).toBe(403);
    expect((await as.teacherB.post('/api/control-self-assessments', { student: kuznetsov, lesson: control2, value: '4' })).status).toBe(
      405,
    );
  });
});

describe('the reports', () => {
  it('counts control works in the analytics of self-assessment per class and pupil, with their source', async () => {
    const response = await as.deputy.get(`/api/analytics/self-assessment?period=${world.school.quarters[0].documentId}`);
    expect(response.status).toBe(200);
    const classB = response.body.data.classes.find((group: { class: { name: string } }) => group.class.name === '5Б');
    expect(classB).toMatchObject({
      compared: 1,
      higher: 1,
      sources: { assignment: 0, controlWork: 1 },
      pupils: [
        expect.objectContaining({
          fullName: expect.stringMatching(/^Кузнецов/),
          compared: 1,
          higher: 1,
          sources: { assignment: 0, controlWork: 1 },
        }),
      ],
    });
    // Иванов's self-assessment has no teacher's mark yet: nothing compared.
    const classA = response.body.data.classes.find((group: { class: { name: string } }) => group.class.name === '5А');
    expect(classA ?? { compared: 0 }).toMatchObject({ compared: 0 });
  });

  it('lists control works in the pupil overview’s self-assessment beside the teacher’s mark', async () => {
    const response = await as.classTeacherB.get(`/api/students/${kuznetsov}/overview?year=${world.school.year.documentId}`);
    expect(response.status).toBe(200);
    const part = response.body.data.selfAssessment;
    expect(part.works).toEqual([
      expect.objectContaining({
        source: 'control-work',
        assignment: 'Контрольная работа: Контрольная работа № 1',
        subject: 'Математика',
        lessonDate: '2025-10-15',
        selfAssessment: '5',
        teacherMark: '4',
        verdict: 'higher',
      }),
    ]);
    expect(part.summary).toMatchObject({ compared: 1, higher: 1 });
  });
});
