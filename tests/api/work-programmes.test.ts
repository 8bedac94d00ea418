import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { adminWithActions } from '../helpers/admin';
import { make } from '../helpers/school-fixture';
import { apiAs, bootStrapi, createAccount, stopStrapi } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/**
 * Teachers' work programmes (R12): kept by the journal's teachers, approved by the deputy director,
 * shown in the family's diary with how far they are covered, and the deputy's completion report.
 * The fixture's study periods cover 254 days of 2025/2026; by 12.11.2025 73 of them have passed.
 */

const PROGRAMME = 'api::work-programme.work-programme';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let mathProgramme: string;

const as = (who: 'teacherA' | 'teacherB' | 'classTeacherB' | 'deputy' | 'director' | 'parentA' | 'parentB' | 'pupilA') =>
  apiAs(strapi, who === 'teacherA' || who === 'teacherB' || who === 'classTeacherB' ? world[who].jwt : world.accounts[who].jwt);

const stored = async (documentId: string) =>
  (await strapi.db.query(PROGRAMME).findOne({
    where: { documentId },
    populate: { teacher: { select: ['id'] }, approvedBy: { select: ['id'] }, plan: true },
  })) as Record<string, unknown> & { teacher: { id: number } | null; approvedBy: { id: number } | null; plan: unknown[] };

const mathBody = (overrides: Record<string, unknown> = {}) => ({
  journal: world.school.mathJournal.documentId,
  title: 'Рабочая программа по математике, 5 класс',
  hoursPerYear: 10,
  plan: [
    { topic: 'Натуральные числа', lessons: 4 },
    { topic: 'Дроби', lessons: 6 },
  ],
  ...overrides,
});

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  // The lessons of the 5А maths journal name the plan's topics.
  const topics = ['Натуральные числа. Сравнение', 'Натуральные числа: сложение', 'Дроби: введение'];
  for (const [index, lesson] of world.school.lessons.entries()) {
    await strapi.documents('api::lesson.lesson').update({ documentId: lesson.documentId, data: { topic: topics[index] } } as never);
  }
});
afterAll(() => stopStrapi(strapi));

