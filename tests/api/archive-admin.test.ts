import fs from 'fs';
import path from 'path';
import JSZip from 'jszip';
import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { CRON_TASKS, registerCronTasks, removeCronTasks } from '../../src/plugins/records-archive/server/src/cron';
import { bootStrapi, stopStrapi } from '../helpers/strapi';
import { adminWithActions } from '../helpers/admin';
import { buildArchiveSchool, superAdminToken, type ArchiveSchool } from '../helpers/archive-fixture';

let strapi: Core.Strapi;
let school: ArchiveSchool;
let token: string;

type Method = 'get' | 'post';
const call = (method: Method, url: string, bearer: string | null = token) => {
  const request = supertest(strapi.server.httpServer)[method](`/records-archive${url}`);
  return bearer ? request.set('Authorization', `Bearer ${bearer}`) : request;
};
const binary = (request: supertest.Test) =>
  request.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });

beforeAll(async () => {
  strapi = await bootStrapi();
  school = await buildArchiveSchool(strapi);
  token = await superAdminToken(strapi);
});
afterAll(() => stopStrapi(strapi));

describe('the archive admin API', () => {
  it('needs an admin session and the RBAC action of each route', async () => {
    expect((await call('get', '/packages', null)).status).toBe(401);
    const reader = await adminWithActions(strapi, 'reader@school.test', ['plugin::records-archive.packages.read']);
    expect((await call('get', '/packages', reader)).status).toBe(200);
    expect((await call('get', '/closing-runs', reader)).status).toBe(200);
    expect((await call('post', `/periods/${school.quarters[0].documentId}/close`, reader).send({ authorisedBy: 'Кто-то' })).status).toBe(
      403,
    );
    expect((await call('post', '/fixity-checks', reader).send({})).status).toBe(403);
    expect((await call('get', '/fixity-checks', reader)).status).toBe(403);
    expect((await call('post', `/school-years/${school.year.documentId}/archive`, reader).send({ authorisedBy: 'Кто-то' })).status).toBe(
      403,
    );
    const nobody = await adminWithActions(strapi, 'nobody@school.test', []);
    expect((await call('get', '/packages', nobody)).status).toBe(403);
    expect(await strapi.db.query('api::study-period.study-period').count({ where: { state: 'closed' } })).toBe(0);
  });

  it('closes a period with the person who authorised it, refusing unknown or missing fields', async () => {
    const url = `/periods/${school.quarters[0].documentId}/close`;
    const missing = await call('post', url).send({});
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/кто разрешил/);
    expect((await call('post', url).send({ authorisedBy: 'Зам. директора', force: true })).status).toBe(400);
    expect((await call('post', '/periods/nosuchperiod0000000000000/close').send({ authorisedBy: 'Зам. директора' })).status).toBe(404);

    const closed = await call('post', url).send({
      authorisedBy: 'Заместитель директора Иванова М.А., приказ № 45',
      reason: 'Окончание 1 четверти',
    });
    expect(closed.status).toBe(200);
    expect(closed.body.data).toMatchObject({ alreadyClosed: false, studyPeriod: { title: '1 четверть', state: 'closed' } });
    expect(closed.body.data.packages.map((row: { bagPath: string }) => row.bagPath)).toEqual([
      '2025-2026/quarter-1/1A',
      '2025-2026/quarter-1/5A',
      '2025-2026/quarter-1/5B',
    ]);
    const runs = await call('get', `/closing-runs?studyPeriod=${school.quarters[0].documentId}`);
    expect(runs.body.data[0]).toMatchObject({
      kind: 'period-closing',
      state: 'complete',
      reason: 'Окончание 1 четверти',
      packagesComplete: 3,
      authorisedBy: 'Заместитель директора Иванова М.А., приказ № 45',
    });
  });

  it('lists packages by period, class and state, page by page, and shows one with its files', async () => {
    const page = await call('get', `/packages?studyPeriod=${school.quarters[0].documentId}&pageSize=2&page=1`);
    expect(page.status).toBe(200);
    expect(page.body.data).toHaveLength(2);
    expect(page.body.meta.pagination).toMatchObject({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
    const ofClass = await call('get', `/packages?schoolClass=${school.class5a.documentId}&state=complete`);
    expect(ofClass.body.data).toHaveLength(1);
    expect((await call('get', '/packages?state=lost')).status).toBe(400);
    expect((await call('get', '/packages?colour=red')).status).toBe(400);

    const one = await call('get', `/packages/${ofClass.body.data[0].documentId}`);
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({
      title: '5А класс: журналы за 1 четверть 2025/2026',
      state: 'complete',
      schoolClass: { name: '5А' },
      locations: { primary: { state: 'ok' }, secondary: { state: 'ok' } },
      retention: { recordType: 'journal-export', expiresOn: '2032-01-01', rule: { title: expect.stringMatching(/двух носителях/) } },
    });
    expect(one.body.data.files.map((file: { path: string }) => file.path)).toContain('data/journal.xlsx');
    expect((await call('get', '/packages/nosuchpackage000000000000')).status).toBe(404);
  });

  it('downloads a package as a ZIP of its bag, or one file of it', async () => {
    const [row] = (await call('get', `/packages?schoolClass=${school.class5a.documentId}`)).body.data;
    const zip = await binary(call('get', `/packages/${row.documentId}/download`));
    expect(zip.status).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.headers['content-disposition']).toContain('2025-2026_quarter-1_5A.zip');
    const archive = await JSZip.loadAsync(zip.body);
    const names = Object.keys(archive.files).sort();
    expect(names).toContain('2025-2026_quarter-1_5A/bagit.txt');
    expect(names).toContain('2025-2026_quarter-1_5A/data/journal.pdf');
    const json = await archive.file('2025-2026_quarter-1_5A/data/journal.json')?.async('nodebuffer');
    expect(json).toEqual(fs.readFileSync(path.join(school.locations.primary, row.bagPath, 'data/journal.json')));

    const xlsx = await binary(call('get', `/packages/${row.documentId}/download?file=data/journal.xlsx`));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.body).toEqual(fs.readFileSync(path.join(school.locations.secondary, row.bagPath, 'data/journal.xlsx')));
    expect((await call('get', `/packages/${row.documentId}/download?file=../../../etc/passwd`)).status).toBe(400);
    expect((await call('get', `/packages/${row.documentId}/download?file=data/other.txt`)).status).toBe(404);
  });

  it('runs an integrity check on demand and lists the checks', async () => {
    const run = await call('post', '/fixity-checks').send({});
    expect(run.status).toBe(201);
    expect(run.body.data).toMatchObject({ state: 'passed', trigger: 'manual', packagesChecked: 3, requestedBy: 'Нина Петрова' });
    expect((await call('post', '/fixity-checks').send({ all: true })).status).toBe(400);
    const list = await call('get', '/fixity-checks');
    expect(list.body.data).toHaveLength(1);
  });

  it('archives a school year’s summary sheets', async () => {
    const result = await call('post', `/school-years/${school.year.documentId}/archive`).send({ authorisedBy: 'Директор, приказ № 60' });
    expect(result.status).toBe(200);
    expect(
      result.body.data.packages.map((row: { bagPath: string; retention: { expiresOn: string } }) => [row.bagPath, row.retention.expiresOn]),
    ).toEqual([
      ['2025-2026/summary-sheets/1A', '2052-01-01'],
      ['2025-2026/summary-sheets/5A', '2052-01-01'],
      ['2025-2026/summary-sheets/5B', '2052-01-01'],
    ]);
    const sheets = await call('get', '/packages?kind=summary-sheet');
    expect(sheets.body.meta.pagination.total).toBe(3);
  });
});

