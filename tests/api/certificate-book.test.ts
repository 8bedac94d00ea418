import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { adminLogin } from '../helpers/admin';
import { computeCertificateMarks } from '../../src/school/records/certificate-rules';
import { getSchoolSettings, setStoredSchoolSettings } from '../../src/school/settings';
import { pdfText } from '../helpers/pdf-text';
import { make } from '../helpers/school-fixture';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

const ENTRY = 'api::certificate-entry.certificate-entry';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let secretary: Api;
let deputy: Api;
let director: Api;
type Doc = { id: number; documentId: string };
let orlova: Doc;
let gusev: Doc;
let belov: Doc;
let class9a: Doc;
const entries: Record<string, string> = {};

type ErrorBody = { body: { error: { message: string; details?: { errors?: Array<{ path: string[]; message: string }> } } } };
const pathsOf = (response: ErrorBody) => (response.body.error.details?.errors ?? []).map((error) => error.path.join('.'));

const pupil = (lastName: string, firstName: string, birthDate: string) =>
  make(strapi, 'api::student.student', { lastName, firstName, patronymic: 'Андреевна', gender: 'female', birthDate }) as Promise<Doc>;

/** Marks of one pupil in one class journal per subject: [subject, kind, value, period?]. */
const giveMarks = async (classDoc: Doc, student: Doc, marks: Array<[Doc, string, string, Doc?]>) => {
  const journals = new Map<string, string>();
  for (const [subject, kind, value, period] of marks) {
    let journal = journals.get(subject.documentId);
    if (!journal) {
      const existing = (await strapi.db.query('api::journal.journal').findOne({
        where: { schoolClass: { id: classDoc.id }, subject: { id: subject.id } },
      })) as Doc | null;
      journal =
        existing?.documentId ??
        (await make(strapi, 'api::journal.journal', { schoolClass: classDoc.documentId, subject: subject.documentId, kind: 'classroom' }))
          .documentId;
      journals.set(subject.documentId, journal);
    }
    await make(strapi, 'api::mark.mark', {
      kind,
      journal,
      student: student.documentId,
      value,
      ...(period ? { studyPeriod: period.documentId } : {}),
    });
  }
};

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  secretary = apiAs(strapi, world.accounts.secretary.jwt);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
  director = apiAs(strapi, world.accounts.director.jwt);
  const { school } = world;
  const { math, russian, pe } = school;

  // 9А of 2025/2026: Орлова (exam in maths and Russian), Гусев (a 2 in maths).
  class9a = (await make(strapi, 'api::school-class.school-class', {
    grade: 9,
    letter: 'А',
    academicYear: school.year.documentId,
  })) as Doc;
  orlova = await pupil('Орлова', 'Вера', '2010-04-15');
  gusev = await pupil('Гусева', 'Нина', '2010-08-01');
  for (const student of [orlova, gusev]) {
    await make(strapi, 'api::enrollment.enrollment', {
      student: student.documentId,
      schoolClass: class9a.documentId,
      startDate: '2025-09-01',
    });
  }
  await giveMarks(class9a, orlova, [
    [math, 'annual', '4'],
    [russian, 'annual', '5'],
    [pe, 'annual', 'зачтено'],
  ]);
  // The GIA passed (R39): admitted by the собеседование, Russian and maths at the ГВЭ (the whole GIA for a ГВЭ pupil);
  // the exam marks come from the protocol (exam results), which writes them into the journal.
  await make(strapi, 'api::exam-result.exam-result', {
    examKind: 'final-interview',
    student: orlova.documentId,
    date: '2026-02-11',
    result: 'pass',
  });
  for (const [subject, date] of [
    [math, '2026-05-27'],
    [russian, '2026-06-03'],
  ] as const) {
    await make(strapi, 'api::exam-result.exam-result', {
      examKind: 'gve',
      student: orlova.documentId,
      subject: subject.documentId,
      date,
      mark: 5,
    });
  }
  await giveMarks(class9a, gusev, [
    [math, 'annual', '2'],
    [russian, 'annual', '4'],
  ]);

  // Белов: 10А in 2024/2025, 11А in 2025/2026, half-year and annual marks.
  const year10 = (await make(strapi, 'api::academic-year.academic-year', {
    title: '2024/2025',
    startDate: '2024-09-01',
    endDate: '2025-08-31',
    state: 'closed',
  })) as Doc;
  const halves10 = [
    (await make(strapi, 'api::study-period.study-period', {
      academicYear: year10.documentId,
      scheme: 'half-year',
      number: 1,
      startDate: '2024-09-01',
      endDate: '2024-12-28',
    })) as Doc,
    (await make(strapi, 'api::study-period.study-period', {
      academicYear: year10.documentId,
      scheme: 'half-year',
      number: 2,
      startDate: '2025-01-09',
      endDate: '2025-05-26',
    })) as Doc,
  ];
  const class10a = (await make(strapi, 'api::school-class.school-class', {
    grade: 10,
    letter: 'А',
    academicYear: year10.documentId,
  })) as Doc;
  const class11a = (await make(strapi, 'api::school-class.school-class', {
    grade: 11,
    letter: 'А',
    academicYear: school.year.documentId,
  })) as Doc;
  belov = (await make(strapi, 'api::student.student', {
    lastName: 'Белов',
    firstName: 'Глеб',
    gender: 'male',
    birthDate: '2008-02-29',
  })) as Doc;
  await make(strapi, 'api::enrollment.enrollment', {
    student: belov.documentId,
    schoolClass: class10a.documentId,
    startDate: '2024-09-01',
  });
  await make(strapi, 'api::enrollment.enrollment', {
    student: belov.documentId,
    schoolClass: class11a.documentId,
    startDate: '2025-09-01',
  });
  const [h1, h2] = halves10;
  const [g1, g2] = school.halves as Doc[];
  // Maths: 4, 3, 3 | 4, 4, 3 → 21 / 6 = 3.5 → 4. Russian: 5, 4, 4 | 5, 5, 4 → 27 / 6 = 4.5 → 5.
  await giveMarks(class10a, belov, [
    [math, 'periodic', '4', h1],
    [math, 'periodic', '3', h2],
    [math, 'annual', '3'],
    [russian, 'periodic', '5', h1],
    [russian, 'periodic', '4', h2],
    [russian, 'annual', '4'],
    [pe, 'annual', 'зачтено'],
  ]);
  await giveMarks(class11a, belov, [
    [math, 'periodic', '4', g1],
    [math, 'periodic', '4', g2],
    [math, 'annual', '3'],
    [russian, 'periodic', '5', g1],
    [russian, 'periodic', '5', g2],
    [russian, 'annual', '4'],
    [pe, 'annual', 'зачтено'],
  ]);
  // The GIA passed (R39): admitted by the сочинение, the ЕГЭ in Russian (70 of 100) and basic mathematics (4).
  const result = (data: Record<string, unknown>) => make(strapi, 'api::exam-result.exam-result', { student: belov.documentId, ...data });
  await result({ examKind: 'final-essay', form: 'essay', date: '2025-12-03', result: 'pass' });
  await result({ examKind: 'ege', subject: russian.documentId, date: '2026-05-30', scaledScore: 70 });
  await result({ examKind: 'ege', form: 'base', subject: math.documentId, date: '2026-06-04', mark: 4 });
});
afterAll(() => stopStrapi(strapi));

