import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { verifyAuditTrail } from '../../src/audit/audit-trail';
import { runArchiveProcedure } from '../../src/school/records/procedure';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { markAnswerOf, markCreationEntryOf, storedMarkOf } from '../helpers/mark-comparison';
import { buildMiniSchool, make, type MiniSchool } from '../helpers/school-fixture';

/**
 * `POST /api/marks` of a current mark takes a fast path below the document service
 * (src/api/mark/services/fast-mark.ts). Every case here posts the same input both ways — fast, then
 * with `api.marks.fastPath` off (the document service) — and compares what each answers, stores and
 * writes to the audit trail.
 */

const MARK = 'api::mark.mark';
const AUDIT = 'api::audit-entry.audit-entry';

let strapi: Core.Strapi;
let school: MiniSchool;
let teacher: Api;
let otherTeacher: Api;
let teacherId: number;
let teacherDocumentId: string;
/** Creates of marks that reached the document service (a document middleware counts them). */
let documentServiceCreates = 0;

type Answer = { status: number; body: { data?: Record<string, unknown>; error?: Record<string, unknown> } };

const setFastPath = (on: boolean) => strapi.config.set('api.marks.fastPath', on);

/**
 * Posts the same mark through the fast path and through the document service. The fast post never
 * reaches the document service; a successful slow one does (the counting middleware sits innermost,
 * so a write refused before it is not counted either way).
 */
const postBothWays = async (api: Api, data: unknown): Promise<{ fast: Answer; slow: Answer }> => {
  const seen = documentServiceCreates;
  setFastPath(true);
  const fast = (await api.post('/api/marks', data)) as unknown as Answer;
  expect(documentServiceCreates).toBe(seen);
  setFastPath(false);
  try {
    const slow = (await api.post('/api/marks', data)) as unknown as Answer;
    if (slow.status === 201) expect(documentServiceCreates).toBe(seen + 1);
    return { fast, slow };
  } finally {
    setFastPath(true);
  }
};

const counts = async () => ({ marks: await strapi.db.query(MARK).count({}), audit: await strapi.db.query(AUDIT).count({}) });

const storedMark = (documentId: string) => storedMarkOf(strapi, documentId);
const creationEntry = (documentId: string) => markCreationEntryOf(strapi, documentId);
const answerData = (answer: Answer) => markAnswerOf(answer.body.data as Record<string, unknown>);

const currentMark = (overrides: Record<string, unknown> = {}) => ({
  journal: school.mathJournal.documentId,
  lesson: school.lessons[0].documentId,
  student: school.pupils5a[0].documentId,
  value: '5',
  ...overrides,
});

beforeAll(async () => {
  strapi = await bootStrapi();
  strapi.documents.use(async (context, next) => {
    if (context.uid === MARK && context.action === 'create') documentServiceCreates += 1;
    return next();
  });
  const teacherAccount = await createAccount(strapi, 'teacher', 'teacher.fast');
  teacherId = teacherAccount.id;
  teacherDocumentId = teacherAccount.documentId;
  teacher = apiAs(strapi, teacherAccount.jwt);
  otherTeacher = apiAs(strapi, (await createAccount(strapi, 'teacher', 'teacher.other')).jwt);
  school = await buildMiniSchool(strapi, { teacher: teacherAccount });
});
afterAll(() => stopStrapi(strapi));

