import type { Core } from '@strapi/strapi';
import ExcelJS from 'exceljs';
import { make } from '../helpers/school-fixture';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/**
 * External assessments (issue 11, seed 003 §4.1-4.2): results of ВПР, diagnostics, ВСОКО and
 * monitoring kept apart from the journal's marks, imported from CSV/XLSX/JSON (all rows or none,
 * each bad row named by number and field), read by role, and compared with the journal's marks.
 */

let strapi: Core.Strapi;
let world: TwoClassSchool;
let as: Record<string, Api>;

type ErrorBody = { error?: { message?: string; details?: { errors?: Array<{ row: number; field: string; message: string }> } } };
const rowErrors = (body: ErrorBody) => (body.error?.details?.errors ?? []).map((error) => `${error.row}:${error.field}`);
const count = () => strapi.db.query('api::external-assessment.external-assessment').count({});

const csvUpload = (api: Api, csv: string, name = 'vpr.csv') =>
  api.raw
    .post('/api/external-assessments/import')
    .set('Authorization', `Bearer ${world.accounts.deputy.jwt}`)
    .attach('file', Buffer.from(csv, 'utf8'), { filename: name, contentType: 'text/csv' });

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  as = {
    deputy: apiAs(strapi, world.accounts.deputy.jwt),
    director: apiAs(strapi, world.accounts.director.jwt),
    secretary: apiAs(strapi, world.accounts.secretary.jwt),
    teacherA: apiAs(strapi, world.teacherA.jwt),
    teacherB: apiAs(strapi, world.teacherB.jwt),
    classTeacherB: apiAs(strapi, world.classTeacherB.jwt),
    parentA: apiAs(strapi, world.accounts.parentA.jwt),
    pupilA: apiAs(strapi, world.accounts.pupilA.jwt),
  };
});
afterAll(() => stopStrapi(strapi));

