import type { Core } from '@strapi/strapi';
import { buildCurrentYear, type CurrentYear } from '../helpers/distance-fixture';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/** Lesson plans of distance learning and their review (seed 004 §2.1, R79). */

const PLAN = 'api::lesson-plan.lesson-plan';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let current: CurrentYear;
let teacherA: Api;
let teacherB: Api;
let head: Api;
let otherHead: Api;
let curator: Api;
let otherDeputy: Api;
let director: Api;

type ErrorBody = { body: { error: { message: string; details: { errors?: Array<{ path: string[] }> } } } };
const pathsOf = (response: ErrorBody) => (response.body.error.details.errors ?? []).map((error) => error.path.join('.'));

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  current = await buildCurrentYear(strapi, world);
  const curatorAccount = await createAccount(strapi, 'deputy-director', 'plans.curator');
  const otherHeadAccount = await createAccount(strapi, 'methodologist', 'plans.other.head');
  teacherA = apiAs(strapi, world.teacherA.jwt);
  teacherB = apiAs(strapi, world.teacherB.jwt);
  head = apiAs(strapi, world.accounts.methodologist.jwt);
  otherHead = apiAs(strapi, otherHeadAccount.jwt);
  curator = apiAs(strapi, curatorAccount.jwt);
  otherDeputy = apiAs(strapi, world.accounts.deputy.jwt);
  director = apiAs(strapi, world.accounts.director.jwt);
  const deputy = apiAs(strapi, world.accounts.deputy.jwt);
  const maths = await deputy.post('/api/methodical-associations', {
    name: 'МО учителей математики',
    head: world.accounts.methodologist.documentId,
    curator: curatorAccount.documentId,
    members: [world.teacherA.documentId],
    subjects: [world.school.math.documentId],
  });
  expect(maths.status).toBe(201);
  const other = await deputy.post('/api/methodical-associations', {
    name: 'МО учителей начальных классов',
    head: otherHeadAccount.documentId,
    curator: world.accounts.deputy.documentId,
    members: [world.teacherB.documentId],
  });
  expect(other.status).toBe(201);
});
afterAll(() => stopStrapi(strapi));

const plan = (overrides: Record<string, unknown> = {}) => ({
  journal: current.journal.documentId,
  lessonDate: current.tomorrow,
  kind: 'technological-map',
  topic: 'Решение задач на проценты',
  content: 'Цель урока… Этапы: актуализация, объяснение, практикум, рефлексия.',
  ...overrides,
});

describe('methodical associations', () => {
  it('refuse a head without the methodologist role, a deputy who is not one, a non-teacher member and a teacher of two associations', async () => {
    const deputy = apiAs(strapi, world.accounts.deputy.jwt);
    const refused = await deputy.post('/api/methodical-associations', {
      name: 'МО',
      head: world.teacherB.documentId,
      curator: world.accounts.director.documentId,
      members: [world.accounts.secretary.documentId, world.teacherA.documentId],
    });
    expect(refused.status).toBe(400);
    expect(pathsOf(refused)).toEqual(['head', 'curator', 'members', 'members']);
    expect((await teacherA.post('/api/methodical-associations', { name: 'Своё МО' })).status).toBe(403);
    expect((await teacherA.get('/api/methodical-associations')).status).toBe(200);
  });
});

