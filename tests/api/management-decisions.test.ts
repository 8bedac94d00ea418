import type { Core } from '@strapi/strapi';
import { make } from '../helpers/school-fixture';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

const DECISION = 'api::management-decision.management-decision';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let director: Api;
let deputy: Api;
let teacherA: Api;
let remark: string;

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  director = apiAs(strapi, world.accounts.director.jwt);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
  teacherA = apiAs(strapi, world.teacherA.jwt);
  remark = (
    await make(strapi, 'api::journal-remark.journal-remark', {
      journal: world.school.mathJournal.documentId,
      inspectedOn: '2025-10-01',
      fixBy: '2025-10-10',
      remarks: 'Не записаны домашние задания',
    })
  ).documentId;
});
afterAll(() => stopStrapi(strapi));

type ErrorBody = { body: { error: { details: { errors: Array<{ path: string[]; message: string }> } } } };
const pathsOf = (response: ErrorBody) => response.body.error.details.errors.map((error) => error.path.join('.'));

const decision = (overrides: Record<string, unknown> = {}) => ({
  decidedOn: '2025-10-15',
  kind: 'order',
  number: '101-ОД',
  title: 'О нарушениях ведения электронного журнала 5А',
  journalRemarks: [remark],
  executor: world.accounts.deputy.documentId,
  dueOn: '2025-10-31',
  ...overrides,
});

describe('the director’s summary and decisions', () => {
  it('summarises journal control and the archive for the director', async () => {
    const response = await director.get('/api/management-decisions/summary');
    expect(response.status).toBe(200);
    const summary = response.body.data;
    expect(summary.journalControl).toMatchObject({ openRemarks: 1, overdueRemarks: 1 });
    expect(summary.archive).toHaveProperty('periodsAwaitingClose');
    expect(summary.archive).toHaveProperty('lastBackup');
    expect(summary.openDecisions).toEqual([]);
  });

  it('lets the director take a decision on a remark, and shows it open and overdue in the summary', async () => {
    const response = await director.post('/api/management-decisions', decision());
    expect(response.status).toBe(201);
    const summary = (await director.get('/api/management-decisions/summary')).body.data;
    expect(summary.openDecisions).toEqual([
      expect.objectContaining({
        number: '101-ОД',
        overdue: true,
        executor: 'deputy',
        basedOn: expect.objectContaining({ journalRemarks: [remark] }),
      }),
    ]);
    const executed = await director.put(`/api/management-decisions/${response.body.data.documentId}`, {
      executedOn: '2025-10-30',
      executionNote: 'Замечания устранены',
    });
    expect(executed.status).toBe(200);
    expect((await director.get('/api/management-decisions/summary')).body.data.openDecisions).toEqual([]);
  });

  it('refuses a decision without a basis, an order without a number, and dates out of order', async () => {
    const before = await strapi.db.query(DECISION).count();
    expect(pathsOf(await director.post('/api/management-decisions', decision({ journalRemarks: [] })))).toEqual(['journalRemarks']);
    expect(pathsOf(await director.post('/api/management-decisions', decision({ number: '' })))).toEqual(['number']);
    expect(pathsOf(await director.post('/api/management-decisions', decision({ dueOn: '2025-10-01' })))).toEqual(['dueOn']);
    expect(pathsOf(await director.post('/api/management-decisions', decision({ executedOn: '2025-10-01', dueOn: null })))).toEqual([
      'executedOn',
    ]);
    expect(await strapi.db.query(DECISION).count()).toBe(before);
    // A decision on the archive's state needs no remark.
    expect(
      (
        await director.post(
          '/api/management-decisions',
          decision({ journalRemarks: [], kind: 'instruction', number: null, archiveConcern: 'Нет резервной копии за неделю' }),
        )
      ).status,
    ).toBe(201);
  });

  it('keeps a remark a decision was based on', async () => {
    const refused = await deputy.delete(`/api/journal-remarks/${remark}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('управленческих решений');
  });

  it('is kept by the director, read by the deputy, closed to teachers', async () => {
    expect((await deputy.get('/api/management-decisions/summary')).status).toBe(200);
    expect((await deputy.post('/api/management-decisions', decision())).status).toBe(403);
    expect((await teacherA.get('/api/management-decisions/summary')).status).toBe(403);
    expect((await teacherA.get('/api/management-decisions')).status).toBe(403);
  });
});
