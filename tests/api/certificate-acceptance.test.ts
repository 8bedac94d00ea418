import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { adminLogin } from '../helpers/admin';
import { make } from '../helpers/school-fixture';
import { apiAs, bootStrapi, createAccount, stopStrapi } from '../helpers/strapi';

/** аттестаты об основном общем образовании accepted into safekeeping at admission to grade 10 (seed 002 §3.4.1–3.4.2, R48). */

const ACCEPTANCE = 'api::certificate-acceptance.certificate-acceptance';
const CARRIER = 'plugin::records-archive.paper-carrier';

let strapi: Core.Strapi;
let archivistPanel: string;
const accounts: Record<'secretary' | 'deputy' | 'director' | 'teacher', { id: number; documentId: string; jwt: string }> = {} as never;
const enrollments: Record<'orlova' | 'pavlov' | 'sokolov' | 'ninth' | 'later', { documentId: string }> = {} as never;
const pupils: Record<'orlova' | 'pavlov' | 'sokolov', { documentId: string }> = {} as never;

const stored = async () => {
  const response = await supertest(strapi.server.httpServer)
    .get('/records-archive/paper-archive/stored-certificates')
    .set('Authorization', `Bearer ${archivistPanel}`);
  expect(response.status).toBe(200);
  return response.body.data as {
    held: Array<{ student: { documentId: string }; storagePlace: string; caseIndex: string; title: string }>;
    notHandedIn: Array<{ documentId: string }>;
  };
};

const acceptance = (enrollment: string, overrides: Record<string, unknown> = {}) => ({
  enrollment,
  kind: 'original',
  series: '',
  number: '03924000123456',
  acceptedOn: '2026-09-01',
  acceptedBy: 'Секретарь учебной части Белова Н.С.',
  ...overrides,
});

const pathsOf = (response: { status: number; body: { error?: { details?: { errors?: Array<{ path: string[] }> } } } }) => {
  expect(response.status).toBe(400);
  return (response.body.error?.details?.errors ?? []).map((error) => error.path.join('.'));
};

beforeAll(async () => {
  strapi = await bootStrapi();
  const year = await make(strapi, 'api::academic-year.academic-year', {
    title: '2026/2027',
    startDate: '2026-09-01',
    endDate: '2027-08-31',
    state: 'current',
  });
  const class10 = await make(strapi, 'api::school-class.school-class', { grade: 10, letter: 'А', academicYear: year.documentId });
  const class9 = await make(strapi, 'api::school-class.school-class', { grade: 9, letter: 'Б', academicYear: year.documentId });
  for (const [key, lastName] of [
    ['orlova', 'Орлова'],
    ['pavlov', 'Павлов'],
    ['sokolov', 'Соколов'],
  ] as const) {
    pupils[key] = await make(strapi, 'api::student.student', {
      lastName,
      firstName: 'Анна',
      patronymic: 'Петровна',
      gender: 'female',
      birthDate: '2011-03-02',
    });
    enrollments[key] = await make(strapi, 'api::enrollment.enrollment', {
      student: pupils[key].documentId,
      schoolClass: class10.documentId,
      startDate: '2026-09-01',
      admissionOrder: '№ 70-у',
    });
  }
  const ninthGrader = await make(strapi, 'api::student.student', {
    lastName: 'Зайцев',
    firstName: 'Илья',
    gender: 'male',
    birthDate: '2012-01-10',
  });
  enrollments.ninth = await make(strapi, 'api::enrollment.enrollment', {
    student: ninthGrader.documentId,
    schoolClass: class9.documentId,
    startDate: '2026-09-01',
  });
  const later = await make(strapi, 'api::student.student', {
    lastName: 'Лебедев',
    firstName: 'Олег',
    gender: 'male',
    birthDate: '2011-02-02',
  });
  enrollments.later = await make(strapi, 'api::enrollment.enrollment', {
    student: later.documentId,
    schoolClass: class10.documentId,
    startDate: '2026-11-16',
    admissionOrder: '№ 95-у',
  });
  accounts.secretary = await createAccount(strapi, 'secretary', 'acceptance.secretary');
  accounts.deputy = await createAccount(strapi, 'deputy-director', 'acceptance.deputy');
  accounts.director = await createAccount(strapi, 'director', 'acceptance.director');
  accounts.teacher = await createAccount(strapi, 'teacher', 'acceptance.teacher');
  archivistPanel = await adminLogin(strapi, { email: 'archivist.acceptance@school.test', roleCode: 'school-archivist' });
});
afterAll(() => stopStrapi(strapi));

