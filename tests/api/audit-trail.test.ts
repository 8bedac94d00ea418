import type { Core, UID } from '@strapi/strapi';
import supertest from 'supertest';
import { AUDIT_REDACTED_FIELDS, isAudited, snapshotForAudit } from '../../src/audit/audit-trail';
import { runArchiveProcedure } from '../../src/school/records/procedure';
import { adminLogin } from '../helpers/admin';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildMiniSchool, type MiniSchool } from '../helpers/school-fixture';

let strapi: Core.Strapi;
let school: MiniSchool;
let teacher: Api;
let director: Api;

const AUDIT = 'api::audit-entry.audit-entry';
const entriesFor = (documentId: string) =>
  strapi.db.query(AUDIT).findMany({ where: { recordDocumentId: documentId }, orderBy: { sequence: 'asc' } });
const markData = (value: string, lesson = 0) => ({
  kind: 'current',
  journal: school.mathJournal.documentId,
  lesson: school.lessons[lesson].documentId,
  student: school.pupils5a[0].documentId,
  value,
});

beforeAll(async () => {
  strapi = await bootStrapi();
  const teacherAccount = await createAccount(strapi, 'teacher', 'teacher.petrova');
  teacher = apiAs(strapi, teacherAccount.jwt);
  school = await buildMiniSchool(strapi, { teacher: teacherAccount });
  director = apiAs(strapi, (await createAccount(strapi, 'director', 'director')).jwt);
});
afterAll(() => stopStrapi(strapi));

/** A record as the trail saw it before its to-one relations were joined: every relation populated by the query engine. */
const populatedSnapshot = async (uid: UID.ContentType, documentId: string) => {
  const redacted = AUDIT_REDACTED_FIELDS;
  const attributes = strapi.getModel(uid).attributes as Record<string, { type: string }>;
  const relations = Object.keys(attributes).filter((name) => ['relation', 'media'].includes(attributes[name].type) && !redacted.has(name));
  const populate = Object.fromEntries(relations.map((name) => [name, { select: ['id', 'documentId'] }]));
  const stored = (await strapi.db.query(uid).findOne({ where: { documentId }, populate })) as Record<string, unknown>;
  const ref = (item: { documentId?: string; id?: number }) => item.documentId ?? item.id ?? null;
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(stored)) {
    if (redacted.has(name) || name === 'id' || name === 'documentId') continue;
    if (relations.includes(name))
      values[name] = Array.isArray(value) ? value.map(ref) : value ? ref(value as { documentId?: string }) : null;
    else if (name === 'diagnosis') continue;
    else values[name] = value instanceof Date ? value.toISOString() : value;
  }
  return { id: stored.id, values };
};

