import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { adminLogin } from '../helpers/admin';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/** The documents handed in at admission: kept in the personal file, never served by their public link. */

const PERSONAL_FILE = 'api::personal-file.personal-file';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let secretary: Api;
let teacherA: Api;
let classTeacherB: Api;
let classTeacherA: Api;
let parentA: Api;
let fileDocumentId: string;
let certificateCopy: { id: number; url: string };
let lessonMaterial: { id: number; url: string };
const CONTENT = Buffer.from('%PDF-1.4 копия свидетельства о рождении\n', 'utf8');

const upload = async (name: string, content: Buffer, mimetype: string): Promise<{ id: number; url: string }> => {
  const filepath = path.join(os.tmpdir(), `${Date.now()}-${name}`);
  fs.writeFileSync(filepath, content);
  const [file] = (await strapi
    .plugin('upload')
    .service('upload')
    .upload({ data: {}, files: { filepath, originalFilename: name, mimetype, size: content.length } })) as Array<{
    id: number;
    url: string;
  }>;
  return file;
};

const binary = (test: supertest.Test) =>
  test.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  secretary = apiAs(strapi, world.accounts.secretary.jwt);
  teacherA = apiAs(strapi, world.teacherA.jwt);
  classTeacherB = apiAs(strapi, world.classTeacherB.jwt);
  parentA = apiAs(strapi, world.accounts.parentA.jwt);
  const leaderA = await createAccount(strapi, 'class-teacher', 'classteacher.a');
  await strapi
    .documents('api::school-class.school-class')
    .update({ documentId: world.school.class5a.documentId, data: { classTeacher: leaderA.documentId } } as never);
  classTeacherA = apiAs(strapi, leaderA.jwt);
  const opened = await secretary.post('/api/personal-files', { student: world.school.pupils5a[0].documentId, openedOn: '2021-09-01' });
  fileDocumentId = opened.body.data.documentId;
  certificateCopy = await upload('svidetelstvo.pdf', CONTENT, 'application/pdf');
  lessonMaterial = await upload('material.txt', Buffer.from('Задачи к уроку\n', 'utf8'), 'text/plain');
});
afterAll(async () => {
  // The local provider writes into public/uploads: remove what this file uploaded.
  const uploads = (await strapi.db.query('plugin::upload.file').findMany({})) as Array<{ id: number }>;
  for (const file of uploads) await strapi.plugin('upload').service('upload').remove(file);
  await stopStrapi(strapi);
});

