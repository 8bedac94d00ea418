import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { adminLogin } from '../helpers/admin';
import { make } from '../helpers/school-fixture';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { buildTwoClasses } from '../helpers/two-classes';

/** The basic certificates held in the safe, checked against the class lists (seed 002 §3.4). */

let strapi: Core.Strapi;
let archivist: string;
let teacher: string;
const pupils: Record<string, { documentId: string }> = {};

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

  it('drops a certificate from the list once it is handed back', async () => {
    const before = (await panel(archivist).get('/paper-archive/stored-certificates')).body.data;
    const [returning] = before.toReturn as Array<{ id: number }>;
    expect(
      (await panel(archivist).put(`/paper-archive/carriers/${returning.id}`, { state: 'handed-over', note: 'выдан 16.10.2026' })).status,
    ).toBe(200);
    const after = (await panel(archivist).get('/paper-archive/stored-certificates')).body.data;
    expect(after.toReturn).toEqual([]);
    expect(after.held).toHaveLength(1);
    expect(after.notHandedIn).toHaveLength(1);
  });

  it('is closed to a teacher’s panel account', async () => {
    expect((await panel(teacher).get('/paper-archive/stored-certificates')).status).toBe(403);
  });
});
