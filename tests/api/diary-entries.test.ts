import type { Core } from '@strapi/strapi';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { make } from '../helpers/school-fixture';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

const ENTRY = 'api::diary-entry.diary-entry';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let teacherA: Api;
let teacherB: Api;
let classTeacherB: Api;
let deputy: Api;
let parentA: Api;
let parentB: Api;
let pupilA: Api;
let ivanov: string;
let kuznetsov: string;

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  teacherA = apiAs(strapi, world.teacherA.jwt);
  teacherB = apiAs(strapi, world.teacherB.jwt);
  classTeacherB = apiAs(strapi, world.classTeacherB.jwt);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
  parentA = apiAs(strapi, world.accounts.parentA.jwt);
  parentB = apiAs(strapi, world.accounts.parentB.jwt);
  pupilA = apiAs(strapi, world.accounts.pupilA.jwt);
  ivanov = world.school.pupils5a[0].documentId;
  kuznetsov = world.school.pupil5b.documentId;
});
afterAll(() => stopStrapi(strapi));

type ErrorBody = { body: { error: { details: { errors: Array<{ path: string[]; message: string }> } } } };
const pathsOf = (response: ErrorBody) => response.body.error.details.errors.map((error) => error.path.join('.'));

const praise = (overrides: Record<string, unknown> = {}) => ({
  student: ivanov,
  journal: world.school.mathJournal.documentId,
  kind: 'praise',
  text: 'Отличная работа у доски: решил задачу двумя способами',
  date: '2025-09-03',
  ...overrides,
});

let entryA: string;
let entryB: string;

