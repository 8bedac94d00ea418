import type { Core } from '@strapi/strapi';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { make } from '../helpers/school-fixture';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let parentA: Api;
let parentB: Api;
let pupilA: Api;

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  parentA = apiAs(strapi, world.accounts.parentA.jwt);
  parentB = apiAs(strapi, world.accounts.parentB.jwt);
  pupilA = apiAs(strapi, world.accounts.pupilA.jwt);
  const { school } = world;
  const ivanov = school.pupils5a[0].documentId;
  await make(strapi, 'api::mark.mark', {
    kind: 'current',
    journal: school.mathJournal.documentId,
    lesson: school.lessons[1].documentId,
    student: ivanov,
    value: '3',
    weight: 2,
    workType: 'control-work',
  });
  await make(strapi, 'api::mark.mark', {
    kind: 'periodic',
    journal: school.mathJournal.documentId,
    studyPeriod: school.quarters[0].documentId,
    student: ivanov,
    value: '4',
  });
  await make(strapi, 'api::attendance.attendance', { lesson: school.lessons[2].documentId, student: ivanov, kind: 'ill' });
});
afterAll(() => stopStrapi(strapi));

describe('the electronic diary', () => {
  it('lists a parent’s own children only, and a pupil only themselves', async () => {
    const children = await parentA.get('/api/diary/children');
    expect(children.status).toBe(200);
    expect(children.body.data).toEqual([
      {
        documentId: world.school.pupils5a[0].documentId,
        fullName: 'Иванов Иван Сергеевич',
        schoolClass: expect.objectContaining({ name: '5А' }),
      },
    ]);
    expect((await pupilA.get('/api/diary/children')).body.data.map((child: { fullName: string }) => child.fullName)).toEqual([
      'Иванов Иван Сергеевич',
    ]);
  });

  it('shows marks by subject for a quarter with the weighted average and the quarter mark', async () => {
    const response = await parentA.get(
      `/api/diary/${world.school.pupils5a[0].documentId}/marks?period=${world.school.quarters[0].documentId}`,
    );
    expect(response.status).toBe(200);
    expect(response.body.meta.range).toEqual({ from: '2025-09-01', to: '2025-10-24', period: '1 четверть' });
    const [maths] = response.body.data;
    expect(maths).toMatchObject({ subject: 'Математика', studyLevel: 'basic' });
    expect(maths.marks.map((mark: { value: string }) => mark.value)).toEqual(['5', '3']);
    expect(maths.average).toBe(3.67);
    expect(maths.summaryMarks).toEqual([expect.objectContaining({ kind: 'periodic', value: '4', period: '1 четверть' })]);
  });

  it('shows homework and attendance for a date range', async () => {
    const pupil = world.school.pupils5a[0].documentId;
    const homework = await pupilA.get(`/api/diary/${pupil}/homework?from=2025-09-01&to=2025-09-30`);
    expect(homework.body.data).toEqual([
      expect.objectContaining({ date: '2025-09-02', subject: 'Математика', homework: '№ 1–5' }),
      expect.objectContaining({ date: '2025-09-03', subject: 'Математика' }),
    ]);
    const attendance = await parentA.get(`/api/diary/${pupil}/attendance?from=2025-11-01&to=2025-11-30`);
    expect(attendance.body.data).toEqual([expect.objectContaining({ date: '2025-11-12', kind: 'ill', subject: 'Математика' })]);
  });

  it('answers 404 for another family’s child, and 400 for a bad range', async () => {
    expect((await parentB.get(`/api/diary/${world.school.pupils5a[0].documentId}/marks`)).status).toBe(404);
    expect((await pupilA.get(`/api/diary/${world.school.pupil5b.documentId}/homework`)).status).toBe(404);
    const bad = await parentA.get(`/api/diary/${world.school.pupils5a[0].documentId}/marks?from=2025-13-01`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['from']);
  });

  it('records a parent’s weekly confirmation once, and refuses a week that has not begun', async () => {
    const url = `/api/diary/${world.school.pupils5a[0].documentId}/confirmations`;
    const first = await parentA.post(url, { week: '2025-09-03' });
    expect(first.status).toBe(201);
    expect(first.body.data.weekStart).toBe('2025-09-01');
    expect((await parentA.post(url, { week: '2025-09-05' })).status).toBe(200);
    expect((await parentA.post(url, { week: '2999-01-01' })).status).toBe(400);
    expect((await pupilA.post(url, { week: '2025-09-03' })).status).toBe(403);
    expect(await strapi.db.query('api::diary-confirmation.diary-confirmation').count({})).toBe(1);
  });

  it('shows the class teacher who has not confirmed the week, for their own class only', async () => {
    await parentB.post(`/api/diary/${world.school.pupil5b.documentId}/confirmations`, { week: '2025-09-08' });
    const classTeacher = apiAs(strapi, world.classTeacherB.jwt);
    const own = await classTeacher.get(`/api/diary/classes/${world.school.class5b.documentId}/confirmations?week=2025-09-10`);
    expect(own.status).toBe(200);
    expect(own.body.data).toMatchObject({ weekStart: '2025-09-08', confirmed: 1, notConfirmed: 0 });
    expect(own.body.data.pupils[0]).toMatchObject({ fullName: 'Кузнецов Олег Сергеевич', confirmed: true });
    const otherWeek = await classTeacher.get(`/api/diary/classes/${world.school.class5b.documentId}/confirmations?week=2025-09-15`);
    expect(otherWeek.body.data).toMatchObject({ confirmed: 0, notConfirmed: 1 });
    expect((await classTeacher.get(`/api/diary/classes/${world.school.class5a.documentId}/confirmations`)).status).toBe(403);
    const deputy = apiAs(strapi, world.accounts.deputy.jwt);
    expect(
      (await deputy.get(`/api/diary/classes/${world.school.class5a.documentId}/confirmations?week=2025-09-01`)).body.data,
    ).toMatchObject({ confirmed: 1 });
  });

  it('is closed to staff and anonymous callers as a diary', async () => {
    expect((await apiAs(strapi).get('/api/diary/children')).status).toBe(403);
    expect((await apiAs(strapi, world.teacherA.jwt).get(`/api/diary/${world.school.pupils5a[0].documentId}/marks`)).status).toBe(403);
  });
});
