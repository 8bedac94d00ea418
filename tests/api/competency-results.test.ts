import type { Core } from '@strapi/strapi';
import { setStoredSchoolSettings } from '../../src/school/settings';
import { make, teach } from '../helpers/school-fixture';
import { pdfText } from '../helpers/pdf-text';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let deputy: Api;
let teacherA: Api;
let classTeacherB: Api;
let parentA: Api;
let pupilA: Api;

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
  teacherA = apiAs(strapi, world.teacherA.jwt);
  classTeacherB = apiAs(strapi, world.classTeacherB.jwt);
  parentA = apiAs(strapi, world.accounts.parentA.jwt);
  pupilA = apiAs(strapi, world.accounts.pupilA.jwt);
});
afterAll(() => stopStrapi(strapi));

type ErrorBody = { body: { error: { details: { errors: Array<{ path: string[]; message: string }> } } } };
const pathsOf = (response: ErrorBody) => response.body.error.details.errors.map((error) => error.path.join('.'));

const result = (student: string, overrides: Record<string, unknown> = {}) => ({
  student,
  academicYear: world.school.year.documentId,
  resultGroup: 'meta-subject',
  uudKind: 'regulatory',
  indicator: 'Планирование учебных действий',
  level: 'базовый',
  source: 'diagnostic-work',
  date: '2025-10-01',
  ...overrides,
});