describe('teachers’ entries in the diary (remark, praise, wish)', () => {
  it('lets a teacher write to a pupil of a journal they teach, as its author', async () => {
    // The author cannot be named: teachers do not read accounts, and the rules take the caller.
    const forged = await teacherA.post('/api/diary-entries', praise({ author: world.teacherB.id }));
    expect(forged.status).toBe(400);
    expect(forged.body.error.details.key).toBe('author');
    const response = await teacherA.post('/api/diary-entries', praise());
    expect(response.status).toBe(201);
    entryA = response.body.data.documentId;
    const stored = await strapi.db.query(ENTRY).findOne({ where: { documentId: entryA }, populate: { author: true, student: true } });
    expect(stored).toMatchObject({ kind: 'praise', date: '2025-09-03' });
    expect(stored.author.id).toBe(world.teacherA.id);
    expect(stored.student.documentId).toBe(ivanov);
  });

  it('lets a class teacher write to a pupil of their class without naming a journal', async () => {
    const response = await classTeacherB.post('/api/diary-entries', {
      student: kuznetsov,
      kind: 'wish',
      text: 'Больше читать летом',
      date: '2025-09-02',
    });
    expect(response.status).toBe(201);
    entryB = response.body.data.documentId;
  });

  it('refuses a teacher of another class, and a class teacher outside their class (403, nothing stored)', async () => {
    const before = await strapi.db.query(ENTRY).count({});
    expect((await teacherB.post('/api/diary-entries', praise())).status).toBe(403);
    expect((await teacherA.post('/api/diary-entries', praise({ journal: null }))).status).toBe(403);
    expect((await teacherA.post('/api/diary-entries', praise({ student: kuznetsov, journal: world.journalB.documentId }))).status).toBe(
      403,
    );
    expect((await classTeacherB.post('/api/diary-entries', praise({ journal: null }))).status).toBe(403);
    expect((await deputy.post('/api/diary-entries', praise())).status).toBe(403);
    expect((await parentA.post('/api/diary-entries', praise())).status).toBe(403);
    expect(await strapi.db.query(ENTRY).count({})).toBe(before);
  });

  it('refuses bad input with a Russian message on each field (400, nothing stored)', async () => {
    const before = await strapi.db.query(ENTRY).count({});
    const both = await teacherA.post('/api/diary-entries', praise({ kind: 'scold', text: '   ' }));
    expect(both.status).toBe(400);
    expect(pathsOf(both)).toEqual(['kind', 'text']);
    expect(both.body.error.message).toMatch(/Недопустимый вид записи/);
    const badDate = await teacherA.post('/api/diary-entries', praise({ date: '2025-13-01' }));
    expect(badDate.status).toBe(400);
    expect(pathsOf(badDate)).toEqual(['date']);
    const future = await teacherA.post('/api/diary-entries', praise({ date: '2999-09-01' }));
    expect(pathsOf(future)).toEqual(['date']);
    expect(pathsOf(await teacherA.post('/api/diary-entries', praise({ student: null })))).toEqual(['student']);
    const notOnList = await teacherA.post('/api/diary-entries', praise({ student: kuznetsov }));
    expect(notOnList.status).toBe(400);
    expect(pathsOf(notOnList)).toEqual(['student']);
    expect(pathsOf(await teacherA.post('/api/diary-entries', praise({ text: 12345 })))).toEqual(['text']);
    expect(pathsOf(await teacherA.post('/api/diary-entries', praise({ text: 'я'.repeat(2001) })))).toEqual(['text']);
    expect(await strapi.db.query(ENTRY).count({})).toBe(before);
  });

  it('lets only the author change or delete an entry, and keeps the author', async () => {
    expect((await teacherB.put(`/api/diary-entries/${entryA}`, { text: 'Чужая правка' })).status).toBe(403);
    expect((await classTeacherB.delete(`/api/diary-entries/${entryA}`)).status).toBe(403);
    const edited = await teacherA.put(`/api/diary-entries/${entryA}`, { text: 'Отличная работа у доски' });
    expect(edited.status).toBe(200);
    const stored = await strapi.db.query(ENTRY).findOne({ where: { documentId: entryA }, populate: { author: true } });
    expect(stored.author.id).toBe(world.teacherA.id);
    expect(stored.text).toBe('Отличная работа у доски');
  });

  it('keeps a pupil and a journal with diary entries from being deleted', async () => {
    await expect(strapi.documents('api::student.student').delete({ documentId: kuznetsov })).rejects.toThrow(
      /записей учителей в дневнике: 1/,
    );
    await expect(strapi.documents('api::journal.journal').delete({ documentId: world.school.mathJournal.documentId })).rejects.toThrow(
      /записей учителей в дневнике: 1/,
    );
  });

  it('narrows staff reads to their own rows: other rows answer 404, parents and pupils read through the diary only', async () => {
    const ownA = await teacherA.get('/api/diary-entries');
    expect(ownA.status).toBe(200);
    expect(ownA.body.data.map((entry: { documentId: string }) => entry.documentId)).toEqual([entryA]);
    expect((await teacherA.get(`/api/diary-entries/${entryB}`)).status).toBe(404);
    const ownB = await classTeacherB.get('/api/diary-entries');
    expect(ownB.body.data.map((entry: { documentId: string }) => entry.documentId)).toEqual([entryB]);
    expect((await classTeacherB.get('/api/diary-entries?populate=author')).status).toBe(403);
    expect((await deputy.get('/api/diary-entries')).body.data).toHaveLength(2);
    expect((await parentA.get('/api/diary-entries')).status).toBe(403);
    expect((await pupilA.get(`/api/diary-entries/${entryA}`)).status).toBe(403);
  });
});

