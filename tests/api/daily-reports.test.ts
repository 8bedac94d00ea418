import type { Core } from '@strapi/strapi';
import { buildCurrentYear, type CurrentYear } from '../helpers/distance-fixture';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/** The teacher's daily report to the curating deputy on the lessons held and the materials sent (seed 004 §2.1, R80). */

let strapi: Core.Strapi;
let world: TwoClassSchool;
let current: CurrentYear;
let teacherA: Api;
let teacherB: Api;
let curator: Api;
let otherDeputy: Api;
let director: Api;

type ErrorBody = { body: { error: { message: string; details: { errors?: Array<{ path: string[] }> } } } };
const pathsOf = (response: ErrorBody) => (response.body.error.details.errors ?? []).map((error) => error.path.join('.'));

/** Uploads one file as the teacher; returns its id. */
const upload = async (jwt: string, name: string, type: string, bytes = 2048): Promise<number> => {
  const response = await apiAs(strapi, jwt)
    .raw.post('/api/upload')
    .set('Authorization', `Bearer ${jwt}`)
    .attach('files', Buffer.alloc(bytes, 7), { filename: name, contentType: type });
  expect(response.status).toBe(201);
  return response.body[0].id as number;
};

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  current = await buildCurrentYear(strapi, world);
  const curatorAccount = await createAccount(strapi, 'deputy-director', 'reports.curator');
  teacherA = apiAs(strapi, world.teacherA.jwt);
  teacherB = apiAs(strapi, world.teacherB.jwt);
  curator = apiAs(strapi, curatorAccount.jwt);
  otherDeputy = apiAs(strapi, world.accounts.deputy.jwt);
  director = apiAs(strapi, world.accounts.director.jwt);
  await strapi.documents('api::methodical-association.methodical-association').create({
    data: {
      name: 'МО учителей математики',
      head: world.accounts.methodologist.documentId,
      curator: curatorAccount.documentId,
      members: [world.teacherA.documentId],
    },
  } as never);
});
afterAll(() => stopStrapi(strapi));

describe('the daily report on lessons held', () => {
  let reportId: string;

  it('goes to the curator of the teacher’s association with the day’s lessons, files and links', async () => {
    const audio = await upload(world.teacherA.jwt, 'объяснение.mp3', 'audio/mpeg');
    const created = await teacherA.post('/api/daily-reports', {
      date: current.today,
      lessons: [current.lessonToday.documentId],
      summary: 'Урок по конспекту: объяснение в аудиозаписи, задачи по учебнику',
      materials: [audio],
      links: [{ title: 'Видеоурок', url: 'https://resh.edu.ru/subject/lesson/1' }],
    });
    expect(created.status).toBe(201);
    reportId = created.body.data.documentId;
    expect(created.body.data).toMatchObject({ teacherName: 'teacher.a', date: current.today, sentAt: expect.any(String) });
    const stored = await strapi.db
      .query('api::daily-report.daily-report')
      .findOne({ where: { documentId: reportId }, populate: { deputy: true, materials: true, lessons: true } });
    expect(stored.deputy.username).toBe('reports.curator');
    expect(stored.materials.map((file: { name: string }) => file.name)).toEqual(['объяснение.mp3']);
    expect(stored.lessons.map((lesson: { id: number }) => lesson.id)).toEqual([current.lessonToday.id]);
  });

  it('is read by its author, the deputy it is sent to and the director, and by nobody else; it is never deleted', async () => {
    const ids = async (api: Api) => (await api.get('/api/daily-reports')).body.data.map((row: { documentId: string }) => row.documentId);
    expect(await ids(teacherA)).toEqual([reportId]);
    expect(await ids(curator)).toEqual([reportId]);
    expect(await ids(director)).toEqual([reportId]);
    expect(await ids(otherDeputy)).toEqual([]);
    expect(await ids(teacherB)).toEqual([]);
    expect((await teacherB.put(`/api/daily-reports/${reportId}`, { summary: 'Чужой' })).status).toBe(403);
    expect((await teacherA.delete(`/api/daily-reports/${reportId}`)).status).toBe(403);
    expect((await apiAs(strapi, world.accounts.methodologist.jwt).get('/api/daily-reports')).status).toBe(403);
  });

  it('refuses a second report of the day, a future day, lessons of another day or journal, and bad links', async () => {
    const again = await teacherA.post('/api/daily-reports', {
      date: current.today,
      lessons: [current.lessonToday.documentId],
      summary: 'Ещё',
    });
    expect(pathsOf(again)).toEqual(['date']);
    const bad = await teacherA.post('/api/daily-reports', {
      date: current.yesterday,
      lessons: [current.lessonToday.documentId, world.lessonB.documentId],
      links: [{ url: 'javascript:alert(1)' }, 'https://example.org'],
    });
    expect(bad.status).toBe(400);
    expect(pathsOf(bad)).toEqual(['lessons', 'lessons', 'links.0.url', 'links.1']);
    const future = await teacherA.post('/api/daily-reports', { date: current.tomorrow, lessons: [], summary: 'Завтра' });
    expect(pathsOf(future)).toEqual(['date', 'lessons']);
  });

  it('refuses a file of a type no kind allows, with a message naming the file', async () => {
    const program = await upload(world.teacherA.jwt, 'игра.exe', 'application/x-msdownload');
    const refused = await teacherA.post('/api/daily-reports', {
      date: current.yesterday,
      lessons: [current.lessonYesterday.documentId],
      materials: [program],
    });
    expect(refused.status).toBe(400);
    expect(pathsOf(refused)).toEqual(['materials.0']);
    expect(refused.body.error.message).toMatch(
      /^Файл «игра\.exe» не принят: тип application\/[a-z-]+ не допускается\. Допустимы: документ/,
    );
  });
});

