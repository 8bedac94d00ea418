import type { Core } from '@strapi/strapi';
import { pdfText } from '../helpers/pdf-text';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/** Meetings that discuss the reports on a period's results (R93, seed 001 §3.1). */

const MEETING = 'api::results-meeting.results-meeting';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let director: Api;
let deputy: Api;
let head: Api;
let otherHead: Api;
let teacherA: Api;
let teacherB: Api;
let parentA: Api;
let association: string;
let otherAssociation: string;
let xlsx: number;
let council: string;

type ErrorBody = { body: { error: { message: string; details: { errors?: Array<{ path: string[]; message: string }> } } } };
const pathsOf = (response: ErrorBody) => (response.body.error.details.errors ?? []).map((error) => error.path.join('.'));

const upload = async (jwt: string, name: string, type: string): Promise<number> => {
  const response = await apiAs(strapi, jwt)
    .raw.post('/api/upload')
    .set('Authorization', `Bearer ${jwt}`)
    .attach('files', Buffer.alloc(2048, 7), { filename: name, contentType: type });
  expect(response.status).toBe(201);
  return response.body[0].id as number;
};

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  director = apiAs(strapi, world.accounts.director.jwt);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
  head = apiAs(strapi, world.accounts.methodologist.jwt);
  teacherA = apiAs(strapi, world.teacherA.jwt);
  teacherB = apiAs(strapi, world.teacherB.jwt);
  parentA = apiAs(strapi, world.accounts.parentA.jwt);
  const otherHeadAccount = await createAccount(strapi, 'methodologist', 'meetings.other.head');
  otherHead = apiAs(strapi, otherHeadAccount.jwt);
  const maths = await deputy.post('/api/methodical-associations', {
    name: 'МО учителей математики',
    head: world.accounts.methodologist.documentId,
    curator: world.accounts.deputy.documentId,
    members: [world.teacherB.documentId],
  });
  expect(maths.status).toBe(201);
  association = maths.body.data.documentId;
  const other = await deputy.post('/api/methodical-associations', {
    name: 'МО учителей начальных классов',
    head: otherHeadAccount.documentId,
    curator: world.accounts.deputy.documentId,
  });
  expect(other.status).toBe(201);
  otherAssociation = other.body.data.documentId;
  xlsx = await upload(
    world.accounts.deputy.jwt,
    'итоги-1-четверти.xlsx',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
});
afterAll(() => stopStrapi(strapi));

const meeting = (overrides: Record<string, unknown> = {}) => ({
  kind: 'pedagogical-council',
  heldOn: '2025-11-01',
  protocolNumber: '2',
  studyPeriod: world.school.quarters[0].documentId,
  chair: world.accounts.director.documentId,
  secretary: world.accounts.deputy.documentId,
  attendeesCount: 24,
  agenda: 'Итоги успеваемости за 1 четверть',
  reports: [
    { title: 'Успеваемость и качество знаний 5-х классов', grade: 5, speaker: world.accounts.deputy.documentId, file: xlsx },
    { title: 'Математика в 5А', schoolClass: world.school.class5a.documentId, subject: world.school.math.documentId },
  ],
  decisions: [
    { text: 'Организовать консультации для неуспевающих по математике', executor: world.teacherA.documentId, dueOn: '2025-12-01' },
    { text: 'Провести повторный анализ по итогам полугодия', executor: world.accounts.deputy.documentId, dueOn: '2999-01-01' },
  ],
  ...overrides,
});