describe('entries in the diary and the weekly confirmation', () => {
  it('shows the entries to the pupil and their parents, and 404 to another family', async () => {
    const response = await parentA.get(`/api/diary/${ivanov}/entries?from=2025-09-01&to=2025-09-30`);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      expect.objectContaining({
        date: '2025-09-03',
        kind: 'praise',
        kindLabel: 'поощрение',
        text: 'Отличная работа у доски',
        subject: 'Математика',
        author: 'teacher.a',
        confirmed: false,
      }),
    ]);
    expect((await pupilA.get(`/api/diary/${ivanov}/entries?from=2025-09-01&to=2025-09-30`)).body.data).toHaveLength(1);
    expect((await parentB.get(`/api/diary/${ivanov}/entries`)).status).toBe(404);
    expect((await pupilA.get(`/api/diary/${kuznetsov}/entries`)).status).toBe(404);
    expect((await teacherA.get(`/api/diary/${ivanov}/entries`)).status).toBe(403);
    const bad = await parentA.get(`/api/diary/${ivanov}/entries?from=2025-09-31`);
    expect(bad.status).toBe(400);
    expect(pathsOf(bad)).toEqual(['from']);
  });

  it('covers the week’s entries by the confirmation; an entry written later asks for a new one', async () => {
    const week = `/api/diary/${ivanov}/week?week=2025-09-03`;
    const before = await parentA.get(week);
    expect(before.status).toBe(200);
    expect(before.body.data).toMatchObject({ weekStart: '2025-09-01', weekEnd: '2025-09-07', confirmation: { confirmed: false } });
    expect(before.body.data.lessons).toHaveLength(2);
    expect(before.body.data.marks).toEqual([expect.objectContaining({ subject: 'Математика', value: '5' })]);

    const confirmed = await parentA.post(`/api/diary/${ivanov}/confirmations`, { week: '2025-09-03' });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.data.covers).toEqual({ entries: 1 });
    expect((await parentA.get(week)).body.data.confirmation.confirmed).toBe(true);
    expect((await parentA.get(`/api/diary/${ivanov}/entries?from=2025-09-01&to=2025-09-07`)).body.data[0].confirmed).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 5));
    const remark = await teacherA.post('/api/diary-entries', praise({ kind: 'remark', text: 'Не сдал тетрадь', date: '2025-09-04' }));
    expect(remark.status).toBe(201);
    const after = (await pupilA.get(week)).body.data;
    expect(after.confirmation.confirmed).toBe(false);
    expect(after.entries.map((entry: { kind: string; confirmed: boolean }) => [entry.kind, entry.confirmed])).toEqual([
      ['praise', true],
      ['remark', false],
    ]);
    const classView = await deputy.get(`/api/diary/classes/${world.school.class5a.documentId}/confirmations?week=2025-09-01`);
    expect(classView.body.data.pupils.find((pupil: { fullName: string }) => pupil.fullName.startsWith('Иванов'))).toMatchObject({
      confirmed: false,
      entries: 2,
      unconfirmedEntries: 1,
    });

    await new Promise((resolve) => setTimeout(resolve, 5));
    const renewed = await parentA.post(`/api/diary/${ivanov}/confirmations`, { week: '2025-09-05' });
    expect(renewed.status).toBe(200);
    expect(renewed.body.data).toMatchObject({ renewed: true, covers: { entries: 2 } });
    expect((await parentA.get(week)).body.data.confirmation.confirmed).toBe(true);
    expect(await strapi.db.query('api::diary-confirmation.diary-confirmation').count({ where: { student: { documentId: ivanov } } })).toBe(
      1,
    );
  });

  it('gives the class teacher the week: who has not confirmed and which diary entries are missing', async () => {
    const view = await classTeacherB.get(`/api/diary/classes/${world.school.class5b.documentId}/confirmations?week=2025-09-02`);
    expect(view.status).toBe(200);
    expect(view.body.data).toMatchObject({
      weekStart: '2025-09-01',
      confirmed: 0,
      notConfirmed: 1,
      notConfirmedPupils: ['Кузнецов Олег Сергеевич'],
    });
    expect(view.body.data.pupils[0]).toMatchObject({ entries: 1, unconfirmedEntries: 1 });
    // The 5Б lesson of 2 September has a topic but no homework.
    expect(view.body.data.missingEntries).toEqual([
      expect.objectContaining({ date: '2025-09-02', number: 1, subject: 'Математика', missing: ['homework'] }),
    ]);
    expect((await classTeacherB.get(`/api/diary/classes/${world.school.class5a.documentId}/confirmations`)).status).toBe(403);
    expect((await teacherA.get(`/api/diary/classes/${world.school.class5a.documentId}/confirmations`)).status).toBe(403);
  });
});

