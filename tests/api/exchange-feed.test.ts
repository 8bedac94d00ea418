import type { Core } from '@strapi/strapi';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/**
 * R99 (seed 002 §3.1.2): this system is the journal of record; Дневник.ру and the regional АСУ poll
 * `GET /api/exchange/changes?after=&limit=` instead of double entry. Every create, update and delete
 * of marks, attendance and lessons comes once, in order, with stable document ids, and only to a
 * custom API token granted the feed.
 */

let strapi: Core.Strapi;
let world: TwoClassSchool;
const tokens: Record<'feed' | 'marksOnly' | 'fullAccess' | 'readOnly', string> = { feed: '', marksOnly: '', fullAccess: '', readOnly: '' };
let feed: Api;
let teacher: Api;

interface Change {
  cursor: string;
  operation: string;
  entity: string;
  documentId: string;
  [field: string]: unknown;
}

const pathsOf = (body: { error?: { details?: { errors?: Array<{ path: string[] }> } } }): string[] =>
  (body.error?.details?.errors ?? []).map((error) => error.path.join('.'));

/** Reads every page after `after`, `limit` at a time, as a platform would; the changes and the last cursor. */
const pollAll = async (after: string, limit: number): Promise<{ changes: Change[]; cursor: string; pages: number }> => {
  const changes: Change[] = [];
  let cursor = after;
  let pages = 0;
  for (;;) {
    const response = await feed.get(`/api/exchange/changes?after=${cursor}&limit=${limit}`);
    expect(response.status).toBe(200);
    changes.push(...(response.body.data as Change[]));
    cursor = response.body.meta.cursor as string;
    pages += 1;
    if (!response.body.meta.hasMore) return { changes, cursor, pages };
    if (pages > 100) throw new Error('the feed does not end');
  }
};

let start = '0';

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  const tokenService = strapi.service('admin::api-token');
  const make = async (name: string, type: string, permissions?: string[]) =>
    (await tokenService.create({ name, type, lifespan: null, ...(permissions ? { permissions } : {}) })).accessKey as string;
  tokens.feed = await make('Дневник.ру', 'custom', ['api::exchange.exchange.changes']);
  tokens.marksOnly = await make('Региональная АСУ (только отметки)', 'custom', ['api::mark.mark.find']);
  tokens.fullAccess = await make('Скрипты школы', 'full-access');
  tokens.readOnly = await make('Сайт школы', 'read-only');
  feed = apiAs(strapi, tokens.feed);
  teacher = apiAs(strapi, world.teacherA.jwt);
});
afterAll(() => stopStrapi(strapi));

describe('who reads the feed', () => {
  it('answers a custom token granted exchange.changes, and refuses every other token, account and the public with 403', async () => {
    expect((await feed.get('/api/exchange/changes')).status).toBe(200);
    for (const token of [tokens.marksOnly, tokens.fullAccess, tokens.readOnly]) {
      expect((await apiAs(strapi, token).get('/api/exchange/changes')).status).toBe(403);
    }
    const { accounts } = world;
    for (const jwt of [accounts.deputy.jwt, accounts.director.jwt, accounts.archivist.jwt, accounts.parentA.jwt, world.teacherA.jwt]) {
      expect((await apiAs(strapi, jwt).get('/api/exchange/changes')).status).toBe(403);
    }
    expect((await apiAs(strapi).get('/api/exchange/changes')).status).toBe(403);
    // The feed token reads nothing else.
    expect((await feed.get('/api/marks')).status).toBe(403);
  });
});

