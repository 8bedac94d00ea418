import type { Core } from '@strapi/strapi';
import { pdfTextLines } from '../helpers/pdf-text';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

const MEETING = 'api::parent-meeting.parent-meeting';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let teacherA: Api;
let classTeacherB: Api;
let deputy: Api;
let parentA: Api;
let parentB: Api;
let kuznetsov: string;
let ivanov: string;

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  teacherA = apiAs(strapi, world.teacherA.jwt);
  classTeacherB = apiAs(strapi, world.classTeacherB.jwt);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
  parentA = apiAs(strapi, world.accounts.parentA.jwt);
  parentB = apiAs(strapi, world.accounts.parentB.jwt);
  kuznetsov = world.school.pupil5b.documentId;
  ivanov = world.school.pupils5a[0].documentId;
});
afterAll(() => stopStrapi(strapi));

type ErrorBody = { body: { error: { details: { errors: Array<{ path: string[]; message: string }> } } } };
const pathsOf = (response: ErrorBody) => response.body.error.details.errors.map((error) => error.path.join('.'));

const talk = (overrides: Record<string, unknown> = {}) => ({
  kind: 'individual',
  schoolClass: world.school.class5b.documentId,
  student: kuznetsov,
  date: '2025-10-20',
  topic: 'Успеваемость по математике в первой четверти',
  attendees: [world.guardianB.documentId],
  participants: 'учитель математики',
  decisions: 'Дополнительные занятия по вторникам; проверять домашние задания в дневнике',
  followUpOn: '2025-11-20',
  ...overrides,
});

/** A PDF answer as bytes. */
const download = (api: Api, url: string) =>
  api
    .get(url)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });

describe('talks with the parents about a pupil’s results', () => {
  it('lets the class teacher log a talk with its participants, decisions and the next meeting', async () => {
    const response = await classTeacherB.post('/api/parent-meetings', talk());
    expect(response.status).toBe(201);
    const stored = await strapi.db
      .query(MEETING)
      .findOne({ where: { documentId: response.body.data.documentId }, populate: { student: true } });
    expect(stored).toMatchObject({ kind: 'individual', followUpOn: '2025-11-20', assessmentRulesPresented: false });
    expect(stored.student.documentId).toBe(kuznetsov);
  });

  it('refuses a talk without its pupil, a class meeting naming a pupil, a pupil of another class and a next meeting before this one', async () => {
    const before = await strapi.db.query(MEETING).count();
    expect(pathsOf(await classTeacherB.post('/api/parent-meetings', talk({ student: null })))).toEqual(['student']);
    expect(pathsOf(await classTeacherB.post('/api/parent-meetings', talk({ kind: 'class' })))).toEqual(['student']);
    expect(pathsOf(await classTeacherB.post('/api/parent-meetings', talk({ student: ivanov, attendees: [] })))).toEqual(['student']);
    expect(pathsOf(await classTeacherB.post('/api/parent-meetings', talk({ followUpOn: '2025-10-01' })))).toEqual(['followUpOn']);
    expect(pathsOf(await classTeacherB.post('/api/parent-meetings', talk({ kind: 'chat' })))).toEqual(['kind']);
    expect(await strapi.db.query(MEETING).count()).toBe(before);
  });

  it('shows the family the talks about their own child, and nobody else’s', async () => {
    const own = await parentB.get(`/api/diary/${kuznetsov}/meetings`);
    expect(own.status).toBe(200);
    expect(own.body.data).toEqual([
      expect.objectContaining({
        date: '2025-10-20',
        decisions: expect.stringContaining('Дополнительные занятия'),
        followUpOn: '2025-11-20',
        attendees: [expect.stringContaining('Кузнецов')],
      }),
    ]);
    expect((await parentA.get(`/api/diary/${kuznetsov}/meetings`)).status).toBe(404);
    expect((await parentA.get(`/api/diary/${ivanov}/meetings`)).body.data).toEqual([]);
  });
});

describe('the printable report of a pupil’s results', () => {
  it('prints the pupil’s subjects with marks and averages, and the talks with their decisions', async () => {
    const response = await download(classTeacherB, `/api/parent-meetings/pupils/${kuznetsov}/report.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfTextLines(response.body as Buffer)
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(text).toContain('Результаты обучения');
    expect(text).toContain('Кузнецов');
    expect(text).toContain('Класс: 5Б');
    expect(text).toContain('2025/2026 учебный год');
    expect(text).toMatch(/Математика 3 3,00/);
    expect(text).toContain('Дополнительные занятия по вторникам');
    expect(text).toContain('20.11.2025');
  });

  it('prints one study period when asked, and refuses an unknown period with the field named', async () => {
    const quarter = world.school.quarters[0];
    const response = await download(deputy, `/api/parent-meetings/pupils/${ivanov}/report.pdf?period=${quarter.documentId}`);
    expect(response.status).toBe(200);
    const text = pdfTextLines(response.body as Buffer).join(' ');
    expect(text).toContain('Иванов');
    const unknown = await deputy.get(`/api/parent-meetings/pupils/${ivanov}/report.pdf?period=nosuchperiod`);
    expect(unknown.status).toBe(400);
    expect(pathsOf(unknown)).toEqual(['period']);
  });

  it('is printed only by the pupil’s class teacher and the school’s administration', async () => {
    expect((await classTeacherB.get(`/api/parent-meetings/pupils/${ivanov}/report.pdf`)).status).toBe(403);
    expect((await teacherA.get(`/api/parent-meetings/pupils/${ivanov}/report.pdf`)).status).toBe(403);
    expect((await parentA.get(`/api/parent-meetings/pupils/${ivanov}/report.pdf`)).status).toBe(403);
    expect((await deputy.get('/api/parent-meetings/pupils/nosuchpupil/report.pdf')).status).toBe(404);
  });
});
