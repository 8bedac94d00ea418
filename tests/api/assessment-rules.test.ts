import type { Core } from '@strapi/strapi';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

const MEETING = 'api::parent-meeting.parent-meeting';
const ACKNOWLEDGMENT = 'api::rules-acknowledgment.rules-acknowledgment';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let teacherA: Api;
let classTeacherB: Api;
let deputy: Api;
let parentA: Api;
let parentB: Api;
let pupilA: Api;
let ivanov: string;
let kuznetsov: string;
let class5a: string;
let class5b: string;

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  teacherA = apiAs(strapi, world.teacherA.jwt);
  classTeacherB = apiAs(strapi, world.classTeacherB.jwt);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
  parentA = apiAs(strapi, world.accounts.parentA.jwt);
  parentB = apiAs(strapi, world.accounts.parentB.jwt);
  pupilA = apiAs(strapi, world.accounts.pupilA.jwt);
  ivanov = world.school.pupils5a[0].documentId;
  kuznetsov = world.school.pupil5b.documentId;
  class5a = world.school.class5a.documentId;
  class5b = world.school.class5b.documentId;
  const published = await deputy.post('/api/regulations', edition(7, '2025-08-29'));
  expect(published.status).toBe(201);
});
afterAll(() => stopStrapi(strapi));

type ErrorBody = { body: { error: { details: { errors: Array<{ path: string[]; message: string }> } } } };
const pathsOf = (response: ErrorBody) => response.body.error.details.errors.map((error) => error.path.join('.'));

/** An approved edition of the Положение, in force from the given day. */
const edition = (editionNumber: number, effectiveDate: string) => ({
  title: 'Положение об индивидуальном учёте результатов освоения обучающимися образовательных программ',
  editionNumber,
  body: '# 1. Общие положения',
  state: 'current',
  pedagogicalCouncilProtocol: `№ ${editionNumber} от ${effectiveDate}`,
  directorOrderNumber: `${editionNumber}-ОД`,
  directorOrderDate: effectiveDate,
  effectiveDate,
});

const currentEdition = () =>
  strapi.db.query('api::regulation.regulation').findOne({ where: { state: 'current' } }) as Promise<{ id: number; documentId: string }>;

const firstMeeting = (overrides: Record<string, unknown> = {}) => ({
  schoolClass: class5b,
  date: '2025-09-10',
  topic: 'Организационное собрание: правила оценивания и учёта результатов',
  assessmentRulesPresented: true,
  attendees: [world.guardianB.documentId],
  minutes: 'Родителей ознакомили с Положением об индивидуальном учёте результатов',
  ...overrides,
});

describe('parents’ meetings of a class', () => {
  it('lets the class teacher record the first meeting of the year, naming the current edition of the rules and the author', async () => {
    const response = await classTeacherB.post('/api/parent-meetings', firstMeeting());
    expect(response.status).toBe(201);
    const stored = await strapi.db.query(MEETING).findOne({
      where: { documentId: response.body.data.documentId },
      populate: { regulation: true, author: true, attendees: true, schoolClass: true },
    });
    expect(stored.regulation.id).toBe((await currentEdition()).id);
    expect(stored.author.id).toBe(world.classTeacherB.id);
    expect(stored.attendees.map((guardian: { documentId: string }) => guardian.documentId)).toEqual([world.guardianB.documentId]);
    expect(stored.schoolClass.documentId).toBe(class5b);
  });

  it('refuses a meeting outside the class’s school year, attendees from another class, and minutes before the meeting', async () => {
    const before = await strapi.db.query(MEETING).count();
    const outside = await classTeacherB.post('/api/parent-meetings', firstMeeting({ date: '2026-09-10' }));
    expect(outside.status).toBe(400);
    expect(pathsOf(outside)).toContain('date');
    const stranger = await classTeacherB.post('/api/parent-meetings', firstMeeting({ attendees: [world.guardianA.documentId] }));
    expect(stranger.status).toBe(400);
    expect(pathsOf(stranger)).toEqual(['attendees']);
    expect(stranger.body.error.details.errors[0].message).toContain('Иванова');
    const notYes = await classTeacherB.post('/api/parent-meetings', firstMeeting({ assessmentRulesPresented: 'да' }));
    expect(notYes.status).toBe(400);
    const untitled = await classTeacherB.post('/api/parent-meetings', firstMeeting({ topic: '   ' }));
    expect(pathsOf(untitled)).toContain('topic');
    expect(await strapi.db.query(MEETING).count()).toBe(before);
  });

  it('keeps a class teacher to their own class, and a subject teacher and families out', async () => {
    const other = await classTeacherB.post('/api/parent-meetings', firstMeeting({ schoolClass: class5a, attendees: [] }));
    expect(other.status).toBe(403);
    expect((await teacherA.post('/api/parent-meetings', firstMeeting({ schoolClass: class5a, attendees: [] }))).status).toBe(403);
    expect((await parentB.get('/api/parent-meetings')).status).toBe(403);
    const deputyView = await deputy.get('/api/parent-meetings');
    expect(deputyView.status).toBe(200);
    expect(deputyView.body.data).toHaveLength(1);
    expect((await classTeacherB.get('/api/parent-meetings')).body.data).toHaveLength(1);
    // Guardians are read through their own scoped route, never through a side door.
    expect((await classTeacherB.get('/api/parent-meetings?populate=attendees')).status).toBe(403);
    expect((await teacherA.get('/api/parent-meetings')).status).toBe(403);
  });
});