describe('the check of lessons held without a report', () => {
  const missingOf = (api: Api, from: string, to: string) => api.get(`/api/daily-reports/missing?from=${from}&to=${to}`);

  it('lists for the curating deputy and the director the teachers of the association with days of lessons and no report', async () => {
    const otherHead = await createAccount(strapi, 'methodologist', 'reports.other.head');
    await strapi.documents('api::methodical-association.methodical-association').create({
      data: {
        name: 'МО учителей начальных классов',
        head: otherHead.documentId,
        curator: world.accounts.deputy.documentId,
        members: [world.teacherB.documentId],
      },
    } as never);
    const journal = (await strapi.db.query('api::journal.journal').findOne({ where: { id: current.journal.id } })) as { title: string };
    const answer = await missingOf(curator, current.yesterday, current.today);
    expect(answer.status).toBe(200);
    // Today's report was sent (above); yesterday's lesson has none.
    expect(answer.body.data).toMatchObject({
      from: current.yesterday,
      to: current.today,
      associations: ['МО учителей математики'],
      teachers: [
        {
          teacher: { documentId: world.teacherA.documentId, username: 'teacher.a' },
          association: 'МО учителей математики',
          daysWithLessons: 2,
          missing: [{ date: current.yesterday, lessons: [{ number: 1, journal: journal.title }] }],
        },
      ],
    });
    expect((await missingOf(director, current.yesterday, current.today)).body.data.teachers).toEqual(answer.body.data.teachers);
    // The other deputy curates another association: teacher A is not theirs.
    const other = await missingOf(otherDeputy, current.yesterday, current.today);
    expect(other.body.data).toMatchObject({ associations: ['МО учителей начальных классов'], teachers: [] });
    expect((await missingOf(curator, current.today, current.today)).body.data.teachers).toEqual([]);
  });

  it('clears the day once the teacher sends its report', async () => {
    const sent = await teacherA.post('/api/daily-reports', {
      date: current.yesterday,
      lessons: [current.lessonYesterday.documentId],
      summary: 'Урок по конспекту',
    });
    expect(sent.status).toBe(201);
    expect((await missingOf(curator, current.yesterday, current.today)).body.data.teachers).toEqual([]);
  });

  it('is refused to teachers, the head of an association and families', async () => {
    for (const jwt of [
      world.teacherA.jwt,
      world.teacherB.jwt,
      world.accounts.methodologist.jwt,
      world.accounts.parentA.jwt,
      world.accounts.pupilA.jwt,
    ]) {
      expect((await missingOf(apiAs(strapi, jwt), current.yesterday, current.today)).status).toBe(403);
    }
  });

  it('answers 400 naming the field for a bad day, a day to come, a reversed or too long range and an unknown parameter', async () => {
    const pathOf = async (query: string) => {
      const response = await curator.get(`/api/daily-reports/missing?${query}`);
      expect(response.status).toBe(400);
      return pathsOf(response);
    };
    expect(await pathOf(`from=2025-13-01&to=${current.today}`)).toEqual(['from']);
    expect(await pathOf(`from=${current.today}&to=вчера`)).toEqual(['to']);
    expect(await pathOf(`from=${current.today}&to=${current.tomorrow}`)).toEqual(['to']);
    expect(await pathOf(`from=${current.today}&to=${current.yesterday}`)).toEqual(['from']);
    expect(await pathOf(`from=2020-01-01&to=${current.today}`)).toEqual(['from']);
    expect(await pathOf(`from=${current.today}&teacher=1`)).toEqual(['teacher']);
    expect((await curator.get('/api/daily-reports/missing')).body.data).toMatchObject({ from: current.today, to: current.today });
  });
});