describe('the audit trail', () => {
  it('sees every record’s relations as the query engine populates them, to-one relations read in one joined query', async () => {
    expect((await teacher.post('/api/marks', markData('3', 1))).status).toBe(201);
    let compared = 0;
    let relationsSeen = 0;
    for (const uid of Object.keys(strapi.contentTypes).filter(isAudited) as UID.ContentType[]) {
      const rows = (await strapi.db.query(uid).findMany({ select: ['documentId'], limit: 3 })) as Array<{ documentId: string }>;
      for (const { documentId } of rows) {
        const joined = await snapshotForAudit(strapi, uid, documentId);
        const reference = await populatedSnapshot(uid, documentId);
        const { diagnosis: _digest, ...comparable } = joined?.values ?? {};
        expect({ uid, id: joined?.id, values: comparable }).toEqual({ uid, ...reference });
        relationsSeen += Object.values(comparable).filter((value) => typeof value === 'string' && value.length === 24).length;
        compared += 1;
      }
    }
    // The mini school and the mark give records of many types, with relations set and empty.
    expect(compared).toBeGreaterThan(20);
    expect(relationsSeen).toBeGreaterThan(20);
  });

  it('answers who changed a mark, when, through which door, and from what to what', async () => {
    const created = await teacher.post('/api/marks', markData('5'));
    const { documentId } = created.body.data;
    await teacher.put(`/api/marks/${documentId}`, { value: '4' });
    await teacher.delete(`/api/marks/${documentId}`);
    const entries = await entriesFor(documentId);
    expect(entries.map((entry: { action: string }) => entry.action)).toEqual(['create', 'update', 'delete']);
    expect(entries[0]).toMatchObject({ recordType: 'api::mark.mark', actorKind: 'user', actorName: 'teacher.petrova', origin: 'rest-api' });
    expect(entries[0].after).toMatchObject({ value: '5', numericValue: 5, student: school.pupils5a[0].documentId });
    expect(entries[1].before).toEqual(expect.objectContaining({ value: '5', numericValue: 5 }));
    expect(entries[1].after).toEqual(expect.objectContaining({ value: '4', numericValue: 4 }));
    expect(Object.keys(entries[1].after)).not.toContain('student');
    expect(entries[2].before).toMatchObject({ value: '4' });
    expect(entries[2].after).toBeNull();
  });

  it('records the setup of the school and the writes of scripts as the system’s', async () => {
    const entries = await entriesFor(school.mathJournal.documentId);
    expect(entries[0]).toMatchObject({ action: 'create', actorKind: 'system', origin: 'script', recordType: 'api::journal.journal' });
  });

  it('writes nothing for a refused write', async () => {
    const before = await strapi.db.query(AUDIT).count({});
    expect((await teacher.post('/api/marks', markData('9'))).status).toBe(400);
    expect(await strapi.db.query(AUDIT).count({})).toBe(before);
  });

  it('records the reason of a correction', async () => {
    const created = await teacher.post('/api/marks', markData('3', 1));
    await runArchiveProcedure({ kind: 'correction', reason: 'Описка', authorisedBy: 'Зам. директора' }, () =>
      strapi.documents('api::mark.mark').update({ documentId: created.body.data.documentId, data: { value: '4' } } as never),
    );
    const [, correction] = await entriesFor(created.body.data.documentId);
    expect(correction).toMatchObject({ procedure: 'correction', reason: 'Описка (Зам. директора)' });
  });

  it('is readable and filterable by the director, by record, user and date', async () => {
    const byUser = await director.get(
      '/api/audit-entries?filters[actorName][$eq]=teacher.petrova&filters[recordType][$eq]=api::mark.mark&sort=sequence:asc',
    );
    expect(byUser.status).toBe(200);
    expect(byUser.body.data.length).toBeGreaterThanOrEqual(3);
    const today = new Date().toISOString().slice(0, 10);
    const byDate = await director.get(`/api/audit-entries?filters[occurredAt][$gte]=${today}T00:00:00.000Z&pagination[pageSize]=1`);
    expect(byDate.body.meta.pagination.total).toBeGreaterThan(0);
  });

  it('cannot be read by a teacher nor changed by anyone through any route', async () => {
    expect((await teacher.get('/api/audit-entries')).status).toBe(403);
    const [entry] = await strapi.db.query(AUDIT).findMany({ limit: 1 });
    expect([404, 405]).toContain((await director.put(`/api/audit-entries/${entry.documentId}`, { actorName: 'x' })).status);
    expect([404, 405]).toContain((await director.delete(`/api/audit-entries/${entry.documentId}`)).status);
    expect([404, 405]).toContain((await director.post('/api/audit-entries', { action: 'create' })).status);
    await expect(strapi.documents(AUDIT).update({ documentId: entry.documentId, data: { actorName: 'x' } } as never)).rejects.toThrow(
      /только дописывается/,
    );
    await expect(strapi.documents(AUDIT).delete({ documentId: entry.documentId } as never)).rejects.toThrow(/только дописывается/);
  });

  it('cannot be changed from the admin panel either, and records admin writes as such', async () => {
    const token = await adminLogin(strapi, { email: 'admin@school.test', firstname: 'Анна', lastname: 'Админова' });
    const agent = supertest(strapi.server.httpServer);
    const admin = (method: 'post' | 'put' | 'delete', path: string) => {
      const url = `/content-manager/collection-types/${path}`;
      const request = method === 'post' ? agent.post(url) : method === 'put' ? agent.put(url) : agent.delete(url);
      return request.set('Authorization', `Bearer ${token}`);
    };
    const [entry] = await strapi.db.query(AUDIT).findMany({ limit: 1 });
    const edit = await admin('put', `${AUDIT}/${entry.documentId}`).send({ actorName: 'подделка' });
    expect(edit.status).toBeGreaterThanOrEqual(400);
    expect((await strapi.db.query(AUDIT).findOne({ where: { id: entry.id } })).actorName).toBe(entry.actorName);
    const subject = await admin('post', 'api::subject.subject').send({ name: 'Черчение', scale: 'five-point' });
    expect(subject.status).toBe(201);
    const [created] = await entriesFor(subject.body.data.documentId);
    expect(created).toMatchObject({ actorKind: 'admin', actorName: 'Анна Админова', origin: 'admin-panel' });
  });

  it('verifies intact, and detects an entry edited or removed directly in the database', async () => {
    const intact = await director.get('/api/audit-entries/verify');
    expect(intact.status).toBe(200);
    expect(intact.body.data).toMatchObject({ intact: true });
    const total = intact.body.data.entries;
    expect(total).toBe(await strapi.db.query(AUDIT).count({}));

    const knex = strapi.db.connection;
    const victim = await knex('audit_entries').where({ sequence: 5 }).first();
    await knex('audit_entries').where({ id: victim.id }).update({ actor_name: 'кто-то другой' });
    const edited = await director.get('/api/audit-entries/verify');
    expect(edited.body.data).toMatchObject({ intact: false, brokenAt: { sequence: 5, problem: expect.stringMatching(/изменено/) } });

    await knex('audit_entries').where({ id: victim.id }).update({ actor_name: victim.actor_name });
    expect((await director.get('/api/audit-entries/verify')).body.data.intact).toBe(true);
    await knex('audit_entries').where({ sequence: 7 }).delete();
    const removed = await director.get('/api/audit-entries/verify');
    expect(removed.body.data).toMatchObject({ intact: false, brokenAt: { sequence: 8, problem: expect.stringMatching(/удалены/) } });
  });
});