const issueBody = (student: Doc, extra: Record<string, unknown> = {}) => ({
  student: student.documentId,
  level: 'basic-general',
  blankNumber: '02418000123456',
  orderNumber: '112-о',
  orderDate: '2026-06-24',
  issuedOn: '2026-06-25',
  receivedBy: 'Орлова В. А., лично',
  ...extra,
});

const stored = (documentId: string) => strapi.db.query(ENTRY).findOne({ where: { documentId } });

describe('issuing an аттестат: final marks computed from the journal', () => {
  it('9th grade: exam subjects the mean of annual and exam (4 and 5 → 5), others the annual mark; distinction', async () => {
    const response = await secretary.post('/api/certificate-entries/issue', issueBody(orlova));
    expect(response.status).toBe(201);
    const entry = response.body.data;
    expect(entry).toMatchObject({
      kind: 'original',
      level: 'basic-general',
      bookYear: 2026,
      registrationNumber: 1,
      fullName: 'Орлова Вера Андреевна',
      birthDate: '2010-04-15',
      withDistinction: true,
      medal: null,
      issuedBy: 'secretary',
    });
    expect(entry.marks.map((mark: { subject: string; value: string }) => [mark.subject, mark.value])).toEqual([
      ['Математика', '5'],
      ['Русский язык', '5'],
      ['Физическая культура', 'зачтено'],
    ]);
    expect(entry.marks[0]).toMatchObject({ mean: 4.5, from: ['4', '5'], exam: true });
    entries.orlova = entry.documentId;
  });

  it('11th grade: the mean of the half-year and annual marks of grades 10 and 11 (3.5 → 4, 4.5 → 5); medal II degree', async () => {
    const response = await deputy.post(
      '/api/certificate-entries/issue',
      issueBody(belov, { level: 'secondary-general', blankNumber: '02424000000777', receivedBy: 'Белов Г.', issuedOn: '2026-06-28' }),
    );
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({
      registrationNumber: 1,
      level: 'secondary-general',
      withDistinction: false,
      medal: 'second-degree',
    });
    expect(response.body.data.marks.map((mark: { value: string; mean: number | null }) => [mark.value, mark.mean])).toEqual([
      ['4', 3.5],
      ['5', 4.5],
      ['зачтено', null],
    ]);
    entries.belov = response.body.data.documentId;
  });

  it('rounds half down when the school says so', async () => {
    const before = getSchoolSettings(strapi);
    setStoredSchoolSettings(strapi, { finalMarkRounding: 'half-down' });
    try {
      const computed = await computeCertificateMarks(strapi, belov.id, 'secondary-general', getSchoolSettings(strapi).finalMarkRounding);
      expect(computed.subjects.map((subject) => subject.value)).toEqual(['3', '4', 'зачтено']);
    } finally {
      setStoredSchoolSettings(strapi, { finalMarkRounding: before.finalMarkRounding });
    }
  });

  it('refuses a pupil with a failing final mark, typed marks, missing data and a second original', async () => {
    const failing = await secretary.post('/api/certificate-entries/issue', issueBody(gusev, { blankNumber: '02418000999999' }));
    expect(failing.status).toBe(400);
    expect(failing.body.error.message).toContain('итоговая отметка 2 по предмету «Математика»');

    const typed = await secretary.post('/api/certificate-entries/issue', {
      ...issueBody(gusev),
      marks: [{ subject: 'Математика', value: '5' }],
    });
    expect(typed.status).toBe(400);
    expect(pathsOf(typed)).toEqual(['marks']);

    const missing = await secretary.post('/api/certificate-entries/issue', {
      student: orlova.documentId,
      level: 'basic-general',
      issuedOn: '2026-06-25',
    });
    expect(missing.status).toBe(400);
    expect(pathsOf(missing)).toEqual(expect.arrayContaining(['blankNumber', 'orderNumber', 'orderDate', 'receivedBy']));

    const again = await secretary.post('/api/certificate-entries/issue', issueBody(orlova, { blankNumber: '02418000000002' }));
    expect(again.status).toBe(400);
    expect(again.body.error.message).toContain('Аттестат уже выдан: запись № 1 (2026)');

    const sameBlank = await secretary.post('/api/certificate-entries/issue', issueBody(belov, { level: 'secondary-general' }));
    expect(sameBlank.status).toBe(400);

    // R39: all final marks pass, but the GIA is not passed — refused, naming what is missing.
    const kotova = await pupil('Котова', 'Мария', '2010-09-09');
    await make(strapi, 'api::enrollment.enrollment', {
      student: kotova.documentId,
      schoolClass: class9a.documentId,
      startDate: '2025-09-01',
    });
    await giveMarks(class9a, kotova, [
      [world.school.math, 'annual', '4'],
      [world.school.russian, 'annual', '5'],
    ]);
    const noGia = await secretary.post('/api/certificate-entries/issue', issueBody(kotova, { blankNumber: '02418000000003' }));
    expect(noGia.status).toBe(400);
    expect(pathsOf(noGia)).toEqual(['student']);
    expect(noGia.body.error.message).toContain('ГИА не пройдена');
    expect(noGia.body.error.message).toContain('нет зачёта по итоговому собеседованию');
    expect(noGia.body.error.message).toContain('не сдан ОГЭ или ГВЭ по математике');

    const wrongLevel = await secretary.post('/api/certificate-entries/issue', issueBody(gusev, { level: 'higher' }));
    expect(wrongLevel.status).toBe(400);
    expect(await strapi.db.query(ENTRY).count()).toBe(2);
  });
});