describe('keeping a work programme', () => {
  it('a teacher records the programme of their own journal with its thematic plan, as its teacher', async () => {
    const response = await as('teacherA').post('/api/work-programmes', mathBody());
    expect(response.status).toBe(201);
    mathProgramme = response.body.data.documentId;
    const programme = await stored(mathProgramme);
    expect(programme.teacher?.id).toBe(world.teacherA.id);
    expect(programme.plan).toEqual([
      expect.objectContaining({ topic: 'Натуральные числа', lessons: 4 }),
      expect.objectContaining({ topic: 'Дроби', lessons: 6 }),
    ]);
    expect(programme.approvedOn).toBeNull();
  });

  it('a teacher cannot record a programme for a journal they do not teach (403)', async () => {
    const response = await as('teacherB').post('/api/work-programmes', mathBody({ title: 'Чужая программа' }));
    expect(response.status).toBe(403);
    expect(await strapi.db.query(PROGRAMME).count({ where: { title: 'Чужая программа' } })).toBe(0);
  });

  it('refuses a second programme of the same teacher for the same journal', async () => {
    const response = await as('teacherA').post('/api/work-programmes', mathBody({ title: 'Ещё одна программа' }));
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'))).toContain('journal');
  });

  it('refuses a thematic plan longer than the hours per year, and a topic without lessons', async () => {
    const tooLong = await as('teacherA').put(`/api/work-programmes/${mathProgramme}`, { hoursPerYear: 8 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.errors[0]).toMatchObject({
      path: ['plan'],
      message: expect.stringContaining('больше, чем часов в год'),
    });
    const noLessons = await as('teacherA').put(`/api/work-programmes/${mathProgramme}`, { plan: [{ topic: 'Дроби', lessons: 0 }] });
    expect(noLessons.status).toBe(400);
    expect(noLessons.body.error.details.errors[0]).toMatchObject({ path: ['plan'], message: expect.stringContaining('Тема 1') });
    expect((await stored(mathProgramme)).hoursPerYear).toBe(10);
  });

  it('a teacher cannot mark the programme approved; the deputy director approves it', async () => {
    const byTeacher = await as('teacherA').put(`/api/work-programmes/${mathProgramme}`, {
      approvalDocument: 'Протокол № 1',
      approvedOn: '2025-08-29',
    });
    expect(byTeacher.status).toBe(400);
    expect(byTeacher.body.error.details.errors.map((error: { path: string[] }) => error.path[0])).toContain('approvedOn');

    const byDeputy = await as('deputy').put(`/api/work-programmes/${mathProgramme}`, {
      approvalDocument: 'Протокол педагогического совета № 1',
      approvedOn: '2025-08-29',
    });
    expect(byDeputy.status).toBe(200);
    const programme = await stored(mathProgramme);
    expect(programme).toMatchObject({ approvalDocument: 'Протокол педагогического совета № 1', approvedOn: '2025-08-29' });
    expect(programme.approvedBy?.id).toBe(world.accounts.deputy.id);
  });

  it('refuses an approval without its date, or dated in the future', async () => {
    const noDate = await as('deputy').post('/api/work-programmes', {
      journal: world.journalB.documentId,
      teacher: world.teacherB.id,
      title: 'Математика 5Б',
      approvalDocument: 'Приказ № 5',
    });
    expect(noDate.status).toBe(400);
    expect(noDate.body.error.details.errors.map((error: { path: string[] }) => error.path[0])).toContain('approvedOn');
    const future = await as('deputy').put(`/api/work-programmes/${mathProgramme}`, { approvedOn: '2999-01-01' });
    expect(future.status).toBe(400);
  });

  it('a teacher’s change of the approved plan sends the programme back for approval', async () => {
    const response = await as('teacherA').put(`/api/work-programmes/${mathProgramme}`, {
      plan: [
        { topic: 'Натуральные числа', lessons: 4 },
        { topic: 'Дроби', lessons: 6 },
      ],
    });
    expect(response.status).toBe(200);
    const programme = await stored(mathProgramme);
    expect(programme).toMatchObject({ approvalDocument: null, approvedOn: null, approvedBy: null });
    // Approved again for the rest of the file.
    await as('deputy').put(`/api/work-programmes/${mathProgramme}`, { approvalDocument: 'Протокол № 1', approvedOn: '2025-08-29' });
  });

  it('the deputy names the teacher, who must teach the journal', async () => {
    const wrongTeacher = await as('deputy').post('/api/work-programmes', {
      journal: world.journalB.documentId,
      teacher: world.teacherA.id,
      title: 'Математика 5Б',
    });
    expect(wrongTeacher.status).toBe(400);
    expect(wrongTeacher.body.error.details.errors[0].path).toEqual(['teacher']);
    const right = await as('deputy').post('/api/work-programmes', {
      journal: world.journalB.documentId,
      teacher: world.classTeacherB.id,
      title: 'Математика 5Б',
      hoursPerYear: 34,
    });
    expect(right.status).toBe(201);
  });
});

describe('reading programmes', () => {
  it('a journal with a work programme cannot be deleted', async () => {
    const response = await as('deputy').delete(`/api/journals/${world.journalB.documentId}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('рабочих программ');
    expect(await strapi.db.query('api::journal.journal').count({ where: { documentId: world.journalB.documentId } })).toBe(1);
  });

  it('a teacher reads the programmes of their own journals only; the class teacher those of their class', async () => {
    const own = await as('teacherA').get('/api/work-programmes');
    expect(own.status).toBe(200);
    expect(own.body.data.map((programme: { title: string }) => programme.title)).toEqual(['Рабочая программа по математике, 5 класс']);
    const other = await as('teacherB').get(`/api/work-programmes/${mathProgramme}`);
    expect(other.status).toBe(404);
    const classTeacher = await as('classTeacherB').get('/api/work-programmes');
    expect(classTeacher.body.data.map((programme: { title: string }) => programme.title)).toEqual(['Математика 5Б']);
    const deputy = await as('deputy').get('/api/work-programmes?populate=plan');
    expect(deputy.body.data).toHaveLength(2);
  });

  it('a teacher of another subject in the class reads the class’s programmes too', async () => {
    const russianTeacher = await createAccount(strapi, 'teacher', 'teacher.russian');
    await make(strapi, 'api::journal.journal', {
      schoolClass: world.school.class5a.documentId,
      subject: world.school.russian.documentId,
      teachers: [russianTeacher.documentId],
    });
    const response = await apiAs(strapi, russianTeacher.jwt).get('/api/work-programmes');
    expect(response.status).toBe(200);
    expect(response.body.data.map((programme: { title: string }) => programme.title)).toEqual(['Рабочая программа по математике, 5 класс']);
  });

  it('families hold no permission on the programmes’ REST routes', async () => {
    expect((await as('parentA').get('/api/work-programmes')).status).toBe(403);
  });
});

describe('the programmes in the e-diary', () => {
  it('shows the family the programmes of the pupil’s subjects with the teacher and planned against delivered', async () => {
    const response = await as('parentA').get(`/api/diary/${world.school.pupils5a[0].documentId}/programmes?date=2025-11-12`);
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
    const [programme] = response.body.data;
    expect(programme).toMatchObject({
      title: 'Рабочая программа по математике, 5 класс',
      subject: 'Математика',
      schoolClass: '5А',
      teacher: 'teacher.a',
      approval: { document: 'Протокол № 1', approvedOn: '2025-08-29' },
      hoursPerYear: 10,
      file: null,
    });
    // 10 × 73/254 = 2.87 → 2 lessons due by 12.11.2025; 3 held.
    expect(programme.completion).toMatchObject({ planned: 10, plannedToDate: 2, delivered: 3, percent: 30, lag: 0, lagging: false });
    expect(programme.completion.topics).toEqual([
      { topic: 'Натуральные числа', plannedResults: [], planned: 4, plannedToDate: 2, delivered: 2, lagging: false },
      { topic: 'Дроби', plannedResults: [], planned: 6, plannedToDate: 0, delivered: 1, lagging: false },
    ]);
  });

  it('flags the lag when fewer lessons were held than planned to the date', async () => {
    const response = await as('pupilA').get(`/api/diary/${world.school.pupils5a[0].documentId}/programmes?date=2025-12-28`);
    expect(response.status).toBe(200);
    // 10 × 119/254 = 4.69 → 4 due; still 3 held.
    expect(response.body.data[0].completion).toMatchObject({ plannedToDate: 4, delivered: 3, lag: 1, lagging: true });
  });

  it('another family’s child answers 404, and a bad date 400', async () => {
    expect((await as('parentB').get(`/api/diary/${world.school.pupils5a[0].documentId}/programmes`)).status).toBe(404);
    const bad = await as('parentA').get(`/api/diary/${world.school.pupils5a[0].documentId}/programmes?date=12.11.2025`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['date']);
  });
});

describe('the deputy director’s completion report', () => {
  it('lists class × subject, planned to date against delivered, the lagging programmes first', async () => {
    const response = await as('deputy').get('/api/work-programmes/completion?date=2025-11-12');
    expect(response.status).toBe(200);
    const report = response.body.data;
    expect(report).toMatchObject({ date: '2025-11-12', academicYear: '2025/2026', lagging: 1 });
    expect(
      report.programmes.map(
        (row: { schoolClass: string; subject: string; completion: { plannedToDate: number; delivered: number; lag: number } }) => [
          row.schoolClass,
          row.subject,
          row.completion.plannedToDate,
          row.completion.delivered,
          row.completion.lag,
        ],
      ),
    ).toEqual([
      // 34 × 73/254 = 9.77 → 9 due, one lesson held in 5Б.
      ['5Б', 'Математика', 9, 1, 8],
      ['5А', 'Математика', 2, 3, 0],
    ]);
    // The PE journal, and the Russian journal opened above: neither has a programme.
    const without = report.journalsWithoutProgramme.map((journal: { documentId: string }) => journal.documentId);
    expect(without).toHaveLength(2);
    expect(without).toContain(world.school.peJournal.documentId);
    expect(without).not.toContain(world.school.mathJournal.documentId);
  });

  it('names the teacher and the approver by their full name, or by the login when none is set', async () => {
    const USER = 'plugin::users-permissions.user';
    await strapi.db.query(USER).update({ where: { id: world.teacherA.id }, data: { fullName: ' Иванова Мария Ивановна ' } });
    await strapi.db.query(USER).update({ where: { id: world.accounts.deputy.id }, data: { fullName: 'Петров Сергей Николаевич' } });
    try {
      const response = await as('deputy').get('/api/work-programmes/completion?date=2025-11-12');
      expect(response.status).toBe(200);
      const byClass = new Map(
        response.body.data.programmes.map((row: { schoolClass: string; teacher: string; approval: { approvedBy: string | null } }) => [
          row.schoolClass,
          row,
        ]),
      );
      expect(byClass.get('5А')).toMatchObject({ teacher: 'Иванова Мария Ивановна', approval: { approvedBy: 'Петров Сергей Николаевич' } });
      // The 5Б teacher has no full name: the login stands in.
      const other = (await strapi.db.query(USER).findOne({ where: { id: world.classTeacherB.id } })) as { username: string };
      expect(byClass.get('5Б')).toMatchObject({ teacher: other.username });
      // The family's diary shows the same name.
      const diary = await as('parentA').get(`/api/diary/${world.school.pupils5a[0].documentId}/programmes?date=2025-11-12`);
      expect(diary.body.data[0].teacher).toBe('Иванова Мария Ивановна');
    } finally {
      await strapi.db.query(USER).update({ where: { id: world.teacherA.id }, data: { fullName: null } });
      await strapi.db.query(USER).update({ where: { id: world.accounts.deputy.id }, data: { fullName: null } });
    }
  });

  it('is the deputy’s and the director’s: a teacher gets 403, a family 403', async () => {
    expect((await as('director').get('/api/work-programmes/completion?date=2025-11-12')).status).toBe(200);
    expect((await as('teacherA').get('/api/work-programmes/completion')).status).toBe(403);
    expect((await as('parentA').get('/api/work-programmes/completion')).status).toBe(403);
  });

  it('refuses a malformed date', async () => {
    const response = await as('deputy').get('/api/work-programmes/completion?date=2025-02-30');
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['date']);
  });
});

describe('the content manager', () => {
  it('labels the thematic plan’s fields in Russian', async () => {
    const service = strapi.plugin('content-manager').service('components');
    const configuration = await service.findConfiguration(service.findComponent('school.programme-topic'));
    expect(configuration.metadatas.topic.edit.label).toBe('Тема (раздел)');
    expect(configuration.metadatas.lessons.edit.label).toBe('Уроков (часов)');
    expect(configuration.settings.mainField).toBe('topic');
  });
});

/**
 * The mastery of the planned results by topic (R91). The 5А maths journal's control works:
 *   06.10.2025 «Контрольная работа: натуральные числа», 10 points, basic from 5, advanced from 8:
 *     Иванов 9 (повышенный), Петрова 7 (базовый), Сидоров 3 (ниже базового);
 *   20.10.2025 «Дроби — контрольная работа», on the КИМ «Дроби, 5 класс»: 20 points, basic from 10, advanced from 16:
 *     Иванов 12 (базовый), Петрова 18 (повышенный); Сидоров did not write it;
 *   22.10.2025 «Геометрия: углы» (names no topic of the plan);
 *   10.11.2025 «Дроби: итоговая контрольная» without thresholds: Иванов a 3 — no level;
 *   17.11.2025 «Натуральные числа: повторение (контрольная)», 10/5/8: Сидоров 6 (базовый) — his latest.
 * So «Натуральные числа»: повышенный 1, базовый 2, ниже базового 0; «Дроби»: повышенный 1, базовый 1,
 * not assessed 1 (Сидоров).
 */
describe('the mastery of the planned results, topic by topic', () => {
  beforeAll(async () => {
    const journal = world.school.mathJournal.documentId;
    const [ivanov, petrova, sidorov] = world.school.pupils5a;
    const work = (date: string, topic: string, scale: Record<string, number | string> = {}) =>
      make(strapi, 'api::lesson.lesson', { journal, date, number: 2, topic, workType: 'control-work', ...scale });
    const mark = (lesson: { documentId: string }, pupil: { documentId: string }, value: string, points?: number) =>
      make(strapi, 'api::mark.mark', { kind: 'current', journal, lesson: lesson.documentId, student: pupil.documentId, value, points });
    const natural = await work('2025-10-06', 'Контрольная работа: натуральные числа', {
      maxPoints: 10,
      basicFromPoints: 5,
      advancedFromPoints: 8,
    });
    await mark(natural, ivanov, '5', 9);
    await mark(natural, petrova, '4', 7);
    await mark(natural, sidorov, '2', 3);
    // This work takes its scale from its КИМ (R98): the lesson leaves the maximum and thresholds empty.
    const kim = await make(strapi, 'api::assessment-material.assessment-material', {
      title: 'Дроби, 5 класс',
      subject: world.school.math.documentId,
      grade: 5,
      maxPoints: 20,
      basicFromPoints: 10,
      advancedFromPoints: 16,
    });
    const fractions = await work('2025-10-20', 'Дроби — контрольная работа', { assessmentMaterial: kim.documentId });
    await mark(fractions, ivanov, '4', 12);
    await mark(fractions, petrova, '5', 18);
    await work('2025-10-22', 'Геометрия: углы', { maxPoints: 10, basicFromPoints: 5, advancedFromPoints: 8 });
    const fractionsFinal = await work('2025-11-10', 'Дроби: итоговая контрольная');
    await mark(fractionsFinal, ivanov, '3');
    const naturalAgain = await work('2025-11-17', 'Натуральные числа: повторение (контрольная)', {
      maxPoints: 10,
      basicFromPoints: 5,
      advancedFromPoints: 8,
    });
    await mark(naturalAgain, sidorov, '3', 6);
  });

  it('keeps each topic’s planned results with the plan, and refuses planned results that are not text, naming the plan', async () => {
    const saved = await as('teacherA').put(`/api/work-programmes/${mathProgramme}`, {
      plan: [
        {
          topic: 'Натуральные числа',
          lessons: 4,
          plannedResults: 'сравнивать натуральные числа\n\n  – выполнять действия с натуральными числами  ',
        },
        { topic: 'Дроби', lessons: 6, plannedResults: 'складывать и вычитать дроби' },
      ],
    });
    expect(saved.status).toBe(200);
    expect((await stored(mathProgramme)).plan).toEqual([
      expect.objectContaining({
        topic: 'Натуральные числа',
        plannedResults: 'сравнивать натуральные числа\n\n  – выполнять действия с натуральными числами',
      }),
      expect.objectContaining({ topic: 'Дроби', plannedResults: 'складывать и вычитать дроби' }),
    ]);
    const bad = await as('teacherA').put(`/api/work-programmes/${mathProgramme}`, {
      plan: [{ topic: 'Дроби', lessons: 6, plannedResults: 5 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path[0]).toBe('plan');
    expect((await stored(mathProgramme)).plan).toHaveLength(2);
  });

  it('shows the family each topic’s planned results beside its lessons', async () => {
    const response = await as('parentA').get(`/api/diary/${world.school.pupils5a[0].documentId}/programmes?date=2025-11-12`);
    expect(response.status).toBe(200);
    expect(response.body.data[0].completion.topics.map((topic: { plannedResults: string[] }) => topic.plannedResults)).toEqual([
      ['сравнивать натуральные числа', 'выполнять действия с натуральными числами'],
      ['складывать и вычитать дроби'],
    ]);
  });

  it('gives each topic its control works and the level each pupil reached by points, the latest leveled work counting', async () => {
    const response = await as('deputy').get(`/api/work-programmes/${mathProgramme}/mastery`);
    expect(response.status).toBe(200);
    const report = response.body.data;
    expect(report.journal).toMatchObject({ schoolClass: '5А', subject: 'Математика' });
    const [natural, fractions] = report.topics;
    expect(natural.plannedResults).toEqual(['сравнивать натуральные числа', 'выполнять действия с натуральными числами']);
    expect(natural.controlWorks.map((work: { date: string; levels: unknown }) => [work.date, work.levels])).toEqual([
      ['2025-10-06', { 'below-basic': 1, basic: 1, advanced: 1 }],
      ['2025-11-17', { 'below-basic': 0, basic: 1, advanced: 0 }],
    ]);
    expect(
      natural.pupils.map((pupil: { fullName: string; levelLabel: string; date: string }) => [pupil.fullName, pupil.levelLabel, pupil.date]),
    ).toEqual([
      [expect.stringMatching(/^Иванов /), 'повышенный', '2025-10-06'],
      [expect.stringMatching(/^Петрова /), 'базовый', '2025-10-06'],
      [expect.stringMatching(/^Сидоров /), 'базовый', '2025-11-17'],
    ]);
    expect(natural.levels).toEqual({ 'below-basic': 0, basic: 2, advanced: 1, notAssessed: 0 });

    // The final work without thresholds is listed, but gives no level: Иванов keeps his basic level of 20.10.
    expect(fractions.controlWorks).toEqual([
      expect.objectContaining({ date: '2025-10-20', leveled: true, maxPoints: 20, levels: { 'below-basic': 0, basic: 1, advanced: 1 } }),
      expect.objectContaining({ date: '2025-11-10', leveled: false, maxPoints: null, levels: null }),
    ]);
    expect(fractions.levels).toEqual({ 'below-basic': 0, basic: 1, advanced: 1, notAssessed: 1 });
    expect(report.unmatchedControlWorks).toEqual([expect.objectContaining({ date: '2025-10-22', topic: 'Геометрия: углы' })]);
  });

  it('is the same in the admin panel’s «Аналитика» with the completion on the period’s last day, for an admin holding analytics.read only', async () => {
    const reader = await adminWithActions(strapi, 'analytics.programmes@school.test', ['plugin::records-archive.analytics.read']);
    const other = await adminWithActions(strapi, 'documents.programmes@school.test', ['plugin::records-archive.documents.read']);
    const admin = (token: string, url: string) => supertest(strapi.server.httpServer).get(url).set('Authorization', `Bearer ${token}`);
    const rest = await as('deputy').get(`/api/work-programmes/${mathProgramme}/mastery`);
    const panel = await admin(reader, `/records-archive/analytics/programmes/${mathProgramme}/mastery`);
    expect(panel.status).toBe(200);
    expect(panel.body.data).toEqual(rest.body.data);
    // The first quarter ended on 24.10.2025: the completion is counted on that day.
    const q1 = world.school.quarters[0].documentId;
    const completion = await admin(reader, `/records-archive/analytics/programmes?period=${q1}`);
    expect(completion.status).toBe(200);
    expect(completion.body.data).toMatchObject({ date: '2025-10-24', academicYear: '2025/2026' });
    expect(completion.body.data.programmes.map((row: { documentId: string }) => row.documentId)).toContain(mathProgramme);
    expect((await admin(reader, '/records-archive/analytics/programmes?period=no-such-period')).status).toBe(404);
    expect((await admin(other, `/records-archive/analytics/programmes/${mathProgramme}/mastery`)).status).toBe(403);
    expect((await admin(other, '/records-archive/analytics/programmes')).status).toBe(403);
  });

  it('is read by the journal’s teacher and the deputy; another class’s teacher gets 404, a family 403', async () => {
    expect((await as('teacherA').get(`/api/work-programmes/${mathProgramme}/mastery`)).status).toBe(200);
    expect((await as('director').get(`/api/work-programmes/${mathProgramme}/mastery`)).status).toBe(200);
    expect((await as('teacherB').get(`/api/work-programmes/${mathProgramme}/mastery`)).status).toBe(404);
    expect((await as('parentA').get(`/api/work-programmes/${mathProgramme}/mastery`)).status).toBe(403);
    expect((await as('deputy').get('/api/work-programmes/no-such-programme/mastery')).status).toBe(404);
  });
});
