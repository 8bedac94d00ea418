import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import supertest from 'supertest';
import { adminLogin } from '../helpers/admin';
import { pdfText } from '../helpers/pdf-text';
import { make } from '../helpers/school-fixture';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { buildTwoClasses } from '../helpers/two-classes';

/** The basic certificates held in the safe, checked against the class lists (seed 002 §3.4). */

let strapi: Core.Strapi;
let archivist: string;
let teacher: string;
const pupils: Record<string, { documentId: string }> = {};
const carriers: Record<string, number> = {};
const CARRIER = 'plugin::records-archive.paper-carrier';
const carrierOf = (key: string): number => carriers[key];
const today = (): string => DateTime.now().setZone('Europe/Moscow').toISODate() as string;

const panel = (token: string) => {
  const agent = supertest(strapi.server.httpServer);
  return {
    get: (url: string) => agent.get(`/records-archive${url}`).set('Authorization', `Bearer ${token}`),
    post: (url: string, body: object) => agent.post(`/records-archive${url}`).set('Authorization', `Bearer ${token}`).send(body),
    put: (url: string, body: object) => agent.put(`/records-archive${url}`).set('Authorization', `Bearer ${token}`).send(body),
  };
};

beforeAll(async () => {
  strapi = await bootStrapi();
  await buildTwoClasses(strapi);
  const year = await make(strapi, 'api::academic-year.academic-year', {
    title: '2026/2027',
    startDate: '2026-09-01',
    endDate: '2027-08-31',
    state: 'current',
  });
  const class10a = await make(strapi, 'api::school-class.school-class', { grade: 10, letter: 'А', academicYear: year.documentId });
  for (const [key, lastName, birthDate] of [
    ['kept', 'Орлова', '2011-03-02'],
    ['left', 'Павлов', '2011-05-14'],
    ['missing', 'Соколов', '2011-07-21'],
  ] as const) {
    pupils[key] = await make(strapi, 'api::student.student', {
      lastName,
      firstName: 'Анна',
      patronymic: 'Петровна',
      gender: 'female',
      birthDate,
    });
    await make(strapi, 'api::enrollment.enrollment', {
      student: pupils[key].documentId,
      schoolClass: class10a.documentId,
      startDate: '2026-09-01',
      admissionOrder: '№ 70-у',
      ...(key === 'left' ? { endDate: '2026-10-15', leavingReason: 'transferred-to-other-school', leavingOrder: '№ 112-у' } : {}),
    });
  }
  archivist = await adminLogin(strapi, { email: 'archivist.panel@school.test', roleCode: 'school-archivist' });
  teacher = await adminLogin(strapi, { email: 'teacher.panel@school.test', roleCode: 'school-teacher' });
  for (const key of ['kept', 'left'] as const) {
    const created = await panel(archivist).post('/paper-archive/carriers', {
      recordType: 'stored-basic-certificate',
      title: `Аттестат об основном общем образовании: ${key}`,
      schoolYear: '2026/2027',
      student: pupils[key].documentId,
    });
    expect(created.status).toBe(201);
    carriers[key] = created.body.data.id;
  }
});
afterAll(() => stopStrapi(strapi));

