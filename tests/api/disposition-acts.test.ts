import { randomUUID } from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { BACKUP_UID, DESTRUCTION_ACT_UID, pluginPermission, KEEPING_ACTIONS } from '../../src/plugins/records-archive/server/src/constants';
import { ARCHIVE_PACKAGE_UID } from '../../src/plugins/records-archive/server/src/disposition/record-kinds';
import type { BackupRecord } from '../../src/plugins/records-archive/server/src/services/backup';
import { getService } from '../../src/plugins/records-archive/server/src/utils';
import { adminLogin } from '../helpers/admin';
import { buildMiniSchool, make, type MiniSchool } from '../helpers/school-fixture';
import { bootStrapi, createAccount, stopStrapi } from '../helpers/strapi';

/**
 * Disposition by act: the due list by rule, legal holds, an act from draft to approval to execution
 * (and what is refused on the way), exactly the listed records destroyed, the act kept for ever and
 * printable, every route behind its RBAC action.
 */

type Doc = { id: number; documentId: string };

let strapi: Core.Strapi;
let school: MiniSchool;
let work: string;
let superToken: string;
let editorToken: string;
let archivistToken: string;

const pupils: Record<'graduated' | 'transferred' | 'promoted', Doc> = {} as never;
let guardianOnlyChild: Doc;
let guardianOfTwo: Doc;
let pupilAccount: { id: number };
let oldMark: Doc;
const backups: Record<'old1' | 'old2' | 'fresh', BackupRecord> = {} as never;
const packages: Array<Doc & { bagPath: string }> = [];
let locations: { primary: string; secondary: string };

const api = (token?: string) => {
  const agent = supertest(strapi.server.httpServer);
  const auth = <T extends supertest.Test>(test: T): T => (token ? (test.set('Authorization', `Bearer ${token}`) as T) : test);
  return {
    get: (url: string) => auth(agent.get(`/records-archive${url}`)),
    post: (url: string, body: object = {}) => auth(agent.post(`/records-archive${url}`)).send(body),
    put: (url: string, body: object = {}) => auth(agent.put(`/records-archive${url}`)).send(body),
    delete: (url: string) => auth(agent.delete(`/records-archive${url}`)),
  };
};

const dueKeys = async (token = superToken): Promise<string[]> => {
  const response = await api(token).get('/disposition/due');
  expect(response.status).toBe(200);
  return (response.body.data as Array<{ rule: { recordType: string }; items: Array<{ recordType: string; documentId: string }> }>).flatMap(
    (group) => group.items.map((item) => `${group.rule.recordType}/${item.recordType}/${item.documentId}`),
  );
};

const counts = async (): Promise<Record<string, number>> => {
  const uids = [
    'api::student.student',
    'api::guardian.guardian',
    'api::enrollment.enrollment',
    'api::mark.mark',
    'api::journal.journal',
    'api::lesson.lesson',
    'plugin::users-permissions.user',
    BACKUP_UID,
  ] as const;
  return Object.fromEntries(await Promise.all(uids.map(async (uid) => [uid, await strapi.db.query(uid).count({})])));
};

const hasPackages = () => Boolean(strapi.contentTypes[ARCHIVE_PACKAGE_UID]);

