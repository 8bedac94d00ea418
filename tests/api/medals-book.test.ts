import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { pdfTextLines } from '../helpers/pdf-text';

const pdfText = (pdf: Buffer): string => pdfTextLines(pdf).join(' ');
import { make } from '../helpers/school-fixture';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/** The medals book (книга учёта и выдачи медалей «За особые успехи в учении», seed 003 §4.3.1, R47). */

const ENTRY = 'api::medal-entry.medal-entry';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let secretary: Api;
let deputy: Api;
let director: Api;
type Doc = { id: number; documentId: string };
const certificates: Record<string, string> = {};
const medals: Record<string, string> = {};

type ErrorBody = { body: { error: { message: string; details?: { errors?: Array<{ path: string[]; message: string }> } } } };
const pathsOf = (response: ErrorBody) => (response.body.error.details?.errors ?? []).map((error) => error.path.join('.'));

const giveMarks = async (classDoc: Doc, student: Doc, marks: Array<[Doc, string, string, Doc?]>) => {
  for (const [subject, kind, value, period] of marks) {
    const existing = (await strapi.db.query('api::journal.journal').findOne({
      where: { schoolClass: { id: classDoc.id }, subject: { id: subject.id } },
    })) as Doc | null;
    const journal =
      existing?.documentId ??
      (await make(strapi, 'api::journal.journal', { schoolClass: classDoc.documentId, subject: subject.documentId, kind: 'classroom' }))
        .documentId;
    await make(strapi, 'api::mark.mark', {
      kind,
      journal,
      student: student.documentId,
      value,
      ...(period ? { studyPeriod: period.documentId } : {}),
    });
  }
};

