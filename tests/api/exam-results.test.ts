import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import ExcelJS from 'exceljs';
import type supertest from 'supertest';
import { pdfText } from '../helpers/pdf-text';
import { make } from '../helpers/school-fixture';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/**
 * GIA results (issue 6, seed 001 §2.2.4, R52, R54): ОГЭ, ЕГЭ, ГВЭ, the итоговое сочинение and
 * собеседование as the protocols state them, imported all-or-nothing, the 9th grade's exam mark in
 * the journal written from the protocol only, and the pupils' acknowledgment under signature.
 */

const RESULT = 'api::exam-result.exam-result';
type Doc = { id: number; documentId: string };

let strapi: Core.Strapi;
let world: TwoClassSchool;
let as: Record<string, Api>;
let orlova: Doc;
let gusev: Doc;
let belov: Doc;
let physics: Doc;
let mathJournal9: Doc;

type ErrorBody = { error?: { message?: string; details?: { errors?: Array<{ row?: number; field?: string; path?: string[] }> } } };
const rowErrors = (body: ErrorBody) => (body.error?.details?.errors ?? []).map((error) => `${error.row}:${error.field}`);
const paths = (body: ErrorBody) => (body.error?.details?.errors ?? []).map((error) => (error.path ?? []).join('.'));
const count = () => strapi.db.query(RESULT).count({});

const csvUpload = (csv: string, jwt = world.accounts.deputy.jwt) =>
  as.deputy.raw
    .post('/api/exam-results/import')
    .set('Authorization', `Bearer ${jwt}`)
    .attach('file', Buffer.from(csv, 'utf8'), { filename: 'protocol.csv', contentType: 'text/csv' });

const pupil = (lastName: string, firstName: string, birthDate: string) =>
  make(strapi, 'api::student.student', { lastName, firstName, patronymic: 'Андреевна', gender: 'female', birthDate }) as Promise<Doc>;

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  const { school } = world;
  as = {
    deputy: apiAs(strapi, world.accounts.deputy.jwt),
    director: apiAs(strapi, world.accounts.director.jwt),
    secretary: apiAs(strapi, world.accounts.secretary.jwt),
    teacherA: apiAs(strapi, world.teacherA.jwt),
    teacherB: apiAs(strapi, world.teacherB.jwt),
    parentA: apiAs(strapi, world.accounts.parentA.jwt),
    pupilA: apiAs(strapi, world.accounts.pupilA.jwt),
  };
  physics = (await make(strapi, 'api::subject.subject', { name: 'Физика', scale: 'five-point' })) as Doc;
  const class9a = (await make(strapi, 'api::school-class.school-class', {
    grade: 9,
    letter: 'А',
    academicYear: school.year.documentId,
  })) as Doc;
  const class11a = (await make(strapi, 'api::school-class.school-class', {
    grade: 11,
    letter: 'А',
    academicYear: school.year.documentId,
  })) as Doc;
  orlova = await pupil('Орлова', 'Вера', '2010-04-15');
  gusev = await pupil('Гусева', 'Нина', '2010-08-01');
  belov = await pupil('Белова', 'Ольга', '2008-02-20');
  for (const [student, schoolClass] of [
    [orlova, class9a],
    [gusev, class9a],
    [belov, class11a],
  ] as const) {
    await make(strapi, 'api::enrollment.enrollment', {
      student: student.documentId,
      schoolClass: schoolClass.documentId,
      startDate: '2025-09-01',
    });
  }
  // Teacher B teaches maths in 9А: reads the results of 9А's pupils.
  mathJournal9 = (await make(strapi, 'api::journal.journal', {
    schoolClass: class9a.documentId,
    subject: school.math.documentId,
    teachers: [world.teacherB.documentId],
  })) as Doc;
  for (const subject of [school.russian, physics]) {
    await make(strapi, 'api::journal.journal', { schoolClass: class9a.documentId, subject: subject.documentId });
  }
});
afterAll(async () => {
  // The local provider writes into public/uploads: remove what this file uploaded.
  const uploads = (await strapi.db.query('plugin::upload.file').findMany({})) as Array<{ id: number }>;
  for (const file of uploads) await strapi.plugin('upload').service('upload').remove(file);
  await stopStrapi(strapi);
});

const upload = async (name: string, content: Buffer, mimetype: string): Promise<{ id: number; url: string }> => {
  const filepath = path.join(os.tmpdir(), `${Date.now()}-${name}`);
  fs.writeFileSync(filepath, content);
  const [file] = (await strapi
    .plugin('upload')
    .service('upload')
    .upload({ data: {}, files: { filepath, originalFilename: name, mimetype, size: content.length } })) as Array<{
    id: number;
    url: string;
  }>;
  return file;
};