describe('an issued entry is never edited: annulment plus a new entry, duplicates with their own number', () => {
  it('refuses to update or delete an entry (403, Russian), leaving it as it was', async () => {
    const before = await stored(entries.orlova);
    const update = await secretary.put(`/api/certificate-entries/${entries.orlova}`, { blankNumber: '1' });
    expect(update.status).toBe(403);
    expect(update.body.error.message).toContain('не исправляется');
    const removal = await director.delete(`/api/certificate-entries/${entries.orlova}`);
    expect(removal.status).toBe(403);
    expect(await stored(entries.orlova)).toEqual(before);
  });

  it('corrects a mistake by an annulment entry and a new entry', async () => {
    const before = await stored(entries.orlova);
    const noReason = await secretary.post('/api/certificate-entries', { kind: 'annulment', original: entries.orlova });
    expect(noReason.status).toBe(400);
    expect(pathsOf(noReason)).toEqual(['reasonNote']);

    const annulment = await secretary.post('/api/certificate-entries', {
      kind: 'annulment',
      original: entries.orlova,
      reasonNote: 'Ошибка в дате рождения на бланке',
      issuedOn: '2026-06-26',
    });
    expect(annulment.status).toBe(201);
    expect(annulment.body.data).toMatchObject({
      kind: 'annulment',
      registrationNumber: 2,
      fullName: 'Орлова Вера Андреевна',
      blankNumber: '02418000123456',
    });
    entries.annulment = annulment.body.data.documentId;

    const twice = await secretary.post('/api/certificate-entries', { kind: 'annulment', original: entries.orlova, reasonNote: 'ещё раз' });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toContain('аннулирована записью № 2');

    const reissued = await secretary.post(
      '/api/certificate-entries/issue',
      issueBody(orlova, { blankNumber: '02418000123457', issuedOn: '2026-06-26' }),
    );
    expect(reissued.status).toBe(201);
    expect(reissued.body.data).toMatchObject({ registrationNumber: 3, withDistinction: true });
    entries.reissued = reissued.body.data.documentId;
    expect(await stored(entries.orlova)).toEqual(before);
  });

  it('gives a duplicate its own number, linked to the original, with the reason', async () => {
    const noReason = await secretary.post('/api/certificate-entries', {
      ...issueBody(orlova, { blankNumber: '02418000555555', issuedOn: '2026-07-10', orderDate: '2026-07-09' }),
      kind: 'duplicate',
      original: entries.reissued,
    });
    expect(noReason.status).toBe(400);
    expect(pathsOf(noReason)).toEqual(['reason']);

    const ofAnnulled = await secretary.post('/api/certificate-entries', {
      ...issueBody(orlova, { blankNumber: '02418000555555', issuedOn: '2026-07-10', orderDate: '2026-07-09' }),
      kind: 'duplicate',
      original: entries.orlova,
      reason: 'loss',
    });
    expect(ofAnnulled.status).toBe(400);

    await strapi.documents('api::student.student').update({ documentId: orlova.documentId, data: { lastName: 'Соколова' } } as never);
    const duplicate = await secretary.post('/api/certificate-entries', {
      ...issueBody(orlova, {
        blankNumber: '02418000555555',
        issuedOn: '2026-07-10',
        orderDate: '2026-07-09',
        receivedBy: 'Соколова В. А.',
      }),
      kind: 'duplicate',
      original: entries.reissued,
      reason: 'name-change',
    });
    expect(duplicate.status).toBe(201);
    expect(duplicate.body.data).toMatchObject({
      kind: 'duplicate',
      registrationNumber: 4,
      fullName: 'Соколова Вера Андреевна',
      reason: 'name-change',
    });
    const linked = await strapi.db
      .query(ENTRY)
      .findOne({ where: { documentId: duplicate.body.data.documentId }, populate: { original: true } });
    expect(linked.original.documentId).toBe(entries.reissued);
    expect(linked.marks).toEqual((await stored(entries.reissued)).marks);
  });
});

