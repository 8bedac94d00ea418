import type { Core } from '@strapi/strapi';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

const PLAN_ITEM = 'api::control-plan-item.control-plan-item';
const SUPPORT_PLAN = 'api::support-plan.support-plan';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let deputy: Api;
let teacherA: Api;
let teacherB: Api;
let classTeacherB: Api;
let parentB: Api;
let kuznetsov: string;

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
  teacherA = apiAs(strapi, world.teacherA.jwt);
  teacherB = apiAs(strapi, world.teacherB.jwt);
  classTeacherB = apiAs(strapi, world.classTeacherB.jwt);
  parentB = apiAs(strapi, world.accounts.parentB.jwt);
  kuznetsov = world.school.pupil5b.documentId;
});
afterAll(() => stopStrapi(strapi));

type ErrorBody = { body: { error: { details: { errors: Array<{ path: string[]; message: string }> } } } };
const pathsOf = (response: ErrorBody) => response.body.error.details.errors.map((error) => error.path.join('.'));

const planItem = (overrides: Record<string, unknown> = {}) => ({
  academicYear: world.school.year.documentId,
  topic: 'Объективность текущих отметок по математике',
  controlKind: 'thematic',
  schoolClass: world.school.class5a.documentId,
  subject: world.school.math.documentId,
  studyPeriod: world.school.quarters[0].documentId,
  basis: 'Средний балл класса в первой четверти выше результатов ВПР',
  plannedFrom: '2025-11-10',
  plannedTo: '2025-11-21',
  approvalProtocol: 'Педагогический совет, протокол № 3 от 05.11.2025',
  ...overrides,
});

describe('the internal-control plan', () => {
  it('lets the deputy plan a check on an analytics finding, keeping the figures it stood on', async () => {
    const response = await deputy.post('/api/control-plan-items', planItem());
    expect(response.status).toBe(201);
    const stored = await strapi.db
      .query(PLAN_ITEM)
      .findOne({ where: { documentId: response.body.data.documentId }, populate: { responsible: true } });
    expect(stored.responsible.id).toBe(world.accounts.deputy.id);
    expect(stored.finding.period).toMatchObject({ documentId: world.school.quarters[0].documentId });
    expect(stored.finding.total.current).toBeDefined();
    // The snapshot stays as planned when the item is later filled in.
    const done = await deputy.put(`/api/control-plan-items/${stored.documentId}`, {
      doneOn: '2025-11-21',
      result: 'Отметки объективны; рекомендации учителю',
    });
    expect(done.status).toBe(200);
    expect((await strapi.db.query(PLAN_ITEM).findOne({ where: { id: stored.id } })).finding).toEqual(stored.finding);
  });

  it('refuses an item without its approval, a term outside the school year or reversed, and a check done without a result', async () => {
    const before = await strapi.db.query(PLAN_ITEM).count();
    expect(pathsOf(await deputy.post('/api/control-plan-items', planItem({ approvalProtocol: '' })))).toEqual(['approvalProtocol']);
    expect(pathsOf(await deputy.post('/api/control-plan-items', planItem({ plannedTo: '2026-09-15' })))).toEqual(['plannedTo']);
    expect(pathsOf(await deputy.post('/api/control-plan-items', planItem({ plannedTo: '2025-11-01' })))).toEqual(['plannedTo']);
    expect(pathsOf(await deputy.post('/api/control-plan-items', planItem({ doneOn: '2025-11-21' })))).toEqual(['result']);
    expect(pathsOf(await deputy.post('/api/control-plan-items', planItem({ controlKind: 'surprise' })))).toEqual(['controlKind']);
    expect(await strapi.db.query(PLAN_ITEM).count()).toBe(before);
  });

  it('is kept by the administration only', async () => {
    expect((await teacherA.get('/api/control-plan-items')).status).toBe(403);
    expect((await classTeacherB.post('/api/control-plan-items', planItem())).status).toBe(403);
  });
});

describe('individual work plans', () => {
  let talk: string;
  let plan: string;

  beforeAll(async () => {
    talk = (
      await classTeacherB.post('/api/parent-meetings', {
        kind: 'individual',
        schoolClass: world.school.class5b.documentId,
        student: kuznetsov,
        date: '2025-11-05',
        topic: 'Отметки по математике',
        attendees: [world.guardianB.documentId],
        decisions: 'Составить план индивидуальной работы',
      })
    ).body.data.documentId;
  });

  const supportPlan = (overrides: Record<string, unknown> = {}) => ({
    student: kuznetsov,
    studyPeriod: world.school.quarters[0].documentId,
    reason: 'Тройка по математике за четверть, мало отметок',
    measures: 'Консультации по вторникам; проверка тетради раз в неделю',
    startsOn: '2025-11-10',
    reviewOn: '2025-12-20',
    approvedAt: talk,
    ...overrides,
  });

  it('lets the class teacher plan work with a pupil of their class, approved at the talk with the parents, with the analytics finding kept', async () => {
    const response = await classTeacherB.post('/api/support-plans', supportPlan());
    expect(response.status).toBe(201);
    plan = response.body.data.documentId;
    const stored = await strapi.db
      .query(SUPPORT_PLAN)
      .findOne({ where: { documentId: plan }, populate: { responsible: true, approvedAt: true } });
    expect(stored.responsible.id).toBe(world.classTeacherB.id);
    expect(stored.approvedAt.documentId).toBe(talk);
    expect(stored.finding).toMatchObject({ period: { documentId: world.school.quarters[0].documentId }, atRisk: expect.any(Boolean) });
  });

  it('refuses a plan for another class’s pupil, an approval at a talk about someone else, and closing without an outcome', async () => {
    const before = await strapi.db.query(SUPPORT_PLAN).count();
    expect(
      (await classTeacherB.post('/api/support-plans', supportPlan({ student: world.school.pupils5a[0].documentId, approvedAt: null })))
        .status,
    ).toBe(403);
    const otherTalk = await deputy.post('/api/parent-meetings', {
      schoolClass: world.school.class5a.documentId,
      date: '2025-09-12',
      topic: 'Собрание 5А',
    });
    expect(pathsOf(await classTeacherB.post('/api/support-plans', supportPlan({ approvedAt: otherTalk.body.data.documentId })))).toEqual([
      'approvedAt',
    ]);
    expect(pathsOf(await classTeacherB.post('/api/support-plans', supportPlan({ closedOn: '2025-12-20' })))).toEqual(['outcome']);
    expect(pathsOf(await classTeacherB.post('/api/support-plans', supportPlan({ reviewOn: '2025-11-01' })))).toEqual(['reviewOn']);
    expect(pathsOf(await classTeacherB.post('/api/support-plans', supportPlan({ measures: ' ' })))).toEqual(['measures']);
    expect(await strapi.db.query(SUPPORT_PLAN).count()).toBe(before);
  });

  it('is read by the pupil’s teachers and nobody else’s, and kept from families', async () => {
    expect((await teacherB.get('/api/support-plans')).body.data.map((row: { documentId: string }) => row.documentId)).toEqual([plan]);
    expect((await teacherA.get('/api/support-plans')).body.data).toEqual([]);
    expect((await teacherB.put(`/api/support-plans/${plan}`, { outcome: 'x' })).status).toBe(403);
    expect((await parentB.get('/api/support-plans')).status).toBe(403);
  });

  it('keeps a talk that approved a plan from being deleted', async () => {
    const refused = await deputy.delete(`/api/parent-meetings/${talk}`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('планов индивидуальной работы');
  });
});