const binary = (test: supertest.Test) =>
  test.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });

describe('a result as the protocol states it', () => {
  it('refuses ОГЭ before the admission by the собеседование (R54), then derives passed from the mark', async () => {
    const oge = { examKind: 'oge', student: orlova.documentId, subject: world.school.math.documentId, date: '2026-05-27', mark: 4 };
    const refused = await as.deputy.post('/api/exam-results', oge);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('не допущен к ГИА');

    const interview = await as.deputy.post('/api/exam-results', {
      examKind: 'final-interview',
      student: orlova.documentId,
      date: '2026-02-11',
      primaryScore: 15,
      result: 'pass',
    });
    expect(interview.status).toBe(201);
    expect(interview.body.data).toMatchObject({ passed: true, grade: 9, form: null });

    const created = await as.deputy.post('/api/exam-results', {
      ...oge,
      primaryScore: 18,
      protocolNumber: '12-ОГЭ',
      protocolDate: '2026-06-08',
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ passed: true, mark: 4, grade: 9 });
    const failing = await as.deputy.put(`/api/exam-results/${created.body.data.documentId}`, { mark: 2, passed: true });
    expect(failing.status).toBe(200);
    expect(failing.body.data.passed).toBe(false);
    expect((await as.deputy.put(`/api/exam-results/${created.body.data.documentId}`, { mark: 4 })).status).toBe(200);
  });

  it('refuses marks and scores out of range, fields of another kind, a second result of the same exam', async () => {
    const base = { examKind: 'oge', student: orlova.documentId, subject: world.school.math.documentId, date: '2026-05-27' };
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ ...base, date: '2026-06-02', mark: 6 }, ['mark']],
      [{ ...base, date: '2026-06-02', mark: 4, primaryScore: -1 }, ['primaryScore']],
      [{ ...base, date: '2026-06-02', mark: 4, result: 'pass' }, ['result']],
      [{ ...base, date: '2026-06-02', mark: 4, scaledScore: 70 }, ['scaledScore']],
      [{ ...base, mark: 5 }, ['date']],
      [{ ...base, student: belov.documentId, mark: 5 }, ['student']],
      [
        { examKind: 'ege', student: belov.documentId, subject: world.school.math.documentId, date: '2026-06-04', scaledScore: 70 },
        ['form'],
      ],
      [{ examKind: 'final-essay', student: belov.documentId, date: '2025-12-03', result: 'maybe' }, ['result']],
      [
        { examKind: 'final-essay', student: belov.documentId, subject: physics.documentId, date: '2025-12-03', result: 'pass' },
        ['subject'],
      ],
      [{ ...base, date: '2099-06-02', mark: 4 }, ['date']],
    ];
    for (const [data, fields] of cases) {
      const response = await as.deputy.post('/api/exam-results', data);
      expect([response.status, paths(response.body)]).toEqual([400, fields]);
    }
  });

  it('scores the ЕГЭ against the minimum (Russian 24 by default) and marks the basic mathematics', async () => {
    const essay = await as.secretary.post('/api/exam-results', {
      examKind: 'final-essay',
      form: 'essay',
      student: belov.documentId,
      subject: world.school.russian.documentId,
      date: '2025-12-03',
      result: 'pass',
    });
    expect(essay.status).toBe(201);
    const russian = await as.secretary.post('/api/exam-results', {
      examKind: 'ege',
      student: belov.documentId,
      subject: world.school.russian.documentId,
      date: '2026-05-30',
      primaryScore: 10,
      scaledScore: 23,
    });
    expect(russian.status).toBe(201);
    expect(russian.body.data).toMatchObject({ passingScore: 24, passed: false, mark: null });
    const math = await as.secretary.post('/api/exam-results', {
      examKind: 'ege',
      form: 'base',
      student: belov.documentId,
      subject: world.school.math.documentId,
      date: '2026-06-04',
      mark: 3,
    });
    expect(math.status).toBe(201);
    expect(math.body.data).toMatchObject({ passed: true, scaledScore: null });
  });
});

describe('the 9th grade’s exam mark in the journal', () => {
  it('is written from the ОГЭ protocol and never typed in the journal', async () => {
    const marks = await strapi.db
      .query('api::mark.mark')
      .findMany({ where: { student: { id: orlova.id }, kind: 'exam', journal: { id: mathJournal9.id } } });
    expect(marks.map((mark: { value: string }) => mark.value)).toEqual(['4']);
    const typed = await as.teacherB.post('/api/marks', {
      kind: 'exam',
      journal: mathJournal9.documentId,
      student: gusev.documentId,
      value: '5',
      date: '2026-05-27',
    });
    expect(typed.status).toBe(400);
    expect(typed.body.error.message).toContain('из протокола ГИА');
    const byHand = await as.teacherB.put(`/api/marks/${marks[0].documentId}`, { value: '5' });
    expect(byHand.status).toBe(400);
  });
});