describe('numbers given at the same moment', () => {
  it('gives concurrent registrations distinct running numbers', async () => {
    const before = await strapi.db.query(ENTRY).count({ where: { level: 'basic-general' } });
    const results = (await Promise.all(
      [1, 2, 3, 4].map((n) =>
        strapi.documents(ENTRY).create({
          data: {
            ...issueBody(orlova, {
              blankNumber: `0241800077000${n}`,
              issuedOn: '2026-07-20',
              orderDate: '2026-07-19',
              receivedBy: 'Соколова В. А.',
            }),
            kind: 'duplicate',
            original: entries.reissued,
            reason: 'loss',
          },
        } as never),
      ),
    )) as unknown as Array<{ registrationNumber: number }>;
    const numbers = results.map((result) => result.registrationNumber).sort((a, b) => a - b);
    expect(numbers).toEqual([before + 1, before + 2, before + 3, before + 4]);
  });
});

describe('the content manager (admin panel)', () => {
  it('registers with the same rules (marks computed, typed ones replaced) and refuses to edit or delete', async () => {
    const token = await adminLogin(strapi, { email: 'books@school.test' });
    const base = `/content-manager/collection-types/${ENTRY}`;
    const agent = supertest(strapi.server.httpServer);
    const created = await agent
      .post(base)
      .set('Authorization', `Bearer ${token}`)
      .send({
        ...issueBody(belov, { level: 'secondary-general', blankNumber: '02424000000999', issuedOn: '2026-06-29' }),
        kind: 'duplicate',
        original: entries.belov,
        reason: 'error',
        marks: [{ subject: 'Математика', value: '5' }],
        withDistinction: true,
      });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({
      registrationNumber: 2,
      kind: 'duplicate',
      withDistinction: false,
      medal: 'second-degree',
      issuedBy: 'Тест Администратор',
    });
    expect(created.body.data.marks.map((mark: { value: string }) => mark.value)).toEqual(['4', '5', 'зачтено']);

    const before = await stored(entries.belov);
    const edit = await agent.put(`${base}/${entries.belov}`).set('Authorization', `Bearer ${token}`).send({ receivedBy: 'Другой' });
    expect(edit.status).toBe(403);
    expect(edit.body.error.message).toContain('не исправляется');
    const removal = await agent.delete(`${base}/${entries.belov}`).set('Authorization', `Bearer ${token}`);
    expect(removal.status).toBe(403);
    expect(await stored(entries.belov)).toEqual(before);
  });
});