beforeAll(async () => {
  strapi = await bootStrapi();
  work = path.join(process.env.TEST_TMP_DIR as string, `disposition-${randomUUID()}`);
  locations = { primary: path.join(work, 'archive-1'), secondary: path.join(work, 'archive-2') };
  strapi.config.set('plugin::records-archive.backup', { dir: path.join(work, 'backups'), uploadsDir: path.join(work, 'uploads') });
  strapi.config.set('plugin::records-archive.archive', { primaryDir: locations.primary, secondaryDir: locations.secondary });

  superToken = await adminLogin(strapi, { email: 'director@school.test', roleCode: 'strapi-super-admin', lastname: 'director' });
  editorToken = await adminLogin(strapi, { email: 'editor@school.test', roleCode: 'strapi-editor', lastname: 'editor' });
  // An archivist drafts and executes acts and places holds, but may not approve them.
  const archivist = await strapi.service('admin::role').create({ name: 'Архивист', description: 'Архив школы' });
  await strapi.service('admin::role').assignPermissions(
    archivist.id,
    KEEPING_ACTIONS.filter((action) => action.uid !== 'disposition.approve').map((action) => ({ action: pluginPermission(action.uid) })),
  );
  archivistToken = await adminLogin(strapi, { email: 'archivist@school.test', roleId: archivist.id, lastname: 'archivist' });

  school = await buildMiniSchool(strapi);
  // Pupils who left in 2020: a graduate and a transfer are due (3 years from 1 January 2021), a promoted one is not.
  const year = await make(strapi, 'api::academic-year.academic-year', {
    title: '2019/2020',
    startDate: '2019-09-01',
    endDate: '2020-08-31',
  });
  const class9 = await make(strapi, 'api::school-class.school-class', { grade: 9, letter: 'В', academicYear: year.documentId });
  const leaving = [
    ['graduated', 'Архипов', 'Антон', 'male', 'graduated'],
    ['transferred', 'Борисова', 'Белла', 'female', 'transferred-to-other-school'],
    ['promoted', 'Васильев', 'Виктор', 'male', 'promoted'],
  ] as const;
  for (const [key, lastName, firstName, gender, leavingReason] of leaving) {
    pupils[key] = await make(strapi, 'api::student.student', { lastName, firstName, gender, birthDate: '2004-04-04' });
    await make(strapi, 'api::enrollment.enrollment', {
      student: pupils[key].documentId,
      schoolClass: class9.documentId,
      startDate: '2019-09-01',
      endDate: '2020-05-31',
      leavingReason,
    });
  }
  guardianOnlyChild = await make(strapi, 'api::guardian.guardian', {
    lastName: 'Архипова',
    firstName: 'Алла',
    kinship: 'mother',
    phone: '+7 900 000-00-01',
    email: 'alla@example.test',
    children: [pupils.graduated.documentId],
  });
  guardianOfTwo = await make(strapi, 'api::guardian.guardian', {
    lastName: 'Архипов',
    firstName: 'Аркадий',
    kinship: 'father',
    children: [pupils.graduated.documentId, school.pupils5a[0].documentId],
  });
  pupilAccount = await createAccount(strapi, 'pupil', 'arkhipov-2020');
  await strapi.db.query('api::student.student').update({ where: { id: pupils.graduated.id }, data: { user: pupilAccount.id } });
  const journal = await make(strapi, 'api::journal.journal', {
    schoolClass: class9.documentId,
    subject: school.math.documentId,
    kind: 'classroom',
  });
  const lesson = await make(strapi, 'api::lesson.lesson', {
    journal: journal.documentId,
    date: '2019-10-01',
    number: 1,
    topic: 'Квадратные уравнения',
  });
  oldMark = await make(strapi, 'api::mark.mark', {
    kind: 'current',
    journal: journal.documentId,
    lesson: lesson.documentId,
    student: pupils.graduated.documentId,
    value: '5',
  });

  // Two backups made in May 2024 (the «backup» rule: 1 year from the day), one made today.
  for (const key of ['old1', 'old2', 'fresh'] as const)
    backups[key] = await getService(strapi, 'backup').create({ kind: 'manual', trigger: 'cli' });
  for (const key of ['old1', 'old2'] as const) {
    await strapi.db.query(BACKUP_UID).update({
      where: { id: backups[key].id },
      data: { startedAt: new Date('2024-05-01T01:00:00Z'), finishedAt: new Date('2024-05-01T01:01:00Z') },
    });
  }

  // Two archive packages of 2019/2020 journals, due since 1 January 2025 (5 years), each in both locations.
  if (hasPackages()) {
    for (const suffix of ['9V', '9V-v2']) {
      const bagPath = `2019-2020/quarter-1/${suffix}`;
      for (const root of Object.values(locations)) {
        fs.mkdirSync(path.join(root, bagPath, 'data'), { recursive: true });
        fs.writeFileSync(path.join(root, bagPath, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
        fs.writeFileSync(path.join(root, bagPath, 'data', 'journal.json'), '{}');
      }
      const row = await strapi.db.query(ARCHIVE_PACKAGE_UID).create({
        data: {
          title: `Журналы 9В, 1 четверть 2019/2020 (${suffix})`,
          kind: 'period-journal',
          recordType: 'journal-export',
          groupKey: `test-${suffix}`,
          version: 1,
          state: 'complete',
          bagPath,
          primaryPath: path.join(locations.primary, bagPath),
          secondaryPath: path.join(locations.secondary, bagPath),
          retentionKind: 'date',
          retentionStartsOn: '2020-01-01',
          retentionExpiresOn: '2025-01-01',
        },
      });
      packages.push({ id: row.id, documentId: row.documentId, bagPath });
    }
  }
});

afterAll(async () => {
  await stopStrapi(strapi);
  fs.rmSync(work, { recursive: true, force: true });
});

const backupFolder = (backup: BackupRecord) => path.join(work, 'backups', backup.name);

describe('the due list', () => {
  it('groups records whose period ran out by rule, and leaves out what is not due', async () => {
    const keys = await dueKeys();
    expect(keys).toEqual(
      expect.arrayContaining([
        `personal-file/personal-data/${pupils.graduated.documentId}`,
        `personal-file/personal-data/${pupils.transferred.documentId}`,
        `backup/backup/${backups.old1.documentId}`,
        `backup/backup/${backups.old2.documentId}`,
        ...packages.map((item) => `journal-export/archive-package/${item.documentId}`),
      ]),
    );
    expect(keys).toHaveLength(4 + packages.length);
    const response = await api(superToken).get('/disposition/due');
    const personal = response.body.data.find((group: { rule: { recordType: string } }) => group.rule.recordType === 'personal-file');
    expect(personal.rule).toMatchObject({ periodYears: 3, actionAtExpiry: 'destroy-by-act' });
    expect(personal.items.find((item: { documentId: string }) => item.documentId === pupils.graduated.documentId)).toMatchObject({
      title: expect.stringMatching(/^Архипов Антон.*выбытие 31\.05\.2020 \(окончание обучения\)/),
      closedOn: '2020-05-31',
      expiresOn: '2024-01-01',
    });
  });

  it('leaves out a record under a legal hold until the hold is lifted', async () => {
    const placed = await api(archivistToken).post('/disposition/holds', {
      recordType: 'personal-data',
      documentId: pupils.transferred.documentId,
      reason: 'Запрос суда по делу № 2-15/2026',
    });
    expect(placed.status).toBe(201);
    expect(placed.body.data).toMatchObject({
      recordTitle: expect.stringMatching(/^Борисова Белла/),
      placedBy: expect.stringMatching(/archivist@/),
    });
    expect(await dueKeys()).not.toContain(`personal-file/personal-data/${pupils.transferred.documentId}`);
    const again = await api(archivistToken).post('/disposition/holds', {
      recordType: 'personal-data',
      documentId: pupils.transferred.documentId,
      reason: 'Ещё раз',
    });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/уже наложен запрет/);
    const holds = await api(superToken).get('/disposition/holds?active=true');
    expect(holds.body.data).toHaveLength(1);
  });
});

describe('a destruction act', () => {
  let actId: number;
  let actNumber: string;

  it('cannot list a held record, a record that is not due, or an unknown field', async () => {
    const held = await api(archivistToken).post('/disposition/acts', {
      items: [{ recordType: 'personal-data', documentId: pupils.transferred.documentId }],
    });
    expect(held.status).toBe(400);
    expect(held.body.error.message).toMatch(/запрет на уничтожение/);
    const notDue = await api(archivistToken).post('/disposition/acts', {
      items: [{ recordType: 'backup', documentId: backups.fresh.documentId }],
    });
    expect(notDue.status).toBe(400);
    expect(notDue.body.error.details.errors[0]).toMatchObject({ path: ['items', '0', 'documentId'] });
    expect(notDue.body.error.message).toMatch(/срок хранения не истёк/);
    const unknown = await api(archivistToken).post('/disposition/acts', { items: [], approvedBy: 'я' });
    expect(unknown.status).toBe(400);
    expect(await strapi.db.query(DESTRUCTION_ACT_UID).count({})).toBe(0);
  });

  it('is drafted by the archivist for due records, numbered within the year', async () => {
    const response = await api(archivistToken).post('/disposition/acts', {
      items: [
        { recordType: 'personal-data', documentId: pupils.graduated.documentId },
        { recordType: 'backup', documentId: backups.old1.documentId },
        ...packages.slice(0, 1).map((item) => ({ recordType: 'archive-package', documentId: item.documentId })),
      ],
    });
    expect(response.status).toBe(201);
    const act = response.body.data;
    expect(act).toMatchObject({ state: 'draft', number: `1/${new Date().getFullYear()}`, draftedBy: expect.stringMatching(/archivist@/) });
    expect(act.items.map((item: { rule: string }) => item.rule)).toEqual([
      'personal-file',
      'backup',
      ...packages.slice(0, 1).map(() => 'journal-export'),
    ]);
    expect(act.legalBasis).toMatch(/Положение/);
    actId = act.id;
    actNumber = act.number;
    // A record already in an open act cannot go into a second one.
    const second = await api(archivistToken).post('/disposition/acts', {
      items: [{ recordType: 'backup', documentId: backups.old1.documentId }],
    });
    expect(second.status).toBe(400);
    expect(second.body.error.message).toMatch(new RegExp(`уже включена в акт № ${actNumber}`));
  });

  it('is not executed while a draft, and destroys nothing', async () => {
    const before = await counts();
    const response = await api(archivistToken).post(`/disposition/acts/${actId}/execute`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/черновик \(не утверждён\).*уничтожение невозможно/);
    expect(await counts()).toEqual(before);
    expect(fs.existsSync(backupFolder(backups.old1))).toBe(true);
  });

  it('is approved only by an admin holding the approve action', async () => {
    expect((await api(archivistToken).post(`/disposition/acts/${actId}/approve`)).status).toBe(403);
    expect((await api(editorToken).post(`/disposition/acts/${actId}/approve`)).status).toBe(403);
    const approved = await api(superToken).post(`/disposition/acts/${actId}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.data).toMatchObject({ state: 'approved', approvedBy: expect.stringMatching(/director@school\.test/) });
    // An approved act is final: no more edits.
    const edit = await api(archivistToken).put(`/disposition/acts/${actId}`, { notes: 'Дополнение' });
    expect(edit.status).toBe(400);
  });

  it('is refused while a listed record is under a legal hold, with a clear message', async () => {
    const hold = await api(archivistToken).post('/disposition/holds', {
      recordType: 'backup',
      documentId: backups.old1.documentId,
      reason: 'Проверка прокуратуры',
    });
    expect(hold.status).toBe(201);
    const before = await counts();
    const refused = await api(archivistToken).post(`/disposition/acts/${actId}/execute`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(new RegExp(`Акт № ${actNumber} нельзя исполнить: на записи наложен запрет на уничтожение`));
    expect(refused.body.error.message).toMatch(/Проверка прокуратуры/);
    expect(await counts()).toEqual(before);
    const lifted = await api(archivistToken).post(`/disposition/holds/${hold.body.data.id}/lift`, { reason: 'Проверка завершена' });
    expect(lifted.status).toBe(200);
    expect(lifted.body.data.liftedAt).toBeTruthy();
  });

  it('once approved, destroys exactly the listed records and nothing else', async () => {
    // The graduate's health data (special learning conditions) goes with the act; another pupil's stays.
    const conditions = strapi.db.query('api::special-condition.special-condition');
    const graduateConditions = await conditions.create({
      data: { student: pupils.graduated.id, commissionDate: '2019-05-01', commissionNumber: '12', conditions: 'Дополнительное время' },
    });
    const otherConditions = await conditions.create({
      data: { student: school.pupils5a[0].id, commissionDate: '2025-05-01', commissionNumber: '13', conditions: 'Дополнительное время' },
    });
    const before = await counts();
    const response = await api(archivistToken).post(`/disposition/acts/${actId}/execute`);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ state: 'executed', executedBy: expect.stringMatching(/archivist@/) });
    expect(response.body.data.executionLog).toHaveLength(2 + packages.slice(0, 1).length);

    // The graduate: anonymised, with the marks kept; the only-child guardian anonymised; the other unlinked; the account gone.
    const graduate = await strapi.db
      .query('api::student.student')
      .findOne({ where: { id: pupils.graduated.id }, populate: ['guardians', 'user'] });
    expect(graduate).toMatchObject({ lastName: 'Обезличено', firstName: '—', patronymic: null, birthDate: null, gender: null, user: null });
    expect(graduate.fullName).toBe(`Обезличено (акт № ${actNumber})`);
    expect(await strapi.db.query('api::mark.mark').findOne({ where: { id: oldMark.id }, populate: ['student'] })).toMatchObject({
      student: { id: pupils.graduated.id },
    });
    expect(await strapi.db.query('api::guardian.guardian').findOne({ where: { id: guardianOnlyChild.id } })).toMatchObject({
      lastName: 'Обезличено',
      phone: null,
      email: null,
    });
    const father = await strapi.db.query('api::guardian.guardian').findOne({ where: { id: guardianOfTwo.id }, populate: ['children'] });
    expect(father.lastName).toBe('Архипов');
    expect(father.children.map((child: Doc) => child.id)).toEqual([school.pupils5a[0].id]);
    expect(await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: pupilAccount.id } })).toBeNull();
    expect(await conditions.findOne({ where: { id: graduateConditions.id } })).toBeNull();
    expect(await conditions.findOne({ where: { id: otherConditions.id } })).not.toBeNull();

    // The listed backup: row and folder gone; the others intact.
    expect(await strapi.db.query(BACKUP_UID).findOne({ where: { id: backups.old1.id } })).toBeNull();
    expect(fs.existsSync(backupFolder(backups.old1))).toBe(false);
    for (const key of ['old2', 'fresh'] as const) expect(fs.existsSync(backupFolder(backups[key]))).toBe(true);

    // The listed package: marked destroyed and gone from both locations; the other intact.
    if (hasPackages()) {
      const [listed, other] = packages;
      expect(await strapi.db.query(ARCHIVE_PACKAGE_UID).findOne({ where: { id: listed.id } })).toMatchObject({ state: 'destroyed' });
      for (const root of Object.values(locations)) {
        expect(fs.existsSync(path.join(root, listed.bagPath))).toBe(false);
        expect(fs.existsSync(path.join(root, other.bagPath, 'bagit.txt'))).toBe(true);
      }
      expect(await strapi.db.query(ARCHIVE_PACKAGE_UID).findOne({ where: { id: other.id } })).toMatchObject({ state: 'complete' });
    }

    // The others untouched; counts change only by the deleted backup row and the pupil's account.
    expect(await strapi.db.query('api::student.student').findOne({ where: { id: pupils.transferred.id } })).toMatchObject({
      lastName: 'Борисова',
    });
    expect(await strapi.db.query('api::student.student').findOne({ where: { id: pupils.promoted.id } })).toMatchObject({
      lastName: 'Васильев',
    });
    expect(await counts()).toEqual({
      ...before,
      [BACKUP_UID]: before[BACKUP_UID] - 1,
      'plugin::users-permissions.user': before['plugin::users-permissions.user'] - 1,
    });

    // Destroyed records leave the due list; the rest stay.
    const keys = await dueKeys();
    expect(keys).not.toContain(`personal-file/personal-data/${pupils.graduated.documentId}`);
    expect(keys).toContain(`backup/backup/${backups.old2.documentId}`);
  });

  it('is executed only once', async () => {
    const again = await api(archivistToken).post(`/disposition/acts/${actId}/execute`);
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/исполнен/);
  });

  it('is kept permanently: no route, no document-service call and no query deletes it', async () => {
    const viaRoute = await api(superToken).delete(`/disposition/acts/${actId}`);
    expect([404, 405]).toContain(viaRoute.status);
    const act = await strapi.db.query(DESTRUCTION_ACT_UID).findOne({ where: { id: actId } });
    await expect(strapi.documents(DESTRUCTION_ACT_UID).delete({ documentId: act.documentId })).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
    await expect(strapi.db.query(DESTRUCTION_ACT_UID).delete({ where: { id: actId } })).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(strapi.db.query(DESTRUCTION_ACT_UID).deleteMany({})).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(
      strapi.documents(DESTRUCTION_ACT_UID).update({ documentId: act.documentId, data: { state: 'draft' } as never }),
    ).rejects.toMatchObject({ name: 'ForbiddenError' });
    expect(await strapi.db.query(DESTRUCTION_ACT_UID).findOne({ where: { id: actId } })).toMatchObject({ state: 'executed' });
  });

  it('prints as a PDF', async () => {
    const response = await api(superToken)
      .get(`/disposition/acts/${actId}/pdf`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/pdf/);
    expect((response.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((response.body as Buffer).length).toBeGreaterThan(10_000);
  });
});

describe('a rejected act', () => {
  it('is kept with the reason, and can be neither approved nor executed', async () => {
    const drafted = await api(archivistToken).post('/disposition/acts', {
      items: [{ recordType: 'backup', documentId: backups.old2.documentId }],
      notes: 'Копия за май 2024',
    });
    expect(drafted.status).toBe(201);
    const id = drafted.body.data.id;
    expect((await api(superToken).post(`/disposition/acts/${id}/reject`, {})).status).toBe(400);
    const rejected = await api(superToken).post(`/disposition/acts/${id}/reject`, { reason: 'Копия нужна для проверки' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.data).toMatchObject({ state: 'rejected', rejectionReason: 'Копия нужна для проверки' });
    const executed = await api(archivistToken).post(`/disposition/acts/${id}/execute`);
    expect(executed.status).toBe(400);
    expect(executed.body.error.message).toMatch(/отклонён/);
    expect((await api(superToken).post(`/disposition/acts/${id}/approve`)).status).toBe(400);
    expect(fs.existsSync(backupFolder(backups.old2))).toBe(true);
    const list = await api(superToken).get('/disposition/acts?state=rejected');
    expect(list.body.data.map((act: { id: number }) => act.id)).toEqual([id]);
  });
});

describe('the disposition routes', () => {
  it('need their permissions: an editor gets 403, an anonymous caller 401', async () => {
    const routes = [
      ['get', '/disposition/due'],
      ['get', '/disposition/acts'],
      ['post', '/disposition/acts'],
      ['get', '/disposition/acts/1'],
      ['put', '/disposition/acts/1'],
      ['post', '/disposition/acts/1/approve'],
      ['post', '/disposition/acts/1/reject'],
      ['post', '/disposition/acts/1/execute'],
      ['get', '/disposition/acts/1/pdf'],
      ['get', '/disposition/holds'],
      ['post', '/disposition/holds'],
      ['post', '/disposition/holds/1/lift'],
    ] as const;
    for (const [method, url] of routes) {
      expect({ method, url, status: (await api(editorToken)[method](url)).status }).toEqual({ method, url, status: 403 });
      expect({ method, url, status: (await api()[method](url)).status }).toEqual({ method, url, status: 401 });
    }
  });
});
