import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { RETENTION_RULE_UID, RETENTION_RULE_VERSION_UID } from '../../src/plugins/records-archive/server/src/constants';
import type { RuleVersion } from '../../src/plugins/records-archive/server/src/services/retention-history';
import { adminLogin } from '../helpers/admin';
import { bootStrapi, stopStrapi } from '../helpers/strapi';

/** Every change of a retention rule is versioned (who, when, old and new values); invalid rules are refused with 400. */

let strapi: Core.Strapi;
let superToken: string;
let editorToken: string;

const contentManager = (token: string) => {
  const base = `/content-manager/collection-types/${RETENTION_RULE_UID}`;
  const agent = supertest(strapi.server.httpServer);
  return {
    create: (data: object) => agent.post(base).set('Authorization', `Bearer ${token}`).send(data),
    update: (documentId: string, data: object) => agent.put(`${base}/${documentId}`).set('Authorization', `Bearer ${token}`).send(data),
  };
};

const history = (token: string | undefined, documentId: string) => {
  const request = supertest(strapi.server.httpServer).get(`/records-archive/retention-rules/${documentId}/history`);
  return token ? request.set('Authorization', `Bearer ${token}`) : request;
};

const ruleOf = async (recordType: string) => strapi.db.query(RETENTION_RULE_UID).findOne({ where: { recordType } });
const versionsOf = async (documentId: string): Promise<RuleVersion[]> =>
  (await strapi.db
    .query(RETENTION_RULE_VERSION_UID)
    .findMany({ where: { ruleDocumentId: documentId }, orderBy: { version: 'asc' } })) as RuleVersion[];

beforeAll(async () => {
  strapi = await bootStrapi();
  superToken = await adminLogin(strapi, {
    email: 'zavuch@school.test',
    roleCode: 'strapi-super-admin',
    firstname: 'Ирина',
    lastname: 'Завуч',
  });
  editorToken = await adminLogin(strapi, { email: 'editor@school.test', roleCode: 'strapi-editor', firstname: 'Ирина', lastname: 'Завуч' });
});
afterAll(() => stopStrapi(strapi));

describe('retention rule versions', () => {
  it('start with the seeded rules, written by the system (the «backup» rule included)', async () => {
    const backup = await ruleOf('backup');
    expect(backup).toMatchObject({ periodKind: 'fixed', periodYears: 1, countsFrom: 'record-created', fromNextJanuary: false });
    const [first] = await versionsOf(backup.documentId);
    expect(first).toMatchObject({ version: 1, changeKind: 'create', changedBy: 'system', changedByKind: 'system', oldValues: null });
    expect(first.newValues).toMatchObject({ recordType: 'backup', periodYears: 1 });
    const rules = await strapi.db.query(RETENTION_RULE_UID).count({});
    expect(await strapi.db.query(RETENTION_RULE_VERSION_UID).count({})).toBe(rules);
  });

  it('record an edit in the admin panel with who, when, old and new values', async () => {
    const rule = await ruleOf('personal-file');
    const response = await contentManager(superToken).update(rule.documentId, {
      periodYears: 5,
      legalBasis: 'Приказ директора № 12 от 01.09.2026: 5 лет после выбытия',
    });
    expect(response.status).toBe(200);
    const versions = await versionsOf(rule.documentId);
    expect(versions).toHaveLength(2);
    expect(versions[1]).toMatchObject({
      version: 2,
      changeKind: 'update',
      changedByKind: 'admin',
      changedBy: 'Ирина Завуч <zavuch@school.test>',
      changedFields: ['periodYears', 'legalBasis'],
      oldValues: { periodYears: 3, legalBasis: rule.legalBasis, countsFrom: 'pupil-leaves' },
      newValues: { periodYears: 5, legalBasis: 'Приказ директора № 12 от 01.09.2026: 5 лет после выбытия', countsFrom: 'pupil-leaves' },
    });
    expect(Date.now() - new Date(versions[1].changedAt).getTime()).toBeLessThan(60_000);
  });

  it('are not written for a save that changes nothing', async () => {
    const rule = await ruleOf('exam-protocol');
    await strapi.documents(RETENTION_RULE_UID).update({ documentId: rule.documentId, data: { periodYears: 1 } as never });
    expect(await versionsOf(rule.documentId)).toHaveLength(1);
  });

  it('refuse a fixed period without years or months, and a rule without a legal basis, with 400 and the field', async () => {
    const rule = await ruleOf('summary-sheet');
    const noPeriod = await contentManager(superToken).update(rule.documentId, { periodYears: 0, periodMonths: null });
    expect(noPeriod.status).toBe(400);
    expect(noPeriod.body.error.details.errors).toEqual([expect.objectContaining({ path: ['periodYears'] })]);
    expect(noPeriod.body.error.message).toMatch(/укажите число лет или месяцев/);
    const noBasis = await contentManager(superToken).update(rule.documentId, { legalBasis: '   ' });
    expect(noBasis.status).toBe(400);
    expect(noBasis.body.error.details.errors).toEqual([expect.objectContaining({ path: ['legalBasis'] })]);
    // Every record type has a seeded rule: the medals book's is removed (below the document service) to create one anew.
    await strapi.db.query(RETENTION_RULE_UID).delete({ where: { recordType: 'medals-book' } });
    const newRule = await contentManager(superToken).create({
      recordType: 'medals-book',
      title: 'Книга учёта медалей',
      periodKind: 'fixed',
      countsFrom: 'book-closed',
      actionAtExpiry: 'expert-review',
    });
    expect(newRule.status).toBe(400);
    expect(newRule.body.error.details.errors.map((issue: { path: string[] }) => issue.path[0]).sort()).toEqual([
      'legalBasis',
      'periodYears',
    ]);
    expect(await ruleOf('medals-book')).toBeNull();
    expect(await ruleOf('summary-sheet')).toMatchObject({ periodYears: 25, legalBasis: rule.legalBasis });
    expect(await versionsOf(rule.documentId)).toHaveLength(1);
  });

  it('record creation and deletion too', async () => {
    const created = await contentManager(superToken).create({
      recordType: 'medals-book',
      title: 'Книга учёта и выдачи медалей',
      periodKind: 'permanent',
      countsFrom: 'book-closed',
      actionAtExpiry: 'expert-review',
      legalBasis: 'Номенклатура дел школы',
    });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;
    await strapi.documents(RETENTION_RULE_UID).delete({ documentId });
    const versions = await versionsOf(documentId);
    expect(versions.map((version) => [version.version, version.changeKind])).toEqual([
      [1, 'create'],
      [2, 'delete'],
    ]);
    expect(versions[0]).toMatchObject({ changedByKind: 'admin', newValues: { periodKind: 'permanent' } });
    expect(versions[1]).toMatchObject({ changedBy: 'system', oldValues: { recordType: 'medals-book' }, newValues: null });
  });

  it('are listed newest first by an admin route that needs its permission', async () => {
    const rule = await ruleOf('personal-file');
    const response = await history(superToken, rule.documentId);
    expect(response.status).toBe(200);
    expect(response.body.data.map((version: RuleVersion) => version.version)).toEqual([2, 1]);
    expect(response.body.meta).toEqual({ total: 2 });
    expect((await history(editorToken, rule.documentId)).status).toBe(403);
    expect((await history(undefined, rule.documentId)).status).toBe(401);
  });
});