describe('meetings on the results of a period', () => {
  it('records a pedagogical council with the reports it discussed and its decisions, the school year taken from the period', async () => {
    const created = await director.post('/api/results-meetings', meeting());
    expect(created.status).toBe(201);
    council = created.body.data.documentId;
    const read = await director.get(
      `/api/results-meetings/${council}?populate[academicYear]=true&populate[reports][populate]=*&populate[decisions][populate]=*`,
    );
    expect(read.status).toBe(200);
    expect(read.body.data.academicYear.title).toBe('2025/2026');
    expect(read.body.data.signedAt).toBeNull();
    expect(read.body.data.reports).toEqual([
      expect.objectContaining({
        title: 'Успеваемость и качество знаний 5-х классов',
        grade: 5,
        file: expect.objectContaining({ ext: '.xlsx' }),
      }),
      expect.objectContaining({ title: 'Математика в 5А', schoolClass: expect.objectContaining({ name: '5А' }) }),
    ]);
    expect(read.body.data.decisions.map((decision: { executor: { username: string } }) => decision.executor.username)).toEqual([
      'teacher.a',
      'deputy',
    ]);
  });

  it('refuses, field by field, a meeting in the future, a protocol number used that year, an association on a council and a decision due before the meeting', async () => {
    const before = await strapi.db.query(MEETING).count();
    const refused = await director.post(
      '/api/results-meetings',
      meeting({
        heldOn: '2999-01-01',
        protocolNumber: '5',
        association,
        decisions: [{ text: 'Поздно', dueOn: '2025-10-01' }],
      }),
    );
    expect(refused.status).toBe(400);
    expect(pathsOf(refused)).toEqual(['association', 'heldOn', 'decisions.0.dueOn']);
    const duplicate = await director.post('/api/results-meetings', meeting());
    expect(pathsOf(duplicate)).toEqual(['protocolNumber']);
    expect(duplicate.body.error.message).toContain('2025/2026');
    const bare = await director.post('/api/results-meetings', meeting({ studyPeriod: null, reports: [], chair: null, attendeesCount: 0 }));
    expect(pathsOf(bare)).toEqual(['academicYear', 'chair', 'attendeesCount', 'reports']);
    const family = await director.post(
      '/api/results-meetings',
      meeting({ protocolNumber: '3', secretary: world.accounts.parentA.documentId }),
    );
    expect(pathsOf(family)).toEqual(['secretary']);
    expect(await strapi.db.query(MEETING).count()).toBe(before);
    // The same number is free for another kind of meeting.
    expect((await director.post('/api/results-meetings', meeting({ kind: 'director-meeting', decisions: [] }))).status).toBe(201);
  });

  it('refuses an attached file that is not an XLSX or PDF export, and a parallel that is not the class’s', async () => {
    const picture = await upload(world.accounts.deputy.jwt, 'фото.png', 'image/png');
    const refused = await deputy.post(
      '/api/results-meetings',
      meeting({
        kind: 'deputy-meeting',
        reports: [
          { title: 'Итоги', file: picture },
          { title: 'Класс', schoolClass: world.school.class5a.documentId, grade: 6 },
        ],
      }),
    );
    expect(refused.status).toBe(400);
    expect(pathsOf(refused)).toEqual(['reports.0.file', 'reports.1.grade']);
  });

  it('requires the association of a methodical association’s meeting and lets only its head keep it', async () => {
    const association_meeting = (overrides: Record<string, unknown> = {}) =>
      meeting({
        kind: 'association-meeting',
        association,
        protocolNumber: '1',
        decisions: [],
        chair: world.accounts.methodologist.documentId,
        ...overrides,
      });
    const noAssociation = await head.post('/api/results-meetings', association_meeting({ association: null }));
    expect(pathsOf(noAssociation)).toEqual(['association']);
    expect((await otherHead.post('/api/results-meetings', association_meeting())).status).toBe(403);
    expect((await head.post('/api/results-meetings', meeting({ protocolNumber: '9' }))).status).toBe(403);
    const created = await head.post('/api/results-meetings', association_meeting());
    expect(created.status).toBe(201);
    expect((await otherHead.get(`/api/results-meetings/${created.body.data.documentId}`)).status).toBe(404);
    expect((await head.get(`/api/results-meetings/${council}`)).status).toBe(404);
    expect((await head.put(`/api/results-meetings/${created.body.data.documentId}`, { attendeesCount: 7 })).status).toBe(200);
    expect((await otherHead.put(`/api/results-meetings/${created.body.data.documentId}`, { association: otherAssociation })).status).toBe(
      403,
    );
  });

  it('lets the head of an association name staff from the account list, which shows them no parent or pupil', async () => {
    const listed = await head.get('/api/users');
    expect(listed.status).toBe(200);
    const ids = (listed.body as Array<{ id: number }>).map((account) => account.id);
    expect(ids).toEqual(expect.arrayContaining([world.teacherA.id, world.accounts.deputy.id]));
    expect(ids).not.toContain(world.accounts.parentA.id);
    expect(ids).not.toContain(world.accounts.pupilA.id);
    expect((await head.get(`/api/users/${world.accounts.parentA.id}`)).status).toBe(404);
    expect((await head.get(`/api/users/${world.teacherA.id}`)).status).toBe(200);
    // The deputy director, who keeps the class lists, still reads the families' accounts.
    expect(((await deputy.get('/api/users')).body as Array<{ id: number }>).map((account) => account.id)).toContain(
      world.accounts.parentA.id,
    );
  });

  it('shows teachers their association’s meetings and those where they execute a decision, and families none', async () => {
    const forA = await teacherA.get('/api/results-meetings');
    expect(forA.status).toBe(200);
    expect(forA.body.data.map((row: { documentId: string }) => row.documentId)).toEqual([council]);
    const forB = await teacherB.get('/api/results-meetings');
    expect(forB.body.data.map((row: { kind: string }) => row.kind)).toEqual(['association-meeting']);
    expect((await teacherB.get(`/api/results-meetings/${council}`)).status).toBe(404);
    expect((await teacherA.post('/api/results-meetings', meeting({ protocolNumber: '10' }))).status).toBe(403);
    expect((await parentA.get('/api/results-meetings')).status).toBe(403);
    expect((await parentA.get('/api/results-meetings/decisions')).status).toBe(403);
  });

  it('lists the open and overdue decisions, and counts the overdue ones in the director’s summary', async () => {
    const overdue = await director.get('/api/results-meetings/decisions?due=overdue');
    expect(overdue.status).toBe(200);
    expect(overdue.body.data).toEqual([
      expect.objectContaining({
        number: 1,
        executor: 'teacher.a',
        dueOn: '2025-12-01',
        overdue: true,
        meeting: expect.objectContaining({ documentId: council, protocolNumber: '2' }),
      }),
    ]);
    expect((await director.get('/api/results-meetings/decisions')).body.data).toHaveLength(2);
    expect((await teacherA.get('/api/results-meetings/decisions?due=overdue')).body.data).toHaveLength(1);
    expect(pathsOf(await director.get('/api/results-meetings/decisions?due=soon'))).toEqual(['due']);
    const summary = await director.get('/api/management-decisions/summary');
    expect(summary.body.data.overdueMeetingDecisions).toBe(1);
  });

  it('signs the protocol, after which it is neither changed nor deleted, while its decisions are still marked done', async () => {
    expect(pathsOf(await director.put(`/api/results-meetings/${council}`, { signedAt: '2025-11-02T10:00:00.000Z' }))).toEqual(['signedAt']);
    const signed = await director.post(`/api/results-meetings/${council}/sign`, {});
    expect(signed.status).toBe(200);
    expect(signed.body.data.signedAt).toEqual(expect.any(String));
    const changed = await director.put(`/api/results-meetings/${council}`, { attendeesCount: 30 });
    expect(changed.status).toBe(403);
    expect(changed.body.error.message).toContain('подписан');
    expect((await director.delete(`/api/results-meetings/${council}`)).status).toBe(403);
    expect((await director.post(`/api/results-meetings/${council}/sign`, {})).status).toBe(403);
    expect(pathsOf(await director.post(`/api/results-meetings/${council}/decisions/1/done`, { doneOn: '2025-10-01' }))).toEqual([
      'decisions.0.doneOn',
    ]);
    expect((await director.post(`/api/results-meetings/${council}/decisions/3/done`, { doneOn: '2025-11-20' })).status).toBe(404);
    const done = await director.post(`/api/results-meetings/${council}/decisions/1/done?populate[decisions]=true&populate[reports]=true`, {
      doneOn: '2025-11-20',
    });
    expect(done.status).toBe(200);
    expect(done.body.data.decisions.map((decision: { doneOn: string | null }) => decision.doneOn)).toEqual(['2025-11-20', null]);
    expect(done.body.data.reports).toHaveLength(2);
    expect((await director.get('/api/results-meetings/decisions?due=overdue')).body.data).toEqual([]);
    expect((await director.get('/api/management-decisions/summary')).body.data.overdueMeetingDecisions).toBe(0);
    const stored = await strapi.db.query(MEETING).findOne({ where: { documentId: council }, populate: { signedBy: true } });
    expect(stored.signedBy.username).toBe('director');
    expect(stored.attendeesCount).toBe(24);
  });

  it('prints the signed protocol with the reports heard and the decisions, for those who may read the meeting', async () => {
    const protocol = (jwt?: string) => {
      const request = apiAs(strapi).raw.get(`/api/results-meetings/${council}/protocol.pdf`);
      return (jwt ? request.set('Authorization', `Bearer ${jwt}`) : request).buffer(true).parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    };
    const printed = await protocol(world.accounts.director.jwt);
    expect(printed.status).toBe(200);
    expect(printed.headers['content-type']).toContain('application/pdf');
    const text = pdfText(printed.body as Buffer).replace(/\s+/g, ' ');
    expect(text).toContain('Протокол № 2');
    expect(text).toContain('педагогический совет');
    expect(text).toContain('Успеваемость и качество знаний 5-х классов');
    expect(text).toContain('teacher.a');
    expect(text).toContain('Протокол подписан');
    expect((await protocol(world.teacherA.jwt)).status).toBe(200);
    expect((await protocol(world.accounts.parentA.jwt)).status).toBe(403);
    expect((await protocol()).status).toBe(403);
  });

  it('names the chair by the full name of their account, and the secretary by the login while they have none', async () => {
    const USER = 'plugin::users-permissions.user';
    await strapi.db.query(USER).update({ where: { id: world.accounts.director.id }, data: { fullName: 'Волкова Ирина Андреевна' } });
    try {
      const printed = await apiAs(strapi)
        .raw.get(`/api/results-meetings/${council}/protocol.pdf`)
        .set('Authorization', `Bearer ${world.accounts.director.jwt}`)
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        });
      expect(printed.status).toBe(200);
      const text = pdfText(printed.body as Buffer).replace(/\s+/g, ' ');
      const deputy = (await strapi.db.query(USER).findOne({ where: { id: world.accounts.deputy.id } })) as { username: string };
      expect(text).toContain('Председатель: Волкова Ирина Андреевна');
      expect(text).toContain(`Секретарь: ${deputy.username}`);
    } finally {
      await strapi.db.query(USER).update({ where: { id: world.accounts.director.id }, data: { fullName: null } });
    }
  });
});