describe('a lesson plan’s review', () => {
  let planId: string;

  it('is written by the teacher as a draft, with who and when kept, and the state not taken from the body', async () => {
    const created = await teacherA.post('/api/lesson-plans', plan());
    expect(created.status).toBe(201);
    planId = created.body.data.documentId;
    expect(created.body.data).toMatchObject({ state: 'draft', teacherName: 'teacher.a', topic: 'Решение задач на проценты' });
    expect(created.body.data.history).toEqual([
      expect.objectContaining({ action: 'create', state: 'draft', by: world.teacherA.id, byName: 'teacher.a' }),
    ]);
    const forced = await teacherA.post('/api/lesson-plans', plan({ state: 'approved' }));
    expect(forced.status).toBe(400);
    expect(pathsOf(forced)).toEqual(['state']);
    const jumped = await teacherA.put(`/api/lesson-plans/${planId}`, { state: 'approved' });
    expect(jumped.status).toBe(400);
    expect(forced.body.error.message).toMatch(/только действиями/);
  });

  it('hides a draft from the head, who can neither see nor approve it', async () => {
    const early = await head.post(`/api/lesson-plans/${planId}/review`, { decision: 'approve' });
    // The head does not see drafts at all.
    expect(early.status).toBe(404);
    const stored = await strapi.db.query(PLAN).findOne({ where: { documentId: planId } });
    expect(stored.state).toBe('draft');
  });

  it('is submitted by its author to the head of their association, and then no longer changed', async () => {
    expect((await teacherB.post(`/api/lesson-plans/${planId}/submit`, {})).status).toBe(404);
    const submitted = await teacherA.post(`/api/lesson-plans/${planId}/submit`, {});
    expect(submitted.status).toBe(200);
    expect(submitted.body.data.state).toBe('submitted');
    expect(submitted.body.data.submittedAt).toEqual(expect.any(String));
    const again = await teacherA.post(`/api/lesson-plans/${planId}/submit`, {});
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe(
      'Конспект в состоянии «на проверке» нельзя отправить на проверку: это можно только из состояния «черновик» или «возвращён на доработку»',
    );
    const edited = await teacherA.put(`/api/lesson-plans/${planId}`, { topic: 'Другая тема' });
    expect(edited.status).toBe(400);
    expect(pathsOf(edited)).toEqual(['state']);
    expect((await teacherA.delete(`/api/lesson-plans/${planId}`)).status).toBe(403);
  });

  it('is seen by the head of the association only, and returned with a required comment', async () => {
    const list = await head.get('/api/lesson-plans?populate=journal');
    expect(list.status).toBe(200);
    expect(list.body.data.map((row: { documentId: string }) => row.documentId)).toEqual([planId]);
    expect((await otherHead.get('/api/lesson-plans')).body.data).toEqual([]);
    expect((await otherHead.post(`/api/lesson-plans/${planId}/review`, { decision: 'approve' })).status).toBe(404);
    // Not yet approved: the curating deputy does not see it.
    expect((await curator.get('/api/lesson-plans')).body.data).toEqual([]);
    const noComment = await head.post(`/api/lesson-plans/${planId}/review`, { decision: 'return' });
    expect(noComment.status).toBe(400);
    expect(pathsOf(noComment)).toEqual(['comment']);
    const returned = await head.post(`/api/lesson-plans/${planId}/review`, {
      decision: 'return',
      comment: 'Добавьте этап рефлексии с критериями',
    });
    expect(returned.status).toBe(200);
    expect(returned.body.data).toMatchObject({ state: 'returned', reviewComment: 'Добавьте этап рефлексии с критериями' });
    expect((await head.post(`/api/lesson-plans/${planId}/review`, { decision: 'approve' })).status).toBe(400);
  });

  it('is corrected and submitted again, approved by the head, and then read by the curating deputy and the director', async () => {
    expect((await teacherA.put(`/api/lesson-plans/${planId}`, { content: 'Этапы с рефлексией по критериям' })).status).toBe(200);
    expect((await teacherA.post(`/api/lesson-plans/${planId}/submit`, {})).status).toBe(200);
    const approved = await head.post(`/api/lesson-plans/${planId}/review`, { decision: 'approve', comment: 'Согласовано' });
    expect(approved.status).toBe(200);
    expect(approved.body.data.state).toBe('approved');
    const stored = await strapi.db.query(PLAN).findOne({ where: { documentId: planId }, populate: { reviewedBy: true } });
    expect(stored.reviewedBy.id).toBe(world.accounts.methodologist.id);
    expect(stored.history.map((step: { action: string; state: string; byName: string }) => [step.action, step.state, step.byName])).toEqual(
      [
        ['create', 'draft', 'teacher.a'],
        ['submit', 'submitted', 'teacher.a'],
        ['return', 'returned', 'methodologist'],
        ['submit', 'submitted', 'teacher.a'],
        ['approve', 'approved', 'methodologist'],
      ],
    );
    expect((await curator.get('/api/lesson-plans')).body.data.map((row: { documentId: string }) => row.documentId)).toEqual([planId]);
    expect((await curator.get(`/api/lesson-plans/${planId}`)).status).toBe(200);
    expect((await otherDeputy.get('/api/lesson-plans')).body.data).toEqual([]);
    expect((await director.get('/api/lesson-plans')).body.data.length).toBe(1);
    expect((await teacherB.get(`/api/lesson-plans/${planId}`)).status).toBe(404);
    expect((await teacherA.get('/api/lesson-plans')).body.data.map((row: { documentId: string }) => row.documentId)).toEqual([planId]);
    expect((await teacherB.get('/api/lesson-plans')).body.data).toEqual([]);
    expect((await head.post(`/api/lesson-plans/${planId}/review`, { decision: 'return', comment: 'Ещё раз' })).status).toBe(400);
  });

  it('refuses a plan for a journal the teacher does not keep, and without a topic or any content', async () => {
    expect((await teacherB.post('/api/lesson-plans', plan())).status).toBe(403);
    const bad = await teacherA.post(
      '/api/lesson-plans',
      plan({ topic: ' ', content: '', kind: 'essay', lesson: current.lessonToday.documentId }),
    );
    expect(bad.status).toBe(400);
    expect(pathsOf(bad)).toEqual(['lesson', 'kind', 'topic', 'content']);
  });

  it('refuses to submit a plan for a day already past, and a plan of a teacher in no association', async () => {
    const past = await teacherA.post(
      '/api/lesson-plans',
      plan({ lessonDate: current.yesterday, lesson: current.lessonYesterday.documentId }),
    );
    expect(past.status).toBe(201);
    const late = await teacherA.post(`/api/lesson-plans/${past.body.data.documentId}/submit`, {});
    expect(late.status).toBe(400);
    expect(pathsOf(late)).toEqual(['lessonDate']);
    expect((await teacherA.delete(`/api/lesson-plans/${past.body.data.documentId}`)).status).toBe(204);
    const loner = await createAccount(strapi, 'teacher', 'plans.loner');
    await strapi
      .documents('api::journal.journal')
      .update({ documentId: current.journal.documentId, data: { teachers: { connect: [loner.documentId] } } } as never);
    const lonerApi = apiAs(strapi, loner.jwt);
    const own = await lonerApi.post('/api/lesson-plans', plan());
    expect(own.status).toBe(201);
    const nowhere = await lonerApi.post(`/api/lesson-plans/${own.body.data.documentId}/submit`, {});
    expect(nowhere.status).toBe(400);
    expect(pathsOf(nowhere)).toEqual(['association']);
  });
});
