import type { Core } from '@strapi/strapi';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import supertest from 'supertest';
import { adminLogin, adminWithActions } from '../helpers/admin';
import { pdfText } from '../helpers/pdf-text';
import { make } from '../helpers/school-fixture';
import { apiAs, bootStrapi, stopStrapi } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/** The secretary's «Документы» in the admin panel: a pupil's file and years, the card, аттестаты, printed forms. */

let strapi: Core.Strapi;
let world: TwoClassSchool;
let secretaryToken: string;
let deputyToken: string;
let teacherToken: string;
let ivanov: string;

const panel = (token: string) => {
  const agent = supertest(strapi.server.httpServer);
  const binary = (test: supertest.Test) =>
    test.buffer(true).parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  return {
    get: (url: string, query: Record<string, string> = {}) =>
      agent.get(`/records-archive${url}`).query(query).set('Authorization', `Bearer ${token}`),
    download: (url: string, query: Record<string, string> = {}) =>
      binary(agent.get(`/records-archive${url}`).query(query).set('Authorization', `Bearer ${token}`)),
    post: (url: string, body: object = {}) => agent.post(`/records-archive${url}`).set('Authorization', `Bearer ${token}`).send(body),
  };
};

type ErrorBody = { body: { error: { details: { errors: Array<{ path: string[]; message: string }> } } } };
const pathsOf = (response: ErrorBody) => response.body.error.details.errors.map((error) => error.path.join('.'));

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  ivanov = world.school.pupils5a[0].documentId;
  // The secretary's REST account opens the file; their panel account (same e-mail) has the staff role «Секретарь учебной части».
  const secretary = apiAs(strapi, world.accounts.secretary.jwt);
  expect((await secretary.post('/api/personal-files', { student: ivanov, openedOn: '2021-09-01', admissionOrder: '№ 5-у' })).status).toBe(
    201,
  );
  await make(strapi, 'api::mark.mark', { kind: 'annual', journal: world.school.mathJournal.documentId, student: ivanov, value: '5' });
  await make(strapi, 'api::journal-remark.journal-remark', {
    journal: world.school.mathJournal.documentId,
    inspectedOn: world.school.lessons[0].date,
    remarks: 'Не записано домашнее задание к первому уроку',
  });
  secretaryToken = await adminLogin(strapi, { email: 'secretary@school.test', roleCode: 'school-secretary' });
  deputyToken = await adminLogin(strapi, { email: 'deputy@school.test', roleCode: 'school-deputy-director' });
  teacherToken = await adminWithActions(strapi, 'teacher.panel@school.test', ['plugin::records-archive.journal.own']);
});
afterAll(() => stopStrapi(strapi));