describe('acknowledgment of period and year marks', () => {
  let quarterMark: string;

  beforeAll(async () => {
    quarterMark = (
      await make(strapi, 'api::mark.mark', {
        kind: 'periodic',
        journal: world.school.mathJournal.documentId,
        studyPeriod: world.school.quarters[0].documentId,
        student: ivanov,
        value: '4',
      })
    ).documentId;
  });

  it('shows the period marks not yet acknowledged, to the family only', async () => {
    const response = await parentA.get(`/api/diary/${ivanov}/mark-acknowledgments`);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      expect.objectContaining({
        kind: 'period',
        period: expect.objectContaining({ title: '1 четверть' }),
        marks: [{ subject: 'Математика', kind: 'periodic', value: '4' }],
        acknowledged: false,
      }),
    ]);
    expect((await parentB.get(`/api/diary/${ivanov}/mark-acknowledgments`)).status).toBe(404);
    const classView = await deputy.get(
      `/api/diary/classes/${world.school.class5a.documentId}/mark-acknowledgments?period=${world.school.quarters[0].documentId}`,
    );
    expect(classView.status).toBe(200);
    expect(classView.body.data).toMatchObject({ acknowledged: 0, notAcknowledged: 1, notAcknowledgedPupils: ['Иванов Иван Сергеевич'] });
  });

  it('refuses bad input and callers other than the parent', async () => {
    const url = `/api/diary/${ivanov}/acknowledge-marks`;
    expect(pathsOf(await parentA.post(url, {}))).toEqual(['period']);
    expect(pathsOf(await parentA.post(url, { period: 'no-such-period' }))).toEqual(['period']);
    expect(pathsOf(await parentA.post(url, { week: '2025-09-01' }))).toEqual(['week']);
    const empty = await parentA.post(url, { period: world.school.quarters[1].documentId });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/Отметок за 2 четверть ещё нет/);
    expect(pathsOf(await parentA.post(url, { year: world.school.year.documentId }))).toEqual(['year']);
    expect((await pupilA.post(url, { period: world.school.quarters[0].documentId })).status).toBe(403);
    expect((await parentB.post(url, { period: world.school.quarters[0].documentId })).status).toBe(404);
    expect((await teacherA.post(url, { period: world.school.quarters[0].documentId })).status).toBe(403);
    expect(await strapi.db.query('api::mark-acknowledgment.mark-acknowledgment').count({})).toBe(0);
  });

  it('records the parent’s acknowledgment once, separately from the weekly confirmation; a corrected mark asks again', async () => {
    const url = `/api/diary/${ivanov}/acknowledge-marks`;
    const first = await parentA.post(url, { period: world.school.quarters[0].documentId });
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({ kind: 'period', acknowledgedBy: expect.stringMatching(/^Иванова Ольга/) });
    expect((await parentA.post(url, { period: world.school.quarters[0].documentId })).status).toBe(200);
    const stored = await strapi.db
      .query('api::mark-acknowledgment.mark-acknowledgment')
      .findMany({ populate: { guardian: true, studyPeriod: true } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: 'period', guardian: { documentId: world.guardianA.documentId } });
    expect(stored[0].acknowledgedAt).toBeTruthy();

    expect((await pupilA.get(`/api/diary/${ivanov}/mark-acknowledgments`)).body.data[0]).toMatchObject({
      acknowledged: true,
      acknowledgedBy: expect.stringMatching(/^Иванова/),
    });
    const classView = await deputy.get(
      `/api/diary/classes/${world.school.class5a.documentId}/mark-acknowledgments?period=${world.school.quarters[0].documentId}`,
    );
    expect(classView.body.data).toMatchObject({ acknowledged: 1, notAcknowledged: 0 });

    await strapi.documents('api::mark.mark').update({ documentId: quarterMark, data: { value: '5' } } as never);
    expect((await parentA.get(`/api/diary/${ivanov}/mark-acknowledgments`)).body.data[0]).toMatchObject({
      acknowledged: false,
      changedSinceAcknowledged: true,
    });
    expect((await parentA.post(url, { period: world.school.quarters[0].documentId })).status).toBe(201);
    expect((await parentA.get(`/api/diary/${ivanov}/mark-acknowledgments`)).body.data[0].acknowledged).toBe(true);
  });

  it('keeps the class view to the class teacher of the class and the school’s control', async () => {
    const url = `/api/diary/classes/${world.school.class5a.documentId}/mark-acknowledgments?period=${world.school.quarters[0].documentId}`;
    expect((await classTeacherB.get(url)).status).toBe(403);
    expect((await teacherA.get(url)).status).toBe(403);
    expect((await parentA.get(url)).status).toBe(403);
    const own = await classTeacherB.get(
      `/api/diary/classes/${world.school.class5b.documentId}/mark-acknowledgments?period=${world.school.quarters[0].documentId}`,
    );
    expect(own.status).toBe(200);
    expect(own.body.data).toMatchObject({ acknowledged: 0, notAcknowledged: 0, pupils: [expect.objectContaining({ marks: 0 })] });
    const missing = await classTeacherB.get(`/api/diary/classes/${world.school.class5b.documentId}/mark-acknowledgments`);
    expect(missing.status).toBe(400);
    expect(pathsOf(missing)).toEqual(['period']);
  });
});