describe('the basic аттестат accepted at admission to grade 10', () => {
  it('registers an accepted original in the safe of the paper archive, so the check counts the pupil as handed in', async () => {
    const before = await stored();
    expect(before.notHandedIn.map((pupil) => pupil.documentId)).toContain(pupils.orlova.documentId);

    const response = await apiAs(strapi, accounts.secretary.jwt).post(
      '/api/certificate-acceptances',
      acceptance(enrollments.orlova.documentId, { series: '03', acceptedOn: '2026-09-02' }),
    );
    expect(response.status).toBe(201);
    const row = await strapi.db.query(ACCEPTANCE).findOne({
      where: { documentId: response.body.data.documentId },
      populate: { student: true, paperCarrier: { populate: { student: true } }, registeredBy: true },
    });
    expect(row).toMatchObject({ kind: 'original', series: '03', number: '03924000123456', acceptedOn: '2026-09-02' });
    expect(row.student.documentId).toBe(pupils.orlova.documentId);
    expect(row.registeredBy.id).toBe(accounts.secretary.id);
    expect(row.paperCarrier).toMatchObject({
      recordType: 'stored-basic-certificate',
      caseIndex: '02-08',
      storagePlace: 'Сейф учебной части',
      state: 'in-storage',
      schoolYear: '2026/2027',
      custodian: 'Секретарь учебной части Белова Н.С.',
    });
    expect(row.paperCarrier.student.documentId).toBe(pupils.orlova.documentId);

    const after = await stored();
    expect(after.held.map((held) => held.student.documentId)).toEqual([pupils.orlova.documentId]);
    expect(after.notHandedIn.map((pupil) => pupil.documentId)).not.toContain(pupils.orlova.documentId);
    expect(after.notHandedIn.map((pupil) => pupil.documentId)).toContain(pupils.pavlov.documentId);
  });

  it('keeps an accepted copy in the safe too, and links a certificate the archivist already registered by hand', async () => {
    const copy = await apiAs(strapi, accounts.deputy.jwt).post(
      '/api/certificate-acceptances',
      acceptance(enrollments.pavlov.documentId, { kind: 'copy', number: '03924000000777' }),
    );
    expect(copy.status).toBe(201);
    const copyRow = await strapi.db
      .query(ACCEPTANCE)
      .findOne({ where: { documentId: copy.body.data.documentId }, populate: { paperCarrier: true } });
    expect(copyRow.paperCarrier.title).toContain('(копия)');

    const byHand = await supertest(strapi.server.httpServer)
      .post('/records-archive/paper-archive/carriers')
      .set('Authorization', `Bearer ${archivistPanel}`)
      .send({
        recordType: 'stored-basic-certificate',
        title: 'Аттестат Соколовой',
        schoolYear: '2026/2027',
        student: pupils.sokolov.documentId,
      });
    expect(byHand.status).toBe(201);
    const carriersBefore = await strapi.db.query(CARRIER).count({});
    const linked = await apiAs(strapi, accounts.director.jwt).post(
      '/api/certificate-acceptances',
      acceptance(enrollments.sokolov.documentId, { number: '03924000000888' }),
    );
    expect(linked.status).toBe(201);
    const linkedRow = await strapi.db
      .query(ACCEPTANCE)
      .findOne({ where: { documentId: linked.body.data.documentId }, populate: { paperCarrier: true } });
    expect(linkedRow.paperCarrier.id).toBe(byHand.body.data.id);
    expect(await strapi.db.query(CARRIER).count({})).toBe(carriersBefore);
    expect((await stored()).notHandedIn.map((pupil) => pupil.documentId)).not.toContain(pupils.sokolov.documentId);
  });

  it('refuses a second acceptance while the first аттестат is in the safe, and accepts again once it was handed back', async () => {
    const secretary = apiAs(strapi, accounts.secretary.jwt);
    expect(pathsOf(await secretary.post('/api/certificate-acceptances', acceptance(enrollments.orlova.documentId)))).toEqual([
      'enrollment',
    ]);
    const first = await strapi.db.query(ACCEPTANCE).findOne({
      where: { student: { documentId: pupils.orlova.documentId } },
      populate: { paperCarrier: true },
    });
    await strapi.db.query(CARRIER).update({ where: { id: first.paperCarrier.id }, data: { state: 'handed-over' } });
    const again = await secretary.post(
      '/api/certificate-acceptances',
      acceptance(enrollments.orlova.documentId, { acceptedOn: '2026-10-01' }),
    );
    expect(again.status).toBe(201);
  });

  it('refuses an enrolment outside grades 10–11, a day before the enrolment or in the future, and a missing number, naming the field', async () => {
    const secretary = apiAs(strapi, accounts.secretary.jwt);
    const post = (body: object) => secretary.post('/api/certificate-acceptances', body);
    const ninth = await post(acceptance(enrollments.ninth.documentId));
    expect(pathsOf(ninth)).toEqual(['enrollment']);
    expect(ninth.body.error.message).toContain('10–11');
    const early = await post(acceptance(enrollments.later.documentId, { acceptedOn: '2026-11-10' }));
    expect(pathsOf(early)).toEqual(['acceptedOn']);
    expect(early.body.error.message).toContain('16.11.2026');
    expect(pathsOf(await post(acceptance(enrollments.later.documentId, { acceptedOn: '2999-01-01' })))).toEqual(['acceptedOn']);
    expect(pathsOf(await post(acceptance(enrollments.later.documentId, { number: '  ', acceptedOn: '2026-11-16' })))).toEqual(['number']);
    expect(pathsOf(await post(acceptance(enrollments.later.documentId, { kind: 'scan', acceptedOn: '2026-11-16' })))).toEqual(['kind']);
    expect(pathsOf(await post(acceptance('', {})))).toEqual(['enrollment']);
    expect(await strapi.db.query(ACCEPTANCE).count({ where: { enrollment: { documentId: enrollments.later.documentId } } })).toBe(0);
  });

  it('corrects the number but never moves an acceptance to another enrolment or deletes it', async () => {
    const secretary = apiAs(strapi, accounts.secretary.jwt);
    const row = await strapi.db.query(ACCEPTANCE).findOne({ where: { student: { documentId: pupils.pavlov.documentId } } });
    expect((await secretary.put(`/api/certificate-acceptances/${row.documentId}`, { number: '03924000000778' })).status).toBe(200);
    expect(
      pathsOf(await secretary.put(`/api/certificate-acceptances/${row.documentId}`, { enrollment: enrollments.later.documentId })),
    ).toContain('enrollment');
    expect(pathsOf(await secretary.put(`/api/certificate-acceptances/${row.documentId}`, { kind: 'original' }))).toEqual(['kind']);
    expect((await secretary.delete(`/api/certificate-acceptances/${row.documentId}`)).status).toBe(403);
    // Nor does the class list entry it was accepted at go while it names it.
    expect((await secretary.delete(`/api/enrollments/${enrollments.pavlov.documentId}`)).status).toBeGreaterThanOrEqual(400);
    expect(await strapi.db.query('api::enrollment.enrollment').count({ where: { documentId: enrollments.pavlov.documentId } })).toBe(1);
    expect(await strapi.db.query(ACCEPTANCE).findOne({ where: { id: row.id } })).toMatchObject({ number: '03924000000778', kind: 'copy' });
  });

  it('writes the acceptance and its carrier together: when the carrier cannot be registered, neither is stored', async () => {
    const rules = strapi.db.query('plugin::records-archive.retention-rule');
    await rules.update({ where: { recordType: 'stored-basic-certificate' }, data: { recordType: 'stored-basic-certificate-off' } });
    try {
      const acceptancesBefore = await strapi.db.query(ACCEPTANCE).count({});
      const carriersBefore = await strapi.db.query(CARRIER).count({});
      const response = await apiAs(strapi, accounts.secretary.jwt).post(
        '/api/certificate-acceptances',
        acceptance(enrollments.later.documentId, { acceptedOn: '2026-11-16' }),
      );
      expect(response.status).toBe(400);
      expect(await strapi.db.query(ACCEPTANCE).count({})).toBe(acceptancesBefore);
      expect(await strapi.db.query(CARRIER).count({})).toBe(carriersBefore);
    } finally {
      await rules.update({ where: { recordType: 'stored-basic-certificate-off' }, data: { recordType: 'stored-basic-certificate' } });
    }
  });

  it('is recorded only by the person appointed for stored certificates once the director has appointed one', async () => {
    expect(
      (await apiAs(strapi, accounts.teacher.jwt).post('/api/certificate-acceptances', acceptance(enrollments.later.documentId))).status,
    ).toBe(403);
    expect((await apiAs(strapi, accounts.teacher.jwt).get('/api/certificate-acceptances')).status).toBe(403);
    await make(strapi, 'api::duty-appointment.duty-appointment', {
      duty: 'stored-certificates',
      person: accounts.deputy.documentId,
      orderNumber: '15-ОД',
      orderDate: '2026-09-01',
      validFrom: '2026-09-01',
    });
    const bySecretary = await apiAs(strapi, accounts.secretary.jwt).post(
      '/api/certificate-acceptances',
      acceptance(enrollments.later.documentId, { acceptedOn: '2026-11-16' }),
    );
    expect(bySecretary.status).toBe(403);
    expect(bySecretary.body.error.message).toContain('15-ОД');
    const byDeputy = await apiAs(strapi, accounts.deputy.jwt).post(
      '/api/certificate-acceptances',
      acceptance(enrollments.later.documentId, { acceptedOn: '2026-11-16' }),
    );
    expect(byDeputy.status).toBe(201);
  });
});