describe('import', () => {
  const header = 'Вид;Название;Дата;Предмет;ФИО;Дата рождения;Код обучающегося;Баллы;Максимум;Отметка;Уровень';

  it('reports every bad row with its number and field, and imports nothing', async () => {
    const csv = [
      header,
      // row 2: good, matched by name and birth date
      'ВПР;ВПР по математике, 5 класс;15.04.2026;Математика;Иванов Иван Сергеевич;01.03.2014;;12;20;3;базовый',
      // row 3: mark out of range
      `ВПР;ВПР по математике, 5 класс;15.04.2026;Математика;;;${world.school.pupils5a[1].documentId};18;20;6;`,
      // row 4: nobody with that name and birth date
      'ВПР;ВПР по математике, 5 класс;15.04.2026;Математика;Никитин Никита;01.01.2014;;10;20;3;',
      // row 5: score above the maximum, and a date in the future
      `ВПР;ВПР по математике, 5 класс;01.01.2099;Математика;;;${world.school.pupils5a[2].documentId};25;20;5;`,
      // row 6: unknown kind and subject
      `ЕГЭ;Пробный;15.04.2026;Астрология;;;${world.school.pupil5b.documentId};1;2;;`,
      '',
    ].join('\r\n');
    const response = await csvUpload(as.deputy, csv);
    expect(response.status).toBe(400);
    expect(rowErrors(response.body)).toEqual(['3:mark', '4:fullName', '5:date', '5:score', '6:kind', '6:subject']);
    expect(response.body.error.message).toContain('ничего не загружено');
    expect(await count()).toBe(0);
  });

  it('reports rule violations found while writing, still with row numbers, and rolls back the good rows', async () => {
    const csv = [
      header,
      'ВПР;ВПР по математике, 5 класс;15.04.2026;Математика;Иванов Иван Сергеевич;01.03.2014;;12;20;3;базовый',
      `ВПР;ВПР по математике, 5 класс;15.04.2026;Математика;;;${world.school.pupils5a[1].documentId};18;20;6;`,
      `ВПР;ВПР по математике, 5 класс;01.01.2099;Математика;;;${world.school.pupils5a[2].documentId};25;20;5;`,
    ].join('\n');
    const response = await csvUpload(as.deputy, csv);
    expect(response.status).toBe(400);
    expect(rowErrors(response.body).sort()).toEqual(['3:mark', '4:date', '4:score']);
    expect(await count()).toBe(0);
  });

  it('refuses unknown columns and an empty file', async () => {
    const unknown = await csvUpload(as.deputy, 'Вид;Цвет\nВПР;синий\n');
    expect(unknown.status).toBe(400);
    expect(rowErrors(unknown.body)).toContain('1:Цвет');
    const empty = await csvUpload(as.deputy, `${header}\n`);
    expect(empty.status).toBe(400);
    expect(await count()).toBe(0);
  });

  it('imports a good CSV (comma-separated, quoted cells) by name and birth date or by documentId', async () => {
    const csv = [
      'kind,title,date,subject,fullName,birthDate,student,score,maxScore,mark,level',
      `vpr,"ВПР по математике, 5 класс",2026-04-15,Математика,Иванов Иван Сергеевич,2014-03-01,,12,20,3,базовый`,
      `vpr,"ВПР по математике, 5 класс",2026-04-15,Мат,,,${world.school.pupils5a[1].documentId},18,20,4,повышенный`,
      `vpr,"ВПР по математике, 5 класс",2026-04-15,Математика,,,${world.school.pupils5a[2].documentId},15,20,5,`,
    ].join('\n');
    const response = await csvUpload(as.deputy, csv);
    expect(response.status).toBe(201);
    expect(response.body.data.imported).toBe(3);
    const stored = await strapi.db.query('api::external-assessment.external-assessment').findMany({
      where: { student: { documentId: world.school.pupils5a[0].documentId } },
      populate: { subject: true },
    });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ kind: 'vpr', mark: 3, level: 'базовый', date: '2026-04-15', title: 'ВПР по математике, 5 класс' });
    expect(Number(stored[0].score)).toBe(12);
    expect(stored[0].subject.name).toBe('Математика');
    // Kept apart from the journal: no mark was created.
    expect(
      await strapi.db
        .query('api::mark.mark')
        .count({ where: { student: { documentId: world.school.pupils5a[0].documentId }, kind: 'current', value: '3' } }),
    ).toBe(0);
  });

  it('imports XLSX and JSON rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Результаты');
    sheet.addRow(['Вид', 'Название', 'Дата', 'Предмет', 'Код обучающегося', 'Отметка']);
    sheet.addRow(['РДР', 'Региональная диагностика', new Date(Date.UTC(2026, 1, 10)), 'Математика', world.school.pupil5b.documentId, 4]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const xlsx = await as.deputy.raw
      .post('/api/external-assessments/import')
      .set('Authorization', `Bearer ${world.accounts.deputy.jwt}`)
      .attach('file', buffer, { filename: 'rdr.xlsx' });
    expect(xlsx.status).toBe(201);
    expect(xlsx.body.data.imported).toBe(1);

    const badJson = await as.secretary.post('/api/external-assessments/import', {
      rows: [
        { kind: 'vsoko', title: 'Входная диагностика', date: '2025-09-20', student: world.school.pupil5b.documentId, level: 'базовый' },
        { kind: 'vsoko', title: 'Входная диагностика', date: '2025-09-20', student: world.school.pupil5b.documentId },
      ],
    });
    expect(badJson.status).toBe(400);
    expect(rowErrors(badJson.body)).toEqual(['2:score']);
    const json = await as.secretary.post('/api/external-assessments/import', {
      rows: [
        { kind: 'vsoko', title: 'Входная диагностика', date: '2025-09-20', student: world.school.pupil5b.documentId, level: 'базовый' },
      ],
    });
    expect(json.status).toBe(201);
  });

  it('is refused to teachers, families and the director’s missing rights alike', async () => {
    const rows = { rows: [{ kind: 'vpr', title: 'x', date: '2026-04-15', student: world.school.pupil5b.documentId, mark: 4 }] };
    for (const who of ['teacherA', 'classTeacherB', 'parentA', 'pupilA']) {
      expect((await as[who].post('/api/external-assessments/import', rows)).status).toBe(403);
    }
    expect((await as.director.post('/api/external-assessments/import', rows)).status).toBe(201);
  });
});

