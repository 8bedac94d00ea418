import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildMiniSchool, type MiniSchool } from '../helpers/school-fixture';

const REMARK = 'api::journal-remark.journal-remark';

let strapi: Core.Strapi;
let school: MiniSchool;
let deputyId: number;
let teacherId: number;
let deputy: Api;
let teacher: Api;
let otherTeacher: Api;
let parent: Api;
let visitor: Api;

beforeAll(async () => {
  strapi = await bootStrapi();
  school = await buildMiniSchool(strapi);
  const deputyAccount = await createAccount(strapi, 'deputy-director', 'deputy');
  const teacherAccount = await createAccount(strapi, 'teacher', 'mathteacher');
  deputyId = deputyAccount.id;
  teacherId = teacherAccount.id;
  deputy = apiAs(strapi, deputyAccount.jwt);
  teacher = apiAs(strapi, teacherAccount.jwt);
  otherTeacher = apiAs(strapi, (await createAccount(strapi, 'teacher', 'peteacher')).jwt);
  parent = apiAs(strapi, (await createAccount(strapi, 'parent', 'parent')).jwt);
  visitor = apiAs(strapi);
  await strapi
    .documents('api::journal.journal')
    .update({ documentId: school.mathJournal.documentId, data: { teachers: [teacherId] } } as never);
});
afterAll(() => stopStrapi(strapi));

const inspection = (overrides: Record<string, unknown> = {}) => ({
  journal: school.mathJournal.documentId,
  inspectedOn: '2025-10-01',
  findings: 'Темы уроков записаны своевременно, отметки выставлены не у всех обучающихся.',
  remarks: 'Выставить отметки за контрольную работу 02.09.2025; заполнить домашние задания.',
  fixBy: '2025-10-10',
  ...overrides,
});

const record = async (overrides: Record<string, unknown> = {}): Promise<string> => {
  const response = await deputy.post('/api/journal-remarks', inspection(overrides));
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};

const stored = (documentId: string) =>
  strapi.db.query(REMARK).findOne({ where: { documentId }, populate: { inspector: true, acknowledgedBy: true, journal: true } });

const pathsOf = (response: { body: { error: { details: { errors: Array<{ path: string[] }> } } } }) =>
  response.body.error.details.errors.map((error) => error.path.join('.'));

describe('inspections by the deputy director', () => {
  it('records an inspection with the deputy as inspector, open until the teacher acknowledges', async () => {
    const documentId = await record({ inspector: teacherId });
    const remark = await stored(documentId);
    expect(remark).toMatchObject({ state: 'open', inspectedOn: '2025-10-01', fixBy: '2025-10-10', acknowledgedAt: null });
    expect(remark.inspector.id).toBe(deputyId);
    expect(remark.journal.id).toBe(school.mathJournal.id);
  });

  it('refuses an inspection without a journal, dated in the future, or with a fix date before it', async () => {
    const before = await strapi.db.query(REMARK).count({});
    const noJournal = await deputy.post('/api/journal-remarks', inspection({ journal: null }));
    expect(noJournal.status).toBe(400);
    expect(pathsOf(noJournal)).toEqual(['journal']);

    const tomorrow = DateTime.now().setZone('Europe/Moscow').plus({ days: 1 }).toISODate() as string;
    const future = await deputy.post('/api/journal-remarks', inspection({ inspectedOn: tomorrow, fixBy: null }));
    expect(future.status).toBe(400);
    expect(pathsOf(future)).toEqual(['inspectedOn']);
    expect(future.body.error.message).toMatch(/ещё не наступила/);

    const early = await deputy.post('/api/journal-remarks', inspection({ fixBy: '2025-09-30' }));
    expect(early.status).toBe(400);
    expect(pathsOf(early)).toEqual(['fixBy']);

    const bad = await deputy.post('/api/journal-remarks', inspection({ inspectedOn: '2025-02-30' }));
    expect(bad.status).toBe(400);
    expect(await strapi.db.query(REMARK).count({})).toBe(before);
  });

  it("lists a journal's open remarks for staff", async () => {
    const fixed = await record({ remarks: 'Исправить дату урока.' });
    expect((await deputy.put(`/api/journal-remarks/${fixed}`, { state: 'fixed' })).status).toBe(200);
    expect((await stored(fixed)).fixedAt).toBeTruthy();
    const response = await deputy.get(
      `/api/journal-remarks?filters[journal][documentId][$eq]=${school.mathJournal.documentId}&filters[state][$ne]=fixed&sort=id:asc`,
    );
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBeGreaterThan(0);
    expect(response.body.data.every((remark: { state: string }) => remark.state !== 'fixed')).toBe(true);
    expect(response.body.data.map((remark: { documentId: string }) => remark.documentId)).not.toContain(fixed);
  });
});

describe("the teacher's acknowledgment", () => {
  it('is recorded for a teacher of the journal, with who and when', async () => {
    const documentId = await record();
    const response = await teacher.post(`/api/journal-remarks/${documentId}/acknowledge`, undefined);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ documentId, state: 'acknowledged' });
    const remark = await stored(documentId);
    expect(remark.acknowledgedBy.id).toBe(teacherId);
    expect(Date.now() - new Date(remark.acknowledgedAt).getTime()).toBeLessThan(60_000);
  });

  it('is refused (403) to a teacher of another journal, and nothing changes', async () => {
    const documentId = await record();
    const response = await otherTeacher.post(`/api/journal-remarks/${documentId}/acknowledge`, undefined);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/только учитель, ведущий этот журнал/);
    expect((await stored(documentId)).state).toBe('open');
  });

  it('cannot be given twice (400)', async () => {
    const documentId = await record();
    expect((await teacher.post(`/api/journal-remarks/${documentId}/acknowledge`, undefined)).status).toBe(200);
    const again = await teacher.post(`/api/journal-remarks/${documentId}/acknowledge`, undefined);
    expect(again.status).toBe(400);
    expect(pathsOf(again)).toEqual(['state']);
    expect(again.body.error.message).toMatch(/уже ознакомились/);
  });

  it('cannot be written for the teacher by the deputy director', async () => {
    const documentId = await record();
    const response = await deputy.put(`/api/journal-remarks/${documentId}`, { state: 'acknowledged', acknowledgedBy: teacherId });
    expect(response.status).toBe(400);
    expect(pathsOf(response)).toContain('acknowledgedBy');
    expect((await stored(documentId)).state).toBe('open');
  });

  it('answers 404 for an unknown record', async () => {
    expect((await teacher.post('/api/journal-remarks/no-such-remark/acknowledge', undefined)).status).toBe(404);
  });
});

describe('who may read remarks', () => {
  it('refuses the public and parents (403)', async () => {
    expect((await visitor.get('/api/journal-remarks')).status).toBe(403);
    expect((await parent.get('/api/journal-remarks')).status).toBe(403);
    expect((await parent.post(`/api/journal-remarks/${await record()}/acknowledge`, undefined)).status).toBe(403);
  });

  it('lets a teacher read the remarks on their journal but not write them', async () => {
    const response = await teacher.get(`/api/journal-remarks?filters[journal][documentId][$eq]=${school.mathJournal.documentId}`);
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBeGreaterThan(0);
    expect((await teacher.post('/api/journal-remarks', inspection())).status).toBe(403);
  });
});
