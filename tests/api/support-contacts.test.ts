import type { Core } from '@strapi/strapi';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/** The log of contacts with technical support kept by the person responsible for the e-journal (seed 004 §3.12.2). */

const CONTACT = 'api::support-contact.support-contact';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let archivist: Api;
let director: Api;
let deputy: Api;
let teacherA: Api;

type ErrorBody = { body: { error: { details: { errors: Array<{ path: string[] }> } } } };
const pathsOf = (response: ErrorBody) => response.body.error.details.errors.map((error) => error.path.join('.'));

const contact = (overrides: Record<string, unknown> = {}) => ({
  contactedOn: '2026-10-01',
  channel: 'portal',
  provider: 'Техподдержка Школьного портала',
  ticketNumber: 'SP-1042',
  problem: 'Журнал 5А не открывается у учителя математики',
  ...overrides,
});

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  archivist = apiAs(strapi, world.accounts.archivist.jwt);
  director = apiAs(strapi, world.accounts.director.jwt);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
  teacherA = apiAs(strapi, world.teacherA.jwt);
});
afterAll(() => stopStrapi(strapi));

describe('contacts with technical support', () => {
  let logged: string;

  it('records a contact with who made it, and its resolution later', async () => {
    const created = await archivist.post('/api/support-contacts', contact());
    expect(created.status).toBe(201);
    logged = created.body.data.documentId;
    const stored = await strapi.db.query(CONTACT).findOne({ where: { documentId: logged }, populate: { contactedBy: true } });
    expect(stored).toMatchObject({ contactedOn: '2026-10-01', ticketNumber: 'SP-1042', resolvedOn: null });
    expect(stored.contactedBy.id).toBe(world.accounts.archivist.id);
    const resolved = await archivist.put(`/api/support-contacts/${logged}`, {
      resolution: 'Сброшен кэш браузера',
      resolvedOn: '2026-10-02',
    });
    expect(resolved.status).toBe(200);
    expect(await strapi.db.query(CONTACT).findOne({ where: { documentId: logged } })).toMatchObject({ resolvedOn: '2026-10-02' });
  });

  it('refuses a contact in the future, a resolution before the contact or without its date, and another author', async () => {
    const before = await strapi.db.query(CONTACT).count();
    expect(pathsOf(await archivist.post('/api/support-contacts', contact({ contactedOn: '2999-01-01' })))).toEqual(['contactedOn']);
    expect(pathsOf(await archivist.post('/api/support-contacts', contact({ resolvedOn: '2026-09-30', resolution: 'x' })))).toEqual([
      'resolvedOn',
    ]);
    expect(pathsOf(await archivist.post('/api/support-contacts', contact({ resolution: 'Исправлено' })))).toEqual(['resolvedOn']);
    expect(pathsOf(await archivist.post('/api/support-contacts', contact({ resolvedOn: '2026-10-03' })))).toEqual(['resolution']);
    expect(pathsOf(await archivist.post('/api/support-contacts', contact({ provider: ' ', problem: '' })))).toEqual([
      'provider',
      'problem',
    ]);
    expect(await strapi.db.query(CONTACT).count()).toBe(before);
    const changed = await director.put(`/api/support-contacts/${logged}`, { contactedBy: world.accounts.director.documentId });
    expect(pathsOf(changed)).toEqual(['contactedBy']);
  });

  it('is kept by the system administrator and the director, read by the deputy, closed to teachers, never deleted', async () => {
    expect((await deputy.get('/api/support-contacts')).body.data.length).toBeGreaterThanOrEqual(1);
    expect((await deputy.post('/api/support-contacts', contact())).status).toBe(403);
    expect((await teacherA.get('/api/support-contacts')).status).toBe(403);
    expect((await archivist.delete(`/api/support-contacts/${logged}`)).status).toBe(403);
  });

  it('is kept by the person appointed for the e-journal’s technical support once the director appoints one', async () => {
    const engineer = await createAccount(strapi, 'archivist', 'engineer');
    const appointed = await director.post('/api/duty-appointments', {
      duty: 'e-journal-support',
      person: engineer.documentId,
      orderNumber: '40-ОД',
      orderDate: '2026-09-01',
      validFrom: '2026-09-01',
    });
    expect(appointed.status).toBe(201);
    const refused = await archivist.post('/api/support-contacts', contact());
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('техническое сопровождение');
    expect((await apiAs(strapi, engineer.jwt).post('/api/support-contacts', contact())).status).toBe(201);
  });
});
