import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { make } from '../helpers/school-fixture';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/**
 * Results on external e-learning platforms (R83: Учи.ру, ЯКласс, РЭШ, МЭШ, Сферум, Stepik…; seeds 000 §3,
 * 001 §2.2.1, 004 §1.6): a record of its own, kept apart from the journal's marks, optionally linked to
 * the journal's assignment and to the mark the teacher gave; imported from a platform's export (all rows
 * or none); written by the journal's teachers, read by the class teacher, deputy and director, and by the
 * family for its own child only through the diary.
 */

const PLATFORM_RESULT = 'api::platform-result.platform-result';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let as: Record<string, Api>;
let assignment: { documentId: string };
let ivanov: string;
let petrov: string;

type ErrorBody = { error?: { details?: { errors?: Array<{ path?: string[]; row?: number; field?: string }> } } };
const paths = (body: ErrorBody) => (body.error?.details?.errors ?? []).map((error) => (error.path ?? []).join('.'));
const rowErrors = (body: ErrorBody) => (body.error?.details?.errors ?? []).map((error) => `${error.row}:${error.field}`);
const count = () => strapi.db.query(PLATFORM_RESULT).count({});

const good = (changes: Record<string, unknown> = {}) => ({
  journal: world.school.mathJournal.documentId,
  student: ivanov,
  platform: 'Учи.ру',
  activity: 'Курс «Дроби», урок 3',
  date: '2025-10-10',
  score: 8,
  maxScore: 10,
  url: 'https://uchi.ru/teachers/stats/123',
  ...changes,
});

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  ivanov = world.school.pupils5a[0].documentId;
  petrov = world.school.pupils5a[1].documentId;
  as = {
    deputy: apiAs(strapi, world.accounts.deputy.jwt),
    director: apiAs(strapi, world.accounts.director.jwt),
    teacherA: apiAs(strapi, world.teacherA.jwt),
    teacherB: apiAs(strapi, world.teacherB.jwt),
    classTeacherB: apiAs(strapi, world.classTeacherB.jwt),
    parentA: apiAs(strapi, world.accounts.parentA.jwt),
    parentB: apiAs(strapi, world.accounts.parentB.jwt),
    pupilA: apiAs(strapi, world.accounts.pupilA.jwt),
  };
  assignment = await make(strapi, 'api::assignment.assignment', {
    journal: world.school.mathJournal.documentId,
    lesson: world.school.lessons[0].documentId,
    title: 'Тренажёр «Дроби» на Учи.ру',
    dueOn: '2025-09-10',
  });
});
afterAll(async () => {
  // The local provider writes into public/uploads: remove what this file uploaded.
  const uploads = (await strapi.db.query('plugin::upload.file').findMany({})) as Array<{ id: number }>;
  for (const file of uploads) await strapi.plugin('upload').service('upload').remove(file);
  await stopStrapi(strapi);
});

