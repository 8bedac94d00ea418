import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { adminLogin } from '../helpers/admin';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

const THREAD = 'api::message-thread.message-thread';
const MESSAGE = 'api::message.message';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let teacherA: Api;
let teacherB: Api;
let classTeacherB: Api;
let deputy: Api;
let parentA: Api;
let parentB: Api;
let pupilA: Api;
let ivanov: string;
let kuznetsov: string;

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  teacherA = apiAs(strapi, world.teacherA.jwt);
  teacherB = apiAs(strapi, world.teacherB.jwt);
  classTeacherB = apiAs(strapi, world.classTeacherB.jwt);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
  parentA = apiAs(strapi, world.accounts.parentA.jwt);
  parentB = apiAs(strapi, world.accounts.parentB.jwt);
  pupilA = apiAs(strapi, world.accounts.pupilA.jwt);
  ivanov = world.school.pupils5a[0].documentId;
  kuznetsov = world.school.pupil5b.documentId;
});
afterAll(() => stopStrapi(strapi));

type ErrorBody = { body: { error: { details: { errors: Array<{ path: string[]; message: string }> } } } };
const pathsOf = (response: ErrorBody) => response.body.error.details.errors.map((error) => error.path.join('.'));
const participantIds = (body: { data: { participants: Array<{ id: number }> } }) =>
  body.data.participants.map((user) => user.id).sort((a, b) => a - b);
const sorted = (...ids: number[]) => [...ids].sort((a, b) => a - b);

const toParents = (overrides: Record<string, unknown> = {}) => ({
  kind: 'teacher-parent',
  student: ivanov,
  subject: 'Контрольная по математике',
  text: 'Добрый день! Прошу обратить внимание на подготовку к контрольной работе в пятницу.',
  ...overrides,
});

let parentsThread: string;