describe('the basic certificates held in safekeeping', () => {
  it('lists what the safe holds, whose certificate must go back now, and who has not handed one in', async () => {
    const response = await panel(archivist).get('/paper-archive/stored-certificates');
    expect(response.status).toBe(200);
    const { held, toReturn, notHandedIn } = response.body.data as {
      held: Array<{ student: { documentId: string }; standing: { state: string }; storagePlace: string }>;
      toReturn: Array<{ student: { documentId: string }; standing: { state: string; leftOn: string; leavingOrder: string } }>;
      notHandedIn: Array<{ documentId: string; className: string }>;
    };
    expect(held).toHaveLength(2);
    expect(held.every((row) => row.storagePlace === 'Сейф учебной части')).toBe(true);
    expect(held.find((row) => row.student.documentId === pupils.kept.documentId)?.standing.state).toBe('studying');
    expect(toReturn).toEqual([
      expect.objectContaining({
        student: expect.objectContaining({ documentId: pupils.left.documentId }),
        standing: expect.objectContaining({ state: 'left', leftOn: '2026-10-15', leavingOrder: '№ 112-у' }),
      }),
    ]);
    expect(notHandedIn).toEqual([expect.objectContaining({ documentId: pupils.missing.documentId, className: '10А' })]);
    // The archivist's home page says so too.
    const home = await panel(archivist).get('/home/archivist');
    expect(home.body.data.certificatesToReturn).toBe(1);
  });

  it('prints no receipt before the return is recorded', async () => {
    const response = await panel(archivist).get(`/paper-archive/stored-certificates/${carrierOf('left')}/receipt.pdf`);
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(/Возврат аттестата ещё не оформлен/);
  });

  it('refuses a return dated in the future or without the receiver’s name, naming the field', async () => {
    const tomorrow = DateTime.now().setZone('Europe/Moscow').plus({ days: 1 }).toISODate();
    const future = await panel(archivist).post(`/paper-archive/stored-certificates/${carrierOf('left')}/return`, {
      returnedOn: tomorrow,
      receivedBy: 'Павлова Ирина Сергеевна',
      receiverKind: 'parent',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['returnedOn'], message: 'Дата возврата аттестата не может быть в будущем' }),
    ]);
    const unnamed = await panel(archivist).post(`/paper-archive/stored-certificates/${carrierOf('left')}/return`, {
      returnedOn: today(),
      receivedBy: '',
      receiverKind: 'parent',
    });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.details.errors.map((error: { path: string[] }) => error.path)).toEqual([['receivedBy']]);
    const blank = await panel(archivist).post(`/paper-archive/stored-certificates/${carrierOf('left')}/return`, {
      returnedOn: today(),
      receivedBy: '   ',
      receiverKind: 'parent',
    });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['receivedBy'], message: 'Укажите фамилию, имя и отчество получившего аттестат' }),
    ]);
    // Handing it back is a return with a receiver, not a change of state.
    const byState = await panel(archivist).put(`/paper-archive/carriers/${carrierOf('left')}`, { state: 'handed-over' });
    expect(byState.status).toBe(400);
    expect(byState.body.error.details.errors[0].path).toEqual(['state']);
    expect((await strapi.db.query(CARRIER).findOne({ where: { id: carrierOf('left') } })).state).toBe('in-storage');
  });

  it('refuses a return by a teacher’s panel account', async () => {
    const response = await panel(teacher).post(`/paper-archive/stored-certificates/${carrierOf('left')}/return`, {
      returnedOn: today(),
      receivedBy: 'Павлова Ирина Сергеевна',
      receiverKind: 'parent',
    });
    expect(response.status).toBe(403);
    expect((await strapi.db.query(CARRIER).findOne({ where: { id: carrierOf('left') } })).state).toBe('in-storage');
  });

  it('records the return with the receiver, logs it and drops the certificate from the list', async () => {
    const response = await panel(archivist).post(`/paper-archive/stored-certificates/${carrierOf('left')}/return`, {
      returnedOn: today(),
      receivedBy: 'Павлова Ирина Сергеевна',
      receiverKind: 'parent',
      receiverDocument: 'паспорт 45 10 123456',
      note: 'выдан по приказу № 112-у',
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual(
      expect.objectContaining({
        state: 'handed-over',
        handedOverOn: today(),
        handedOverTo: 'Павлова Ирина Сергеевна',
        handedOverToKind: 'parent',
        handedOverDocument: 'паспорт 45 10 123456',
        handedOverBy: expect.stringContaining('archivist.panel@school.test'),
      }),
    );
    const after = (await panel(archivist).get('/paper-archive/stored-certificates')).body.data;
    expect(after.toReturn).toEqual([]);
    expect(after.held).toHaveLength(1);
    expect(after.notHandedIn).toHaveLength(1);
    expect(after.returned).toEqual([
      expect.objectContaining({
        id: carrierOf('left'),
        handedOverOn: today(),
        handedOverTo: 'Павлова Ирина Сергеевна',
        handedOverToKind: 'parent',
      }),
    ]);
    const [entry] = (await strapi.db.query('api::audit-entry.audit-entry').findMany({
      where: { recordType: CARRIER, recordId: carrierOf('left'), action: 'update' },
      orderBy: { sequence: 'desc' },
      limit: 1,
    })) as Array<{ actorName: string; before: Record<string, unknown>; after: Record<string, unknown> }>;
    expect(entry.before).toEqual(expect.objectContaining({ state: 'in-storage', handedOverTo: null }));
    expect(entry.after).toEqual(expect.objectContaining({ state: 'handed-over', handedOverTo: 'Павлова Ирина Сергеевна' }));
    // Who handed it over is the one the trail names for the change.
    expect(entry.actorName).toBeTruthy();
    expect(response.body.data.handedOverBy.startsWith(entry.actorName)).toBe(true);
  });

  it('refuses a second return, and a change of the returned carrier, leaving the record as it was', async () => {
    const again = await panel(archivist).post(`/paper-archive/stored-certificates/${carrierOf('left')}/return`, {
      returnedOn: today(),
      receivedBy: 'Павлов Игорь Сергеевич',
      receiverKind: 'pupil',
    });
    expect(again.status).toBe(400);
    expect(again.body.error.details.errors).toEqual([expect.objectContaining({ path: ['state'] })]);
    expect(again.body.error.message).toMatch(/уже возвращён .*Павлова Ирина Сергеевна/);
    const reopened = await panel(archivist).put(`/paper-archive/carriers/${carrierOf('left')}`, { state: 'in-storage' });
    expect(reopened.status).toBe(400);
    const stored = await strapi.db.query(CARRIER).findOne({ where: { id: carrierOf('left') } });
    expect(stored).toEqual(expect.objectContaining({ state: 'handed-over', handedOverTo: 'Павлова Ирина Сергеевна' }));
  });

  it('prints the receipt for signature once the certificate is returned', async () => {
    const response = await panel(archivist)
      .get(`/paper-archive/stored-certificates/${carrierOf('left')}/receipt.pdf`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/pdf/);
    const text = pdfText(response.body as Buffer).replace(/\s*\n\s*/g, ' ');
    expect(text).toContain('РАСПИСКА');
    expect(text).toContain('Павлова Ирина Сергеевна');
    expect(text).toContain('паспорт 45 10 123456');
    expect(text).toContain('№ 112-у');
    expect(text).toContain('Павлов Анна Петровна');
  });

  it('refuses to return a carrier that is not a held аттестат', async () => {
    const journal = await panel(archivist).post('/paper-archive/carriers', {
      recordType: 'paper-journal',
      title: 'Классный журнал 10А',
      schoolYear: '2026/2027',
    });
    expect(journal.status).toBe(201);
    const response = await panel(archivist).post(`/paper-archive/stored-certificates/${journal.body.data.id}/return`, {
      returnedOn: today(),
      receivedBy: 'Павлова Ирина Сергеевна',
      receiverKind: 'parent',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].path).toEqual(['carrier']);
    expect((await strapi.db.query(CARRIER).findOne({ where: { id: journal.body.data.id } })).state).toBe('in-storage');
  });

  it('is closed to a teacher’s panel account', async () => {
    expect((await panel(teacher).get('/paper-archive/stored-certificates')).status).toBe(403);
  });
});