describe('import of a protocol', () => {
  const header = 'Вид экзамена;Дата экзамена;Предмет;Фамилия;Имя;Отчество;Дата рождения;Первичный балл;Отметка;Результат;Номер протокола';

  it('reports every bad row with its number and field, and imports nothing', async () => {
    const before = await count();
    const csv = [
      header,
      'Итоговое собеседование;11.02.2026;;Гусева;Нина;Андреевна;01.08.2010;14;;зачёт;7-С',
      'ОГЭ;27.05.2026;Математика;Гусева;Нина;Андреевна;01.08.2010;12;7;;12-ОГЭ',
      'ОГЭ;29.05.2026;Астрология;Гусева;Нина;Андреевна;01.08.2010;12;4;;12-ОГЭ',
      'ОГЭ;29.05.2026;Физика;Никитина;Нина;;01.08.2010;12;4;;12-ОГЭ',
      'Олимпиада;29.05.2026;Физика;Гусева;Нина;Андреевна;01.08.2010;12;4;;12-ОГЭ',
    ].join('\r\n');
    const response = await csvUpload(csv);
    expect(response.status).toBe(400);
    expect(rowErrors(response.body)).toEqual(['3:mark', '4:subject', '5:fullName', '6:examKind']);
    expect(response.body.error.message).toContain('ничего не загружено');
    expect(await count()).toBe(before);
  });

  it('imports a good CSV (admission rows first, whatever the order) and XLSX; teachers may not import', async () => {
    const before = await count();
    const csv = [
      header,
      'ОГЭ;27.05.2026;Математика;Гусева;Нина;Андреевна;01.08.2010;12;3;;12-ОГЭ',
      'Итоговое собеседование;11.02.2026;;Гусева;Нина;Андреевна;01.08.2010;14;;зачёт;7-С',
    ].join('\n');
    expect((await csvUpload(csv, world.teacherB.jwt)).status).toBe(403);
    const response = await csvUpload(csv);
    expect(response.status).toBe(201);
    expect(response.body.data.imported).toBe(2);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Протокол');
    sheet.addRow(['Экзамен', 'Дата', 'Предмет', 'Код обучающегося', 'Отметка', 'Первичный балл']);
    sheet.addRow(['ОГЭ', new Date(Date.UTC(2026, 5, 2)), 'Физика', gusev.documentId, 4, 25]);
    const upload = await as.deputy.raw
      .post('/api/exam-results/import')
      .set('Authorization', `Bearer ${world.accounts.director.jwt}`)
      .attach('file', Buffer.from(await workbook.xlsx.writeBuffer()), { filename: 'oge.xlsx' });
    expect(upload.status).toBe(201);
    expect(await count()).toBe(before + 3);
    const journalMark = await strapi.db
      .query('api::mark.mark')
      .findOne({ where: { student: { id: gusev.id }, kind: 'exam', journal: { id: mathJournal9.id } } });
    expect(journalMark?.value).toBe('3');
  });
});