describe('access and the book’s pages', () => {
  it('lets the secretary, deputy and director read the book; nobody else', async () => {
    for (const api of [secretary, deputy, director]) {
      const list = await api.get('/api/certificate-entries?filters[level]=basic-general&sort=registrationNumber');
      expect(list.status).toBe(200);
      expect(list.body.data.map((entry: { registrationNumber: number }) => entry.registrationNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    }
    const others = [
      world.teacherA,
      world.classTeacherB,
      world.accounts.archivist,
      world.accounts.methodologist,
      world.accounts.parentA,
      world.accounts.pupilA,
    ];
    for (const account of others) {
      const api = apiAs(strapi, account.jwt);
      expect((await api.get('/api/certificate-entries')).status).toBe(403);
      expect((await api.post('/api/certificate-entries/issue', issueBody(gusev))).status).toBe(403);
      expect((await api.get('/api/certificate-entries/book.pdf?level=basic-general&year=2026')).status).toBe(403);
    }
    expect((await apiAs(strapi).get('/api/certificate-entries')).status).toBe(403);
  });

  it('prints the year’s pages of a book as a PDF with the names, marks, annulment and duplicate', async () => {
    const response = await director
      .get('/api/certificate-entries/book.pdf?level=basic-general&year=2026')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    const text = pdfText(response.body as Buffer);
    expect(text).toContain('КНИГА РЕГИСТРАЦИИ ВЫДАННЫХ АТТЕСТАТОВ');
    expect(text).toContain('аттестат об основном общем образовании, 2026 год');
    expect(text).toContain('Орлова Вера Андреевна');
    expect(text).toContain('Соколова Вера Андреевна');
    expect(text).toContain('Математика — 5 (отлично)');
    expect(text).toContain('АННУЛИРОВАН записью № 2 (2026) от 26.06.2026');
    expect(text).toContain('Регистрационный № 4 — дубликат');
    expect(text).toContain('смена фамилии');
    expect(text).toContain('аттестат с отличием');
    expect(text).not.toContain('Белов');

    const bad = await secretary.get('/api/certificate-entries/book.pdf?level=college&year=2026');
    expect(bad.status).toBe(400);
    expect(pathsOf(bad)).toEqual(['level']);
  });

  it('prints the supplement of a registered аттестат with its final marks in words, for the book’s keepers only', async () => {
    const download = (url: string) =>
      secretary
        .get(url)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
    const response = await download(`/api/certificate-entries/${entries.belov}/supplement.pdf`);
    expect(response.status).toBe(200);
    const text = pdfText(response.body as Buffer).replace(/\s+/g, ' ');
    expect(text).toContain('ПРИЛОЖЕНИЕ К АТТЕСТАТУ О СРЕДНЕМ ОБЩЕМ ОБРАЗОВАНИИ');
    expect(text).toContain('Белов');
    expect(text).toMatch(/\d \((отлично|хорошо|удовлетворительно)\)/);
    expect(text).toContain('М.П.');
    const annulment = await secretary.get(`/api/certificate-entries/${entries.annulment}/supplement.pdf`);
    expect(annulment.status).toBe(400);
    expect((await secretary.get('/api/certificate-entries/nosuchentry00/supplement.pdf')).status).toBe(404);
    expect((await apiAs(strapi, world.teacherA.jwt).get(`/api/certificate-entries/${entries.belov}/supplement.pdf`)).status).toBe(403);
  });
});

describe('the register of аттестат blanks (R43)', () => {
  const BLANK = 'api::certificate-blank.certificate-blank';
  const blankRow = (blankNumber: string) =>
    strapi.db.query(BLANK).findOne({ where: { blankNumber }, populate: { certificateEntry: true } });
  const duplicateOn = (blankNumber: string) =>
    secretary.post('/api/certificate-entries', {
      ...issueBody(orlova, { blankNumber, issuedOn: '2026-07-12', orderDate: '2026-07-11', receivedBy: 'Соколова В. А.' }),
      kind: 'duplicate',
      original: entries.reissued,
      reason: 'loss',
    });

  it('registers a receipt of numbered blanks into the safe and balances the register', async () => {
    const receipt = {
      level: 'basic-general',
      numberFrom: '02418000800001',
      numberTo: '02418000800003',
      receivedOn: '2026-04-01',
      receiptDocument: 'накладная № 14 от 01.04.2026',
    };
    const received = await secretary.post('/api/certificate-blanks/receive', receipt);
    expect([received.status, received.body.error]).toEqual([201, undefined]);
    expect(received.body.meta).toEqual({ count: 3 });
    expect(received.body.data.map((row: { blankNumber: string; state: string }) => [row.blankNumber, row.state])).toEqual([
      ['02418000800001', 'in-stock'],
      ['02418000800002', 'in-stock'],
      ['02418000800003', 'in-stock'],
    ]);

    const overlapping = await secretary.post('/api/certificate-blanks/receive', {
      ...receipt,
      numberFrom: '02418000800003',
      numberTo: '02418000800004',
    });
    expect(overlapping.status).toBe(400);
    expect(pathsOf(overlapping)).toEqual(['numberFrom']);
    expect(overlapping.body.error.message).toContain('02418000800003');
    expect(await strapi.db.query(BLANK).count({})).toBe(3);

    const balance = await secretary.get('/api/certificate-blanks/balance');
    expect(balance.status).toBe(200);
    expect(balance.body.data).toEqual([
      expect.objectContaining({
        level: 'basic-general',
        received: 3,
        issued: 0,
        spoiled: 0,
        inStock: 3,
        inStockNumbers: ['02418000800001', '02418000800002', '02418000800003'],
      }),
      expect.objectContaining({ level: 'secondary-general', received: 0, inStock: 0, inStockNumbers: [] }),
    ]);
  });

  it('gives out only a blank the safe holds, marking it issued with its аттестат entry and day', async () => {
    const unknown = await duplicateOn('02418000999000');
    expect(unknown.status).toBe(400);
    expect(pathsOf(unknown)).toEqual(['blankNumber']);
    expect(unknown.body.error.message).toContain('не числится в книге учёта бланков');

    const issued = await duplicateOn(' 02418000800001 ');
    expect([issued.status, issued.body.error]).toEqual([201, undefined]);
    expect(issued.body.data.blankNumber).toBe('02418000800001');
    const blank = await blankRow('02418000800001');
    expect(blank).toMatchObject({ state: 'issued', issuedOn: '2026-07-12' });
    expect(blank.certificateEntry.documentId).toBe(issued.body.data.documentId);

    // The 11th grade's register is not kept here: its аттестаты are registered as before.
    expect(await strapi.db.query(BLANK).count({ where: { level: 'secondary-general' } })).toBe(0);
  });

  it('marks the blank of an annulled duplicate as annulled with the annulment entry, and counts it in the balance', async () => {
    const blank = await blankRow('02418000800001');
    expect(blank.annulledOn).toBeNull();
    const annulment = await secretary.post('/api/certificate-entries', {
      kind: 'annulment',
      original: blank.certificateEntry.documentId,
      reasonNote: 'Ошибка в отчестве на бланке дубликата',
      issuedOn: '2026-07-20',
    });
    expect([annulment.status, annulment.body.error]).toEqual([201, undefined]);
    const annulled = await strapi.db
      .query(BLANK)
      .findOne({ where: { blankNumber: '02418000800001' }, populate: { certificateEntry: true, annulmentEntry: true } });
    expect(annulled).toMatchObject({ state: 'issued', issuedOn: '2026-07-12', annulledOn: '2026-07-20' });
    expect(annulled.certificateEntry.documentId).toBe(blank.certificateEntry.documentId);
    expect(annulled.annulmentEntry.documentId).toBe(annulment.body.data.documentId);
    const typed = await secretary.put(`/api/certificate-blanks/${annulled.documentId}`, { annulledOn: null });
    expect(typed.status).toBe(403);
    const balance = (await secretary.get('/api/certificate-blanks/balance')).body.data;
    expect(balance.find((row: { level: string }) => row.level === 'basic-general')).toMatchObject({ issued: 1, annulled: 1 });
  });

  it('writes off a spoiled blank by an act, and never changes or deletes a blank given out or written off', async () => {
    const spoiled = await blankRow('02418000800002');
    const noAct = await secretary.put(`/api/certificate-blanks/${spoiled.documentId}`, { state: 'spoiled' });
    expect(noAct.status).toBe(400);
    expect(pathsOf(noAct)).toEqual(expect.arrayContaining(['spoiledOn', 'spoilageAct', 'spoilageReason']));
    const early = await secretary.put(`/api/certificate-blanks/${spoiled.documentId}`, {
      state: 'spoiled',
      spoiledOn: '2026-03-01',
      spoilageAct: 'акт № 3',
      spoilageReason: 'ошибка в отметке',
    });
    expect(pathsOf(early)).toEqual(['spoiledOn']);
    const writtenOff = await secretary.put(`/api/certificate-blanks/${spoiled.documentId}`, {
      state: 'spoiled',
      spoiledOn: '2026-07-01',
      spoilageAct: 'акт № 3 от 01.07.2026',
      spoilageReason: 'ошибка при заполнении отметки по истории',
    });
    expect([writtenOff.status, writtenOff.body.error]).toEqual([200, undefined]);
    expect(writtenOff.body.data).toMatchObject({ state: 'spoiled', spoiledOn: '2026-07-01' });

    const onSpoiled = await duplicateOn('02418000800002');
    expect(pathsOf(onSpoiled)).toEqual(['blankNumber']);
    expect(onSpoiled.body.error.message).toContain('испорчен');

    const issued = await blankRow('02418000800001');
    for (const row of [spoiled, issued]) {
      const before = await blankRow(row.blankNumber);
      const change = await secretary.put(`/api/certificate-blanks/${row.documentId}`, { receiptDocument: 'другая накладная' });
      expect([row.blankNumber, change.status]).toEqual([row.blankNumber, 403]);
      expect(change.body.error.message).toContain('строка книги учёта бланков закрыта');
      expect((await secretary.delete(`/api/certificate-blanks/${row.documentId}`)).status).toBe(403);
      expect(await blankRow(row.blankNumber)).toEqual(before);
    }

    const inStock = await blankRow('02418000800003');
    const typedIssue = await secretary.put(`/api/certificate-blanks/${inStock.documentId}`, { state: 'issued' });
    expect(pathsOf(typedIssue)).toEqual(['state']);
    expect((await secretary.delete(`/api/certificate-blanks/${inStock.documentId}`)).status).toBe(204);

    const balance = await secretary.get('/api/certificate-blanks/balance');
    expect(balance.body.data[0]).toMatchObject({ received: 2, issued: 1, spoiled: 1, inStock: 0, inStockNumbers: [] });
  });

  it('prints the register of blanks: one row per blank in number order with its state, entry or act, then the balance', async () => {
    const later = await secretary.post('/api/certificate-blanks/receive', {
      level: 'basic-general',
      series: '02 АБ',
      numberFrom: '0000009',
      numberTo: '0000011',
      receivedOn: '2025-11-20',
      receiptDocument: 'накладная № 7 от 20.11.2025',
    });
    expect(later.status).toBe(201);
    const download = (url: string) =>
      director
        .get(url)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
    const response = await download('/api/certificate-blanks/register.pdf?level=basic-general');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    expect(response.headers['content-disposition']).toContain('blank-register-basic-general.pdf');
    const text = pdfText(response.body as Buffer).replace(/\s+/g, ' ');
    expect(text).toContain('КНИГА УЧЁТА БЛАНКОВ АТТЕСТАТОВ');
    // Series and number order: the 2025 «02 АБ» blanks in numeric order, after the blanks without a series.
    const order = ['02418000800001', '02418000800002', '02 АБ 0000009', '02 АБ 0000010', '02 АБ 0000011'].map((number) =>
      text.indexOf(number),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('накладная № 14 от 01.04.2026');
    const issuedEntry = (await blankRow('02418000800001')).certificateEntry as { registrationNumber: number; bookYear: number };
    expect(text).toContain(`№ ${issuedEntry.registrationNumber} (${issuedEntry.bookYear})`);
    expect(text).toContain('Соколова Вера Андреевна');
    expect(text).toContain('12.07.2026');
    expect(text).toContain('аннулирован записью');
    expect(text).toContain('20.07.2026');
    expect(text).toContain('акт № 3 от 01.07.2026, 01.07.2026');
    expect(text).toContain('в сейфе');
    expect(text).toContain('аннулирован');
    expect(text).toContain('списан');
    expect(text).not.toContain('аттестат о среднем общем образовании');
    // The balance as GET /balance computes it: received 5, in the safe 3, given out 1, written off 1, annulled 1.
    expect(text).toContain('Остаток бланков на');
    expect(text).toMatch(/аттестат об основном общем образовании 5 3 1 1 1/);

    const ofYear = pdfText((await download('/api/certificate-blanks/register.pdf?level=basic-general&year=2025')).body as Buffer);
    expect(ofYear).toContain('0000010');
    expect(ofYear).not.toContain('02418000800002');
    const both = pdfText((await download('/api/certificate-blanks/register.pdf')).body as Buffer).replace(/\s+/g, ' ');
    expect(both).toContain('аттестат о среднем общем образовании');
    expect(both).toContain('Бланки не поступали');

    for (const [query, path] of [
      ['level=college', 'level'],
      ['level=basic-general&year=двадцать', 'year'],
      ['year=26', 'year'],
    ]) {
      const bad = await secretary.get(`/api/certificate-blanks/register.pdf?${query}`);
      expect([query, bad.status, pathsOf(bad)]).toEqual([query, 400, [path]]);
      expect(bad.body.error.message).toMatch(/[а-я]/);
    }
    for (const account of [world.teacherA, world.classTeacherB, world.accounts.archivist, world.accounts.parentA, world.accounts.pupilA]) {
      expect((await apiAs(strapi, account.jwt).get('/api/certificate-blanks/register.pdf')).status).toBe(403);
    }
    expect((await apiAs(strapi).get('/api/certificate-blanks/register.pdf')).status).toBe(403);
  });
});