describe('«Документы» in the admin panel', () => {
  it('finds a pupil by part of the name, with their class and personal file number', async () => {
    const found = await panel(secretaryToken).get('/documents/pupils', { q: world.school.pupils5a[0].lastName as string });
    expect(found.status).toBe(200);
    const row = found.body.data.find((pupil: { documentId: string }) => pupil.documentId === ivanov);
    expect(row).toMatchObject({ className: '5А' });
    expect(row.fileNumber).toMatch(/^[А-ЯЁ]\/\d+$/);
    expect((await panel(secretaryToken).get('/documents/pupils', { q: 'я' })).body.data).toEqual([]);
  });

  it('fills a year of the personal file from the journal and shows it on the pupil’s page', async () => {
    const year = world.school.year.documentId;
    const filled = await panel(secretaryToken).post(`/documents/pupils/${ivanov}/fill-year`, { academicYear: year });
    expect(filled.status).toBe(200);
    const page = await panel(secretaryToken).get(`/documents/pupils/${ivanov}`);
    expect(page.status).toBe(200);
    expect(page.body.data.personalFile).toMatchObject({ admissionOrder: '№ 5-у', state: 'open' });
    expect(page.body.data.classes).toEqual([expect.objectContaining({ schoolClass: '5А', academicYearDocumentId: year })]);
    expect(page.body.data.years).toEqual([
      expect.objectContaining({ schoolClass: '5А', marks: expect.arrayContaining([expect.objectContaining({ value: '5' })]) }),
    ]);
    const card = await panel(secretaryToken).download(`/documents/pupils/${ivanov}/card.pdf`);
    expect(card.status).toBe(200);
    expect(card.headers['content-type']).toBe('application/pdf');
    expect(pdfText(card.body as Buffer)).toContain(String(world.school.pupils5a[0].lastName));
  });

  it('refuses a bad year, a pupil without a file and unknown fields with the field named', async () => {
    expect(pathsOf(await panel(secretaryToken).post(`/documents/pupils/${ivanov}/fill-year`, {}))).toEqual(['academicYear']);
    expect(pathsOf(await panel(secretaryToken).post(`/documents/pupils/${ivanov}/fill-year`, { academicYear: 'x', extra: 1 }))).toEqual(
      expect.arrayContaining(['academicYear']),
    );
    const withoutFile = await panel(secretaryToken).post(`/documents/pupils/${world.school.pupil5b.documentId}/fill-year`, {
      academicYear: world.school.year.documentId,
    });
    expect(withoutFile.status).toBe(400);
    expect(pathsOf(withoutFile)).toEqual(['personalFile']);
    expect((await panel(secretaryToken).get('/documents/pupils/nosuchpupil00')).status).toBe(404);
  });

  it('registers an аттестат through the book’s own rules: a pupil with missing final marks is refused, nothing stored', async () => {
    const before = await strapi.db.query('api::certificate-entry.certificate-entry').count();
    const refused = await panel(secretaryToken).post(`/documents/pupils/${ivanov}/certificate`, {
      data: { level: 'basic-general', blankNumber: '02 0001', orderNumber: '45-у', orderDate: '2026-06-20', issuedOn: '2026-06-25' },
    });
    expect(refused.status).toBe(400);
    expect(await strapi.db.query('api::certificate-entry.certificate-entry').count()).toBe(before);
    expect((await panel(secretaryToken).post(`/documents/pupils/${ivanov}/certificate`, { level: 'basic-general' })).status).toBe(400);
  });

  it('prints a class’s journals of a period on demand with the inspection page, and the summary sheet as PDF and XLSX', async () => {
    const query = { period: world.school.quarters[0].documentId, schoolClass: world.school.class5a.documentId };
    const journal = await panel(deputyToken).download('/documents/prints/journal.pdf', query);
    expect(journal.status).toBe(200);
    const text = pdfText(journal.body as Buffer);
    expect(text).toContain('Печатная форма на дату формирования');
    expect(text).toContain('Замечания по ведению журнала');
    expect(text).toContain('Не записано домашнее задание к первому уроку');
    expect(text).toContain(String(world.school.pupils5a[0].lastName));

    const sheet = await panel(secretaryToken).download('/documents/prints/summary', { schoolClass: world.school.class5a.documentId });
    expect(sheet.status).toBe(200);
    expect(pdfText(sheet.body as Buffer)).toContain('Сводная ведомость успеваемости');
    const workbook = await panel(secretaryToken).download('/documents/prints/summary', {
      schoolClass: world.school.class5a.documentId,
      format: 'xlsx',
    });
    expect(workbook.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(workbook.body as never);
    const cells = book.worksheets.flatMap((sheetOf) => sheetOf.getSheetValues().flat().map(String));
    expect(cells.some((cell) => cell.includes(String(world.school.pupils5a[0].lastName)))).toBe(true);

    const bad = await panel(deputyToken).get('/documents/prints/summary', { schoolClass: world.school.class5a.documentId, format: 'doc' });
    expect(pathsOf(bad)).toEqual(['format']);
    const noLessons = await panel(deputyToken).get('/documents/prints/journal.pdf', {
      period: world.school.quarters[3].documentId,
      schoolClass: world.school.class5a.documentId,
    });
    expect(noLessons.status).toBe(400);
    expect(pathsOf(noLessons)).toEqual(['schoolClass']);
  });

  it('downloads the personal cards of a class as one ZIP, naming the pupils without a file', async () => {
    const zip = await panel(secretaryToken).download('/documents/prints/cards.zip', { schoolClass: world.school.class5a.documentId });
    expect(zip.status).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const archive = await JSZip.loadAsync(zip.body as Buffer);
    const names = Object.keys(archive.files);
    const card = names.find((name) => name.endsWith('.pdf') && name.includes(String(world.school.pupils5a[0].lastName)));
    expect(card).toBeDefined();
    expect(pdfText(await archive.file(card as string)!.async('nodebuffer'))).toContain('5');
    const missing = await archive.file('БЕЗ ЛИЧНОГО ДЕЛА.txt')!.async('string');
    expect(missing).toContain(String(world.school.pupils5a[1].lastName));
  });

  it('prints the inventory of a class’s personal files in alphabetical order with their places', async () => {
    const inventory = await panel(secretaryToken).download('/documents/prints/files-inventory.pdf', {
      schoolClass: world.school.class5a.documentId,
    });
    expect(inventory.status).toBe(200);
    const text = pdfText(inventory.body as Buffer);
    expect(text).toContain('Опись личных дел обучающихся');
    expect(text.replace(/\s+/g, ' ')).toContain('Приёмная руководителя');
    expect(text).toContain('не открыто');
    const names = world.school.pupils5a.map((pupil) => String(pupil.lastName));
    const positions = names.map((name) => text.indexOf(name));
    expect(positions.every((position) => position >= 0)).toBe(true);
    const sorted = [...names].sort((a, b) => a.localeCompare(b, 'ru'));
    expect([...names].sort((a, b) => text.indexOf(a) - text.indexOf(b))).toEqual(sorted);
  });

  it('issues a справка об успеваемости at the counter: the request registered, answered and downloaded as issued', async () => {
    const page = await panel(secretaryToken).get(`/documents/pupils/${ivanov}`);
    expect(page.body.data.guardians).toEqual([expect.objectContaining({ documentId: world.guardianA.documentId })]);
    const stranger = await panel(secretaryToken).post(`/documents/pupils/${ivanov}/progress-certificate`, {
      requesterKind: 'guardian',
      guardian: world.guardianB.documentId,
      form: 'oral',
    });
    expect(pathsOf(stranger)).toEqual(['guardian']);
    const issued = await panel(secretaryToken).post(`/documents/pupils/${ivanov}/progress-certificate`, {
      requesterKind: 'guardian',
      guardian: world.guardianA.documentId,
      form: 'oral',
    });
    expect(issued.status).toBe(201);
    const request = await strapi.db
      .query('api::results-request.results-request')
      .findOne({ where: { documentId: issued.body.data.request }, populate: { handledBy: true, guardian: true } });
    expect(request).toMatchObject({ form: 'oral', issuedDocumentKind: 'progress-certificate' });
    expect(request.handledBy.id).toBe(world.accounts.secretary.id);
    const pdf = await panel(secretaryToken).download(`/documents/pupils/${ivanov}/requests/${issued.body.data.request}/document.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdfText(pdf.body as Buffer).replace(/\s+/g, ' ')).toContain(`СПРАВКА № ${String(request.number)}/`);
    expect((await panel(deputyToken).post(`/documents/pupils/${ivanov}/progress-certificate`, { requesterKind: 'pupil' })).status).toBe(
      403,
    );
  });

  it('issues the file to the parents on a transfer through the file’s rules, once', async () => {
    const incomplete = await panel(secretaryToken).post(`/documents/pupils/${ivanov}/issue-file`, { issuedOn: '2026-06-01' });
    expect(pathsOf(incomplete)).toEqual(expect.arrayContaining(['applicationNumber', 'orderNumber', 'issuedTo']));
    const early = await panel(secretaryToken).post(`/documents/pupils/${ivanov}/issue-file`, {
      issuedOn: '2020-01-01',
      applicationNumber: '17',
      orderNumber: '88-у',
      issuedTo: 'Иванова Ольга',
    });
    expect(pathsOf(early)).toEqual(['issuedOn']);
    const issued = await panel(secretaryToken).post(`/documents/pupils/${ivanov}/issue-file`, {
      issuedOn: '2026-06-01',
      applicationNumber: '17',
      orderNumber: '88-у',
      issuedTo: 'Иванова Ольга',
    });
    expect(issued.status).toBe(200);
    expect(issued.body.data.personalFile).toMatchObject({ state: 'issued', issuedOn: '2026-06-01', issuedTo: 'Иванова Ольга' });
    const again = await panel(secretaryToken).post(`/documents/pupils/${ivanov}/issue-file`, {
      issuedOn: '2026-06-02',
      applicationNumber: '18',
      orderNumber: '89-у',
      issuedTo: 'Иванова Ольга',
    });
    expect(pathsOf(again)).toEqual(['state']);
  });

  it('keeps the register of аттестат blanks: a receipt, the list by level and state, a write-off by an act, the balance and the print', async () => {
    const secretary = panel(secretaryToken);
    const receipt = {
      level: 'secondary-general',
      series: '',
      numberFrom: '03924000000101',
      numberTo: '03924000000104',
      receivedOn: '2026-03-02',
      receiptDocument: 'накладная № 3 от 02.03.2026',
    };
    const backwards = await secretary.post('/documents/blanks/receive', { data: { ...receipt, numberTo: '03924000000100' } });
    expect(backwards.status).toBe(400);
    expect(pathsOf(backwards)).toEqual(['numberTo']);
    expect(backwards.body.error.message).toContain('не может быть меньше');
    const received = await secretary.post('/documents/blanks/receive', { data: receipt });
    expect([received.status, received.body.meta]).toEqual([201, { count: 4 }]);

    const spoiled = received.body.data[1] as { documentId: string; blankNumber: string };
    const noAct = await secretary.post(`/documents/blanks/${spoiled.documentId}/write-off`, { data: { spoiledOn: '2026-03-05' } });
    expect(noAct.status).toBe(400);
    expect(pathsOf(noAct)).toEqual(expect.arrayContaining(['spoilageAct', 'spoilageReason']));
    expect(noAct.body.error.details.errors[0].message).toMatch(/[а-я]/);
    const writtenOff = await secretary.post(`/documents/blanks/${spoiled.documentId}/write-off`, {
      data: { spoiledOn: '2026-03-05', spoilageAct: 'акт № 1 от 05.03.2026', spoilageReason: 'ошибка в фамилии' },
    });
    expect([writtenOff.status, writtenOff.body.data?.state]).toEqual([200, 'spoiled']);
    const again = await secretary.post(`/documents/blanks/${spoiled.documentId}/write-off`, {
      data: { spoiledOn: '2026-03-06', spoilageAct: 'акт № 2', spoilageReason: 'повторно' },
    });
    expect(again.status).toBe(403);
    expect((await secretary.post('/documents/blanks/nosuchblank000/write-off', { data: {} })).status).toBe(404);

    const register = await secretary.get('/documents/blanks', { level: 'secondary-general' });
    expect(register.status).toBe(200);
    expect(register.body.data.balance).toEqual(
      expect.arrayContaining([expect.objectContaining({ level: 'secondary-general', received: 4, inStock: 3, spoiled: 1, issued: 0 })]),
    );
    expect(register.body.data.blanks.map((blank: { blankNumber: string; state: string }) => [blank.blankNumber, blank.state])).toEqual([
      ['03924000000101', 'in-stock'],
      ['03924000000102', 'spoiled'],
      ['03924000000103', 'in-stock'],
      ['03924000000104', 'in-stock'],
    ]);
    const spoiledOnly = await secretary.get('/documents/blanks', { state: 'spoiled' });
    expect(spoiledOnly.body.data.blanks).toEqual([
      expect.objectContaining({ blankNumber: '03924000000102', spoilageAct: 'акт № 1 от 05.03.2026', spoiledOn: '2026-03-05' }),
    ]);
    expect((await secretary.get('/documents/blanks', { level: 'basic-general' })).body.data.blanks).toEqual([]);
    const badState = await secretary.get('/documents/blanks', { state: 'lost' });
    expect([badState.status, pathsOf(badState)]).toEqual([400, ['state']]);
    // The list comes a page at a time (50 unless asked), in register order, with the count of all that match.
    expect(register.body.meta.pagination).toEqual({ page: 1, pageSize: 50, total: 4, pageCount: 1 });
    const secondPage = await secretary.get('/documents/blanks', { level: 'secondary-general', page: '2', pageSize: '3' });
    expect(secondPage.body.data.blanks.map((blank: { blankNumber: string }) => blank.blankNumber)).toEqual(['03924000000104']);
    expect(secondPage.body.meta.pagination).toEqual({ page: 2, pageSize: 3, total: 4, pageCount: 2 });
    for (const [query, path] of [
      [{ page: '0' }, 'page'],
      [{ page: 'x' }, 'page'],
      [{ pageSize: '101' }, 'pageSize'],
      [{ pageSize: '1.5' }, 'pageSize'],
    ] as const) {
      const refused = await secretary.get('/documents/blanks', query);
      expect([refused.status, pathsOf(refused)]).toEqual([400, [path]]);
    }

    const printed = await panel(deputyToken).download('/documents/prints/blank-register.pdf', { level: 'secondary-general', year: '2026' });
    expect(printed.status).toBe(200);
    expect(printed.headers['content-type']).toContain('application/pdf');
    const text = pdfText(printed.body as Buffer).replace(/\s+/g, ' ');
    expect(text).toContain('КНИГА УЧЁТА БЛАНКОВ АТТЕСТАТОВ');
    expect(text).toContain('03924000000104');
    expect(text).toContain('акт № 1 от 05.03.2026, 05.03.2026');
    expect(text).toMatch(/аттестат о среднем общем образовании 4 3 0 1 0/);
    const badYear = await secretary.get('/documents/prints/blank-register.pdf', { year: '26' });
    expect([badYear.status, pathsOf(badYear)]).toEqual([400, ['year']]);

    // The deputy reads and prints but does not write; a panel account without «Документы» sees nothing of it.
    expect((await panel(deputyToken).get('/documents/blanks')).status).toBe(200);
    expect(
      (await panel(deputyToken).post('/documents/blanks/receive', { data: { ...receipt, numberFrom: '03924000000200' } })).status,
    ).toBe(403);
    const third = received.body.data[2] as { documentId: string };
    const deputyWriteOff = await panel(deputyToken).post(`/documents/blanks/${third.documentId}/write-off`, {
      data: { spoiledOn: '2026-03-05', spoilageAct: 'акт', spoilageReason: 'порча' },
    });
    expect(deputyWriteOff.status).toBe(403);
    expect((await panel(teacherToken).get('/documents/blanks')).status).toBe(403);
    expect((await panel(teacherToken).download('/documents/prints/blank-register.pdf')).status).toBe(403);
    expect(await strapi.db.query('api::certificate-blank.certificate-blank').count({ where: { state: 'spoiled' } })).toBe(1);
  });

  it('lets the deputy read and print but not write, and keeps a teacher’s panel account out', async () => {
    expect((await panel(deputyToken).get(`/documents/pupils/${ivanov}`)).status).toBe(200);
    expect(
      (await panel(deputyToken).post(`/documents/pupils/${ivanov}/fill-year`, { academicYear: world.school.year.documentId })).status,
    ).toBe(403);
    expect((await panel(teacherToken).get('/documents/pupils', { q: 'Ив' })).status).toBe(403);
    expect((await panel(teacherToken).get('/documents/choices')).status).toBe(403);
    const choices = await panel(deputyToken).get('/documents/choices');
    expect(choices.body.data[0]).toMatchObject({ title: world.school.year.title });
    expect(choices.body.data[0].classes.map((row: { name: string }) => row.name)).toEqual(expect.arrayContaining(['5А', '5Б']));
  });
});
