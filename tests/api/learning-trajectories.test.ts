import type { Core } from '@strapi/strapi';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

const TRAJECTORY = 'api::learning-trajectory.learning-trajectory';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let deputy: Api;
let teacherA: Api;
let teacherB: Api;
let classTeacherB: Api;
let parentA: Api;
let parentB: Api;
let kuznetsov: string;
let trajectory: string;

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
  teacherA = apiAs(strapi, world.teacherA.jwt);
  teacherB = apiAs(strapi, world.teacherB.jwt);
  classTeacherB = apiAs(strapi, world.classTeacherB.jwt);
  parentA = apiAs(strapi, world.accounts.parentA.jwt);
  parentB = apiAs(strapi, world.accounts.parentB.jwt);
  kuznetsov = world.school.pupil5b.documentId;
});
afterAll(() => stopStrapi(strapi));

type ErrorBody = { body: { error: { details: { errors: Array<{ path: string[]; message: string }> } } } };
const pathsOf = (response: ErrorBody) => response.body.error.details.errors.map((error) => error.path.join('.'));

const trajectoryOf = (overrides: Record<string, unknown> = {}) => ({
  student: kuznetsov,
  academicYear: world.school.year.documentId,
  basis: 'Заявление родителей: подготовка к олимпиаде по математике при пробелах в вычислениях',
  startsOn: '2025-09-15',
  nextReviewOn: '2025-12-20',
  agreedWithParentsOn: '2025-09-12',
  agreedWith: 'Кузнецова Мария Петровна, мать',
  goals: [
    {
      subject: world.school.math.documentId,
      goal: 'Устранить пробелы в действиях с дробями',
      measures: 'Консультации по вторникам, тренажёр на платформе',
      expectedResult: 'Отметка «4» за контрольную работу по дробям',
      dueOn: '2025-12-15',
    },
    { goal: 'Участие в школьном этапе олимпиады', dueOn: '2025-10-20' },
  ],
  ...overrides,
});

describe('individual educational trajectories (R24)', () => {
  it('lets the class teacher draw up a pupil’s trajectory with goals by subject, agreed with the parents', async () => {
    const response = await classTeacherB.post('/api/learning-trajectories', trajectoryOf());
    expect(response.status).toBe(201);
    trajectory = response.body.data.documentId;
    const stored = await strapi.db.query(TRAJECTORY).findOne({
      where: { documentId: trajectory },
      populate: { responsible: true, goals: { populate: { subject: true } } },
    });
    expect(stored.responsible.id).toBe(world.classTeacherB.id);
    expect(stored.goals.map((goal: { goal: string; subject: { name: string } | null }) => [goal.subject?.name ?? null, goal.goal])).toEqual(
      [
        ['Математика', 'Устранить пробелы в действиях с дробями'],
        [null, 'Участие в школьном этапе олимпиады'],
      ],
    );
  });

  it('refuses a trajectory without goals, a goal past the school year, an agreement without who agreed, and closing without an outcome', async () => {
    const before = await strapi.db.query(TRAJECTORY).count();
    expect(pathsOf(await classTeacherB.post('/api/learning-trajectories', trajectoryOf({ goals: [] })))).toEqual(['goals']);
    expect(
      pathsOf(await classTeacherB.post('/api/learning-trajectories', trajectoryOf({ goals: [{ goal: 'Читать', dueOn: '2026-09-15' }] }))),
    ).toEqual(['goals.0.dueOn']);
    expect(pathsOf(await classTeacherB.post('/api/learning-trajectories', trajectoryOf({ goals: [{ goal: ' ' }] })))).toEqual([
      'goals.0.goal',
    ]);
    const unknownField = await classTeacherB.post(
      '/api/learning-trajectories',
      trajectoryOf({ goals: [{ goal: 'Читать', colour: 'red' }] }),
    );
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.message).toContain('colour');
    expect(pathsOf(await classTeacherB.post('/api/learning-trajectories', trajectoryOf({ agreedWith: '' })))).toEqual(['agreedWith']);
    expect(pathsOf(await classTeacherB.post('/api/learning-trajectories', trajectoryOf({ closedOn: '2025-12-25' })))).toEqual(['outcome']);
    expect(pathsOf(await classTeacherB.post('/api/learning-trajectories', trajectoryOf({ startsOn: '2025-08-01' })))).toEqual(['startsOn']);
    expect(await strapi.db.query(TRAJECTORY).count()).toBe(before);
  });

  it('is adjusted by a review of the results, and once closed with its outcome is never changed', async () => {
    const reviewed = await classTeacherB.put(`/api/learning-trajectories/${trajectory}`, {
      reviews: [
        {
          reviewedOn: '2025-12-20',
          findings: 'Контрольная по дробям — «4»; олимпиада: призёр школьного этапа',
          changes: 'Добавлена цель: муниципальный этап',
        },
      ],
      nextReviewOn: '2026-03-20',
    });
    expect(reviewed.status).toBe(200);
    expect(
      pathsOf(
        await classTeacherB.put(`/api/learning-trajectories/${trajectory}`, {
          reviews: [{ reviewedOn: '2099-01-01', findings: 'Будущее' }],
        }),
      ),
    ).toEqual(['reviews.0.reviewedOn']);
    const closed = await classTeacherB.put(`/api/learning-trajectories/${trajectory}`, {
      closedOn: '2026-05-25',
      outcome: 'Цели достигнуты: годовая «4», призёр муниципального этапа',
    });
    expect(closed.status).toBe(200);
    const locked = await deputy.put(`/api/learning-trajectories/${trajectory}`, { outcome: 'Переписать итог' });
    expect(locked.status).toBe(403);
    const stored = await strapi.db.query(TRAJECTORY).findOne({ where: { documentId: trajectory }, populate: { reviews: true } });
    expect(stored.outcome).toBe('Цели достигнуты: годовая «4», призёр муниципального этапа');
    expect(stored.reviews).toHaveLength(1);
  });

  it('is kept by the class teacher of the pupil’s class only, and read by the pupil’s teachers', async () => {
    expect(
      (await classTeacherB.post('/api/learning-trajectories', trajectoryOf({ student: world.school.pupils5a[0].documentId }))).status,
    ).toBe(403);
    expect((await teacherB.post('/api/learning-trajectories', trajectoryOf())).status).toBe(403);
    expect((await teacherB.get('/api/learning-trajectories')).body.data.map((row: { documentId: string }) => row.documentId)).toEqual([
      trajectory,
    ]);
    expect((await teacherA.get('/api/learning-trajectories')).body.data).toEqual([]);
    expect((await parentB.get('/api/learning-trajectories')).status).toBe(403);
  });

  it('is shown to the pupil’s parents in the diary with its goals and reviews, and to no other family', async () => {
    const own = await parentB.get(`/api/diary/${kuznetsov}/trajectories`);
    expect(own.status).toBe(200);
    expect(own.body.data).toHaveLength(1);
    expect(own.body.data[0]).toMatchObject({
      year: '2025/2026',
      agreedWith: 'Кузнецова Мария Петровна, мать',
      goals: [
        expect.objectContaining({ subject: 'Математика', goal: 'Устранить пробелы в действиях с дробями', dueOn: '2025-12-15' }),
        expect.objectContaining({ subject: null, goal: 'Участие в школьном этапе олимпиады' }),
      ],
      reviews: [expect.objectContaining({ reviewedOn: '2025-12-20', changes: 'Добавлена цель: муниципальный этап' })],
      closedOn: '2026-05-25',
    });
    expect((await parentA.get(`/api/diary/${kuznetsov}/trajectories`)).status).toBe(404);
  });
});
