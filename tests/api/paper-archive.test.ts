import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import {
  INVENTORY_CHECK_UID,
  PAPER_CARRIER_UID,
  RETENTION_RULE_UID,
  RETENTION_RULE_VERSION_UID,
} from '../../src/plugins/records-archive/server/src/constants';
import { DEFAULT_RETENTION_RULES } from '../../src/plugins/records-archive/server/src/rules/default-retention-rules';
import { ensureStaffAdminRoles } from '../../src/plugins/records-archive/server/src/staff-roles';
import { getService } from '../../src/plugins/records-archive/server/src/utils';
import { adminLogin } from '../helpers/admin';
import { pdfText } from '../helpers/pdf-text';
import { buildMiniSchool, make, type MiniSchool } from '../helpers/school-fixture';
import { bootStrapi, createAccount, stopStrapi } from '../helpers/strapi';

/**
 * The paper archive (R43 location, R60, R62, R63, R66, R67): the new default retention rules,
 * carriers of paper cases with their expiry, the year's class journals registered in one step,
 * the list of files (номенклатура дел) as a PDF, disposition of expired carriers by an approved
 * act only (and never under a legal hold), inventory checks signed and then read-only, every route
 * behind the plugin's RBAC actions.
 */

type Carrier = {
  id: number;
  documentId: string;
  recordType: string;
  title: string;
  schoolYear: string;
  caseIndex: string | null;
  storagePlace: string | null;
  closedOn: string | null;
  expiresOn: string | null;
  state: string;
  stateLabel: string;
  destructionActNumber: string | null;
  schoolClass: { name: string } | null;
};

let strapi: Core.Strapi;
let school: MiniSchool;
let oldYear: { id: number; documentId: string };
let superToken: string;
let archivistToken: string;
let deputyToken: string;
let teacherToken: string;
let restTeacherJwt: string;

const api = (token?: string) => {
  const agent = supertest(strapi.server.httpServer);
  const auth = <T extends supertest.Test>(test: T): T => (token ? (test.set('Authorization', `Bearer ${token}`) as T) : test);
  return {
    get: (url: string) => auth(agent.get(`/records-archive${url}`)),
    post: (url: string, body: object = {}) => auth(agent.post(`/records-archive${url}`)).send(body),
    put: (url: string, body: object = {}) => auth(agent.put(`/records-archive${url}`)).send(body),
    pdf: (url: string) =>
      auth(agent.get(`/records-archive${url}`))
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        }),
  };
};

const dueKeys = async (): Promise<string[]> => {
  const response = await api(superToken).get('/disposition/due');
  expect(response.status).toBe(200);
  return (response.body.data as Array<{ rule: { recordType: string }; items: Array<{ recordType: string; documentId: string }> }>).flatMap(
    (group) => group.items.map((item) => `${group.rule.recordType}/${item.recordType}/${item.documentId}`),
  );
};

const carrierRow = async (id: number) => strapi.db.query(PAPER_CARRIER_UID).findOne({ where: { id } });

/** The PDF's text with the lines of wrapped cells joined. */
const flat = (text: string): string => text.replace(/\s*\n\s*/g, ' ');

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Moscow' });

beforeAll(async () => {
  strapi = await bootStrapi();
  strapi.config.set('school.timeZone', 'Europe/Moscow');
  superToken = await adminLogin(strapi, { email: 'director@school.test', lastname: 'Директорова' });
  // The staff admin roles the plugin creates at its first start.
  archivistToken = await adminLogin(strapi, { email: 'archivist@school.test', roleCode: 'school-archivist', lastname: 'Архивова' });
  deputyToken = await adminLogin(strapi, { email: 'deputy@school.test', roleCode: 'school-deputy-director', lastname: 'Завучева' });
  teacherToken = await adminLogin(strapi, { email: 'teacher@school.test', roleCode: 'school-teacher', lastname: 'Учителева' });
  restTeacherJwt = (await createAccount(strapi, 'teacher', 'paper-teacher')).jwt;

  school = await buildMiniSchool(strapi);
  oldYear = await make(strapi, 'api::academic-year.academic-year', {
    title: '2019/2020',
    startDate: '2019-09-01',
    endDate: '2020-08-31',
    state: 'closed',
  });
  for (const letter of ['А', 'Б'])
    await make(strapi, 'api::school-class.school-class', { grade: 9, letter, academicYear: oldYear.documentId });
});