describe('the fast path of a current mark', () => {
  const goodMarks: Array<[string, () => Record<string, unknown>]> = [
    ['with the fewest fields', () => currentMark()],
    [
      'with the kind given, a number for a value, a comment and a work type',
      () => currentMark({ kind: 'current', value: 4, comment: 'у доски', workType: 'oral-answer' }),
    ],
    ['with its own weight', () => currentMark({ value: '3', weight: 2.5 })],
    [
      'in the second quarter, relations given by id',
      () => currentMark({ lesson: { id: school.lessons[2].id }, student: { id: school.pupils5a[1].id } }),
    ],
  ];

  it.each(goodMarks)('answers, stores and audits a mark %s exactly as the document service does', async (_name, input) => {
    const { fast, slow } = await postBothWays(teacher, input());
    expect(fast.status).toBe(201);
    expect(slow.status).toBe(201);
    expect(Object.keys(fast.body).sort()).toEqual(Object.keys(slow.body).sort());
    expect(answerData(fast)).toEqual(answerData(slow));
    const fastId = String(fast.body.data?.documentId);
    const slowId = String(slow.body.data?.documentId);
    expect(await storedMark(fastId)).toEqual(await storedMark(slowId));
    expect(await creationEntry(fastId)).toEqual(await creationEntry(slowId));
    expect((await storedMark(fastId)).setBy).toEqual({ id: teacherId });
  });

  it('gives a new mark the weight and work type of its lesson column, as the document service does', async () => {
    const column = await make(strapi, 'api::lesson.lesson', {
      journal: school.mathJournal.documentId,
      date: '2025-09-10',
      number: 3,
      workType: 'control-work',
      weight: 3,
    });
    const { fast, slow } = await postBothWays(teacher, currentMark({ lesson: column.documentId }));
    expect(fast.body.data).toMatchObject({ weight: 3, workType: 'control-work' });
    expect(answerData(fast)).toEqual(answerData(slow));
    expect(await storedMark(String(fast.body.data?.documentId))).toEqual(await storedMark(String(slow.body.data?.documentId)));
  });

  const refusals: Array<[string, () => Record<string, unknown>, number]> = [
    ['a value off the subject’s scale', () => currentMark({ value: '6' }), 400],
    ['no value', () => currentMark({ value: null }), 400],
    ['a pupil not on the class list', () => currentMark({ student: school.pupil5b.documentId }), 400],
    ['a pupil not yet on any list', () => currentMark({ student: school.newcomer.documentId }), 400],
    ['no lesson', () => currentMark({ lesson: null }), 400],
    ['a lesson that names no record', () => currentMark({ lesson: 'no-such-lesson' }), 400],
    ['no journal', () => currentMark({ journal: undefined }), 400],
    ['a comment over 1000 characters', () => currentMark({ comment: 'я'.repeat(1001) }), 400],
    ['a weight over 10', () => currentMark({ weight: 11 }), 400],
    ['an unknown work type', () => currentMark({ workType: 'nap' }), 400],
    ['a field the mark does not have', () => currentMark({ colour: 'red' }), 400],
  ];

  it.each(refusals)('refuses %s with the same answer, storing and auditing nothing', async (_name, input, status) => {
    const before = await counts();
    const { fast, slow } = await postBothWays(teacher, input());
    expect(fast.status).toBe(status);
    expect(fast.body).toEqual(slow.body);
    expect(fast.status).toBe(slow.status);
    expect(await counts()).toEqual(before);
  });

  it('refuses a teacher who does not teach the journal with the same answer', async () => {
    const before = await counts();
    const { fast, slow } = await postBothWays(otherTeacher, currentMark());
    expect(fast.status).toBe(403);
    expect(fast.body).toEqual(slow.body);
    expect(await counts()).toEqual(before);
  });

  it('refuses a lesson that has not happened yet with the same answer', async () => {
    const today = DateTime.now().setZone('Europe/Moscow');
    const startYear = today.month >= 9 ? today.year : today.year - 1;
    const year = await make(strapi, 'api::academic-year.academic-year', {
      title: `${startYear}/${startYear + 1}`,
      startDate: `${startYear}-09-01`,
      endDate: `${startYear + 1}-08-31`,
      state: 'current',
    });
    const schoolClass = await make(strapi, 'api::school-class.school-class', { grade: 5, letter: 'А', academicYear: year.documentId });
    await make(strapi, 'api::enrollment.enrollment', {
      student: school.pupils5a[0].documentId,
      schoolClass: schoolClass.documentId,
      startDate: `${startYear}-09-01`,
    });
    const journal = await make(strapi, 'api::journal.journal', {
      schoolClass: schoolClass.documentId,
      subject: school.math.documentId,
      teachers: [teacherDocumentId],
    });
    const lesson = await make(strapi, 'api::lesson.lesson', {
      journal: journal.documentId,
      date: today.plus({ days: 1 }).toISODate() as string,
      number: 1,
    });
    const before = await counts();
    const { fast, slow } = await postBothWays(teacher, currentMark({ journal: journal.documentId, lesson: lesson.documentId }));
    expect(fast.status).toBe(400);
    expect(fast.body).toEqual(slow.body);
    expect(JSON.stringify(fast.body)).toMatch(/ещё не прошёл/);
    expect(await counts()).toEqual(before);
  });

  it('keeps the audit chain intact under 20 simultaneous posts', async () => {
    const before = await counts();
    const seen = documentServiceCreates;
    // Listening on a port, so the 20 posts share one server as real clients do.
    const server = strapi.server.httpServer;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) => teacher.post('/api/marks', currentMark({ value: String(2 + (index % 4)) }))),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201));
    expect(documentServiceCreates).toBe(seen);
    expect(await counts()).toEqual({ marks: before.marks + 20, audit: before.audit + 20 });
    const verification = await verifyAuditTrail(strapi);
    expect(verification.intact).toBe(true);
  });

  it('refuses a mark in a closed period with the same answer (both paths read the lock from the database)', async () => {
    await runArchiveProcedure({ kind: 'period-closing', reason: 'Окончание 1 четверти', authorisedBy: 'Архивариус' }, () =>
      strapi
        .documents('api::study-period.study-period')
        .update({ documentId: school.quarters[0].documentId, data: { state: 'closed', closedAt: new Date().toISOString() } } as never),
    );
    const before = await counts();
    const { fast, slow } = await postBothWays(teacher, currentMark());
    expect(fast.status).toBe(403);
    expect(fast.body).toEqual(slow.body);
    expect(JSON.stringify(fast.body)).toMatch(/закрыт/);
    expect(await counts()).toEqual(before);
    // A mark of the next quarter, still open, goes through.
    expect((await teacher.post('/api/marks', currentMark({ lesson: school.lessons[2].documentId }))).status).toBe(201);
  });
});

