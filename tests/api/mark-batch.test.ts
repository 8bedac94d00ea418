import type { Core } from '@strapi/strapi';
import { verifyAuditTrail } from '../../src/audit/audit-trail';
import { runArchiveProcedure } from '../../src/school/records/procedure';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { markAnswerOf, markCreationEntryOf, storedMarkOf } from '../helpers/mark-comparison';
import { buildMiniSchool, make, type MiniSchool } from '../helpers/school-fixture';

/**
 * `POST /api/marks/batch` (src/api/mark/services/mark-batch.ts): the current marks of a lesson column in
 * one request. Every mark of a batch must be stored, answered and audited exactly as the same mark
 * posted alone (`POST /api/marks`), and a batch with one bad mark stores nothing.
 */

const MARK = 'api::mark.mark';
const AUDIT = 'api::audit-entry.audit-entry';

let strapi: Core.Strapi;
let school: MiniSchool;
let teacher: Api;
let otherTeacher: Api;
let parent: Api;
let teacherId: number;

type Answer = {
  status: number;
  body: {
    data?: unknown;
    meta?: Record<string, unknown>;
    error?: { status?: number; message?: string; details?: { errors?: Array<{ path: string[]; message: string }> } };
  };
};

const counts = async () => ({ marks: await strapi.db.query(MARK).count({}), audit: await strapi.db.query(AUDIT).count({}) });

const postBatch = async (api: Api, data: unknown): Promise<Answer> => (await api.post('/api/marks/batch', data)) as unknown as Answer;

const storedMark = (documentId: string) => storedMarkOf(strapi, documentId);
const creationEntry = (documentId: string) => markCreationEntryOf(strapi, documentId);
const answerData = markAnswerOf;

const currentMark = (overrides: Record<string, unknown> = {}) => ({
  journal: school.mathJournal.documentId,
  lesson: school.lessons[0].documentId,
  student: school.pupils5a[0].documentId,
  value: '5',
  ...overrides,
});

/** A column of the first lesson: one mark for each 5А pupil. */
const column = (lesson = school.lessons[0].documentId) =>
  school.pupils5a.map((pupil, index) => currentMark({ lesson, student: pupil.documentId, value: String(5 - (index % 3)) }));

beforeAll(async () => {
  strapi = await bootStrapi();
  const teacherAccount = await createAccount(strapi, 'teacher', 'teacher.batch');
  teacherId = teacherAccount.id;
  teacher = apiAs(strapi, teacherAccount.jwt);
  otherTeacher = apiAs(strapi, (await createAccount(strapi, 'teacher', 'teacher.batch.other')).jwt);
  parent = apiAs(strapi, (await createAccount(strapi, 'parent', 'parent.batch')).jwt);
  school = await buildMiniSchool(strapi, { teacher: teacherAccount });
});
afterAll(() => stopStrapi(strapi));

