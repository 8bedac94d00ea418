import type { Core } from '@strapi/strapi';
import { verifyAuditTrail } from '../../src/audit/audit-trail';
import { make } from '../helpers/school-fixture';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/**
 * Special learning conditions (issue 11, seed 003 §2.2; 152-ФЗ ст. 10, health data): who reads them
 * (the diagnosis hidden from teachers), the family's view through the diary, every read audited,
 * and the journal grid's marker.
 */

let strapi: Core.Strapi;
let world: TwoClassSchool;
let as: Record<string, Api>;
/** Иванов (5А, taught by teacher A, parent A) and Кузнецов (5Б, led by class teacher B, parent B). */
let ofIvanov: string;
let ofKuznetsov: string;

const UID = 'api::special-condition.special-condition';
const readsOf = (documentId: string) =>
  strapi.db
    .query('api::audit-entry.audit-entry')
    .findMany({ where: { action: 'read', recordDocumentId: documentId }, orderBy: { sequence: 'asc' } });

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  as = {
    deputy: apiAs(strapi, world.accounts.deputy.jwt),
    director: apiAs(strapi, world.accounts.director.jwt),
    secretary: apiAs(strapi, world.accounts.secretary.jwt),
    archivist: apiAs(strapi, world.accounts.archivist.jwt),
    methodologist: apiAs(strapi, world.accounts.methodologist.jwt),
    teacherA: apiAs(strapi, world.teacherA.jwt),
    teacherB: apiAs(strapi, world.teacherB.jwt),
    classTeacherB: apiAs(strapi, world.classTeacherB.jwt),
    parentA: apiAs(strapi, world.accounts.parentA.jwt),
    parentB: apiAs(strapi, world.accounts.parentB.jwt),
    pupilA: apiAs(strapi, world.accounts.pupilA.jwt),
    public: apiAs(strapi),
  };
  const created = await as.deputy.post('/api/special-conditions', {
    student: world.school.pupils5a[0].documentId,
    commissionDate: '2025-06-10',
    commissionNumber: 'ПМПК № 145',
    conditions: 'Дополнительное время на контрольных работах (+30 минут); адаптированная программа',
    diagnosis: 'F81.2',
    validUntil: '2027-06-30',
  });
  expect(created.status).toBe(201);
  ofIvanov = created.body.data.documentId;
  ofKuznetsov = (
    await make(strapi, UID, {
      student: world.school.pupil5b.documentId,
      commissionDate: '2025-08-20',
      commissionNumber: 'ПМПК № 201',
      conditions: 'Обучение на дому',
      diagnosis: 'G80',
    })
  ).documentId;
});
afterAll(() => stopStrapi(strapi));

describe('record rules', () => {
  it('requires the pupil, the commission’s date and number and the conditions; validity after the commission', async () => {
    const response = await as.deputy.post('/api/special-conditions', {
      commissionDate: '2099-01-01',
      validUntil: '2098-01-01',
      diagnosis: 42,
    });
    expect(response.status).toBe(400);
    const paths = (response.body.error.details.errors as Array<{ path: string[] }>).map((error) => error.path[0]).sort();
    expect(paths).toEqual(['commissionDate', 'commissionNumber', 'conditions', 'diagnosis', 'student', 'validUntil']);
  });
});

describe('who reads what', () => {
  it('shows the deputy and the director everything', async () => {
    for (const who of ['deputy', 'director']) {
      const list = await as[who].get('/api/special-conditions');
      expect(list.status).toBe(200);
      expect(list.body.data).toHaveLength(2);
      expect(list.body.data.map((row: { diagnosis: string }) => row.diagnosis).sort()).toEqual(['F81.2', 'G80']);
    }
  });

  it('shows a teacher the conditions of the pupils they teach, never the diagnosis', async () => {
    const list = await as.teacherA.get('/api/special-conditions?populate=student');
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0].conditions).toContain('Дополнительное время');
    expect(list.body.data[0]).not.toHaveProperty('diagnosis');
    const one = await as.teacherA.get(`/api/special-conditions/${ofIvanov}?fields[0]=diagnosis&fields[1]=conditions`);
    expect(one.status).toBe(200);
    expect(one.body.data).not.toHaveProperty('diagnosis');
    expect(JSON.stringify(one.body)).not.toContain('F81.2');
    // Another class's pupil: 404.
    expect((await as.teacherA.get(`/api/special-conditions/${ofKuznetsov}`)).status).toBe(404);
  });

  it('refuses a teacher a filter or sort on the diagnosis, which would disclose it', async () => {
    expect((await as.teacherA.get('/api/special-conditions?filters[diagnosis][$startsWith]=F8')).status).toBe(403);
    expect((await as.teacherA.get('/api/special-conditions?sort=diagnosis')).status).toBe(403);
    expect((await as.deputy.get('/api/special-conditions?filters[diagnosis][$startsWith]=F8')).body.data).toHaveLength(1);
  });

  it('shows the class teacher of the pupil’s class the diagnosis, and hides it where they only teach', async () => {
    const list = await as.classTeacherB.get('/api/special-conditions');
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({ documentId: ofKuznetsov, diagnosis: 'G80' });
    // Teacher B teaches 5Б maths but does not lead it.
    const taught = await as.teacherB.get(`/api/special-conditions/${ofKuznetsov}`);
    expect(taught.status).toBe(200);
    expect(taught.body.data).not.toHaveProperty('diagnosis');
  });

  it('is closed to the secretary, the archivist, the methodologist, families over REST and the public', async () => {
    for (const who of ['secretary', 'archivist', 'methodologist', 'parentA', 'pupilA', 'public']) {
      const status = (await as[who].get('/api/special-conditions')).status;
      expect([401, 403]).toContain(status);
      expect((await as[who].get(`/api/special-conditions/${ofIvanov}`)).status).not.toBe(200);
    }
    expect((await as.teacherA.post('/api/special-conditions', { conditions: 'x' })).status).toBe(403);
    expect((await as.classTeacherB.put(`/api/special-conditions/${ofKuznetsov}`, { conditions: 'x' })).status).toBe(403);
  });

  it('shows a family its own child’s record through the diary, and answers 404 for another family’s', async () => {
    const own = await as.parentA.get(`/api/diary/${world.school.pupils5a[0].documentId}/special-conditions`);
    expect(own.status).toBe(200);
    expect(own.body.data).toEqual([
      expect.objectContaining({ documentId: ofIvanov, commissionNumber: 'ПМПК № 145', diagnosis: 'F81.2', validUntil: '2027-06-30' }),
    ]);
    expect((await as.pupilA.get(`/api/diary/${world.school.pupils5a[0].documentId}/special-conditions`)).status).toBe(200);
    expect((await as.parentA.get(`/api/diary/${world.school.pupil5b.documentId}/special-conditions`)).status).toBe(404);
    expect((await as.parentB.get(`/api/diary/${world.school.pupils5a[0].documentId}/special-conditions`)).status).toBe(404);
    expect((await as.teacherA.get(`/api/diary/${world.school.pupils5a[0].documentId}/special-conditions`)).status).toBe(403);
  });
});