const medalBody = (certificateEntry: string, extra: Record<string, unknown> = {}) => ({
  certificateEntry,
  orderNumber: '118-о',
  orderDate: '2026-06-27',
  issuedOn: '2026-06-28',
  receivedBy: 'Белов Г., лично',
  ...extra,
});

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  secretary = apiAs(strapi, world.accounts.secretary.jwt);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
  director = apiAs(strapi, world.accounts.director.jwt);
  const { school } = world;
  const { math, russian } = school;

  // Белов: 10А in 2024/2025, 11А in 2025/2026: 4 and 5 → medal II degree. Орлова: 9А, an аттестат without a medal.
  const year10 = (await make(strapi, 'api::academic-year.academic-year', {
    title: '2024/2025',
    startDate: '2024-09-01',
    endDate: '2025-08-31',
    state: 'closed',
  })) as Doc;
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
  const class9a = (await make(strapi, 'api::school-class.school-class', {
    grade: 9,
    letter: 'А',
    academicYear: school.year.documentId,
  })) as Doc;
  const belov = (await make(strapi, 'api::student.student', {
    lastName: 'Белов',
    firstName: 'Глеб',
    gender: 'male',
    birthDate: '2008-02-29',
  })) as Doc;
  const orlova = (await make(strapi, 'api::student.student', {
    lastName: 'Орлова',
    firstName: 'Вера',
    gender: 'female',
    birthDate: '2010-04-15',
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
  await make(strapi, 'api::enrollment.enrollment', {
    student: orlova.documentId,
    schoolClass: class9a.documentId,
    startDate: '2025-09-01',
  });
  await giveMarks(class10a, belov, [
    [math, 'annual', '4'],
    [russian, 'annual', '5'],
  ]);
  await giveMarks(class11a, belov, [
    [math, 'annual', '4'],
    [russian, 'annual', '5'],
  ]);
  await giveMarks(class9a, orlova, [
    [math, 'annual', '5'],
    [russian, 'annual', '5'],
  ]);
  // The аттестаты as the certificate book registered them (its own rules, the GIA included, are tested in certificate-book.test.ts).
  const register = async (student: Doc, row: Record<string, unknown>): Promise<string> => {
    const documentId = `cert${student.id}x${Date.now().toString(36)}`;
    await strapi.db.query('api::certificate-entry.certificate-entry').create({
      data: {
        documentId,
        kind: 'original',
        bookYear: 2026,
        orderNumber: '112-о',
        orderDate: '2026-06-24',
        issuedOn: '2026-06-25',
        student: student.id,
        ...row,
      },
    });
    return documentId;
  };
  certificates.belov = await register(belov, {
    level: 'secondary-general',
    registrationNumber: 1,
    blankNumber: '02424000000777',
    fullName: 'Белов Глеб',
    medal: 'second-degree',
    receivedBy: 'Белов Г.',
  });
  certificates.orlova = await register(orlova, {
    level: 'basic-general',
    registrationNumber: 1,
    blankNumber: '02418000000123',
    fullName: 'Орлова Вера',
    medal: null,
    receivedBy: 'Орлова В.',
  });
});
afterAll(() => stopStrapi(strapi));

const stored = (documentId: string) => strapi.db.query(ENTRY).findOne({ where: { documentId } });

describe('the medals book: entries from the аттестаты that carry a medal', () => {
  it('lists the year’s аттестаты with a medal not yet recorded as issued', async () => {
    const awarded = await secretary.get('/api/medal-entries/awarded?year=2026');
    expect(awarded.status).toBe(200);
    expect(awarded.body.data).toEqual([
      expect.objectContaining({ certificateEntry: certificates.belov, fullName: 'Белов Глеб', medal: 'second-degree', medalEntry: null }),
    ]);
  });

  it('records the issue of the medal (order and receiver required) with the degree taken from the аттестат, numbered 1 in the year', async () => {
    const missing = await secretary.post('/api/medal-entries', { certificateEntry: certificates.belov, issuedOn: '2026-06-28' });
    expect(missing.status).toBe(400);
    expect(pathsOf(missing)).toEqual(expect.arrayContaining(['orderNumber', 'orderDate', 'receivedBy']));

    const response = await secretary.post('/api/medal-entries', medalBody(certificates.belov));
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({
      kind: 'original',
      bookYear: 2026,
      registrationNumber: 1,
      fullName: 'Белов Глеб',
      medal: 'second-degree',
      certificate: '№ 1 (2026), бланк 02424000000777',
      orderNumber: '118-о',
      issuedBy: 'secretary',
    });
    medals.belov = response.body.data.documentId;
    const awarded = await secretary.get('/api/medal-entries/awarded?year=2026');
    expect(awarded.body.data[0].medalEntry).toMatchObject({ documentId: medals.belov, number: '№ 1 (2026)' });
  });

  it('refuses a typed medal, an аттестат without a medal, a second medal and a medal issued before the аттестат', async () => {
    const before = await strapi.db.query(ENTRY).count();
    const typed = await secretary.post('/api/medal-entries', medalBody(certificates.orlova, { medal: 'first-degree' }));
    expect(typed.status).toBe(400);
    expect(pathsOf(typed)).toEqual(['medal']);

    const noMedal = await secretary.post('/api/medal-entries', medalBody(certificates.orlova));
    expect(noMedal.status).toBe(400);
    expect(pathsOf(noMedal)).toEqual(['certificateEntry']);
    expect(noMedal.body.error.message).toContain('медаль не присуждена');

    const again = await secretary.post('/api/medal-entries', medalBody(certificates.belov, { orderNumber: '119-о' }));
    expect(again.status).toBe(400);
    expect(again.body.error.message).toContain('Медаль уже выдана: запись № 1 (2026)');

    const early = await secretary.post(
      '/api/medal-entries',
      medalBody(certificates.belov, { issuedOn: '2026-06-01', orderDate: '2026-05-30' }),
    );
    expect(early.status).toBe(400);
    expect(await strapi.db.query(ENTRY).count()).toBe(before);
  });
});

describe('an issued medal entry is never edited: annulment plus a new entry', () => {
  it('refuses to update or delete an entry (403, Russian), also in the content manager, leaving it as it was', async () => {
    const before = await stored(medals.belov);
    const update = await secretary.put(`/api/medal-entries/${medals.belov}`, { receivedBy: 'Другой' });
    expect(update.status).toBe(403);
    expect(update.body.error.message).toContain('не исправляется');
    expect((await director.delete(`/api/medal-entries/${medals.belov}`)).status).toBe(403);
    expect(await stored(medals.belov)).toEqual(before);
  });

  it('corrects a mistake by an annulment entry with its own number and a new entry', async () => {
    const noReason = await secretary.post('/api/medal-entries', { kind: 'annulment', original: medals.belov });
    expect(pathsOf(noReason)).toEqual(['reasonNote']);
    const annulment = await secretary.post('/api/medal-entries', {
      kind: 'annulment',
      original: medals.belov,
      reasonNote: 'Ошибка в номере приказа',
      issuedOn: '2026-06-29',
    });
    expect(annulment.status).toBe(201);
    expect(annulment.body.data).toMatchObject({ kind: 'annulment', registrationNumber: 2, fullName: 'Белов Глеб', medal: 'second-degree' });
    const awarded = await secretary.get('/api/medal-entries/awarded?year=2026');
    expect(awarded.body.data[0].medalEntry).toBeNull();

    const renewed = await secretary.post(
      '/api/medal-entries',
      medalBody(certificates.belov, { orderNumber: '118/1-о', issuedOn: '2026-06-29' }),
    );
    expect(renewed.status).toBe(201);
    expect(renewed.body.data.registrationNumber).toBe(3);
  });
});

describe('access and the book’s pages', () => {
  it('lets the secretary, deputy and director read the book; nobody else', async () => {
    for (const api of [secretary, deputy, director]) {
      const list = await api.get('/api/medal-entries?sort=registrationNumber');
      expect(list.status).toBe(200);
      expect(list.body.data.map((entry: { registrationNumber: number }) => entry.registrationNumber)).toEqual([1, 2, 3]);
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
      expect((await api.get('/api/medal-entries')).status).toBe(403);
      expect((await api.get('/api/medal-entries/awarded?year=2026')).status).toBe(403);
      expect((await api.post('/api/medal-entries', medalBody(certificates.belov))).status).toBe(403);
      expect((await api.get('/api/medal-entries/book.pdf?year=2026')).status).toBe(403);
    }
    expect((await apiAs(strapi).get('/api/medal-entries')).status).toBe(403);
  });

  it('prints the year’s pages with the pupil, the medal’s degree, the order, the annulment and the receiver', async () => {
    const response = await director
      .get('/api/medal-entries/book.pdf?year=2026')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    const text = pdfText(response.body as Buffer).replace(/\s+/g, ' ');
    expect(text).toContain('КНИГА УЧЁТА И ВЫДАЧИ МЕДАЛЕЙ');
    expect(text).toContain('Белов Глеб');
    expect(text).toContain('II степени');
    expect(text).toContain('АННУЛИРОВАНА записью № 2 (2026)');
    expect(text).toContain('№ 118/1-о');
    expect(text).toContain('Белов Г., лично');
    const bad = await secretary.get('/api/medal-entries/book.pdf?year=abc');
    expect(pathsOf(bad)).toEqual(['year']);
  });

  it('refuses the content manager’s edit of an entry', async () => {
    const { adminLogin } = await import('../helpers/admin');
    const token = await adminLogin(strapi, { email: 'medals@school.test' });
    const edit = await supertest(strapi.server.httpServer)
      .put(`/content-manager/collection-types/${ENTRY}/${medals.belov}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ receivedBy: 'Другой' });
    expect(edit.status).toBe(403);
  });
});