describe('the entry.create event of a fast mark', () => {
  type Created = { uid: string; entry: Record<string, unknown> };
  /** Collects the `entry.create` events of marks until `stop()`. */
  const listen = () => {
    const events: Created[] = [];
    const stop = strapi.eventHub.on('entry.create', async (event: unknown) => {
      if ((event as Created).uid === MARK) events.push(event as Created);
    });
    return { events, stop };
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
  const secondQuarterMark = () => currentMark({ lesson: school.lessons[2].documentId, value: '4' });

  it('is sent, after the commit, with the mark and its relations as the document service sends it, when something listens', async () => {
    const { events, stop } = listen();
    try {
      const { fast, slow } = await postBothWays(teacher, secondQuarterMark());
      expect([fast.status, slow.status]).toEqual([201, 201]);
      await settle();
      expect(events).toHaveLength(2);
      const [fastEvent, slowEvent] = events.map((event) => event.entry);
      expect(fastEvent.documentId).toBe(fast.body.data?.documentId);
      expect(slowEvent.documentId).toBe(slow.body.data?.documentId);
      expect(Object.keys(fastEvent).sort()).toEqual(Object.keys(slowEvent).sort());
      for (const relation of ['student', 'journal', 'lesson', 'studyPeriod']) {
        expect((fastEvent[relation] as { documentId?: string }).documentId).toBe(
          (slowEvent[relation] as { documentId?: string }).documentId,
        );
      }
      expect(fastEvent.value).toBe('4');
    } finally {
      stop();
    }
  });

  it('is not sent, and the mark is not read back for it, when nothing listens', async () => {
    // Events of the marks only: the fixture's own creations may still be on their way (PostgreSQL).
    const emitted: string[] = [];
    const emit = jest.spyOn(strapi.eventHub, 'emit').mockImplementation(async (name: string, event?: unknown) => {
      if ((event as { uid?: string } | undefined)?.uid === MARK) emitted.push(name);
    });
    let readsBack = 0;
    const count = (query: { sql: string }) => {
      if (/from [`"]marks[`"] as [`"]t0[`"] where \([`"]t0[`"].[`"]id[`"] = (\?|\$\d+)\)/.test(query.sql)) readsBack += 1;
    };
    strapi.db.connection.on('query', count);
    try {
      expect((await teacher.post('/api/marks', secondQuarterMark())).status).toBe(201);
      await settle();
    } finally {
      strapi.db.connection.removeListener('query', count);
      emit.mockRestore();
    }
    expect(emitted).not.toContain('entry.create');
    // The create's own read of the new row is the one read by id left (the event's would be a second).
    expect(readsBack).toBeLessThanOrEqual(1);
  });
});