describe('reading', () => {
  it('lets a teacher read the results of the classes they teach only', async () => {
    const ofA = await as.teacherA.get('/api/external-assessments?populate=student&pagination[pageSize]=100');
    expect(ofA.status).toBe(200);
    const pupilsA = new Set(ofA.body.data.map((row: { student: { documentId: string } }) => row.student.documentId));
    expect(pupilsA.has(world.school.pupils5a[0].documentId)).toBe(true);
    expect(pupilsA.has(world.school.pupil5b.documentId)).toBe(false);
    const ofB = await as.classTeacherB.get('/api/external-assessments?populate=student');
    expect(
      ofB.body.data.every((row: { student: { documentId: string } }) => row.student.documentId === world.school.pupil5b.documentId),
    ).toBe(true);
    const one = ofB.body.data[0].documentId;
    expect((await as.teacherA.get(`/api/external-assessments/${one}`)).status).toBe(404);
    expect((await as.parentA.get('/api/external-assessments')).status).toBe(403);
    expect((await as.pupilA.get('/api/external-assessments')).status).toBe(403);
  });

  it('validates a single write: mark 2–5 or none, a known kind', async () => {
    const bad = await as.deputy.post('/api/external-assessments', {
      kind: 'exam',
      title: 'ВПР',
      date: '2026-04-15',
      student: world.school.pupil5b.documentId,
      mark: 1,
    });
    expect(bad.status).toBe(400);
    const paths = (bad.body.error.details.errors as Array<{ path: string[] }>).map((error) => error.path[0]).sort();
    expect(paths).toEqual(['kind', 'mark']);
    expect((await as.teacherA.post('/api/external-assessments', { kind: 'vpr' })).status).toBe(403);
  });
});

describe('objectivity', () => {
  beforeAll(async () => {
    // Journal marks of 5А maths: Иванов annual 5 (ВПР 3: differs by 2), Петрова only a periodic 4 in the
    // latest quarter (ВПР 4: same), Сидоров annual 4 (ВПР 5: differs by 1).
    const journal = world.school.mathJournal.documentId;
    const [ivanov, petrova, sidorov] = world.school.pupils5a.map((pupil) => pupil.documentId);
    await make(strapi, 'api::mark.mark', { kind: 'annual', journal, student: ivanov, value: '5' });
    await make(strapi, 'api::mark.mark', {
      kind: 'periodic',
      journal,
      studyPeriod: world.school.quarters[0].documentId,
      student: petrova,
      value: '2',
    });
    await make(strapi, 'api::mark.mark', {
      kind: 'periodic',
      journal,
      studyPeriod: world.school.quarters[1].documentId,
      student: petrova,
      value: '4',
    });
    await make(strapi, 'api::mark.mark', { kind: 'annual', journal, student: sidorov, value: '4' });
  });

  it('compares the class’s external marks with the same pupils’ journal marks', async () => {
    const response = await as.deputy.get('/api/external-assessments/objectivity?year=2025/2026&subject=Математика&grade=5&kind=vpr');
    expect(response.status).toBe(200);
    const row5a = response.body.data.find((row: { schoolClass: { name: string } }) => row.schoolClass.name === '5А');
    expect(row5a).toMatchObject({
      kind: 'vpr',
      wrote: 3,
      compared: 3,
      externalAverage: 4,
      journalAverage: 4.33,
      differing: 2,
      differingShare: 0.67,
      higherInJournal: 1,
      lowerInJournal: 1,
    });
    const petrova = row5a.pupils.find((pupil: { fullName: string }) => pupil.fullName.startsWith('Петрова'));
    expect(petrova).toMatchObject({ external: 4, journal: 4, basis: 'periodic', difference: 0 });
    // 5Б's regional diagnostic is left out by kind; without kind it appears with no journal mark to compare.
    expect(response.body.data.some((row: { schoolClass: { name: string } }) => row.schoolClass.name === '5Б')).toBe(false);
    const all = await as.director.get('/api/external-assessments/objectivity?year=2025/2026');
    const row5b = all.body.data.find((row: { schoolClass: { name: string } }) => row.schoolClass.name === '5Б');
    expect(row5b).toMatchObject({ kind: 'regional', wrote: 1, compared: 0, withoutJournalMark: 1, externalAverage: null });
  });

  it('is for the deputy and the director only, and refuses bad parameters', async () => {
    for (const who of ['secretary', 'teacherA', 'classTeacherB', 'parentA']) {
      expect((await as[who].get('/api/external-assessments/objectivity?year=2025/2026')).status).toBe(403);
    }
    expect((await as.deputy.get('/api/external-assessments/objectivity?year=1990/1991')).status).toBe(400);
    expect((await as.deputy.get('/api/external-assessments/objectivity?year=2025/2026&grade=12')).status).toBe(400);
    expect((await as.deputy.get('/api/external-assessments/objectivity?year=2025/2026&subject=Алхимия')).status).toBe(400);
  });
});