describe('audit of reads', () => {
  it('writes one read entry per record shown, on every route, naming who read which fields; the chain stays intact', async () => {
    const before = (await readsOf(ofIvanov)).length;
    await as.director.get(`/api/special-conditions/${ofIvanov}`);
    await as.teacherA.get('/api/special-conditions');
    await as.parentA.get(`/api/diary/${world.school.pupils5a[0].documentId}/special-conditions`);
    const reads = (await readsOf(ofIvanov)).slice(before);
    expect(reads).toHaveLength(3);
    expect(reads.map((entry: { actorName: string }) => entry.actorName)).toEqual(['director', 'teacher.a', 'parent.a']);
    expect(reads.map((entry: { reason: string }) => entry.reason)).toEqual([
      'GET /api/special-conditions/:id',
      'GET /api/special-conditions',
      'GET /api/diary/:student/special-conditions',
    ]);
    expect(reads[0].after.fields).toContain('diagnosis');
    expect(reads[1].after.fields).not.toContain('diagnosis');
    expect(reads[1].after.student).toBe(world.school.pupils5a[0].documentId);
    expect(reads.every((entry: { origin: string; recordType: string }) => entry.origin === 'rest-api' && entry.recordType === UID)).toBe(
      true,
    );
    // A refused or hidden read discloses nothing and logs nothing.
    const count = (await readsOf(ofKuznetsov)).length;
    await as.teacherA.get(`/api/special-conditions/${ofKuznetsov}`);
    expect((await readsOf(ofKuznetsov)).length).toBe(count);
    expect((await verifyAuditTrail(strapi)).intact).toBe(true);
  });
});

describe('the audit trail itself', () => {
  it('keeps a digest of the diagnosis in the entries of writes, never the diagnosis', async () => {
    const created = await strapi.db
      .query('api::audit-entry.audit-entry')
      .findOne({ where: { action: 'create', recordDocumentId: ofIvanov } });
    expect(JSON.stringify(created.after)).not.toContain('F81.2');
    expect(created.after.diagnosis).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(created.after.conditions).toContain('Дополнительное время');
  });

  it('logs reads in the admin panel (content manager) as well', async () => {
    const before = (await readsOf(ofKuznetsov)).length;
    const adminState = {
      auth: { strategy: { name: 'admin' } },
      user: { id: 1, firstname: 'Анна', lastname: 'Завуч', email: 'a@school.test' },
    };
    await strapi.requestContext.run({ state: adminState } as never, async () => {
      await strapi.documents(UID).findMany({});
    });
    const reads = (await readsOf(ofKuznetsov)).slice(before);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ origin: 'admin-panel', actorKind: 'admin', actorName: 'Анна Завуч', reason: 'admin-panel' });
    expect((await verifyAuditTrail(strapi)).intact).toBe(true);
  });
});

describe('the journal grid', () => {
  it('marks the pupils with special conditions, and only with a flag', async () => {
    const journal = world.school.mathJournal.documentId;
    const period = world.school.quarters[0].documentId;
    const grid = await as.teacherA.get(`/api/journal-grid/${journal}?period=${period}`);
    expect(grid.status).toBe(200);
    const flags = Object.fromEntries(
      grid.body.data.pupils.map((pupil: { fullName: string; specialConditions: boolean }) => [
        pupil.fullName.split(' ')[0],
        pupil.specialConditions,
      ]),
    );
    expect(flags).toEqual({ Иванов: true, Петрова: false, Сидоров: false });
    expect(JSON.stringify(grid.body)).not.toContain('F81.2');
    expect(JSON.stringify(grid.body)).not.toContain('Дополнительное время');
  });
});