describe('message threads: participants only', () => {
  it('lets a teacher open a thread with the parents of a pupil they teach; the author is the caller', async () => {
    const response = await teacherA.post('/api/messages/threads', toParents());
    expect(response.status).toBe(201);
    parentsThread = response.body.data.documentId;
    expect(participantIds(response.body)).toEqual(sorted(world.teacherA.id, world.accounts.parentA.id));
    expect(response.body.data).toMatchObject({ kind: 'teacher-parent', subject: 'Контрольная по математике' });
    expect(response.body.data.student.documentId).toBe(ivanov);
    expect(response.body.data.messages).toHaveLength(1);
    expect(response.body.data.messages[0].author.id).toBe(world.teacherA.id);
    expect(response.body.data.messages[0].sentAt).toEqual(expect.any(String));
  });

  it('shows the thread to its participants only; anyone else gets 404', async () => {
    const listed = await parentA.get('/api/messages/threads');
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((thread: { documentId: string }) => thread.documentId)).toEqual([parentsThread]);
    expect((await parentA.get(`/api/messages/threads/${parentsThread}`)).body.data.messages[0].text).toMatch(/контрольной работе/);
    for (const outsider of [parentB, pupilA, teacherB, classTeacherB]) {
      expect((await outsider.get('/api/messages/threads')).body.data).toEqual([]);
      expect((await outsider.get(`/api/messages/threads/${parentsThread}`)).status).toBe(404);
      expect((await outsider.post(`/api/messages/threads/${parentsThread}/messages`, { text: 'Чужой ответ' })).status).toBe(404);
    }
    expect((await parentA.get('/api/messages/threads/no-such-thread')).status).toBe(404);
    // Roles without messaging (deputy) and anonymous callers are refused by the permissions.
    expect((await deputy.get('/api/messages/threads')).status).toBe(403);
    expect((await apiAs(strapi).get(`/api/messages/threads/${parentsThread}`)).status).toBe(403);
  });

  it('lets a participant reply; messages keep their author and order', async () => {
    const reply = await parentA.post(`/api/messages/threads/${parentsThread}/messages`, { text: 'Спасибо, подготовимся.' });
    expect(reply.status).toBe(201);
    expect(reply.body.data.author.id).toBe(world.accounts.parentA.id);
    const thread = await teacherA.get(`/api/messages/threads/${parentsThread}`);
    expect(thread.body.data.messages.map((message: { text: string }) => message.text)).toEqual([
      toParents().text,
      'Спасибо, подготовимся.',
    ]);
  });

  it('lets a teacher write to a pupil of their class, and a pupil or parent to their own child’s teacher', async () => {
    const toPupil = await teacherA.post('/api/messages/threads', toParents({ kind: 'teacher-pupil', subject: 'Домашнее задание' }));
    expect(toPupil.status).toBe(201);
    expect(participantIds(toPupil.body)).toEqual(sorted(world.teacherA.id, world.accounts.pupilA.id));
    expect((await pupilA.get(`/api/messages/threads/${toPupil.body.data.documentId}`)).status).toBe(200);
    expect((await parentA.get(`/api/messages/threads/${toPupil.body.data.documentId}`)).status).toBe(404);

    const fromPupil = await pupilA.post('/api/messages/threads', {
      kind: 'teacher-pupil',
      teacher: world.teacherA.documentId,
      subject: 'Вопрос по задаче',
      text: 'Можно уточнить условие задачи № 5?',
    });
    expect(fromPupil.status).toBe(201);
    expect(participantIds(fromPupil.body)).toEqual(sorted(world.teacherA.id, world.accounts.pupilA.id));

    const fromParent = await parentA.post('/api/messages/threads', toParents({ teacher: world.teacherA.documentId }));
    expect(fromParent.status).toBe(201);
    // Not their child's teacher, not their child: refused with the field named.
    const otherTeacher = await parentA.post('/api/messages/threads', toParents({ teacher: world.teacherB.documentId }));
    expect(otherTeacher.status).toBe(400);
    expect(pathsOf(otherTeacher)).toEqual(['teacher']);
    const otherChild = await parentA.post('/api/messages/threads', toParents({ student: kuznetsov, teacher: world.teacherB.documentId }));
    expect(otherChild.status).toBe(400);
    expect(pathsOf(otherChild)).toEqual(['student']);
  });

  it('refuses a teacher a pupil of a class they do not teach (403, nothing stored)', async () => {
    const before = await strapi.db.query(THREAD).count({});
    expect((await teacherB.post('/api/messages/threads', toParents())).status).toBe(403);
    expect((await teacherA.post('/api/messages/threads', toParents({ student: kuznetsov }))).status).toBe(403);
    expect(
      (
        await parentA.post(
          '/api/messages/threads',
          toParents({ kind: 'class-announcement', student: undefined, schoolClass: world.school.class5a.documentId }),
        )
      ).status,
    ).toBe(403);
    expect(await strapi.db.query(THREAD).count({})).toBe(before);
  });

  it('lets a class teacher announce to all the parents of their class, and nobody else', async () => {
    const announcement = {
      kind: 'class-announcement',
      schoolClass: world.school.class5b.documentId,
      subject: 'Родительское собрание',
      text: 'Родительское собрание состоится в четверг в 18:00 в кабинете 12.',
    };
    expect((await teacherB.post('/api/messages/threads', announcement)).status).toBe(403);
    expect(
      (await classTeacherB.post('/api/messages/threads', { ...announcement, schoolClass: world.school.class5a.documentId })).status,
    ).toBe(403);
    const posted = await classTeacherB.post('/api/messages/threads', announcement);
    expect(posted.status).toBe(201);
    expect(participantIds(posted.body)).toEqual(sorted(world.classTeacherB.id, world.accounts.parentB.id));
    expect(posted.body.data.schoolClass.name).toBe('5Б');
    const seen = await parentB.get(`/api/messages/threads/${posted.body.data.documentId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.data.messages[0].text).toMatch(/Родительское собрание/);
    expect((await parentA.get(`/api/messages/threads/${posted.body.data.documentId}`)).status).toBe(404);
  });

  it('refuses bad input with a Russian message on each field (400, nothing stored)', async () => {
    const threads = await strapi.db.query(THREAD).count({});
    const messages = await strapi.db.query(MESSAGE).count({});
    const three = await teacherA.post('/api/messages/threads', toParents({ kind: 'chat', subject: '   ', text: 12345 }));
    expect(three.status).toBe(400);
    expect(pathsOf(three)).toEqual(['kind', 'subject', 'text']);
    expect(three.body.error.message).toMatch(/Вид переписки/);
    expect(pathsOf(await teacherA.post('/api/messages/threads', toParents({ text: 'я'.repeat(4001) })))).toEqual(['text']);
    expect(pathsOf(await teacherA.post('/api/messages/threads', toParents({ student: undefined })))).toEqual(['student']);
    expect(pathsOf(await teacherA.post('/api/messages/threads', toParents({ student: 42 })))).toEqual(['student']);
    expect(pathsOf(await teacherA.post('/api/messages/threads', toParents({ student: 'no-such-pupil' })))).toEqual(['student']);
    expect(pathsOf(await teacherA.post('/api/messages/threads', toParents({ author: world.teacherB.id })))).toEqual(['author']);
    expect(pathsOf(await teacherA.post('/api/messages/threads', ['kind']))).toEqual(['data']);
    expect(pathsOf(await parentA.post(`/api/messages/threads/${parentsThread}/messages`, { text: '  ' }))).toEqual(['text']);
    expect(pathsOf(await parentA.post(`/api/messages/threads/${parentsThread}/messages`, { text: 'Да', sentAt: '2020-01-01' }))).toEqual([
      'sentAt',
    ]);
    expect(await strapi.db.query(THREAD).count({})).toBe(threads);
    expect(await strapi.db.query(MESSAGE).count({})).toBe(messages);
  });

  it('never edits or deletes a message; a retention rule of the archive covers them', async () => {
    expect((await teacherA.put(`/api/messages/threads/${parentsThread}`, { subject: 'Другая тема' })).status).toBe(405);
    expect((await teacherA.delete(`/api/messages/threads/${parentsThread}`)).status).toBe(405);
    const message = await strapi.db.query(MESSAGE).findOne({ where: { thread: { documentId: parentsThread } } });
    await expect(
      strapi.documents(MESSAGE).update({ documentId: message.documentId, data: { text: 'Исправлено' } } as never),
    ).rejects.toThrow(/не изменяется/);
    await expect(strapi.documents(MESSAGE).delete({ documentId: message.documentId })).rejects.toThrow(/не удаляются/);
    const rule = await strapi.db.query('plugin::records-archive.retention-rule').findOne({ where: { recordType: 'messages' } });
    expect(rule).toMatchObject({ periodKind: 'fixed', periodYears: 5, actionAtExpiry: 'destroy-by-act' });
  });

  it('queues no e-mail as sent when SMTP is not configured: the letters wait in the queue', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const letters = await strapi.db.query('api::notification.notification').findMany({ where: { cause: 'message' } });
    expect(letters.length).toBeGreaterThan(0);
    expect(letters.every((letter: { state: string }) => letter.state === 'queued')).toBe(true);
  });
});

describe('threads in the admin panel', () => {
  it('keeps threads and messages from the staff’s panel roles: the teacher’s, deputy’s and director’s get 403 in the content manager', async () => {
    for (const roleCode of ['school-teacher', 'school-deputy-director', 'school-director', 'school-secretary']) {
      const token = await adminLogin(strapi, { email: `${roleCode}@threads.test`, roleCode });
      for (const uid of [THREAD, MESSAGE]) {
        const response = await supertest(strapi.server.httpServer)
          .get(`/content-manager/collection-types/${uid}`)
          .set('Authorization', `Bearer ${token}`);
        expect([roleCode, uid, response.status]).toEqual([roleCode, uid, 403]);
      }
    }
    // The content manager does list them to a super admin (the school's system administrator), which is what makes the 403s above mean something.
    const superAdmin = await adminLogin(strapi, { email: 'super@threads.test' });
    const listed = await supertest(strapi.server.httpServer)
      .get(`/content-manager/collection-types/${THREAD}`)
      .set('Authorization', `Bearer ${superAdmin}`);
    expect(listed.status).toBe(200);
    expect(listed.body.results.length).toBeGreaterThan(0);
  });
});