describe('the changes', () => {
  it('start with the journal’s existing lessons and marks, each with the pupil, journal, lesson, class and subject ids', async () => {
    const { changes, cursor } = await pollAll('0', 1000);
    start = cursor;
    const markB = changes.find((change) => change.documentId === world.markB.documentId);
    expect(markB).toMatchObject({
      operation: 'create',
      entity: 'mark',
      pupil: world.school.pupil5b.documentId,
      journal: world.journalB.documentId,
      lesson: world.lessonB.documentId,
      schoolClass: world.school.class5b.documentId,
      subject: world.school.math.documentId,
      date: '2025-09-02',
      kind: 'current',
      value: '3',
      numericValue: 3,
      weight: 1,
    });
    expect(markB?.studyPeriod).toBe(world.school.quarters[0].documentId);
    const lessonB = changes.find((change) => change.documentId === world.lessonB.documentId);
    expect(lessonB).toMatchObject({
      operation: 'create',
      entity: 'lesson',
      lesson: world.lessonB.documentId,
      topic: 'Дроби',
      lessonNumber: 1,
      pupil: null,
    });
    expect(changes.map((change) => change.entity).every((entity) => ['mark', 'attendance', 'lesson'].includes(entity))).toBe(true);
    const cursors = changes.map((change) => Number(change.cursor));
    expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
    expect(new Set(cursors).size).toBe(cursors.length);
  });

  it('give every create, update and delete once, in order, across pages of any size, with the values at that moment', async () => {
    const { school } = world;
    const mark = await teacher.post('/api/marks', {
      kind: 'current',
      journal: school.mathJournal.documentId,
      lesson: school.lessons[1].documentId,
      student: school.pupils5a[1].documentId,
      value: '3',
      workType: 'control-work',
      weight: 2,
    });
    expect(mark.status).toBe(201);
    const markId = mark.body.data.documentId as string;
    expect((await teacher.put(`/api/marks/${markId}`, { value: '4' })).status).toBe(200);
    expect((await teacher.put(`/api/marks/${markId}`, { value: '5', comment: 'Исправлено' })).status).toBe(200);
    const absence = await teacher.post('/api/attendances', {
      lesson: school.lessons[2].documentId,
      student: school.pupils5a[2].documentId,
      kind: 'late',
      minutesLate: 7,
    });
    expect(absence.status).toBe(201);
    const absenceId = absence.body.data.documentId as string;
    expect((await teacher.delete(`/api/attendances/${absenceId}`)).status).toBe(204);
    expect((await teacher.put(`/api/lessons/${school.lessons[2].documentId}`, { homework: '№ 15, 16' })).status).toBe(200);
    // Not journal data: no change in the feed.
    await strapi.documents('api::diary-entry.diary-entry').create({
      data: { student: school.pupils5a[0].documentId, kind: 'praise', text: 'Молодец', date: '2025-09-03' },
    } as never);

    const whole = await pollAll(start, 1000);
    expect(whole.changes.map((change) => [change.entity, change.operation, change.documentId])).toEqual([
      ['mark', 'create', markId],
      ['mark', 'update', markId],
      ['mark', 'update', markId],
      ['attendance', 'create', absenceId],
      ['attendance', 'delete', absenceId],
      ['lesson', 'update', school.lessons[2].documentId],
    ]);
    for (const limit of [1, 2, 4]) {
      const paged = await pollAll(start, limit);
      expect([limit, paged.changes]).toEqual([limit, whole.changes]);
      expect(paged.cursor).toBe(whole.cursor);
    }
    const [created, firstUpdate, secondUpdate, late, deleted, lesson] = whole.changes;
    const ids = {
      pupil: school.pupils5a[1].documentId,
      journal: school.mathJournal.documentId,
      lesson: school.lessons[1].documentId,
      schoolClass: school.class5a.documentId,
      subject: school.math.documentId,
    };
    expect(created).toMatchObject({
      ...ids,
      value: '3',
      numericValue: 3,
      weight: 2,
      workType: 'control-work',
      kind: 'current',
      changedFields: null,
    });
    expect(firstUpdate).toMatchObject({
      ...ids,
      value: '4',
      numericValue: 4,
      weight: 2,
      comment: null,
      changedFields: ['numericValue', 'value'],
    });
    expect(secondUpdate).toMatchObject({ ...ids, value: '5', numericValue: 5, comment: 'Исправлено' });
    expect(late).toMatchObject({
      pupil: school.pupils5a[2].documentId,
      lesson: school.lessons[2].documentId,
      kind: 'late',
      minutesLate: 7,
      date: '2025-11-12',
    });
    expect(deleted).toMatchObject({
      pupil: school.pupils5a[2].documentId,
      kind: 'late',
      minutesLate: 7,
      schoolClass: school.class5a.documentId,
    });
    expect(lesson).toMatchObject({
      entity: 'lesson',
      homework: '№ 15, 16',
      journal: school.mathJournal.documentId,
      changedFields: ['homework'],
    });
    for (const change of whole.changes) expect(Number.isNaN(Date.parse(change.occurredAt as string))).toBe(false);

    // Polling again from the last cursor finds nothing new, and a later change exactly once.
    const again = await feed.get(`/api/exchange/changes?after=${whole.cursor}`);
    expect([again.body.data, again.body.meta.hasMore, again.body.meta.cursor]).toEqual([[], false, whole.cursor]);
    expect((await teacher.put(`/api/marks/${markId}`, { value: '4' })).status).toBe(200);
    const next = await pollAll(whole.cursor, 10);
    expect(next.changes.map((change) => [change.operation, change.documentId, change.value])).toEqual([['update', markId, '4']]);
  });

  it('loses and repeats nothing while marks are written during the polling', async () => {
    const { school } = world;
    const { cursor: from } = await pollAll('0', 1000);
    const seen: Change[] = [];
    let cursor = from;
    let writing = true;
    const poller = (async () => {
      for (;;) {
        const response = await feed.get(`/api/exchange/changes?after=${cursor}&limit=2`);
        expect(response.status).toBe(200);
        seen.push(...(response.body.data as Change[]));
        cursor = response.body.meta.cursor as string;
        if (!writing && !response.body.meta.hasMore) return;
      }
    })();
    const writes = Array.from({ length: 12 }, (_, index) =>
      strapi.documents('api::mark.mark').create({
        data: {
          kind: 'current',
          journal: school.mathJournal.documentId,
          lesson: school.lessons[index % 3].documentId,
          student: school.pupils5a[index % 3].documentId,
          value: String(2 + (index % 4)),
        },
      } as never),
    );
    const created = (await Promise.all(writes)) as unknown as Array<{ documentId: string }>;
    writing = false;
    await poller;
    const creates = seen.filter((change) => change.operation === 'create').map((change) => change.documentId);
    expect(creates.sort()).toEqual(created.map((mark) => mark.documentId).sort());
    const cursors = seen.map((change) => Number(change.cursor));
    expect(cursors).toEqual([...new Set(cursors)].sort((a, b) => a - b));
  });

  it('refuses a malformed cursor or page size, and a cursor ahead of the trail, naming the parameter', async () => {
    for (const [query, path] of [
      ['after=-1', 'after'],
      ['after=abc', 'after'],
      ['after[$gt]=0', 'after'],
      ['after=1.5', 'after'],
      ['limit=0', 'limit'],
      ['limit=1001', 'limit'],
      ['limit=ten', 'limit'],
      ['after=999999999', 'after'],
    ]) {
      const response = await feed.get(`/api/exchange/changes?${query}`);
      expect([query, response.status, pathsOf(response.body)]).toEqual([query, 400, [path]]);
    }
  });
});
