import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import type { Core } from '@strapi/strapi';
import { runArchiveProcedure } from '../../src/school/records/procedure';
import { apiAs, bootStrapi, stopStrapi } from '../helpers/strapi';
import { buildArchiveSchool, verifyBagDirectory, type ArchiveSchool } from '../helpers/archive-fixture';

let strapi: Core.Strapi;
let school: ArchiveSchool;
let closeMs = 0;

const closing = () => strapi.plugin('records-archive').service('period-closing');
const packagesOf = (where: Record<string, unknown>) =>
  strapi.db
    .query('plugin::records-archive.archive-package')
    .findMany({ where, populate: { schoolClass: true }, orderBy: { bagPath: 'asc' } });

beforeAll(async () => {
  strapi = await bootStrapi();
  school = await buildArchiveSchool(strapi);
  const started = Date.now();
  await closing().closePeriod({
    studyPeriodDocumentId: school.quarters[0].documentId,
    authorisedBy: 'Заместитель директора Иванова М.А., приказ № 45',
  });
  closeMs = Date.now() - started;
});
afterAll(() => stopStrapi(strapi));

describe('closing a study period', () => {
  it('makes one complete package per class with lessons in the period, and closes the period', async () => {
    const packages = await packagesOf({ studyPeriod: { id: school.quarters[0].id } });
    expect(packages.map((row: { bagPath: string }) => row.bagPath)).toEqual([
      '2025-2026/quarter-1/1A',
      '2025-2026/quarter-1/5A',
      '2025-2026/quarter-1/5B',
    ]);
    expect(packages.every((row: { state: string }) => row.state === 'complete')).toBe(true);
    expect(packages.map((row: { schoolClass: { name: string } }) => row.schoolClass.name)).toEqual(['1А', '5А', '5Б']);
    const period = await strapi.db.query('api::study-period.study-period').findOne({ where: { id: school.quarters[0].id } });
    expect(period).toMatchObject({ state: 'closed' });
    expect(period.closedAt).toBeTruthy();
    // The mini school's quarter closes in well under the per-file budget.
    expect(closeMs).toBeLessThan(15_000);
  });

  it('writes each package as a valid BagIt bag to both locations, with equal checksums', async () => {
    const packages = await packagesOf({ studyPeriod: { id: school.quarters[0].id } });
    for (const row of packages) {
      const primary = verifyBagDirectory(path.join(school.locations.primary, row.bagPath));
      const secondary = verifyBagDirectory(path.join(school.locations.secondary, row.bagPath));
      expect(primary.problems).toEqual([]);
      expect(secondary.problems).toEqual([]);
      expect(secondary.checksums).toEqual(primary.checksums);
      expect(Object.keys(primary.checksums).sort()).toEqual(
        [
          'bag-info.txt',
          'bagit.txt',
          'data/journal.json',
          'data/journal.pdf',
          'data/journal.xlsx',
          'manifest-sha256.txt',
          'tagmanifest-sha256.txt',
        ].sort(),
      );
      expect(row.tagmanifestSha256).toBe(primary.checksums['tagmanifest-sha256.txt']);
      expect(primary.info['Source-Organization']).toBe(strapi.config.get('school.name'));
      expect(primary.info['External-Description']).toMatch(/Архивная копия электронного журнала/);
      expect(primary.info['Bagging-Date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number(row.sizeBytes)).toBe(
        Object.keys(primary.checksums).reduce(
          (total, file) => total + fs.statSync(path.join(school.locations.primary, row.bagPath, file)).size,
          0,
        ),
      );
    }
  });

  it('keeps the journal’s data as JSON: pupils, lessons with topics, marks and attendance', async () => {
    const [row] = await packagesOf({ studyPeriod: { id: school.quarters[0].id }, schoolClass: { id: school.class5a.id } });
    const data = JSON.parse(fs.readFileSync(path.join(school.locations.primary, row.bagPath, 'data/journal.json'), 'utf8'));
    expect(data).toMatchObject({
      format: 'school-records/period-journal',
      studyPeriod: { title: '1 четверть', startDate: '2025-09-01', endDate: '2025-10-24' },
      schoolClass: { name: '5А' },
    });
    expect(data.pupils.map((pupil: { lastName: string }) => pupil.lastName)).toEqual(['Иванов', 'Петрова', 'Сидоров']);
    expect(data.journals).toHaveLength(1);
    const [journal] = data.journals;
    expect(journal.subject.name).toBe('Математика');
    expect(journal.teachers).toEqual([expect.stringMatching(/^teacher-/)]);
    expect(journal.lessons.map((lesson: { date: string; topic: string }) => [lesson.date, lesson.topic])).toEqual([
      ['2025-09-02', 'Тема урока 2025-09-02'],
      ['2025-09-03', 'Тема урока 2025-09-03'],
    ]);
    expect(journal.marks.filter((mark: { kind: string }) => mark.kind === 'current')).toHaveLength(3);
    expect(journal.marks.filter((mark: { kind: string }) => mark.kind === 'periodic')).toHaveLength(2);
    expect(journal.attendance.map((entry: { kind: string }) => entry.kind).sort()).toEqual(['absent', 'late']);
  });

  it('lays the spreadsheet out like the paper journal: a sheet per subject, a topics sheet, marks in their cells', async () => {
    const [row] = await packagesOf({ studyPeriod: { id: school.quarters[0].id }, schoolClass: { id: school.class5a.id } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(school.locations.secondary, row.bagPath, 'data/journal.xlsx'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Математика', 'Темы уроков']);
    const sheet = workbook.getWorksheet('Математика') as ExcelJS.Worksheet;
    const header = (sheet.getRow(3).values as unknown[]).map((value) => (value === undefined || value === null ? '' : String(value)));
    const sep2 = header.indexOf('02.09');
    const sep3 = header.indexOf('03.09');
    const periodColumn = header.indexOf('1 четверть');
    expect(sep2).toBeGreaterThan(2);
    const rowOf = (name: string) => {
      for (let index = 4; index <= sheet.rowCount; index += 1)
        if (String(sheet.getRow(index).getCell(2).value).startsWith(name)) return sheet.getRow(index);
      throw new Error(`no row for ${name}`);
    };
    expect(rowOf('Иванов Иван').getCell(1).value).toBe(1);
    expect(rowOf('Иванов Иван').getCell(sep2).value).toBe(4);
    expect(rowOf('Иванов Иван').getCell(periodColumn).value).toBe(4);
    expect(rowOf('Петрова Анна').getCell(sep3).value).toBe('оп 5');
    expect(rowOf('Сидоров Пётр').getCell(sep2).value).toBe('н');
    expect(rowOf('Сидоров Пётр').getCell(periodColumn).value).toBeNull();
    const topics = workbook.getWorksheet('Темы уроков') as ExcelJS.Worksheet;
    expect(topics.getRow(2).values).toEqual([undefined, 'Математика', '02.09.2025', 2, 'Тема урока 2025-09-02', '№ 1–5']);

    const [row1a] = await packagesOf({ studyPeriod: { id: school.quarters[0].id }, schoolClass: { id: school.class1a.id } });
    const workbook1a = new ExcelJS.Workbook();
    await workbook1a.xlsx.readFile(path.join(school.locations.primary, row1a.bagPath, 'data/journal.xlsx'));
    expect(workbook1a.worksheets.map((sheet1a) => sheet1a.name)).toEqual(['Русский язык', 'Темы уроков']);
    expect(workbook1a.getWorksheet('Русский язык')?.getRow(4).getCell(3).value).toBe('у');
  });

  it('prints a PDF with the school as author, and more than one page', async () => {
    const [row] = await packagesOf({ studyPeriod: { id: school.quarters[0].id }, schoolClass: { id: school.class5a.id } });
    const pdf = fs.readFileSync(path.join(school.locations.primary, row.bagPath, 'data/journal.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(1);
    // PDF text strings outside ASCII are UTF-16BE with a byte-order mark (the document's /Author).
    const utf16be = (value: string) => Buffer.from(`\ufeff${value}`, 'utf16le').swap16().toString('latin1');
    expect(text).toContain(utf16be(strapi.config.get('school.name') as string));
    expect(text).toContain('/FontFile2');
  });

  it('sets the retention deadline by the journal-export rule: 5 years from 1 January after the school year', async () => {
    const [row] = await packagesOf({ studyPeriod: { id: school.quarters[0].id }, schoolClass: { id: school.class5a.id } });
    expect(row).toMatchObject({
      retentionKind: 'date',
      retentionStartsOn: '2027-01-01',
      retentionExpiresOn: '2032-01-01',
      recordType: 'journal-export',
    });
  });

  it('makes the closed period’s marks read-only over REST', async () => {
    const teacher = apiAs(strapi, school.teacher.jwt);
    const update = await teacher.put(`/api/marks/${school.ivanovMark.documentId}`, { value: '5' });
    expect(update.status).toBe(403);
    expect(update.body.error.message).toMatch(/закрыт/);
    const open = await teacher.post('/api/marks', {
      kind: 'current',
      journal: school.mathJournal.documentId,
      lesson: school.lessons[2].documentId,
      student: school.pupils5a[0].documentId,
      value: '5',
    });
    expect(open.status).toBe(201);
  });

  it('is idempotent: closing again keeps the packages as they are', async () => {
    const before = await packagesOf({ studyPeriod: { id: school.quarters[0].id } });
    const result = await closing().closePeriod({ studyPeriodDocumentId: school.quarters[0].documentId, authorisedBy: 'Архивариус' });
    expect(result.alreadyClosed).toBe(true);
    const after = await packagesOf({ studyPeriod: { id: school.quarters[0].id } });
    expect(after.map((row: { completedAt: string; version: number }) => [row.completedAt, row.version])).toEqual(
      before.map((row: { completedAt: string; version: number }) => [row.completedAt, row.version]),
    );
  });

  it('after a correction, closing again keeps the sealed version and adds a new one', async () => {
    await runArchiveProcedure(
      { kind: 'correction', reason: 'Ошибка при выставлении, служебная записка № 7', authorisedBy: 'Директор' },
      () => strapi.documents('api::mark.mark').update({ documentId: school.ivanovMark.documentId, data: { value: '5' } } as never),
    );
    await closing().closePeriod({ studyPeriodDocumentId: school.quarters[0].documentId, authorisedBy: 'Архивариус' });
    const versions = await strapi.db.query('plugin::records-archive.archive-package').findMany({
      where: { schoolClass: { id: school.class5a.id }, studyPeriod: { id: school.quarters[0].id } },
      orderBy: { version: 'asc' },
    });
    expect(versions.map((row: { version: number; state: string; bagPath: string }) => [row.version, row.state, row.bagPath])).toEqual([
      [1, 'superseded', '2025-2026/quarter-1/5A'],
      [2, 'complete', '2025-2026/quarter-1/5A-v2'],
    ]);
    expect(verifyBagDirectory(path.join(school.locations.primary, '2025-2026/quarter-1/5A')).problems).toEqual([]);
    const data = JSON.parse(fs.readFileSync(path.join(school.locations.secondary, '2025-2026/quarter-1/5A-v2/data/journal.json'), 'utf8'));
    expect(data.journals[0].marks.find((mark: { documentId: string }) => mark.documentId === school.ivanovMark.documentId).value).toBe('5');
  });
});

describe('archiving a school year', () => {
  it('makes a summary progress sheet per class with the 25-year rule', async () => {
    const result = await closing().archiveSchoolYear({
      academicYearDocumentId: school.year.documentId,
      authorisedBy: 'Директор школы, приказ № 60',
    });
    expect(result.packages.map((row: { bagPath: string; state: string }) => [row.bagPath, row.state])).toEqual([
      ['2025-2026/summary-sheets/1A', 'complete'],
      ['2025-2026/summary-sheets/5A', 'complete'],
      ['2025-2026/summary-sheets/5B', 'complete'],
    ]);
    const [sheet5a] = result.packages.filter((row: { bagPath: string }) => row.bagPath.endsWith('5A'));
    expect(sheet5a).toMatchObject({ recordType: 'summary-sheet', retentionStartsOn: '2027-01-01', retentionExpiresOn: '2052-01-01' });
    expect(verifyBagDirectory(path.join(school.locations.secondary, sheet5a.bagPath)).problems).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(school.locations.primary, sheet5a.bagPath, 'data/summary.xlsx'));
    const sheet = workbook.getWorksheet('Сводная ведомость') as ExcelJS.Worksheet;
    expect(sheet.getCell(3, 3).value).toBe('Математика');
    const labels = (sheet.getRow(4).values as unknown[]).map((value) => (value ? String(value) : ''));
    expect(labels.slice(3, 8)).toEqual(['1 четверть', '2 четверть', '3 четверть', '4 четверть', 'Год']);
    expect(sheet.getCell(5, 2).value).toBe('Иванов Иван Сергеевич');
    expect(sheet.getCell(5, 3).value).toBe(4);
    expect(sheet.getCell(5, 7).value).toBe(4);
    const again = await closing().archiveSchoolYear({ academicYearDocumentId: school.year.documentId, authorisedBy: 'Директор' });
    expect(again.packages.map((row: { documentId: string }) => row.documentId)).toEqual(
      result.packages.map((row: { documentId: string }) => row.documentId),
    );
  });
});