describe('a result recorded by the journal’s teacher', () => {
  it('is stored apart from the marks, with the assignment, the teacher’s mark and who recorded it', async () => {
    const marksBefore = await strapi.db.query('api::mark.mark').count({});
    const response = await as.teacherA.post(
      '/api/platform-results',
      good({ assignment: assignment.documentId, mark: world.markA.documentId, percent: 80 }),
    );
    expect(response.status).toBe(201);
    expect(await strapi.db.query('api::mark.mark').count({})).toBe(marksBefore);
    const stored = await strapi.db.query(PLATFORM_RESULT).findOne({
      where: { documentId: response.body.data.documentId },
      populate: { recordedBy: true, mark: true, assignment: true, student: true },
    });
    expect(stored).toMatchObject({ platform: 'Учи.ру', date: '2025-10-10', url: 'https://uchi.ru/teachers/stats/123' });
    expect(Number(stored.score)).toBe(8);
    expect(Number(stored.percent)).toBe(80);
    expect(stored.recordedBy.id).toBe(world.teacherA.id);
    expect(stored.mark.documentId).toBe(world.markA.documentId);
    expect(stored.assignment.documentId).toBe(assignment.documentId);
    expect(stored.student.documentId).toBe(ivanov);
  });

  it.each([
    ['a score above the maximum', { score: 12, maxScore: 10 }, 'score'],
    ['a date in the future', { date: '2999-01-01' }, 'date'],
    ['a link that is not http or https', { url: 'javascript:alert(1)' }, 'url'],
    ['a link that is no address', { url: 'uchi.ru результат' }, 'url'],
    ['a percent above 100', { percent: 120 }, 'percent'],
    ['no score and no percent', { score: null, maxScore: null }, 'score'],
    ['no platform', { platform: '' }, 'platform'],
  ])('refuses %s with 400 naming the field', async (_name, changes, field) => {
    const response = await as.teacherA.post('/api/platform-results', good(changes));
    expect(response.status).toBe(400);
    expect(paths(response.body)).toContain(field);
  });

  it('refuses a pupil who is not on the journal’s list (400 on student)', async () => {
    const response = await as.teacherA.post('/api/platform-results', good({ student: world.school.pupil5b.documentId }));
    expect(response.status).toBe(400);
    expect(paths(response.body)).toEqual(['student']);
  });

  it('refuses a mark of another pupil or another journal, and an assignment of another journal (400 on that field)', async () => {
    const petrovMark = await make(strapi, 'api::mark.mark', {
      kind: 'current',
      journal: world.school.mathJournal.documentId,
      lesson: world.school.lessons[1].documentId,
      student: petrov,
      value: '4',
    });
    const ofPetrov = await as.teacherA.post('/api/platform-results', good({ mark: petrovMark.documentId }));
    expect(ofPetrov.status).toBe(400);
    expect(paths(ofPetrov.body)).toEqual(['mark']);
    const ofOtherJournal = await as.teacherA.post('/api/platform-results', good({ mark: world.markB.documentId }));
    expect(ofOtherJournal.status).toBe(400);
    expect(paths(ofOtherJournal.body)).toEqual(['mark']);
    const otherAssignment = await make(strapi, 'api::assignment.assignment', {
      journal: world.journalB.documentId,
      lesson: world.lessonB.documentId,
      title: 'Задание 5Б',
      dueOn: '2025-09-10',
    });
    const wrongAssignment = await as.teacherA.post('/api/platform-results', good({ assignment: otherAssignment.documentId }));
    expect(wrongAssignment.status).toBe(400);
    expect(paths(wrongAssignment.body)).toEqual(['assignment']);
    const recordedBy = await as.teacherA.post('/api/platform-results', good({ recordedBy: world.teacherB.id }));
    // Who recorded it is never taken from the body (Strapi's input check or the rules refuse it).
    expect(recordedBy.status).toBe(400);
  });

  it('refuses a teacher of another journal (403), for create and for changes', async () => {
    const before = await count();
    const foreign = await as.teacherB.post('/api/platform-results', good());
    expect(foreign.status).toBe(403);
    expect(await count()).toBe(before);
    const own = await as.teacherA.post('/api/platform-results', good({ activity: 'ЯКласс: проверочная' }));
    expect(own.status).toBe(201);
    const change = await as.teacherB.put(`/api/platform-results/${own.body.data.documentId}`, { percent: 10 });
    expect([403, 404]).toContain(change.status);
    expect((await as.teacherB.get(`/api/platform-results/${own.body.data.documentId}`)).status).toBe(404);
  });
});

describe('import of a platform’s export', () => {
  const header = 'Платформа;Задание;Дата;ФИО;Дата рождения;Код обучающегося;Баллы;Максимум;Процент;Ссылка';
  const upload = (api: Api, jwt: string, csv: string, query = `?journal=${world.school.mathJournal.documentId}`) =>
    api.raw
      .post(`/api/platform-results/import${query}`)
      .set('Authorization', `Bearer ${jwt}`)
      .attach('file', Buffer.from(csv, 'utf8'), { filename: 'uchi.csv', contentType: 'text/csv' });

  it('stores nothing when one row is bad, and names the row and the field', async () => {
    const before = await count();
    const csv = [
      header,
      'ЯКласс;Дроби: тест 1;12.10.2025;Иванов Иван Сергеевич;01.03.2014;;7;10;;https://www.yaklass.ru/r/1',
      `ЯКласс;Дроби: тест 1;12.10.2025;;;${petrov};11;10;;https://www.yaklass.ru/r/2`,
      `ЯКласс;Дроби: тест 1;12.10.2025;;;${world.school.pupils5a[2].documentId};;;95 %;ftp://yaklass.ru/r/3`,
    ].join('\n');
    const response = await upload(as.teacherA, world.teacherA.jwt, csv);
    expect(response.status).toBe(400);
    expect(rowErrors(response.body).sort()).toEqual(['3:score', '4:url']);
    expect(await count()).toBe(before);
  });

  it('imports a good file for the teacher’s journal, and refuses a teacher of another journal (403)', async () => {
    const before = await count();
    const csv = [
      header,
      'ЯКласс;Дроби: тест 1;12.10.2025;Иванов Иван Сергеевич;01.03.2014;;7;10;;https://www.yaklass.ru/r/1',
      `ЯКласс;Дроби: тест 1;12.10.2025;;;${petrov};9;10;;https://www.yaklass.ru/r/2`,
      `ЯКласс;Дроби: тест 1;12.10.2025;;;${world.school.pupils5a[2].documentId};;;95 %;`,
    ].join('\n');
    const foreign = await upload(as.teacherB, world.teacherB.jwt, csv);
    expect(foreign.status).toBe(403);
    expect(await count()).toBe(before);
    const response = await upload(as.teacherA, world.teacherA.jwt, csv);
    expect(response.status).toBe(201);
    expect(response.body.data.imported).toBe(3);
    const third = await strapi.db.query(PLATFORM_RESULT).findOne({
      where: { student: { documentId: world.school.pupils5a[2].documentId }, platform: 'ЯКласс' },
    });
    expect(Number(third.percent)).toBe(95);
    expect(third.score).toBeNull();
  });

  it('needs the journal for every row', async () => {
    const response = await upload(as.teacherA, world.teacherA.jwt, `${header}\nРЭШ;Урок 5;12.10.2025;;;${petrov};;;50;\n`, '');
    expect(response.status).toBe(400);
    expect(rowErrors(response.body)).toEqual(['2:journal']);
  });
});