describe('acknowledgment under signature', () => {
  it('lists per exam who has not acknowledged, records who showed it, and prints the sheet', async () => {
    const list = await as.deputy.get(
      `/api/exam-results/acknowledgments?examKind=oge&subject=${world.school.math.documentId}&date=2026-05-27`,
    );
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0].notAcknowledged.map((line: { student: { fullName: string } }) => line.student.fullName)).toEqual([
      'Гусева Нина Андреевна',
      'Орлова Вера Андреевна',
    ]);
    const orlovaResult = list.body.data[0].pupils.find(
      (line: { student: { documentId: string } }) => line.student.documentId === orlova.documentId,
    );
    const acknowledged = await as.deputy.post(`/api/exam-results/${orlovaResult.result}/acknowledge`, { acknowledgedOn: '2026-06-10' });
    expect(acknowledged.status).toBe(200);
    const stored = await strapi.db
      .query(RESULT)
      .findOne({ where: { documentId: orlovaResult.result }, populate: { acknowledgedBy: true } });
    expect(stored).toMatchObject({ acknowledgedOn: '2026-06-10' });
    expect(stored.acknowledgedBy.username).toBe('deputy');
    expect((await as.deputy.post(`/api/exam-results/${orlovaResult.result}/acknowledge`, {})).status).toBe(400);
    // The acknowledging deputy cannot be typed over REST.
    await as.director.put(`/api/exam-results/${orlovaResult.result}`, { acknowledgedBy: world.accounts.director.id });
    expect(
      (await strapi.db.query(RESULT).findOne({ where: { documentId: orlovaResult.result }, populate: { acknowledgedBy: true } }))
        .acknowledgedBy.username,
    ).toBe('deputy');

    const after = await as.deputy.get(
      `/api/exam-results/acknowledgments?examKind=oge&subject=${world.school.math.documentId}&date=2026-05-27`,
    );
    expect(after.body.data[0]).toMatchObject({ total: 2, acknowledged: 1 });
    expect(after.body.data[0].notAcknowledged.map((line: { student: { fullName: string } }) => line.student.fullName)).toEqual([
      'Гусева Нина Андреевна',
    ]);

    const pdf = await as.deputy
      .get(`/api/exam-results/acknowledgment-sheet.pdf?examKind=oge&subject=${world.school.math.documentId}&date=2026-05-27`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain('Ознакомлен(а)');
    expect(text).toContain('Орлова Вера Андреевна');
    expect(text).toContain('10.06.2026');

    // An appeal changes the result: the pupil acknowledges again.
    await as.deputy.put(`/api/exam-results/${orlovaResult.result}`, { mark: 5 });
    expect((await strapi.db.query(RESULT).findOne({ where: { documentId: orlovaResult.result } })).acknowledgedOn).toBeNull();
  });
});

describe('scans kept with a result (R54)', () => {
  it('keeps the protocol’s scan with the admission result, gives it to the result’s readers only, never by its public link', async () => {
    const interview = (await strapi.db.query(RESULT).findOne({
      where: { examKind: 'final-interview', student: { documentId: orlova.documentId } },
      select: ['documentId', 'acknowledgedOn'],
    })) as { documentId: string; acknowledgedOn: string | null };
    const content = Buffer.from('%PDF-1.4 протокол итогового собеседования 9А\n', 'utf8');
    const scan = await upload('protokol-sobesedovaniya.pdf', content, 'application/pdf');
    const other = await upload('chuzhoy.pdf', Buffer.from('%PDF-1.4 другой файл\n', 'utf8'), 'application/pdf');

    const kept = await as.deputy.put(`/api/exam-results/${interview.documentId}`, { scans: [scan.id] });
    expect(kept.status).toBe(200);
    // Attaching the scan changes nothing the pupil has acknowledged.
    expect((await strapi.db.query(RESULT).findOne({ where: { documentId: interview.documentId } })).acknowledgedOn).toBe(
      interview.acknowledgedOn,
    );
    expect((await as.deputy.raw.get(scan.url)).status).toBe(404);

    const route = `/api/exam-results/${interview.documentId}/scans/${scan.id}`;
    const read = await binary(as.deputy.raw.get(route).set('Authorization', `Bearer ${world.accounts.deputy.jwt}`));
    expect(read.status).toBe(200);
    expect(read.headers['content-type']).toContain('application/pdf');
    expect(Buffer.compare(read.body as Buffer, content)).toBe(0);
    // Teacher B teaches 9А and reads its results; teacher A does not; families never read the protocols.
    expect((await as.teacherB.get(route)).status).toBe(200);
    expect((await as.teacherA.get(route)).status).toBe(404);
    expect((await as.parentA.get(route)).status).toBe(403);
    // A file that is not this result's scan is not served through it.
    expect((await as.deputy.get(`/api/exam-results/${interview.documentId}/scans/${other.id}`)).status).toBe(404);
    expect((await as.deputy.get(`/api/exam-results/${interview.documentId}/scans/abc`)).status).toBe(404);
  });
});

describe('who reads', () => {
  it('lets teachers read their classes’ pupils, families their own child, and keeps writes to the deputy, director and secretary', async () => {
    const teacherB = await as.teacherB.get('/api/exam-results');
    expect(teacherB.status).toBe(200);
    expect(teacherB.body.data.length).toBeGreaterThan(0);
    expect((await as.teacherA.get('/api/exam-results')).body.data).toHaveLength(0);
    expect((await as.teacherB.post('/api/exam-results', { examKind: 'oge' })).status).toBe(403);
    expect((await as.parentA.get('/api/exam-results')).status).toBe(403);
    expect((await as.parentA.get(`/api/diary/${world.school.pupils5a[0].documentId}/exam-results`)).body.data).toEqual([]);
    expect((await as.parentA.get(`/api/diary/${orlova.documentId}/exam-results`)).status).toBe(404);
    expect((await as.teacherB.get('/api/exam-results/acknowledgments')).status).toBe(403);
  });
});