describe('admission documents in the personal file', () => {
  it('keeps the documents with their kind, and refuses an unknown kind or a document without its file', async () => {
    const unknownKind = await secretary.put(`/api/personal-files/${fileDocumentId}`, {
      admissionDocuments: [{ kind: 'diploma', file: certificateCopy.id }],
    });
    expect(unknownKind.status).toBe(400);
    const noFile = await secretary.put(`/api/personal-files/${fileDocumentId}`, {
      admissionDocuments: [{ kind: 'application', receivedOn: '2999-01-01' }],
    });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.details.errors.map((error: { path: string[] }) => error.path.join('.'))).toEqual([
      'admissionDocuments.0.file',
      'admissionDocuments.0.receivedOn',
    ]);
    const kept = await secretary.put(`/api/personal-files/${fileDocumentId}`, {
      admissionDocuments: [{ kind: 'birth-certificate', file: certificateCopy.id, receivedOn: '2021-08-20', note: 'заверенная копия' }],
    });
    expect(kept.status).toBe(200);
    const listed = await secretary.get(`/api/personal-files/${fileDocumentId}/documents`);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([
      expect.objectContaining({
        kind: 'birth-certificate',
        kindLabel: 'Копия свидетельства о рождении',
        receivedOn: '2021-08-20',
        fileName: 'svidetelstvo.pdf',
      }),
    ]);
  });

  it('never serves an admission document by its public link, while other uploads stay public', async () => {
    const agent = supertest(strapi.server.httpServer);
    expect((await agent.get(certificateCopy.url)).status).toBe(404);
    expect((await agent.head(certificateCopy.url)).status).toBe(404);
    const material = await agent.get(lessonMaterial.url);
    expect(material.status).toBe(200);
    expect(material.text).toBe('Задачи к уроку\n');
  });

  it('gives the file to the secretary and the pupil’s class teacher only', async () => {
    const [document] = (await secretary.get(`/api/personal-files/${fileDocumentId}/documents`)).body.data as Array<{ id: number }>;
    const url = `/api/personal-files/${fileDocumentId}/documents/${document.id}`;
    const bySecretary = await binary(secretary.get(url));
    expect(bySecretary.status).toBe(200);
    expect(Buffer.compare(bySecretary.body as Buffer, CONTENT)).toBe(0);
    expect((await binary(classTeacherA.get(url))).status).toBe(200);
    expect((await classTeacherB.get(url)).status).toBe(404);
    expect((await teacherA.get(url)).status).toBe(403);
    expect((await parentA.get(url)).status).toBe(403);
    expect((await secretary.get(`/api/personal-files/${fileDocumentId}/documents/999999`)).status).toBe(404);
    // Teachers upload lesson materials but do not list the media library (file names and links of every upload).
    expect((await teacherA.get('/api/upload/files')).status).toBe(403);
  });

  it('keeps the medical documents (health data) in the medical office and from the class teacher', async () => {
    const policy = await upload('polis.pdf', Buffer.from('полис ОМС'), 'application/pdf');
    const stored = await strapi.db
      .query(PERSONAL_FILE)
      .findOne({ where: { documentId: fileDocumentId }, populate: { admissionDocuments: { populate: { file: { select: ['id'] } } } } });
    expect(stored.storagePlace).toBe('Приёмная руководителя');
    const kept = stored.admissionDocuments.map((document: { id: number; kind: string; file: { id: number } }) => ({
      id: document.id,
      kind: document.kind,
      file: document.file.id,
    }));
    const saved = await secretary.put(`/api/personal-files/${fileDocumentId}`, {
      admissionDocuments: [...kept, { kind: 'medical-policy', file: policy.id, receivedOn: '2021-08-20' }],
    });
    expect(saved.status).toBe(200);
    const bySecretary = (await secretary.get(`/api/personal-files/${fileDocumentId}/documents`)).body.data as Array<{
      id: number;
      kind: string;
      storagePlace: string | null;
    }>;
    const medical = bySecretary.find((document) => document.kind === 'medical-policy');
    expect(medical?.storagePlace).toBe('Медицинский кабинет');
    expect(bySecretary.find((document) => document.kind === 'birth-certificate')?.storagePlace).toBeNull();
    const byClassTeacher = (await classTeacherA.get(`/api/personal-files/${fileDocumentId}/documents`)).body.data as Array<{
      kind: string;
    }>;
    expect(byClassTeacher.map((document) => document.kind)).toEqual(['birth-certificate']);
    expect((await classTeacherA.get(`/api/personal-files/${fileDocumentId}/documents/${medical?.id}`)).status).toBe(403);
    expect((await binary(secretary.get(`/api/personal-files/${fileDocumentId}/documents/${medical?.id}`))).status).toBe(200);
  });

  it('lists and downloads them on the secretary’s «Документы» page', async () => {
    const token = await adminLogin(strapi, { email: 'secretary@school.test', roleCode: 'school-secretary' });
    const agent = supertest(strapi.server.httpServer);
    const page = await agent
      .get(`/records-archive/documents/pupils/${world.school.pupils5a[0].documentId}`)
      .set('Authorization', `Bearer ${token}`);
    expect(page.status).toBe(200);
    const [document] = page.body.data.admissionDocuments as Array<{ id: number; kindLabel: string }>;
    expect(document.kindLabel).toBe('Копия свидетельства о рождении');
    const file = await binary(
      agent
        .get(`/records-archive/documents/pupils/${world.school.pupils5a[0].documentId}/admission-documents/${document.id}`)
        .set('Authorization', `Bearer ${token}`),
    );
    expect(file.status).toBe(200);
    expect(Buffer.compare(file.body as Buffer, CONTENT)).toBe(0);
    const stored = await strapi.db.query(PERSONAL_FILE).findOne({ where: { documentId: fileDocumentId } });
    expect(stored.number).toMatch(/^[А-ЯЁ]\/\d+$/);
  });
});
