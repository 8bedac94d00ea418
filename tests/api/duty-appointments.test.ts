import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { adminLogin } from '../helpers/admin';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

const APPOINTMENT = 'api::duty-appointment.duty-appointment';
const REMARK = 'api::journal-remark.journal-remark';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let director: Api;
let deputy: Api;
let secondDeputy: Api;
let secretary: Api;
let teacherA: Api;
let secondDeputyId: number;

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  director = apiAs(strapi, world.accounts.director.jwt);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
  secretary = apiAs(strapi, world.accounts.secretary.jwt);
  teacherA = apiAs(strapi, world.teacherA.jwt);
  const second = await createAccount(strapi, 'deputy-director', 'deputy.second');
  secondDeputy = apiAs(strapi, second.jwt);
  secondDeputyId = second.id;
});
afterAll(() => stopStrapi(strapi));

type ErrorBody = { body: { error: { details: { errors: Array<{ path: string[]; message: string }> } } } };
const pathsOf = (response: ErrorBody) => response.body.error.details.errors.map((error) => error.path.join('.'));

const order = (overrides: Record<string, unknown> = {}) => ({
  duty: 'journal-control',
  person: world.accounts.deputy.documentId,
  orderNumber: '12-ОД',
  orderDate: '2025-08-29',
  validFrom: '2025-09-01',
  ...overrides,
});

const inspection = () => ({
  journal: world.school.mathJournal.documentId,
  inspectedOn: '2025-10-01',
  remarks: 'Не записано домашнее задание к уроку 03.09',
});

let appointment: string;

describe('appointments by the director’s order', () => {
  it('lets the director record who controls the journals, from when, by which order', async () => {
    // Before any appointment, the role's permission alone decides: both deputies inspect.
    expect((await secondDeputy.post('/api/journal-remarks', inspection())).status).toBe(201);
    const response = await director.post('/api/duty-appointments', order());
    expect(response.status).toBe(201);
    appointment = response.body.data.documentId;
    const stored = await strapi.db.query(APPOINTMENT).findOne({ where: { documentId: appointment }, populate: { person: true } });
    expect(stored).toMatchObject({ duty: 'journal-control', orderNumber: '12-ОД', validFrom: '2025-09-01', validUntil: null });
    expect(stored.person.id).toBe(world.accounts.deputy.id);
  });

  it('refuses an appointment without its order, a term ending before it starts, and a parent as the person', async () => {
    const before = await strapi.db.query(APPOINTMENT).count();
    expect(pathsOf(await director.post('/api/duty-appointments', order({ orderNumber: '  ' })))).toEqual(['orderNumber']);
    expect(pathsOf(await director.post('/api/duty-appointments', order({ validUntil: '2025-08-01' })))).toEqual(['validUntil']);
    expect(pathsOf(await director.post('/api/duty-appointments', order({ validFrom: '2025-08-01' })))).toEqual(['validFrom']);
    expect(pathsOf(await director.post('/api/duty-appointments', order({ orderDate: '2999-01-01' })))).toEqual(
      expect.arrayContaining(['orderDate']),
    );
    expect(pathsOf(await director.post('/api/duty-appointments', order({ duty: 'cooking' })))).toEqual(['duty']);
    expect(pathsOf(await director.post('/api/duty-appointments', order({ person: world.accounts.parentA.documentId })))).toEqual([
      'person',
    ]);
    expect(await strapi.db.query(APPOINTMENT).count()).toBe(before);
  });

  it('lets only the appointed deputy inspect journals once the duty is assigned', async () => {
    const refused = await secondDeputy.post('/api/journal-remarks', inspection());
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('контроль ведения электронных журналов');
    expect(refused.body.error.message).toContain('12-ОД');
    expect((await deputy.post('/api/journal-remarks', inspection())).status).toBe(201);
    // The teacher still acknowledges remarks: only making an inspection is the appointed duty.
    const [remark] = await strapi.db.query(REMARK).findMany({ where: { state: 'open' }, limit: 1 });
    expect((await teacherA.post(`/api/journal-remarks/${remark.documentId}/acknowledge`, {})).status).toBe(200);
  });

  it('ends the appointed person’s right with the term, and a new order passes it on', async () => {
    expect((await director.put(`/api/duty-appointments/${appointment}`, { validUntil: '2026-05-31' })).status).toBe(200);
    const expired = await deputy.post('/api/journal-remarks', inspection());
    expect(expired.status).toBe(403);
    expect(expired.body.error.message).toContain('срок всех назначений истёк');
    const handedOver = await director.post(
      '/api/duty-appointments',
      order({ person: secondDeputyId, orderNumber: '88-ОД', orderDate: '2026-06-01', validFrom: '2026-06-01' }),
    );
    expect(handedOver.status).toBe(201);
    expect((await secondDeputy.post('/api/journal-remarks', inspection())).status).toBe(201);
    expect((await deputy.post('/api/journal-remarks', inspection())).status).toBe(403);
  });

  it('keeps the certificate books to the appointed person', async () => {
    expect(
      (await secretary.post('/api/duty-appointments', order({ duty: 'certificate-books', person: world.accounts.secretary.documentId })))
        .status,
    ).toBe(201);
    const deputyIssue = await deputy.post('/api/certificate-entries/issue', {
      student: world.school.pupils5a[0].documentId,
      level: 'basic-general',
    });
    expect(deputyIssue.status).toBe(403);
    expect(deputyIssue.body.error.message).toContain('книг регистрации');
    // The appointed secretary passes the gate and meets the book's own rules.
    const secretaryIssue = await secretary.post('/api/certificate-entries/issue', {
      student: world.school.pupils5a[0].documentId,
      level: 'basic-general',
    });
    expect(secretaryIssue.status).toBe(400);
  });

  it('is kept by the director and the secretary, read by the deputy, closed to teachers', async () => {
    expect((await deputy.get('/api/duty-appointments')).body.data.length).toBeGreaterThanOrEqual(3);
    expect((await deputy.post('/api/duty-appointments', order())).status).toBe(403);
    expect((await teacherA.get('/api/duty-appointments')).status).toBe(403);
  });
});