describe('a batch of current marks', () => {
  it('stores, answers and audits each mark exactly as the same mark posted alone', async () => {
    const marks = [
      currentMark(),
      currentMark({ kind: 'current', value: 4, comment: 'у доски', workType: 'oral-answer' }),
      currentMark({ value: '3', weight: 2.5, student: school.pupils5a[1].documentId }),
      currentMark({ lesson: { id: school.lessons[2].id }, student: { id: school.pupils5a[1].id }, value: '4' }),
    ];
    const before = await counts();
    const batch = await postBatch(teacher, marks);
    expect(batch.status).toBe(201);
    const created = batch.body.data as Array<Record<string, unknown>>;
    expect(created).toHaveLength(marks.length);
    expect(batch.body.meta).toEqual({ count: marks.length });
    expect(await counts()).toEqual({ marks: before.marks + marks.length, audit: before.audit + marks.length });
    for (const [index, mark] of marks.entries()) {
      const alone = (await teacher.post('/api/marks', mark)) as unknown as { status: number; body: { data: Record<string, unknown> } };
      expect(alone.status).toBe(201);
      expect(answerData(created[index])).toEqual(answerData(alone.body.data));
      const batchId = String(created[index].documentId);
      expect(await storedMark(batchId)).toEqual(await storedMark(String(alone.body.data.documentId)));
      expect(await creationEntry(batchId)).toEqual(await creationEntry(String(alone.body.data.documentId)));
      expect((await storedMark(batchId)).setBy).toEqual({ id: teacherId });
    }
    expect((await verifyAuditTrail(strapi)).intact).toBe(true);
  });

  it('chains the audit entries of the batch in its order, after the entries before it', async () => {
    const head = (await strapi.db.query(AUDIT).findOne({ orderBy: { sequence: 'desc' }, select: ['sequence', 'hash'] })) as {
      sequence: number | string;
      hash: string;
    };
    const batch = await postBatch(teacher, column());
    expect(batch.status).toBe(201);
    const created = batch.body.data as Array<{ documentId: string }>;
    const entries = (await strapi.db.query(AUDIT).findMany({
      where: { sequence: { $gt: Number(head.sequence) } },
      orderBy: { sequence: 'asc' },
    })) as Array<{ sequence: number | string; recordDocumentId: string; previousHash: string; hash: string }>;
    expect(entries.map((entry) => entry.recordDocumentId)).toEqual(created.map((mark) => mark.documentId));
    expect(entries.map((entry) => Number(entry.sequence))).toEqual(created.map((_, index) => Number(head.sequence) + index + 1));
    expect(entries[0].previousHash).toBe(head.hash);
    expect((await verifyAuditTrail(strapi)).intact).toBe(true);
  });

  it('reads the pupils, the class list, the journal and the lesson once per batch, so a column costs the statements of one mark', async () => {
    const statementsOf = async (marks: unknown[]) => {
      let statements = 0;
      const count = () => {
        statements += 1;
      };
      strapi.db.connection.on('query', count);
      try {
        expect((await postBatch(teacher, marks)).status).toBe(201);
      } finally {
        strapi.db.connection.removeListener('query', count);
      }
      return statements;
    };
    const lesson = await make(strapi, 'api::lesson.lesson', { journal: school.mathJournal.documentId, date: '2025-09-12', number: 1 });
    await statementsOf(column(lesson.documentId));
    const one = await statementsOf(column(lesson.documentId).slice(0, 1));
    const whole = await statementsOf(column(lesson.documentId));
    expect(school.pupils5a.length).toBeGreaterThan(1);
    expect(whole).toBeLessThanOrEqual(one);
  });

  it('judges each pupil by one enrolment: a pupil moved to 5Б is on the 5А list only until the move', async () => {
    const moved = await make(strapi, 'api::student.student', {
      lastName: 'Орлов',
      firstName: 'Илья',
      birthDate: '2014-06-06',
      gender: 'male',
    });
    await make(strapi, 'api::enrollment.enrollment', {
      student: moved.documentId,
      schoolClass: school.class5a.documentId,
      startDate: '2025-09-01',
      endDate: '2025-09-02',
    });
    await make(strapi, 'api::enrollment.enrollment', {
      student: moved.documentId,
      schoolClass: school.class5b.documentId,
      startDate: '2025-09-03',
    });
    const before = await counts();
    const afterTheMove = await postBatch(teacher, [
      ...column(school.lessons[2].documentId),
      currentMark({ lesson: school.lessons[2].documentId, student: moved.documentId }),
    ]);
    expect(afterTheMove.status).toBe(400);
    expect(afterTheMove.body.error?.details?.errors?.map((issue) => issue.path)).toEqual([
      ['data', String(school.pupils5a.length), 'student'],
    ]);
    expect(await counts()).toEqual(before);
    expect((await postBatch(teacher, [currentMark({ student: moved.documentId })])).status).toBe(201);
  });

  it('gives each new mark the weight and work type of its lesson column', async () => {
    const controlWork = await make(strapi, 'api::lesson.lesson', {
      journal: school.mathJournal.documentId,
      date: '2025-09-11',
      number: 2,
      workType: 'control-work',
      weight: 3,
    });
    const batch = await postBatch(teacher, column(controlWork.documentId));
    expect(batch.status).toBe(201);
    for (const mark of batch.body.data as Array<Record<string, unknown>>)
      expect(mark).toMatchObject({ weight: 3, workType: 'control-work' });
  });

  it('refuses the whole batch for one bad mark, naming its place and field, and stores nothing', async () => {
    const marks = column();
    expect(marks.length).toBeGreaterThanOrEqual(3);
    marks[1] = { ...marks[1], value: '6' };
    marks[2] = { ...marks[2], student: school.pupil5b.documentId };
    const before = await counts();
    const batch = await postBatch(teacher, marks);
    expect(batch.status).toBe(400);
    const issues = batch.body.error?.details?.errors ?? [];
    expect(issues.map((issue) => issue.path)).toEqual([
      ['data', '1', 'value'],
      ['data', '2', 'student'],
    ]);
    expect(issues[0].message).toMatch(/^Отметка № 2: Отметка «6» не по шкале/);
    expect(issues[1].message).toMatch(/^Отметка № 3: Обучающийся не числится в классе/);
    expect(await counts()).toEqual(before);
  });

  const refusals: Array<[string, () => unknown, RegExp, string[]]> = [
    ['a body that is not a list', () => ({ journal: 'x' }), /списком/, ['data']],
    ['an empty list', () => [], /от 1 до 100/, ['data']],
    ['more than 100 marks', () => Array.from({ length: 101 }, () => ({ value: '5' })), /от 1 до 100 отметок, а передано 101/, ['data']],
    ['an item that is not an object', () => [currentMark(), 'пять'], /Отметка № 2: передаётся объектом/, ['data', '1']],
    ['a mark for a period', () => [currentMark({ kind: 'periodic' })], /только текущие отметки/, ['data', '0', 'kind']],
    ['a field the mark does not have', () => [currentMark(), currentMark({ colour: 'red' })], /Отметка № 2/, ['data', '1', 'colour']],
    ['a comment over 1000 characters', () => [currentMark({ comment: 'я'.repeat(1001) })], /Отметка № 1/, ['data', '0', 'comment']],
    ['a lesson that names no record', () => [currentMark({ lesson: 'no-such-lesson' })], /Отметка № 1/, ['data', '0', 'lesson']],
  ];

  it.each(refusals)('refuses %s with a 400 naming the place, storing nothing', async (_name, data, message, path) => {
    const before = await counts();
    const batch = await postBatch(teacher, data());
    expect(batch.status).toBe(400);
    expect(batch.body.error?.message).toMatch(message);
    expect(batch.body.error?.details?.errors?.[0]?.path).toEqual(path);
    expect(await counts()).toEqual(before);
  });

  it('refuses a teacher who does not teach the journal, and a parent, storing nothing', async () => {
    const before = await counts();
    const foreign = await postBatch(otherTeacher, column());
    expect(foreign.status).toBe(403);
    expect(foreign.body.error?.message).toMatch(/Вы не ведёте этот журнал/);
    expect((await postBatch(parent, column())).status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('refuses a batch that reaches into a closed period, storing nothing, and takes one in an open period', async () => {
    await runArchiveProcedure({ kind: 'period-closing', reason: 'Окончание 1 четверти', authorisedBy: 'Архивариус' }, () =>
      strapi
        .documents('api::study-period.study-period')
        .update({ documentId: school.quarters[0].documentId, data: { state: 'closed', closedAt: new Date().toISOString() } } as never),
    );
    const before = await counts();
    const mixed = [...column(school.lessons[2].documentId), currentMark()];
    const refused = await postBatch(teacher, mixed);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toMatch(/закрыт/);
    expect(await counts()).toEqual(before);
    expect((await postBatch(teacher, column(school.lessons[2].documentId))).status).toBe(201);
  });
});
