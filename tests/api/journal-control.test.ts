import type { Core } from '@strapi/strapi';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildMiniSchool, make, type MiniSchool } from '../helpers/school-fixture';

/** A hand-made school day, Monday 6 October 2025, and what the daily check must list for it. */
const DAY = '2025-10-06';

let strapi: Core.Strapi;
let school: MiniSchool;
let deputy: Api;
let director: Api;
let teacherA: Api;
let teacherB: Api;
let parent: Api;
const lessons: Record<string, string> = {};

beforeAll(async () => {
  strapi = await bootStrapi();
  const accountA = await createAccount(strapi, 'teacher', 'teacher.a');
  const accountB = await createAccount(strapi, 'class-teacher', 'teacher.b');
  const accountC = await createAccount(strapi, 'teacher', 'teacher.c');
  school = await buildMiniSchool(strapi, { teacher: accountA });
  deputy = apiAs(strapi, (await createAccount(strapi, 'deputy-director', 'deputy')).jwt);
  director = apiAs(strapi, (await createAccount(strapi, 'director', 'director')).jwt);
  parent = apiAs(strapi, (await createAccount(strapi, 'parent', 'parent')).jwt);
  teacherA = apiAs(strapi, accountA.jwt);
  teacherB = apiAs(strapi, accountB.jwt);
  const journal5b = await make(strapi, 'api::journal.journal', {
    schoolClass: school.class5b.documentId,
    subject: school.math.documentId,
    teachers: [accountB.documentId],
  });
  const journal1a = await make(strapi, 'api::journal.journal', {
    schoolClass: school.class1a.documentId,
    subject: school.russian.documentId,
    teachers: [accountC.documentId],
  });
  const [ivanov, petrova] = school.pupils5a;

  const lesson = async (name: string, journal: { documentId: string }, number: number, topic: string | null, date = DAY) => {
    const created = await make(strapi, 'api::lesson.lesson', { journal: journal.documentId, date, number, topic });
    lessons[name] = created.documentId;
    return created;
  };
  const mark = (journal: { documentId: string }, lessonId: string, student: { documentId: string }, value = '5') =>
    make(strapi, 'api::mark.mark', { kind: 'current', journal: journal.documentId, lesson: lessonId, student: student.documentId, value });
  const absent = (lessonId: string, student: { documentId: string }) =>
    make(strapi, 'api::attendance.attendance', { lesson: lessonId, student: student.documentId, kind: 'absent' });

  // 5А maths, lesson 1: topic, a mark and an absence: filled.
  const full = await lesson('full', school.mathJournal, 1, 'Натуральные числа');
  await mark(school.mathJournal, full.documentId, ivanov);
  await absent(full.documentId, petrova);
  // 5А maths, lesson 2: no topic.
  const noTopic = await lesson('noTopic', school.mathJournal, 2, null);
  await mark(school.mathJournal, noTopic.documentId, ivanov, '4');
  await absent(noTopic.documentId, petrova);
  // 5А PE (зачёт), lesson 3: topic and an absence, no mark.
  const noMarks = await lesson('noMarks', school.peJournal, 3, 'Бег 60 м');
  await absent(noMarks.documentId, petrova);
  // 5Б maths, lesson 1: topic and a mark, nobody noted absent.
  const noAttendance = await lesson('noAttendance', journal5b, 1, 'Дроби');
  await mark(journal5b, noAttendance.documentId, school.pupil5b, '3');
  // 5Б maths, lesson 2: nothing at all.
  await lesson('empty', journal5b, 2, '   ');
  // 1А Russian: topic and an absence; grade 1 gets no point marks, so none are expected.
  const firstGrade = await lesson('firstGrade', journal1a, 1, 'Звуки и буквы');
  await absent(firstGrade.documentId, school.pupil1a);
  // Another day: never in this day's list.
  await lesson('nextDay', journal5b, 1, null, '2025-10-07');
});
afterAll(() => stopStrapi(strapi));

type Listed = { teacher: { username: string } | null; checked: number; lessons: Array<{ documentId: string; missing: string[] }> };
const listOf = (teachers: Listed[]) =>
  teachers.map((group) => [group.teacher?.username ?? null, group.lessons.map((lesson) => [lesson.documentId, lesson.missing])]);

describe('the daily check of journal keeping', () => {
  it('lists for the deputy exactly the unfilled lessons of the day, per teacher, with what each lacks', async () => {
    const response = await deputy.get(`/api/journal-control/daily?date=${DAY}`);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ date: DAY, scope: 'school', lessons: 6, unfilled: 4 });
    expect(listOf(response.body.data.teachers)).toEqual([
      [
        'teacher.a',
        [
          [lessons.noTopic, ['topic']],
          [lessons.noMarks, ['marks']],
        ],
      ],
      [
        'teacher.b',
        [
          [lessons.noAttendance, ['attendance']],
          [lessons.empty, ['topic', 'attendance', 'marks']],
        ],
      ],
    ]);
    expect(response.body.data.teachers[0]).toMatchObject({ checked: 3 });
    expect(response.body.data.teachers[0].lessons[0]).toMatchObject({ number: 2, subject: 'Математика', schoolClass: '5А' });
    expect(Object.keys(response.body.data.definition)).toEqual(['topic', 'attendance', 'marks']);
    expect((await director.get(`/api/journal-control/daily?date=${DAY}`)).body.data.unfilled).toBe(4);
  });

  it('shows a teacher only their own lessons', async () => {
    const own = await teacherA.get(`/api/journal-control/daily?date=${DAY}`);
    expect(own.status).toBe(200);
    expect(own.body.data).toMatchObject({ scope: 'own', lessons: 3, unfilled: 2 });
    expect(listOf(own.body.data.teachers)).toEqual([
      [
        'teacher.a',
        [
          [lessons.noTopic, ['topic']],
          [lessons.noMarks, ['marks']],
        ],
      ],
    ]);
    const classTeacher = await teacherB.get(`/api/journal-control/daily?date=2025-10-07`);
    expect(listOf(classTeacher.body.data.teachers)).toEqual([['teacher.b', [[lessons.nextDay, ['topic', 'attendance', 'marks']]]]]);
  });

  it('refuses a day to come or a bad date (400 on the field), and callers without the check (403)', async () => {
    const future = await deputy.get('/api/journal-control/daily?date=2999-01-01');
    expect(future.status).toBe(400);
    expect(future.body.error.details.errors[0].path).toEqual(['date']);
    expect(future.body.error.message).toMatch(/ещё не наступил/);
    const bad = await teacherA.get('/api/journal-control/daily?date=06.10.2025');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['date']);
    expect((await parent.get(`/api/journal-control/daily?date=${DAY}`)).status).toBe(403);
    expect((await apiAs(strapi).get(`/api/journal-control/daily?date=${DAY}`)).status).toBe(403);
  });
});
