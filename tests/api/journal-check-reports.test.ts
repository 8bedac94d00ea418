import type { Core } from '@strapi/strapi';
import { pdfTextLines } from '../helpers/pdf-text';
import { make } from '../helpers/school-fixture';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/**
 * The deputy director's journal checks (R28): the schedule of planned checks with the overdue ones
 * flagged, the «Справка о проверке электронных журналов» for a period and a journal's page
 * «Замечания по ведению журнала» (PDF). Today is after the fixture's school year, so every planned
 * date of 2025 has passed.
 */

const CHECK = 'api::journal-check.journal-check';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let mathRemark: string;
let classCheck: string;

const as = (who: 'teacherA' | 'teacherB' | 'classTeacherB' | 'deputy' | 'director' | 'parentA'): Api =>
  apiAs(strapi, who === 'teacherA' || who === 'teacherB' || who === 'classTeacherB' ? world[who].jwt : world.accounts[who].jwt);

const download = (api: Api, url: string) =>
  api
    .get(url)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });

const textOf = (pdf: Buffer): string => pdfTextLines(pdf).join(' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  const remark = await as('deputy').post('/api/journal-remarks', {
    journal: world.school.mathJournal.documentId,
    inspectedOn: '2025-10-01',
    findings: 'Темы уроков записаны своевременно.',
    remarks: 'Заполнить домашние задания к урокам сентября.',
    fixBy: '2025-10-10',
  });
  expect(remark.status).toBe(201);
  mathRemark = remark.body.data.documentId;
  expect((await as('teacherA').post(`/api/journal-remarks/${mathRemark}/acknowledge`, {})).status).toBe(200);
  // A remark on the 5Б journal, outside the report's period.
  await make(strapi, 'api::journal-remark.journal-remark', {
    journal: world.journalB.documentId,
    inspectedOn: '2026-02-02',
    remarks: 'Отметки за контрольную работу не выставлены.',
  });
});
afterAll(() => stopStrapi(strapi));