describe('the scheduled quarter-end closing', () => {
  const scheduled = (at: string) => strapi.plugin('records-archive').service('period-closing').runScheduledClosing(new Date(at));

  it('warns once, a week before a period ends, in a record the admin sees', async () => {
    const report = await scheduled('2025-12-22T09:00:00Z');
    expect(report.warned.sort()).toEqual([school.quarters[1].documentId, school.halves[0].documentId].sort());
    expect(report.closed).toEqual([]);
    expect((await scheduled('2025-12-23T09:00:00Z')).warned).toEqual([]);
    const warnings = await call('get', '/closing-runs?kind=closing-warning');
    expect(warnings.body.data).toHaveLength(2);
    expect(warnings.body.data[0].message).toMatch(/заканчивается 28\.12\.2025.*будет закрыт/);
  });

  it('closes every open period that ended before today in the school’s time zone', async () => {
    // 21:30 UTC on 28 December is already 29 December in Moscow.
    const report = await scheduled('2025-12-28T21:30:00Z');
    expect(report.today).toBe('2025-12-29');
    expect(report.closed.sort()).toEqual([school.quarters[1].documentId, school.halves[0].documentId].sort());
    expect(report.failed).toEqual([]);
    const quarter2 = await strapi.db.query('api::study-period.study-period').findOne({ where: { id: school.quarters[1].id } });
    expect(quarter2.state).toBe('closed');
    const packages = await call('get', `/packages?studyPeriod=${school.quarters[1].documentId}`);
    expect(packages.body.data.map((row: { bagPath: string; authorisedBy: string }) => [row.bagPath, row.authorisedBy])).toEqual([
      ['2025-2026/quarter-2/5A', 'Автоматически по расписанию (модуль «Архив учёта»)'],
    ]);
  });

  it('is scheduled only when cron is enabled', () => {
    const names = () => strapi.cron.jobs.map((job: { name: string | null }) => job.name);
    registerCronTasks(strapi);
    expect(names()).not.toContain('records-archive.period-closing');
    strapi.config.set('server.cron.enabled', true);
    registerCronTasks(strapi);
    expect(names()).toEqual(expect.arrayContaining(CRON_TASKS.map((task) => task.name)));
    removeCronTasks(strapi);
    strapi.config.set('server.cron.enabled', false);
    expect(names()).not.toContain('records-archive.fixity-check');
  });
});
