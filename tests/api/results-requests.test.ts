import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { pdfText } from '../helpers/pdf-text';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

const REQUEST = 'api::results-request.results-request';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let teacherA: Api;
let classTeacherB: Api;
let secretary: Api;
let parentA: Api;
let parentB: Api;
let pupilA: Api;
let deputy: Api;
let ivanov: string;
let kuznetsov: string;

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  teacherA = apiAs(strapi, world.teacherA.jwt);
  classTeacherB = apiAs(strapi, world.classTeacherB.jwt);
  secretary = apiAs(strapi, world.accounts.secretary.jwt);
  parentA = apiAs(strapi, world.accounts.parentA.jwt);
  parentB = apiAs(strapi, world.accounts.parentB.jwt);
  pupilA = apiAs(strapi, world.accounts.pupilA.jwt);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
  ivanov = world.school.pupils5a[0].documentId;
  kuznetsov = world.school.pupil5b.documentId;
});
afterAll(() => stopStrapi(strapi));

type ErrorBody = { body: { error: { details: { errors: Array<{ path: string[]; message: string }> } } } };
const pathsOf = (response: ErrorBody) => response.body.error.details.errors.map((error) => error.path.join('.'));

const oral = (overrides: Record<string, unknown> = {}) => ({
  receivedOn: '2026-10-05',
  student: ivanov,
  requesterKind: 'guardian',
  guardian: world.guardianA.documentId,
  form: 'oral',
  request: 'Отметки по математике за первую четверть',
  ...overrides,
});

let first: string;