afterAll(() => stopStrapi(strapi));

describe('the default retention rules', () => {
  it('are seeded for every new record type with the case index, carrier and place of the list of files', async () => {
    const rules = (await strapi.db.query(RETENTION_RULE_UID).findMany({})) as Array<Record<string, unknown>>;
    const byType = new Map(rules.map((rule) => [rule.recordType, rule]));
    for (const type of [
      'work-notebook',
      'test-notebook',
      'monitoring-data',
      'distance-lesson-plan',
      'distance-daily-report',
      'distance-pupil-work',
      'audit-trail',
      'backup',
      'study-certificate-book',
      'medals-book',
      'destruction-act',
      'inventory-check-act',
    ])
      expect({ type, seeded: byType.has(type) }).toEqual({ type, seeded: true });
    expect(byType.get('test-notebook')).toMatchObject({
      periodYears: 1,
      caseIndex: '02-09',
      carrier: 'paper',
      storagePlace: 'Кабинет учителя-предметника',
    });
    expect(byType.get('inventory-check-act')).toMatchObject({ periodKind: 'permanent', caseIndex: '03-06' });
    expect(byType.get('paper-journal')).toMatchObject({ periodYears: 5, caseIndex: '02-05', storagePlace: 'Учебная часть' });
  });

  it('never overwrite a rule the school edited, and come back only where a record type has no rule', async () => {
    const rule = await strapi.db.query(RETENTION_RULE_UID).findOne({ where: { recordType: 'test-notebook' } });
    await strapi.documents(RETENTION_RULE_UID).update({
      documentId: rule.documentId,
      data: { periodYears: 2, storagePlace: 'Шкаф № 3 кабинета физики', legalBasis: 'Номенклатура дел школы, дело 02-09' } as never,
    });
    await strapi.db.query(RETENTION_RULE_UID).delete({ where: { recordType: 'monitoring-data' } });
    const versionsBefore = await strapi.db.query(RETENTION_RULE_VERSION_UID).count({});

    expect(await getService(strapi, 'retention').seedDefaultRules()).toBe(1);
    expect(await getService(strapi, 'retention').seedDefaultRules()).toBe(0);

    expect(await strapi.db.query(RETENTION_RULE_UID).findOne({ where: { recordType: 'test-notebook' } })).toMatchObject({
      periodYears: 2,
      storagePlace: 'Шкаф № 3 кабинета физики',
      legalBasis: 'Номенклатура дел школы, дело 02-09',
    });
    expect(await strapi.db.query(RETENTION_RULE_UID).findOne({ where: { recordType: 'monitoring-data' } })).toMatchObject({
      periodYears: 1,
      caseIndex: '02-10',
    });
    // The re-seeded rule is versioned like any other change; the edited one got no extra version.
    expect(await strapi.db.query(RETENTION_RULE_VERSION_UID).count({})).toBe(versionsBefore + 1);
    expect(await strapi.db.query(RETENTION_RULE_UID).count({})).toBe(
      new Set([...DEFAULT_RETENTION_RULES.map((item) => item.recordType), 'backup']).size,
    );
  });
});