describe('the schedule of journal checks', () => {
  it('the deputy plans checks of a journal and of a class, and links the remark that carried one out', async () => {
    const done = await as('deputy').post('/api/journal-checks', {
      journal: world.school.mathJournal.documentId,
      plannedOn: '2025-10-01',
      purpose: 'Своевременность записи тем уроков и домашних заданий',
      remark: mathRemark,
    });
    expect(done.status).toBe(201);
    const overdue = await as('deputy').post('/api/journal-checks', {
      schoolClass: world.school.class5b.documentId,
      plannedOn: '2025-10-20',
      purpose: 'Накопляемость отметок в 5Б',
    });
    expect(overdue.status).toBe(201);
    classCheck = overdue.body.data.documentId;
    const planned = await as('deputy').post('/api/journal-checks', {
      journal: world.school.peJournal.documentId,
      plannedOn: '2099-05-15',
      purpose: 'Итоговые отметки',
    });
    expect(planned.status).toBe(201);
    const stored = await strapi.db.query(CHECK).findOne({ where: { documentId: classCheck }, populate: { inspector: { select: ['id'] } } });
    expect(stored.inspector.id).toBe(world.accounts.deputy.id);
  });

  it('refuses a check naming neither journal nor class, without a date or purpose, or linked to a remark of another journal', async () => {
    const empty = await as('deputy').post('/api/journal-checks', { plannedOn: '2025-10-01' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.errors.map((error: { path: string[] }) => error.path[0]).sort()).toEqual(['journal', 'purpose']);
    const noDate = await as('deputy').post('/api/journal-checks', { journal: world.journalB.documentId, purpose: 'Проверка' });
    expect(noDate.status).toBe(400);
    expect(noDate.body.error.details.errors[0].path).toEqual(['plannedOn']);
    const wrongRemark = await as('deputy').put(`/api/journal-checks/${classCheck}`, { remark: mathRemark });
    expect(wrongRemark.status).toBe(400);
    expect(wrongRemark.body.error.details.errors[0]).toMatchObject({
      path: ['remark'],
      message: expect.stringContaining('другого класса'),
    });
    expect(await strapi.db.query(CHECK).count({})).toBe(3);
  });

  it('a remark that carried out a planned check cannot be deleted', async () => {
    const response = await as('deputy').delete(`/api/journal-remarks/${mathRemark}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('плановых проверок');
    expect(await strapi.db.query('api::journal-remark.journal-remark').count({ where: { documentId: mathRemark } })).toBe(1);
  });

  it('a teacher can neither plan nor read the schedule (403)', async () => {
    expect(
      (await as('teacherA').post('/api/journal-checks', { journal: world.journalB.documentId, plannedOn: '2025-10-01', purpose: 'x' }))
        .status,
    ).toBe(403);
    expect((await as('teacherA').get('/api/journal-checks')).status).toBe(403);
    expect((await as('teacherA').get('/api/journal-control/checks')).status).toBe(403);
  });

  it('GET /api/journal-control/checks flags the overdue checks (date passed, no remark) and lists them first', async () => {
    const response = await as('director').get('/api/journal-control/checks');
    expect(response.status).toBe(200);
    const schedule = response.body.data;
    expect(schedule).toMatchObject({ overdue: 1, planned: 1, done: 1 });
    expect(schedule.checks.map((check: { state: string; plannedOn: string }) => [check.state, check.plannedOn])).toEqual([
      ['overdue', '2025-10-20'],
      ['planned', '2099-05-15'],
      ['done', '2025-10-01'],
    ]);
    expect(schedule.checks[0]).toMatchObject({
      schoolClass: { name: '5Б' },
      inspector: 'deputy',
      stateLabel: expect.stringContaining('просрочена'),
    });
    expect(schedule.checks[2].remark).toEqual({ documentId: mathRemark, inspectedOn: '2025-10-01' });
  });

  it('judges overdue on the given date: before the planned day the check is only planned', async () => {
    const response = await as('deputy').get('/api/journal-control/checks?date=2025-10-15&from=2025-09-01&to=2025-12-31');
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ overdue: 0, planned: 1, done: 1 });
    expect((await as('deputy').get('/api/journal-control/checks?from=2025-12-31&to=2025-09-01')).status).toBe(400);
  });

  it('shows the overdue checks on the deputy’s part of the staff home', async () => {
    const home = await strapi.plugin('records-archive').service('staff-home').deputy();
    expect(home.overdueChecks.map((check: { documentId: string }) => check.documentId)).toEqual([classCheck]);
  });
});

describe('«Справка о проверке электронных журналов»', () => {
  it('prints the journals checked in the period with findings, remarks, fix-by dates, acknowledgments and the schedule', async () => {
    const response = await download(as('deputy'), '/api/journal-remarks/check-report.pdf?from=2025-09-01&to=2025-12-31');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/pdf/);
    const pdf = response.body as Buffer;
    expect(pdf.toString('latin1')).toMatch(/DejaVuSans/);
    const text = textOf(pdf);
    expect(text).toContain('Справка о проверке электронных журналов');
    expect(text).toContain('за период с 01.09.2025 по 31.12.2025');
    expect(text).toContain('Проверено журналов: 1');
    expect(text).toContain(String(world.school.mathJournal.title));
    expect(text).toContain('Темы уроков записаны своевременно.');
    expect(text).toContain('Заполнить домашние задания к урокам сентября.');
    expect(text).toContain('10.10.2025 (срок истёк)');
    expect(text).toContain('teacher.a');
    expect(text).toContain('Выполнение графика проверок');
    expect(text).toContain('просрочена');
    expect(text).toContain('5Б класс (все журналы)');
    // The 5Б remark of February is outside the period.
    expect(text).not.toContain('Отметки за контрольную работу не выставлены.');
  });

  it('is the deputy’s and the director’s; a teacher gets 403; a reversed period 400', async () => {
    expect((await download(as('director'), '/api/journal-remarks/check-report.pdf')).status).toBe(200);
    expect((await as('teacherA').get('/api/journal-remarks/check-report.pdf')).status).toBe(403);
    const reversed = await as('deputy').get('/api/journal-remarks/check-report.pdf?from=2025-12-31&to=2025-09-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.details.errors[0].path).toEqual(['to']);
  });
});

describe('the page «Замечания по ведению журнала»', () => {
  it('prints a journal’s remarks in a table, with the teacher’s acknowledgment, for its teacher', async () => {
    const response = await download(as('teacherA'), `/api/journal-remarks/journals/${world.school.mathJournal.documentId}/page.pdf`);
    expect(response.status).toBe(200);
    const text = textOf(response.body as Buffer);
    expect(text).toContain('Замечания по ведению журнала');
    expect(text).toContain('Класс: 5А. Предмет: Математика');
    expect(text).toContain('01.10.2025');
    expect(text).toContain('Заполнить домашние задания к урокам сентября.');
    expect(text).toContain('Отметка об ознакомлении учителя');
    expect(text).toMatch(/\d{2}\.\d{2}\.\d{4}, teacher\.a/);
  });

  it('another teacher’s journal answers 404; the deputy prints any journal; a family gets 403', async () => {
    expect((await as('teacherB').get(`/api/journal-remarks/journals/${world.school.mathJournal.documentId}/page.pdf`)).status).toBe(404);
    const deputy = await download(as('deputy'), `/api/journal-remarks/journals/${world.journalB.documentId}/page.pdf`);
    expect(deputy.status).toBe(200);
    expect(textOf(deputy.body as Buffer)).toContain('Отметки за контрольную работу не выставлены.');
    expect((await as('parentA').get(`/api/journal-remarks/journals/${world.journalB.documentId}/page.pdf`)).status).toBe(403);
    expect((await as('deputy').get('/api/journal-remarks/journals/nosuchjournal000000000000/page.pdf')).status).toBe(404);
  });
});