describe('the register of requests for results information', () => {
  it('registers a legal representative’s request with its number in the year and who registered it', async () => {
    const response = await secretary.post('/api/results-requests', oral());
    expect(response.status).toBe(201);
    first = response.body.data.documentId;
    const stored = await strapi.db.query(REQUEST).findOne({ where: { documentId: first }, populate: { handledBy: true, guardian: true } });
    expect(stored).toMatchObject({ number: 1, form: 'oral', requesterKind: 'guardian', receivedOn: '2026-10-05' });
    expect(stored.handledBy.id).toBe(world.accounts.secretary.id);
    expect(stored.guardian.documentId).toBe(world.guardianA.documentId);
  });

  it('refuses a requester who is not the pupil’s legal representative, and answers without their date', async () => {
    const before = await strapi.db.query(REQUEST).count();
    const stranger = await secretary.post('/api/results-requests', oral({ guardian: world.guardianB.documentId }));
    expect(stranger.status).toBe(400);
    expect(pathsOf(stranger)).toEqual(['guardian']);
    expect(stranger.body.error.details.errors[0].message).toContain('не записан законным представителем');
    expect(pathsOf(await secretary.post('/api/results-requests', oral({ requesterKind: 'pupil' })))).toEqual(['guardian']);
    expect(pathsOf(await secretary.post('/api/results-requests', oral({ receivedOn: '2999-01-01' })))).toEqual(['receivedOn']);
    expect(pathsOf(await secretary.post('/api/results-requests', oral({ issued: 'Выписка отметок' })))).toEqual(['issuedOn']);
    expect(pathsOf(await secretary.post('/api/results-requests', oral({ issuedOn: '2026-10-01', issued: 'Выписка' })))).toEqual([
      'issuedOn',
    ]);
    const both = await secretary.post('/api/results-requests', oral({ issuedOn: '2026-10-06', issued: 'Выписка', refusalReason: 'Нет' }));
    expect(pathsOf(both)).toEqual(['refusalReason']);
    expect(await strapi.db.query(REQUEST).count()).toBe(before);
  });

  it('records the answer in the same entry, numbers the year’s requests in turn and starts again in a new year', async () => {
    const answered = await secretary.put(`/api/results-requests/${first}`, {
      issuedOn: '2026-10-06',
      issued: 'Выписка отметок за 1 четверть',
    });
    expect(answered.status).toBe(200);
    const second = await secretary.post('/api/results-requests', oral({ receivedOn: '2026-10-07', form: 'written' }));
    expect(second.body.data.number).toBe(2);
    const lastYear = await secretary.post('/api/results-requests', oral({ receivedOn: '2025-12-20' }));
    expect(lastYear.body.data.number).toBe(1);
    const moved = await secretary.put(`/api/results-requests/${first}`, { receivedOn: '2025-10-05' });
    expect(pathsOf(moved)).toEqual(['receivedOn']);
  });

  it('never deletes an entry', async () => {
    const refused = await secretary.delete(`/api/results-requests/${first}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('не удаляется');
    await expect(strapi.documents(REQUEST).delete({ documentId: first })).rejects.toThrow('не удаляется');
    expect(await strapi.db.query(REQUEST).count({ where: { documentId: first } })).toBe(1);
  });

  it('lets a class teacher keep the requests about their own class only, and keeps subject teachers out', async () => {
    const own = await classTeacherB.post('/api/results-requests', oral({ student: kuznetsov, guardian: world.guardianB.documentId }));
    expect(own.status).toBe(201);
    expect((await classTeacherB.post('/api/results-requests', oral())).status).toBe(403);
    const listed = await classTeacherB.get('/api/results-requests');
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((entry: { documentId: string }) => entry.documentId)).toEqual([own.body.data.documentId]);
    expect((await teacherA.get('/api/results-requests')).status).toBe(403);
    expect((await teacherA.post('/api/results-requests', oral())).status).toBe(403);
  });
});

describe('requests through the diary', () => {
  it('lets a parent ask through the diary: an electronic request in the register, waiting for staff', async () => {
    const response = await parentA.post(`/api/diary/${ivanov}/requests`, { request: 'Справка об успеваемости для секции' });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ form: 'electronic', answeredOn: null });
    const stored = await strapi.db.query(REQUEST).findOne({
      where: { documentId: response.body.data.documentId },
      populate: { handledBy: true, guardian: true },
    });
    expect(stored.handledBy).toBeNull();
    expect(stored.guardian.documentId).toBe(world.guardianA.documentId);
    expect(stored.number).toBe(4);
  });

  it('lets the pupil ask for themself, and shows the family its requests with the answers', async () => {
    const own = await pupilA.post(`/api/diary/${ivanov}/requests`, { request: 'Мои отметки по физкультуре' });
    expect(own.status).toBe(201);
    const stored = await strapi.db
      .query(REQUEST)
      .findOne({ where: { documentId: own.body.data.documentId }, populate: { guardian: true } });
    expect(stored).toMatchObject({ requesterKind: 'pupil', guardian: null });
    const listed = await parentA.get(`/api/diary/${ivanov}/requests`);
    expect(listed.status).toBe(200);
    expect(listed.body.data.find((entry: { documentId: string }) => entry.documentId === first)).toMatchObject({
      answeredOn: '2026-10-06',
      issued: 'Выписка отметок за 1 четверть',
    });
  });

  it('answers 404 for another family’s child and refuses a body with anything but the request', async () => {
    expect((await parentB.post(`/api/diary/${ivanov}/requests`, { request: 'Отметки' })).status).toBe(404);
    expect((await parentB.get(`/api/diary/${ivanov}/requests`)).status).toBe(404);
    const extra = await parentA.post(`/api/diary/${ivanov}/requests`, { request: 'Отметки', guardian: 1 });
    expect(extra.status).toBe(400);
    expect(pathsOf(extra)).toEqual(['guardian']);
    const blank = await parentA.post(`/api/diary/${ivanov}/requests`, { request: '   ' });
    expect(pathsOf(blank)).toEqual(['request']);
  });
});

const download = (api: Api, url: string) =>
  api
    .get(url)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });

describe('the справка об успеваемости in answer to a request', () => {
  it('is issued by the secretary with the request’s number, the period and annual marks from the journal, signature and seal', async () => {
    await strapi.db.query('api::mark.mark').create({
      data: {
        kind: 'annual',
        value: '4',
        numericValue: 4,
        journal: world.school.mathJournal.id,
        student: world.school.pupils5a[0].id,
      },
    });
    const request = await parentA.post(`/api/diary/${ivanov}/requests`, { request: 'Справка об успеваемости для перевода в другую школу' });
    const documentId = request.body.data.documentId;
    const answered = await secretary.post(`/api/results-requests/${documentId}/answer`, { document: 'progress-certificate' });
    expect(answered.status).toBe(200);
    const stored = await strapi.db.query(REQUEST).findOne({ where: { documentId } });
    expect(stored.issuedDocumentKind).toBe('progress-certificate');
    const text = pdfText(Buffer.from(stored.issuedDocumentPdf, 'base64')).replace(/\s+/g, ' ');
    expect(text).toContain(`СПРАВКА № ${String(stored.number)}/`);
    expect(text).toContain('Иванов');
    expect(text).toContain('5А классе');
    expect(text).toContain('Математика');
    expect(text).toContain('Годовая');
    expect(text).toContain('М.П.');
    // The class teacher of another class may not issue it.
    const other = await parentA.post(`/api/diary/${ivanov}/requests`, { request: 'Ещё одна справка' });
    const refused = await classTeacherB.post(`/api/results-requests/${other.body.data.documentId}/answer`, {
      document: 'progress-certificate',
    });
    expect(refused.status).toBe(404);
  });
});

describe('answering a request with a document', () => {
  let asked: string;

  it('answers with the «Результаты обучения» report, kept with the request exactly as issued', async () => {
    const request = await parentA.post(`/api/diary/${ivanov}/requests`, { request: 'Результаты сына за год' });
    asked = request.body.data.documentId;
    const answered = await deputy.post(`/api/results-requests/${asked}/answer`, { document: 'results-report' });
    expect(answered.status).toBe(200);
    expect(answered.body.data.document).toMatchObject({ kind: 'results-report' });
    const stored = await strapi.db.query(REQUEST).findOne({ where: { documentId: asked } });
    expect(stored.issuedOn).toBe(answered.body.data.issuedOn);
    expect(stored.issued).toContain('Результаты обучения');
    const pdf = Buffer.from(stored.issuedDocumentPdf, 'base64');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(stored.issuedDocumentSha256);
    expect(pdfText(pdf)).toContain('Иванов');
    // The kept copy never leaves through the register's REST.
    const listed = await deputy.get(`/api/results-requests/${asked}`);
    expect(listed.status).toBe(200);
    expect(listed.body.data.issuedDocumentPdf).toBeUndefined();
    expect(listed.body.data.issuedDocumentName).toBe(stored.issuedDocumentName);
  });

  it('gives the family the same document from the diary, and nobody else’s', async () => {
    const listed = await parentA.get(`/api/diary/${ivanov}/requests`);
    const entry = listed.body.data.find((row: { documentId: string }) => row.documentId === asked);
    expect(entry.document).toMatchObject({ kind: 'results-report' });
    const fromDiary = await download(parentA, `/api/diary/${ivanov}/requests/${asked}/document.pdf`);
    expect(fromDiary.status).toBe(200);
    expect(fromDiary.headers['content-type']).toBe('application/pdf');
    const stored = await strapi.db.query(REQUEST).findOne({ where: { documentId: asked } });
    expect(
      createHash('sha256')
        .update(fromDiary.body as Buffer)
        .digest('hex'),
    ).toBe(stored.issuedDocumentSha256);
    const fromRegister = await download(deputy, `/api/results-requests/${asked}/document.pdf`);
    expect(
      createHash('sha256')
        .update(fromRegister.body as Buffer)
        .digest('hex'),
    ).toBe(stored.issuedDocumentSha256);
    expect((await parentB.get(`/api/diary/${kuznetsov}/requests/${asked}/document.pdf`)).status).toBe(404);
    expect((await parentB.get(`/api/diary/${ivanov}/requests/${asked}/document.pdf`)).status).toBe(404);
    expect((await teacherA.get(`/api/results-requests/${asked}/document.pdf`)).status).toBe(403);
  });

  it('lets an answer stand: no second answer, no edit of what was issued', async () => {
    const again = await deputy.post(`/api/results-requests/${asked}/answer`, { document: 'portfolio-summary' });
    expect(again.status).toBe(400);
    expect(pathsOf(again)).toEqual(['document']);
    const edited = await secretary.put(`/api/results-requests/${asked}`, { issued: 'Другое' });
    expect(edited.status).toBe(400);
    expect(pathsOf(edited)).toEqual(['issued']);
    const forged = await secretary.put(`/api/results-requests/${first}`, { issuedDocumentSha256: 'f'.repeat(64) });
    expect(pathsOf(forged)).toEqual(['issuedDocumentSha256']);
    // What may still change: the text of the request as registered.
    expect((await secretary.put(`/api/results-requests/${asked}`, { request: 'Результаты сына за 2025/2026 год' })).status).toBe(200);
  });

  it('answers with the portfolio summary, and refuses a bad body, another class’s teacher and the class teacher’s report of another class', async () => {
    const request = await pupilA.post(`/api/diary/${ivanov}/requests`, { request: 'Мои достижения' });
    const documentId = request.body.data.documentId;
    expect(pathsOf(await deputy.post(`/api/results-requests/${documentId}/answer`, { document: 'diploma' }))).toEqual(['document']);
    expect(
      pathsOf(await deputy.post(`/api/results-requests/${documentId}/answer`, { document: 'portfolio-summary', period: 'x' })),
    ).toEqual(['period']);
    expect(pathsOf(await deputy.post(`/api/results-requests/${documentId}/answer`, { document: 'results-report', to: 1 }))).toEqual(['to']);
    expect((await classTeacherB.post(`/api/results-requests/${documentId}/answer`, { document: 'results-report' })).status).toBe(404);
    expect((await strapi.db.query(REQUEST).findOne({ where: { documentId } })).issuedOn).toBeNull();
    const answered = await deputy.post(`/api/results-requests/${documentId}/answer`, { document: 'portfolio-summary' });
    expect(answered.status).toBe(200);
    const stored = await strapi.db.query(REQUEST).findOne({ where: { documentId } });
    expect(stored.issuedDocumentKind).toBe('portfolio-summary');
    expect(pdfText(Buffer.from(stored.issuedDocumentPdf, 'base64'))).toContain('Иванов');
  });
});