describe('the case index of a rule', () => {
  const edit = (documentId: string, data: object) =>
    supertest(strapi.server.httpServer)
      .put(`/content-manager/collection-types/${RETENTION_RULE_UID}/${documentId}`)
      .set('Authorization', `Bearer ${superToken}`)
      .send(data);

  it('is refused in the admin panel when another rule has it or it is not an index, nothing stored', async () => {
    const rule = await strapi.db.query(RETENTION_RULE_UID).findOne({ where: { recordType: 'medals-book' } });
    const taken = await edit(rule.documentId, { caseIndex: '02-05' });
    expect(taken.status).toBe(400);
    expect(taken.body.error.details.errors).toEqual([expect.objectContaining({ path: ['caseIndex'] })]);
    expect(taken.body.error.message).toBe('Индекс дела 02-05 уже присвоен правилу «Классные журналы на бумажном носителе»');
    const malformed = await edit(rule.documentId, { caseIndex: '02 05; drop' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details.errors).toEqual([expect.objectContaining({ path: ['caseIndex'] })]);
    expect(await strapi.db.query(RETENTION_RULE_UID).findOne({ where: { id: rule.id } })).toMatchObject({ caseIndex: '02-04' });
    const own = await edit(rule.documentId, { caseIndex: '02-04', storagePlace: 'Сейф директора' });
    expect(own.status).toBe(200);
    expect(own.body.data).toMatchObject({ caseIndex: '02-04', storagePlace: 'Сейф директора' });
  });
});

describe('paper carriers', () => {
  let oldJournals: Carrier[];

  it('registers the printed class journals of a year once per class, each expiring 5 years after the year', async () => {
    const first = await api(archivistToken).post('/paper-archive/carriers/register-journals', { academicYear: oldYear.documentId });
    expect(first.status).toBe(200);
    expect(first.body.meta).toEqual({ created: 2, existing: 0 });
    oldJournals = first.body.data;
    expect(oldJournals.map((carrier) => carrier.title)).toEqual([
      'Классный журнал 9А класса, 2019/2020 учебный год',
      'Классный журнал 9Б класса, 2019/2020 учебный год',
    ]);
    for (const carrier of oldJournals) {
      expect(carrier).toMatchObject({
        recordType: 'paper-journal',
        schoolYear: '2019/2020',
        caseIndex: '02-05',
        storagePlace: 'Учебная часть',
        closedOn: '2020-08-31',
        expiresOn: '2026-01-01',
        state: 'in-storage',
      });
    }

    const again = await api(archivistToken).post('/paper-archive/carriers/register-journals', { academicYear: oldYear.documentId });
    expect(again.status).toBe(200);
    expect(again.body.meta).toEqual({ created: 0, existing: 2 });
    expect(again.body.data.map((carrier: Carrier) => carrier.id)).toEqual(oldJournals.map((carrier) => carrier.id));
    expect(await strapi.db.query(PAPER_CARRIER_UID).count({ where: { schoolYear: '2019/2020' } })).toBe(2);

    const current = await api(archivistToken).post('/paper-archive/carriers/register-journals', { academicYear: school.year.documentId });
    expect(current.body.meta).toEqual({ created: 3, existing: 0 });
    expect(current.body.data[0]).toMatchObject({ closedOn: '2026-08-31', expiresOn: '2032-01-01' });
  });

  it('are listed by year, rule, state and place', async () => {
    const byYear = await api(deputyToken).get('/paper-archive/carriers?year=2019%2F2020');
    expect(byYear.status).toBe(200);
    expect(byYear.body.meta.pagination.total).toBe(2);
    expect(byYear.body.data[0]).toMatchObject({
      ruleTitle: 'Классные журналы на бумажном носителе',
      stateLabel: 'на хранении',
      expired: true,
    });
    const byPlace = await api(deputyToken).get(
      `/paper-archive/carriers?place=${encodeURIComponent('Учебная часть')}&recordType=paper-journal`,
    );
    expect(byPlace.body.meta.pagination.total).toBe(5);
    const none = await api(deputyToken).get('/paper-archive/carriers?state=missing');
    expect(none.body.data).toEqual([]);
    const bad = await api(deputyToken).get('/paper-archive/carriers?state=lost');
    expect(bad.status).toBe(400);
  });

  it('are created with a rule’s defaults, and refused for an unknown rule, what is not archived, or «destroyed» set by hand', async () => {
    const created = await api(archivistToken).post('/paper-archive/carriers', {
      recordType: 'study-certificate-book',
      title: 'Книга регистрации выданных справок об обучении, т. 1',
      schoolYear: '2019/2020',
      custodian: 'Секретарь учебной части Иванова А. П.',
      closedOn: '2020-06-30',
      sheets: 96,
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      caseIndex: '02-03',
      storagePlace: 'Сейф учебной части',
      custodian: 'Секретарь учебной части Иванова А. П.',
      expiresOn: '2071-01-01',
      expired: false,
    });
    const unknown = await api(archivistToken).post('/paper-archive/carriers', {
      recordType: 'spaceship',
      title: 'X',
      schoolYear: '2019/2020',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors[0]).toMatchObject({ path: ['recordType'] });
    const notebook = await api(archivistToken).post('/paper-archive/carriers', {
      recordType: 'work-notebook',
      title: 'Рабочие тетради 9А',
      schoolYear: '2019/2020',
    });
    expect(notebook.status).toBe(400);
    expect(notebook.body.error.message).toMatch(/в архиве не хранятся/);
    const destroyed = await api(archivistToken).put(`/paper-archive/carriers/${created.body.data.id}`, { state: 'destroyed' });
    expect(destroyed.status).toBe(400);
    expect(destroyed.body.error.message).toMatch(/только актом/);
    const badYear = await api(archivistToken).post('/paper-archive/carriers', {
      recordType: 'exam-protocol',
      title: 'Протоколы',
      schoolYear: '2019/2021',
    });
    expect(badYear.status).toBe(400);
    expect(badYear.body.error.details.errors[0]).toMatchObject({ path: ['schoolYear'] });
  });

  it('print in the list of files of their year, by case index with the units held and the period with its basis', async () => {
    const response = await api(deputyToken).pdf('/paper-archive/nomenclature.pdf?year=2019%2F2020');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/pdf/);
    const text = pdfText(response.body as Buffer);
    expect(text).toContain('НОМЕНКЛАТУРА ДЕЛ');
    expect(text).toContain('на 2019/2020 учебный год');
    const lines = text.split('\n');
    const journalsAt = lines.indexOf('Классные журналы на бумажном носителе');
    expect(journalsAt).toBeGreaterThan(0);
    expect(lines[journalsAt - 1]).toBe('02-05');
    expect(lines[journalsAt + 1]).toBe('2');
    expect(lines.slice(journalsAt + 2, journalsAt + 4).join(' ')).toMatch(/^5 лет\. Положение, п\. 3\.11 \(004\)/);
    const booksAt = lines.indexOf('Книга регистрации выданных справок об обучении');
    expect(lines.slice(booksAt - 1, booksAt + 2)).toEqual(['02-03', 'Книга регистрации выданных справок об обучении', '1']);
    // Indexes in order; what is not archived is not listed.
    const indexes = lines.filter((line) => /^\d{2}-\d{2}$/.test(line));
    expect(indexes).toEqual([...indexes].sort((a, b) => a.localeCompare(b, 'ru', { numeric: true })));
    expect(text).not.toContain('Рабочие тетради обучающихся');
    expect((await api(deputyToken).get('/paper-archive/nomenclature.pdf')).status).toBe(400);
  });

  describe('disposition', () => {
    let actId: number;
    let actNumber: string;
    let holdId: number;

    it('lists expired journals as due, but neither the current year’s nor one under a legal hold', async () => {
      const [first, second] = oldJournals;
      const keys = await dueKeys();
      expect(keys).toEqual(expect.arrayContaining(oldJournals.map((carrier) => `paper-journal/paper-carrier/${carrier.documentId}`)));
      const current = (await strapi.db.query(PAPER_CARRIER_UID).findMany({ where: { schoolYear: '2025/2026' } })) as Carrier[];
      for (const carrier of current) expect(keys).not.toContain(`paper-journal/paper-carrier/${carrier.documentId}`);

      const hold = await api(superToken).post('/disposition/holds', {
        recordType: 'paper-carrier',
        documentId: second.documentId,
        reason: 'Запрос прокуратуры о классном журнале 9Б',
      });
      expect(hold.status).toBe(201);
      expect(hold.body.data.recordTitle).toMatch(/02-05 «Классный журнал 9Б класса/);
      holdId = hold.body.data.id;
      expect(await dueKeys()).not.toContain(`paper-journal/paper-carrier/${second.documentId}`);
      const refused = await api(archivistToken).post('/disposition/acts', {
        items: [{ recordType: 'paper-carrier', documentId: second.documentId }],
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/запрет на уничтожение/);
      expect(await dueKeys()).toContain(`paper-journal/paper-carrier/${first.documentId}`);
    });

    it('destroys only by an approved act, and a hold placed after approval blocks the execution', async () => {
      const [first, second] = oldJournals;
      expect((await api(superToken).post(`/disposition/holds/${holdId}/lift`, { reason: 'Ответ направлен' })).status).toBe(200);
      const drafted = await api(archivistToken).post('/disposition/acts', {
        items: oldJournals.map((carrier) => ({ recordType: 'paper-carrier', documentId: carrier.documentId })),
      });
      expect(drafted.status).toBe(201);
      actId = drafted.body.data.id;
      actNumber = drafted.body.data.number;
      expect(drafted.body.data.items[0]).toMatchObject({ rule: 'paper-journal', closedOn: '2020-08-31', expiresOn: '2026-01-01' });

      const early = await api(archivistToken).post(`/disposition/acts/${actId}/execute`);
      expect(early.status).toBe(400);
      expect(await carrierRow(first.id)).toMatchObject({ state: 'in-storage', destructionActNumber: null });

      expect((await api(archivistToken).post(`/disposition/acts/${actId}/approve`)).status).toBe(403);
      expect((await api(superToken).post(`/disposition/acts/${actId}/approve`)).status).toBe(200);
      const hold = await api(superToken).post('/disposition/holds', {
        recordType: 'paper-carrier',
        documentId: second.documentId,
        reason: 'Судебный запрос № 2-40/2026',
      });
      expect(hold.status).toBe(201);
      const blocked = await api(archivistToken).post(`/disposition/acts/${actId}/execute`);
      expect(blocked.status).toBe(400);
      expect(blocked.body.error.message).toMatch(/запрет на уничтожение.*Судебный запрос № 2-40\/2026/);
      expect(await carrierRow(first.id)).toMatchObject({ state: 'in-storage' });
      expect(await carrierRow(second.id)).toMatchObject({ state: 'in-storage' });
      expect((await api(superToken).post(`/disposition/holds/${hold.body.data.id}/lift`, {})).status).toBe(200);
    });

    it('keeps the destroyed carriers in the register, marked destroyed with the act number, and unchangeable', async () => {
      const executed = await api(archivistToken).post(`/disposition/acts/${actId}/execute`);
      expect(executed.status).toBe(200);
      expect(executed.body.data.executionLog[0].note).toMatch(/уничтожается физически.*сохранена/);
      for (const carrier of oldJournals) {
        expect(await carrierRow(carrier.id)).toMatchObject({ state: 'destroyed', destructionActNumber: actNumber });
      }
      const listed = await api(deputyToken).get('/paper-archive/carriers?year=2019%2F2020&state=destroyed');
      expect(listed.body.data.map((carrier: Carrier) => [carrier.title, carrier.stateLabel, carrier.destructionActNumber])).toEqual(
        oldJournals.map((carrier) => [carrier.title, 'уничтожено', actNumber]),
      );
      const edit = await api(archivistToken).put(`/paper-archive/carriers/${oldJournals[0].id}`, { custodian: 'Кто-то' });
      expect(edit.status).toBe(400);
      expect(edit.body.error.message).toMatch(new RegExp(`уничтожена по акту № ${actNumber}`));
      const keys = await dueKeys();
      for (const carrier of oldJournals) expect(keys).not.toContain(`paper-journal/paper-carrier/${carrier.documentId}`);
      // The act prints the carriers as paper records.
      const act = flat(pdfText((await api(superToken).pdf(`/disposition/acts/${actId}/pdf`)).body as Buffer));
      expect(act).toContain('Единица хранения на бумаге');
    });
  });
});

describe('inventory checks of the paper archive', () => {
  let check: {
    id: number;
    number: string;
    rows: Array<{ documentId: string; title: string; finding: string | null }>;
  };

  it('are due at once when none was signed, and show so on the archivist’s home', async () => {
    const schedule = await api(deputyToken).get('/paper-archive/checks/schedule');
    expect(schedule.status).toBe(200);
    expect(schedule.body.data).toEqual({ intervalMonths: 12, lastSignedOn: null, nextDueOn: today(), overdue: true });
    const home = await api(archivistToken).get('/home/archivist');
    expect(home.status).toBe(200);
    expect(home.body.data.paperCheck).toMatchObject({ overdue: true, lastSignedOn: null });
  });

  it('start with one row per carrier held in the place checked, nothing found yet', async () => {
    const refused = await api(archivistToken).post('/paper-archive/checks', { commission: [] });
    expect(refused.status).toBe(400);
    const empty = await api(archivistToken).post('/paper-archive/checks', {
      commission: ['Директорова Д. Д.'],
      scope: 'storage-place',
      storagePlace: 'Подвал',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/нет единиц хранения/);
    expect((await api(deputyToken).post('/paper-archive/checks', { commission: ['Завучева З. З.'] })).status).toBe(403);

    const started = await api(archivistToken).post('/paper-archive/checks', {
      commission: ['Директорова Д. Д., директор', 'Архивова А. А., архивариус'],
      scope: 'storage-place',
      storagePlace: 'Учебная часть',
    });
    expect(started.status).toBe(201);
    check = started.body.data;
    expect(started.body.data).toMatchObject({ state: 'draft', scope: 'storage-place', scopePlace: 'Учебная часть' });
    expect(check.number).toMatch(/^П-1\/\d{4}$/);
    // The three journals of 2025/2026; the destroyed ones of 2019/2020 are not checked.
    expect(check.rows.map((row) => row.title)).toEqual([
      'Классный журнал 1А класса, 2025/2026 учебный год',
      'Классный журнал 5А класса, 2025/2026 учебный год',
      'Классный журнал 5Б класса, 2025/2026 учебный год',
    ]);
    expect(check.rows.every((row) => row.finding === null)).toBe(true);
  });

  it('cannot be signed before every row has a finding', async () => {
    const [present, missing] = check.rows;
    const filled = await api(archivistToken).put(`/paper-archive/checks/${check.id}`, {
      findings: [
        { documentId: present.documentId, finding: 'present' },
        { documentId: missing.documentId, finding: 'missing', note: 'Не найден на стеллаже 2' },
      ],
    });
    expect(filled.status).toBe(200);
    const early = await api(archivistToken).post(`/paper-archive/checks/${check.id}/sign`);
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/не указан результат проверки для 1 ед\. хр\./);
    const stranger = await api(archivistToken).put(`/paper-archive/checks/${check.id}`, {
      findings: [{ documentId: 'nosuchcarrier000000000000', finding: 'present' }],
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details.errors[0]).toMatchObject({ path: ['findings', '0', 'documentId'] });
  });

  it('once signed, mark the missing carrier missing and refuse every change with a clear message', async () => {
    const [, missing, damaged] = check.rows;
    const missingCarrier = await strapi.db.query(PAPER_CARRIER_UID).findOne({ where: { documentId: missing.documentId } });
    expect(missingCarrier.state).toBe('in-storage');
    expect(
      (
        await api(archivistToken).put(`/paper-archive/checks/${check.id}`, {
          findings: [{ documentId: damaged.documentId, finding: 'damaged', note: 'Намок переплёт' }],
        })
      ).status,
    ).toBe(200);
    expect((await api(deputyToken).post(`/paper-archive/checks/${check.id}/sign`)).status).toBe(403);
    const signed = await api(archivistToken).post(`/paper-archive/checks/${check.id}/sign`);
    expect(signed.status).toBe(200);
    expect(signed.body.data).toMatchObject({ state: 'signed', signedBy: expect.stringMatching(/archivist@school\.test/) });
    expect(await strapi.db.query(PAPER_CARRIER_UID).findOne({ where: { documentId: missing.documentId } })).toMatchObject({
      state: 'missing',
    });
    expect(await strapi.db.query(PAPER_CARRIER_UID).findOne({ where: { documentId: damaged.documentId } })).toMatchObject({
      state: 'in-storage',
    });

    const change = await api(archivistToken).put(`/paper-archive/checks/${check.id}`, {
      findings: [{ documentId: missing.documentId, finding: 'present' }],
    });
    expect(change.status).toBe(400);
    expect(change.body.error.message).toMatch(new RegExp(`Акт проверки № ${check.number} подписан .*изменению не подлежит`));
    expect((await api(archivistToken).post(`/paper-archive/checks/${check.id}/sign`)).status).toBe(400);
    const stored = await strapi.db.query(INVENTORY_CHECK_UID).findOne({ where: { id: check.id } });
    expect(stored.rows[1]).toMatchObject({ finding: 'missing', note: 'Не найден на стеллаже 2' });
    // Nor does the document service write or delete a check.
    await expect(strapi.documents(INVENTORY_CHECK_UID).delete({ documentId: stored.documentId })).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
    await expect(
      strapi.documents(INVENTORY_CHECK_UID).update({ documentId: stored.documentId, data: { state: 'draft' } as never }),
    ).rejects.toMatchObject({ name: 'ForbiddenError' });
  });

  it('print the signed act with the commission, the findings and the totals', async () => {
    const response = await api(deputyToken).pdf(`/paper-archive/checks/${check.id}/pdf`);
    expect(response.status).toBe(200);
    const text = flat(pdfText(response.body as Buffer));
    expect(text).toContain('проверки наличия и состояния документов');
    expect(text).toContain(`№ ${check.number}`);
    expect(text).toContain('Директорова Д. Д., директор; Архивова А. А., архивариус.');
    expect(text).toContain('Классный журнал 5А класса, 2025/2026 учебный год');
    expect(text).toContain('отсутствует');
    expect(text).toContain('Не найден на стеллаже 2');
    expect(text).toContain('повреждено');
    expect(text).toContain('Итого проверено: 3; в наличии: 1; отсутствует: 1; повреждено: 1.');
    expect(text).not.toContain('ПРОЕКТ');
  });

  it('fall due again the plugin’s interval after the last signed check', async () => {
    const schedule = await api(deputyToken).get('/paper-archive/checks/schedule');
    const signedOn = today();
    const nextYear = `${Number(signedOn.slice(0, 4)) + 1}${signedOn.slice(4)}`;
    expect(schedule.body.data).toMatchObject({ intervalMonths: 12, lastSignedOn: signedOn, overdue: false });
    expect([nextYear, `${nextYear.slice(0, 8)}28`]).toContain(schedule.body.data.nextDueOn);
    strapi.config.set('plugin::records-archive.paperArchive', { checkIntervalMonths: 6 });
    try {
      const shorter = await api(archivistToken).get('/home/archivist');
      expect(shorter.body.data.paperCheck).toMatchObject({ intervalMonths: 6, overdue: false });
      expect(shorter.body.data.paperCheck.nextDueOn < nextYear).toBe(true);
    } finally {
      strapi.config.set('plugin::records-archive.paperArchive', {});
    }
  });
});

describe('the paper archive routes', () => {
  const routes = [
    ['get', '/paper-archive/choices'],
    ['get', '/paper-archive/carriers'],
    ['post', '/paper-archive/carriers'],
    ['post', '/paper-archive/carriers/register-journals'],
    ['get', '/paper-archive/carriers/1'],
    ['put', '/paper-archive/carriers/1'],
    ['get', '/paper-archive/nomenclature.pdf?year=2025%2F2026'],
    ['get', '/paper-archive/checks/schedule'],
    ['get', '/paper-archive/checks'],
    ['post', '/paper-archive/checks'],
    ['get', '/paper-archive/checks/1'],
    ['put', '/paper-archive/checks/1'],
    ['post', '/paper-archive/checks/1/sign'],
    ['get', '/paper-archive/checks/1/pdf'],
  ] as const;

  it('refuse a teacher (403 in the admin panel, 401 with a REST account) and an anonymous caller (401)', async () => {
    const rest = supertest(strapi.server.httpServer);
    for (const [method, url] of routes) {
      expect({ method, url, status: (await api(teacherToken)[method](url)).status }).toEqual({ method, url, status: 403 });
      expect({ method, url, status: (await api()[method](url)).status }).toEqual({ method, url, status: 401 });
      const viaRest = await rest[method](`/records-archive${url}`).set('Authorization', `Bearer ${restTeacherJwt}`);
      expect({ method, url, status: viaRest.status }).toEqual({ method, url, status: 401 });
    }
  });

  it('let the deputy read but not write, and offer the page its choices', async () => {
    const choices = await api(deputyToken).get('/paper-archive/choices');
    expect(choices.status).toBe(200);
    expect(choices.body.data.years).toEqual(expect.arrayContaining(['2025/2026', '2019/2020']));
    expect(choices.body.data.places).toEqual(expect.arrayContaining(['Учебная часть', 'Сейф учебной части']));
    expect(choices.body.data.rules.map((rule: { recordType: string }) => rule.recordType)).not.toContain('work-notebook');
    expect(
      (await api(deputyToken).post('/paper-archive/carriers/register-journals', { academicYear: school.year.documentId })).status,
    ).toBe(403);
    expect((await api(deputyToken).put('/paper-archive/carriers/1', { custodian: 'x' })).status).toBe(403);
  });
});

describe('registering a year’s journals twice at the same moment', () => {
  it('creates each class journal once', async () => {
    const year = await make(strapi, 'api::academic-year.academic-year', {
      title: '2020/2021',
      startDate: '2020-09-01',
      endDate: '2021-08-31',
      state: 'closed',
    });
    for (const letter of ['А', 'Б', 'В'])
      await make(strapi, 'api::school-class.school-class', { grade: 10, letter, academicYear: year.documentId });
    const [first, second] = await Promise.all([
      api(archivistToken).post('/paper-archive/carriers/register-journals', { academicYear: year.documentId }),
      api(archivistToken).post('/paper-archive/carriers/register-journals', { academicYear: year.documentId }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(first.body.meta.created + second.body.meta.created).toBe(3);
    expect(await strapi.db.query(PAPER_CARRIER_UID).count({ where: { schoolYear: '2020/2021' } })).toBe(3);
  });
});

describe('the staff roles of an installation older than the paper archive', () => {
  const PAPER = 'plugin::records-archive.paper-archive.';
  const paperActionsOf = async (code: string): Promise<Array<{ id: number; action: string }>> => {
    const role = await strapi.db.query('admin::role').findOne({ where: { code } });
    return (await strapi.db
      .query('admin::permission')
      .findMany({ where: { role: { id: role.id }, action: { $startsWith: PAPER } }, select: ['id', 'action'] })) as Array<{
      id: number;
      action: string;
    }>;
  };
  const grants = () => strapi.store({ type: 'core', name: 'school_records' });

  it('get the paper archive’s actions once, and an action the school takes away later stays away', async () => {
    expect((await paperActionsOf('school-archivist')).map((permission) => permission.action).sort()).toEqual(
      ['manage', 'read', 'sign'].map((action) => `${PAPER}${action}`),
    );
    // As the roles were before this part: without the actions, the grant not yet applied.
    const before = [...(await paperActionsOf('school-archivist')), ...(await paperActionsOf('school-deputy-director'))];
    await strapi.db.query('admin::permission').deleteMany({ where: { id: { $in: before.map((permission) => permission.id) } } });
    await grants().set({ key: 'records_archive_staff_role_grants', value: [] });

    await ensureStaffAdminRoles(strapi);
    expect(await paperActionsOf('school-archivist')).toHaveLength(3);
    expect((await paperActionsOf('school-deputy-director')).map((permission) => permission.action)).toEqual([`${PAPER}read`]);

    const sign = (await paperActionsOf('school-archivist')).find((permission) => permission.action === `${PAPER}sign`);
    await strapi.db.query('admin::permission').delete({ where: { id: sign?.id } });
    await ensureStaffAdminRoles(strapi);
    expect((await paperActionsOf('school-archivist')).map((permission) => permission.action).sort()).toEqual([
      `${PAPER}manage`,
      `${PAPER}read`,
    ]);
  });
});