describe('who reads them', () => {
  it('lets the deputy and director read all, and the class teacher the results of their class’s journals only', async () => {
    const inB = await as.teacherB.post(
      '/api/platform-results',
      good({ journal: world.journalB.documentId, student: world.school.pupil5b.documentId, activity: 'РЭШ: урок 12' }),
    );
    expect(inB.status).toBe(201);
    const total = await count();
    for (const api of [as.deputy, as.director]) {
      const all = await api.get('/api/platform-results?pagination[pageSize]=100');
      expect(all.status).toBe(200);
      expect(all.body.data).toHaveLength(total);
    }
    const led = await as.classTeacherB.get('/api/platform-results?pagination[pageSize]=100');
    expect(led.status).toBe(200);
    expect(led.body.data.map((row: { activity: string }) => row.activity)).toEqual(['РЭШ: урок 12']);
  });

  it('shows the family its own child’s results through the diary, and another child’s answers 404', async () => {
    const own = await as.parentA.get(`/api/diary/${ivanov}/platform-results`);
    expect(own.status).toBe(200);
    expect(own.body.data.length).toBeGreaterThan(0);
    expect(own.body.data[0]).toEqual(
      expect.objectContaining({ platform: expect.any(String), subject: expect.objectContaining({ name: 'Математика' }) }),
    );
    const withMark = own.body.data.find((row: { mark: unknown }) => row.mark);
    expect(withMark.mark).toMatchObject({ documentId: world.markA.documentId, value: '5' });
    expect((await as.parentA.get(`/api/diary/${world.school.pupil5b.documentId}/platform-results`)).status).toBe(404);
    expect((await as.parentB.get(`/api/diary/${ivanov}/platform-results`)).status).toBe(404);
    expect((await as.parentA.get('/api/platform-results')).status).toBe(403);
  });

  it('appears in the pupil’s overview beside the other results', async () => {
    const overview = await as.deputy.get(`/api/students/${ivanov}/overview?year=${world.school.year.documentId}`);
    expect(overview.status).toBe(200);
    expect(overview.body.data.platformResults).toEqual(
      expect.arrayContaining([expect.objectContaining({ platform: 'Учи.ру', subject: 'Математика', score: 8, maxScore: 10 })]),
    );
  });

  it('keeps evidence files private: the public link answers 404, the journal’s teacher reads them through the result', async () => {
    const uploaded = await as.teacherA.raw
      .post('/api/upload')
      .set('Authorization', `Bearer ${world.teacherA.jwt}`)
      .attach('files', Buffer.alloc(2000, 7), { filename: 'сертификат.pdf', contentType: 'application/pdf' });
    expect(uploaded.status).toBe(201);
    const file = uploaded.body[0] as { id: number; url: string };
    const created = await as.teacherA.post('/api/platform-results', good({ activity: 'Stepik: сертификат', evidence: [file.id] }));
    expect(created.status).toBe(201);
    expect((await supertest(strapi.server.httpServer).get(file.url)).status).toBe(404);
    const read = await as.teacherA.get(`/api/platform-results/${created.body.data.documentId}/evidence/${file.id}`);
    expect(read.status).toBe(200);
    expect(read.body.length ?? Buffer.byteLength(read.text ?? '')).toBeGreaterThan(0);
    expect((await as.teacherB.get(`/api/platform-results/${created.body.data.documentId}/evidence/${file.id}`)).status).toBe(404);
  });
});