describe('meta-subject and personal results (R77)', () => {
  it('lets a teacher of the pupil’s class record a meta-subject level, naming them as the recorder', async () => {
    const ivanov = world.school.pupils5a[0].documentId;
    const created = await teacherA.post('/api/competency-results', result(ivanov));
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ resultGroup: 'meta-subject', uudKind: 'regulatory', level: 'базовый' });
    const stored = await strapi.db
      .query('api::competency-result.competency-result')
      .findOne({ where: { documentId: created.body.data.documentId }, populate: { recordedBy: { select: ['id'] } } });
    expect(stored.recordedBy.id).toBe(world.teacherA.id);
  });

  it('accepts only the levels of the school’s scale, and a changed scale’s own values', async () => {
    const ivanov = world.school.pupils5a[0].documentId;
    const off = await teacherA.post('/api/competency-results', result(ivanov, { level: 'отлично' }));
    expect(off.status).toBe(400);
    expect(pathsOf(off)).toEqual(['level']);
    expect(off.body.error.message).toMatch(/низкий, базовый, повышенный, высокий/);
    const spelled = await teacherA.post('/api/competency-results', result(ivanov, { level: 'ПОВЫШЕННЫЙ' }));
    expect(spelled.status).toBe(201);
    expect(spelled.body.data.level).toBe('повышенный');
    setStoredSchoolSettings(strapi, { competencyLevels: ['не сформирован', 'сформирован'] });
    try {
      expect((await teacherA.post('/api/competency-results', result(ivanov, { level: 'базовый' }))).status).toBe(400);
      expect((await teacherA.post('/api/competency-results', result(ivanov, { level: 'сформирован' }))).status).toBe(201);
    } finally {
      setStoredSchoolSettings(strapi, {});
    }
  });

  it('refuses a meta-subject result without its kind of УУД, a personal one with it, and a date outside the year', async () => {
    const ivanov = world.school.pupils5a[0].documentId;
    const noKind = await teacherA.post('/api/competency-results', result(ivanov, { uudKind: null }));
    expect(pathsOf(noKind)).toEqual(['uudKind']);
    const personalKind = await teacherA.post('/api/competency-results', result(ivanov, { resultGroup: 'personal' }));
    expect(pathsOf(personalKind)).toEqual(['uudKind']);
    const outside = await teacherA.post('/api/competency-results', result(ivanov, { date: '2024-10-01' }));
    expect(pathsOf(outside)).toEqual(['date']);
    const source = await teacherA.post('/api/competency-results', result(ivanov, { source: 'guess' }));
    expect(pathsOf(source)).toEqual(['source']);
  });

  it('lets only the pupil’s class’s teachers and class teacher record, and only the recorder change it', async () => {
    const kuznetsov = world.school.pupil5b.documentId;
    expect((await teacherA.post('/api/competency-results', result(kuznetsov))).status).toBe(403);
    const own = await classTeacherB.post(
      '/api/competency-results',
      result(kuznetsov, { resultGroup: 'personal', uudKind: null, indicator: 'Волонтёрство', source: 'observation' }),
    );
    expect(own.status).toBe(201);
    expect((await teacherA.put(`/api/competency-results/${own.body.data.documentId}`, { level: 'высокий' })).status).toBe(403);
    expect((await deputy.put(`/api/competency-results/${own.body.data.documentId}`, { level: 'высокий' })).status).toBe(200);
    const list = await teacherA.get('/api/competency-results?pagination[pageSize]=100&populate=student');
    expect(list.body.data.map((row: { student: { documentId: string } }) => row.student.documentId)).not.toContain(kuznetsov);
  });

  it('sums up a pupil’s year in three groups for staff and for the pupil’s own family only', async () => {
    const ivanov = world.school.pupils5a[0].documentId;
    await teacherA.post(
      '/api/competency-results',
      result(ivanov, { resultGroup: 'personal', uudKind: null, indicator: 'Ученическое самоуправление', level: 'высокий' }),
    );
    const summary = await deputy.get(`/api/competency-results/summary?student=${ivanov}&year=${world.school.year.documentId}`);
    expect(summary.status).toBe(200);
    const data = summary.body.data;
    expect(data.levels).toEqual(['низкий', 'базовый', 'повышенный', 'высокий']);
    expect(data.subject.results).toEqual([expect.objectContaining({ subject: 'Математика', average: 5 })]);
    const regulatory = data.metaSubject.kinds.find((kind: { uudKind: string }) => kind.uudKind === 'regulatory');
    expect(regulatory.results.map((row: { level: string; levelRank: number }) => [row.level, row.levelRank])).toEqual(
      expect.arrayContaining([
        ['базовый', 2],
        ['повышенный', 3],
      ]),
    );
    expect(data.personal.results.map((row: { indicator: string }) => row.indicator)).toEqual(['Ученическое самоуправление']);

    const family = await parentA.get(`/api/diary/${ivanov}/results?year=${world.school.year.documentId}`);
    expect(family.status).toBe(200);
    expect(family.body.data.personal.results).toHaveLength(1);
    expect((await pupilA.get(`/api/diary/${ivanov}/results?year=${world.school.year.documentId}`)).status).toBe(200);
    expect((await parentA.get(`/api/diary/${world.school.pupil5b.documentId}/results`)).status).toBe(404);
    expect((await parentA.get('/api/competency-results')).status).toBe(403);
    expect((await teacherA.get(`/api/competency-results/summary?student=${world.school.pupil5b.documentId}`)).status).toBe(404);
    expect((await deputy.get(`/api/competency-results/summary?student=${ivanov}&year=nosuchyear`)).status).toBe(400);
  });

  it('prints the three groups of a pupil’s year as a PDF for staff and for the pupil’s own family only', async () => {
    const ivanov = world.school.pupils5a[0].documentId;
    const download = (jwt: string, url: string) =>
      apiAs(strapi)
        .raw.get(url)
        .set('Authorization', `Bearer ${jwt}`)
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        });
    const staff = await download(
      world.accounts.deputy.jwt,
      `/api/competency-results/summary.pdf?student=${ivanov}&year=${world.school.year.documentId}`,
    );
    expect(staff.status).toBe(200);
    expect(staff.headers['content-type']).toContain('application/pdf');
    const text = pdfText(staff.body as Buffer).replace(/\s+/g, ' ');
    for (const expected of [
      'Иванов',
      'Предметные результаты',
      'Математика',
      'Регулятивные',
      'Личностные результаты',
      'Ученическое самоуправление',
      'высокий',
    ]) {
      expect([expected, text.includes(expected)]).toEqual([expected, true]);
    }
    const family = await download(world.accounts.parentA.jwt, `/api/diary/${ivanov}/results.pdf?year=${world.school.year.documentId}`);
    expect(family.status).toBe(200);
    expect(pdfText(family.body as Buffer)).toContain('Ученическое самоуправление');
    expect((await download(world.accounts.parentA.jwt, `/api/diary/${world.school.pupil5b.documentId}/results.pdf`)).status).toBe(404);
    expect(
      (await download(world.teacherA.jwt, `/api/competency-results/summary.pdf?student=${world.school.pupil5b.documentId}`)).status,
    ).toBe(404);
  });

  it('shows a subject teacher the subject results of their own journals only, the deputy those of every journal', async () => {
    const ivanov = world.school.pupils5a[0].documentId;
    const russian = await make(strapi, 'api::journal.journal', {
      schoolClass: world.school.class5a.documentId,
      subject: world.school.russian.documentId,
      kind: 'classroom',
    });
    await teach(strapi, russian.documentId, world.teacherB);
    const lesson = await make(strapi, 'api::lesson.lesson', {
      journal: russian.documentId,
      date: '2025-09-04',
      number: 1,
      topic: 'Орфограммы',
    });
    await make(strapi, 'api::mark.mark', {
      kind: 'current',
      journal: russian.documentId,
      lesson: lesson.documentId,
      student: ivanov,
      value: '3',
    });
    const subjectsSeenBy = async (api: Api) =>
      (await api.get(`/api/competency-results/summary?student=${ivanov}`)).body.data.subject.results.map(
        (row: { subject: string; average: number }) => [row.subject, row.average],
      );

    expect(await subjectsSeenBy(deputy)).toEqual([
      ['Математика', 5],
      ['Русский язык', 3],
    ]);
    expect(await subjectsSeenBy(teacherA)).toEqual([['Математика', 5]]);
    expect(await subjectsSeenBy(apiAs(strapi, world.teacherB.jwt))).toEqual([['Русский язык', 3]]);
    // The family's own view holds every subject.
    const family = await parentA.get(`/api/diary/${ivanov}/results`);
    expect(family.body.data.subject.results.map((row: { subject: string }) => row.subject)).toEqual(['Математика', 'Русский язык']);
  });
});