describe('the assessment rules in the diary', () => {
  it('shows the family the current edition, the first meeting where it was presented, and who acknowledged it there', async () => {
    const response = await parentB.get(`/api/diary/${kuznetsov}/assessment-rules`);
    expect(response.status).toBe(200);
    const view = response.body.data;
    expect(view.regulation).toMatchObject({ documentId: (await currentEdition()).documentId, url: '/regulation' });
    expect(view.academicYear.title).toBe('2025/2026');
    expect(view.firstParentMeeting).toMatchObject({ date: '2025-09-10' });
    expect(view.acknowledgments).toEqual([expect.objectContaining({ role: 'parent', way: 'meeting', at: '2025-09-10' })]);
    expect(view.acknowledgedByMe).toBe(false);
  });

  it('records a parent’s acknowledgment once per year and edition, with the guardian, and in the audit trail', async () => {
    const first = await parentA.post(`/api/diary/${ivanov}/assessment-rules/acknowledge`, {});
    expect(first.status).toBe(201);
    expect(first.body.meta.created).toBe(true);
    const again = await parentA.post(`/api/diary/${ivanov}/assessment-rules/acknowledge`, {});
    expect(again.status).toBe(200);
    expect(again.body.meta.created).toBe(false);
    expect(again.body.data.acknowledgedAt).toBe(first.body.data.acknowledgedAt);
    const stored = await strapi.db.query(ACKNOWLEDGMENT).findMany({ populate: { guardian: true, student: true, academicYear: true } });
    expect(stored).toHaveLength(1);
    expect(stored[0].guardian.documentId).toBe(world.guardianA.documentId);
    expect(stored[0].academicYear.title).toBe('2025/2026');
    const audit = await strapi.db.query('api::audit-entry.audit-entry').count({ where: { recordType: ACKNOWLEDGMENT, action: 'create' } });
    expect(audit).toBe(1);
    const view = (await parentA.get(`/api/diary/${ivanov}/assessment-rules`)).body.data;
    expect(view.acknowledgedByMe).toBe(true);
    expect(view.acknowledgments).toEqual([
      expect.objectContaining({ role: 'parent', way: 'diary', by: expect.stringContaining('Иванова') }),
    ]);
  });

  it('records the pupil’s own acknowledgment apart from the parent’s', async () => {
    expect((await pupilA.post(`/api/diary/${ivanov}/assessment-rules/acknowledge`, {})).status).toBe(201);
    const view = (await pupilA.get(`/api/diary/${ivanov}/assessment-rules`)).body.data;
    expect(view.acknowledgments.map((entry: { role: string }) => entry.role).sort()).toEqual(['parent', 'pupil']);
  });

  it('answers 404 for another family’s child, and refuses staff the family routes', async () => {
    expect((await parentB.get(`/api/diary/${ivanov}/assessment-rules`)).status).toBe(404);
    expect((await parentB.post(`/api/diary/${ivanov}/assessment-rules/acknowledge`, {})).status).toBe(404);
    expect((await teacherA.get(`/api/diary/${ivanov}/assessment-rules`)).status).toBe(403);
  });

  it('gives the class teacher and the deputy who in a class has acknowledged, and keeps the class teacher to their class', async () => {
    const classB = await classTeacherB.get(`/api/diary/classes/${class5b}/assessment-rules`);
    expect(classB.status).toBe(200);
    expect(classB.body.data.summary).toEqual({ pupils: 1, parentsAcknowledged: 1, pupilsAcknowledged: 0 });
    expect(classB.body.data.pupils[0]).toMatchObject({ documentId: kuznetsov, parent: { way: 'meeting' }, pupil: null });
    expect((await classTeacherB.get(`/api/diary/classes/${class5a}/assessment-rules`)).status).toBe(403);
    const classA = await deputy.get(`/api/diary/classes/${class5a}/assessment-rules`);
    expect(classA.status).toBe(200);
    const pupilRow = classA.body.data.pupils.find((pupil: { documentId: string }) => pupil.documentId === ivanov);
    expect(pupilRow).toMatchObject({ parent: { way: 'diary' }, pupil: { role: 'pupil' } });
    expect(classA.body.data.summary.pupils).toBe(world.school.pupils5a.length);
    expect((await parentA.get(`/api/diary/classes/${class5a}/assessment-rules`)).status).toBe(403);
  });

  it('asks again when a new edition of the rules takes effect', async () => {
    const published = await deputy.post('/api/regulations', edition(8, '2026-01-12'));
    expect(published.status).toBe(201);
    const view = (await parentA.get(`/api/diary/${ivanov}/assessment-rules`)).body.data;
    expect(view.regulation.documentId).toBe(published.body.data.documentId);
    expect(view.acknowledgedByMe).toBe(false);
    expect(view.acknowledgments).toEqual([]);
    const classB = (await classTeacherB.get(`/api/diary/classes/${class5b}/assessment-rules`)).body.data;
    expect(classB.summary.parentsAcknowledged).toBe(0);
    expect(classB.firstParentMeeting).toMatchObject({ date: '2025-09-10' });
    expect((await parentA.post(`/api/diary/${ivanov}/assessment-rules/acknowledge`, {})).status).toBe(201);
  });
});