describe('appointments narrow the admin panel’s duties: backups, integrity checks, stored certificates', () => {
  let appointedAdmin: string;
  let otherAdmin: string;
  let strangerAdmin: string;
  const panel = (token: string) => {
    const agent = supertest(strapi.server.httpServer);
    return {
      post: (url: string, body: object = {}) => agent.post(`/records-archive${url}`).set('Authorization', `Bearer ${token}`).send(body),
      put: (url: string, body: object = {}) => agent.put(`/records-archive${url}`).set('Authorization', `Bearer ${token}`).send(body),
    };
  };
  const storedCertificate = {
    recordType: 'stored-basic-certificate',
    title: 'Аттестат об основном общем образовании, принятый на хранение: Иванов Пётр',
    schoolYear: '2025/2026',
  };

  beforeAll(async () => {
    // Panel users, all super admins: the archivist's panel account is matched to their school account by e-mail.
    appointedAdmin = await adminLogin(strapi, { email: 'archivist@school.test' });
    otherAdmin = await adminLogin(strapi, { email: 'deputy@school.test' });
    strangerAdmin = await adminLogin(strapi, { email: 'owner@example.test' });
  });

  it('lets any panel user holding the action do them before the director appoints anyone', async () => {
    // A refused body (400) shows the request passed the gate and met the route's own checks.
    expect((await panel(otherAdmin).post('/backups', { kind: 'daily' })).status).toBe(400);
    expect((await panel(otherAdmin).post('/fixity-checks', { packages: 'all' })).status).toBe(400);
  });

  it('keeps backups, integrity checks and stored certificates to the appointed archivist once appointed', async () => {
    for (const duty of ['backups', 'e-journal-support', 'stored-certificates']) {
      const response = await director.post(
        '/api/duty-appointments',
        order({ duty, person: world.accounts.archivist.documentId, orderNumber: '31-ОД' }),
      );
      expect(response.status).toBe(201);
    }
    const backup = await panel(otherAdmin).post('/backups', { kind: 'daily' });
    expect(backup.status).toBe(403);
    expect(backup.body.error.message).toContain('резервное копирование');
    expect(backup.body.error.message).toContain('archivist (приказ 31-ОД)');
    const check = await panel(strangerAdmin).post('/fixity-checks', {});
    expect(check.status).toBe(403);
    expect(check.body.error.message).toContain('техническое сопровождение');
    const carriersBefore = await strapi.db.query('plugin::records-archive.paper-carrier').count();
    const kept = await panel(otherAdmin).post('/paper-archive/carriers', storedCertificate);
    expect(kept.status).toBe(403);
    expect(kept.body.error.message).toContain('хранение аттестатов');
    expect(await strapi.db.query('plugin::records-archive.paper-carrier').count()).toBe(carriersBefore);

    expect((await panel(appointedAdmin).post('/backups', { kind: 'daily' })).status).toBe(400);
    expect((await panel(appointedAdmin).post('/fixity-checks', { packages: 'all' })).status).toBe(400);
    const taken = await panel(appointedAdmin).post('/paper-archive/carriers', storedCertificate);
    expect(taken.status).toBe(201);
    // Other carriers stay with the role: the deputy's panel account registers a class journal and
    // cannot change the stored certificate's record.
    const journal = await panel(otherAdmin).post('/paper-archive/carriers', {
      recordType: 'paper-journal',
      title: 'Классный журнал 5А',
      schoolYear: '2025/2026',
    });
    expect(journal.status).toBe(201);
    expect((await panel(otherAdmin).put(`/paper-archive/carriers/${taken.body.data.id}`, { sheets: 2 })).status).toBe(403);
    expect((await panel(appointedAdmin).put(`/paper-archive/carriers/${taken.body.data.id}`, { sheets: 2 })).status).toBe(200);
  });
});
