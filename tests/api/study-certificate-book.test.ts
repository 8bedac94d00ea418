import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { adminLogin } from '../helpers/admin';
import { pdfTextLines } from '../helpers/pdf-text';

const pdfText = (pdf: Buffer): string => pdfTextLines(pdf).join(' ');
import { make } from '../helpers/school-fixture';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/** The book of study certificates (книга регистрации справок об обучении, seed 000 §1.13, R46). */

const ENTRY = 'api::study-certificate-entry.study-certificate-entry';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let secretary: Api;
let deputy: Api;
let director: Api;
type Doc = { id: number; documentId: string };
let zaitseva: Doc;
let ershov: Doc;
const entries: Record<string, string> = {};

type ErrorBody = { body: { error: { message: string; details?: { errors?: Array<{ path: string[]; message: string }> } } } };
const pathsOf = (response: ErrorBody) => (response.body.error.details?.errors ?? []).map((error) => error.path.join('.'));

/** Marks of one pupil in one class's journals: [subject, kind, value, period?]. */
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

const binary = (test: supertest.Test) =>
  test.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  secretary = apiAs(strapi, world.accounts.secretary.jwt);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
  director = apiAs(strapi, world.accounts.director.jwt);
  const { school } = world;
  const { math, russian, pe } = school;

  // Зайцева: 8А in 2024/2025, 9А in 2025/2026, a 2 in maths for the year — no аттестат.
  const year8 = (await make(strapi, 'api::academic-year.academic-year', {
    title: '2024/2025',
    startDate: '2024-09-01',
    endDate: '2025-08-31',
    state: 'closed',
  })) as Doc;
  const class8a = (await make(strapi, 'api::school-class.school-class', { grade: 8, letter: 'А', academicYear: year8.documentId })) as Doc;
  const class9a = (await make(strapi, 'api::school-class.school-class', {
    grade: 9,
    letter: 'А',
    academicYear: school.year.documentId,
  })) as Doc;
  zaitseva = (await make(strapi, 'api::student.student', {
    lastName: 'Зайцева',
    firstName: 'Ольга',
    patronymic: 'Петровна',
    gender: 'female',
    birthDate: '2010-03-12',
  })) as Doc;
  await make(strapi, 'api::enrollment.enrollment', {
    student: zaitseva.documentId,
    schoolClass: class8a.documentId,
    startDate: '2024-09-01',
    endDate: '2025-08-31',
  });
  await make(strapi, 'api::enrollment.enrollment', {
    student: zaitseva.documentId,
    schoolClass: class9a.documentId,
    startDate: '2025-09-01',
  });
  await giveMarks(class8a, zaitseva, [
    [math, 'annual', '3'],
    [russian, 'annual', '4'],
    [pe, 'annual', 'зачтено'],
  ]);
  await giveMarks(class9a, zaitseva, [
    [math, 'annual', '2'],
    [russian, 'annual', '3'],
  ]);

  // Ершов: 5Б from September, expelled after the second quarter: no annual marks.
  ershov = (await make(strapi, 'api::student.student', {
    lastName: 'Ершов',
    firstName: 'Пётр',
    gender: 'male',
    birthDate: '2014-11-02',
  })) as Doc;
  await make(strapi, 'api::enrollment.enrollment', {
    student: ershov.documentId,
    schoolClass: school.class5b.documentId,
    startDate: '2025-09-01',
    endDate: '2025-12-30',
  });
  const [q1, q2] = school.quarters as Doc[];
  await giveMarks(school.class5b, ershov, [
    [math, 'periodic', '3', q1],
    [math, 'periodic', '4', q2],
    [russian, 'periodic', '5', q1],
  ]);
});
afterAll(() => stopStrapi(strapi));

const stored = (documentId: string) => strapi.db.query(ENTRY).findOne({ where: { documentId } });

describe('issuing a справка об обучении: the years, classes and marks from the class lists and the journal', () => {
  it('registers a pupil who did not pass the final attestation with each year’s annual marks, numbered 1 in the year', async () => {
    const response = await secretary.post('/api/study-certificate-entries', {
      student: zaitseva.documentId,
      reason: 'gia-failed',
      issuedOn: '2026-06-30',
      receivedBy: 'Зайцев П. И., отец',
    });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({
      kind: 'original',
      bookYear: 2026,
      registrationNumber: 1,
      fullName: 'Зайцева Ольга Петровна',
      birthDate: '2010-03-12',
      periodFrom: '2024-09-01',
      periodTo: '2026-06-30',
      classes: '8А, 9А',
      issuedBy: 'secretary',
    });
    const years = response.body.data.years as Array<{ academicYear: string; subjects: Array<{ subject: string; value: string }> }>;
    expect(years.map((year) => [year.academicYear, year.subjects.map((mark) => `${mark.subject} ${mark.value}`)])).toEqual([
      ['2024/2025', ['Математика 3', 'Русский язык 4', 'Физическая культура зачтено']],
      ['2025/2026', ['Математика 2', 'Русский язык 3']],
    ]);
    entries.zaitseva = response.body.data.documentId;
  });

  it('takes a year left before its annual mark from the last period’s marks, up to the day the pupil left', async () => {
    const response = await deputy.post('/api/study-certificate-entries', {
      student: ershov.documentId,
      reason: 'expelled',
      reasonNote: 'Приказ № 210-у от 30.12.2025',
      issuedOn: '2026-01-12',
      receivedBy: 'Ершова А. В., мать',
    });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ registrationNumber: 2, periodFrom: '2025-09-01', periodTo: '2025-12-30', classes: '5Б' });
    expect(response.body.data.years[0].subjects).toEqual([
      { subject: 'Математика', value: '4', source: 'period', period: expect.any(String) },
      { subject: 'Русский язык', value: '5', source: 'period', period: expect.any(String) },
    ]);
    entries.ershov = response.body.data.documentId;
  });

  it('refuses typed marks, a missing reason and receiver, a future date, a GIA reason for a 5th-grader and a pupil never on a class list', async () => {
    const before = await strapi.db.query(ENTRY).count();
    const typed = await secretary.post('/api/study-certificate-entries', {
      student: zaitseva.documentId,
      reason: 'gia-failed',
      issuedOn: '2026-06-30',
      receivedBy: 'Зайцева О. П.',
      years: [{ academicYear: '2025/2026', classes: '9А', subjects: [{ subject: 'Математика', value: '5' }] }],
    });
    expect(typed.status).toBe(400);
    expect(pathsOf(typed)).toEqual(['years']);

    const missing = await secretary.post('/api/study-certificate-entries', { student: zaitseva.documentId, issuedOn: '2026-06-30' });
    expect(missing.status).toBe(400);
    expect(pathsOf(missing)).toEqual(expect.arrayContaining(['reason', 'receivedBy']));

    const future = await secretary.post('/api/study-certificate-entries', {
      student: zaitseva.documentId,
      reason: 'gia-not-taken',
      issuedOn: '2999-01-01',
      receivedBy: 'Зайцева О. П.',
    });
    expect(pathsOf(future)).toEqual(['issuedOn']);

    const fifthGrader = await secretary.post('/api/study-certificate-entries', {
      student: world.school.pupils5a[0].documentId,
      reason: 'gia-failed',
      issuedOn: '2026-06-30',
      receivedBy: 'Иванов',
    });
    expect(fifthGrader.status).toBe(400);
    expect(pathsOf(fifthGrader)).toEqual(['reason']);

    const newcomer = await secretary.post('/api/study-certificate-entries', {
      student: world.school.newcomer.documentId,
      reason: 'part-of-programme',
      issuedOn: '2026-06-30',
      receivedBy: 'Мать',
    });
    expect(newcomer.status).toBe(400);
    expect(pathsOf(newcomer)).toEqual(['student']);
    expect(newcomer.body.error.message).toContain('не числился ни в одном классе');
    expect(await strapi.db.query(ENTRY).count()).toBe(before);
  });

  it('gives concurrent registrations distinct running numbers', async () => {
    const before = await strapi.db.query(ENTRY).count({ where: { bookYear: 2026 } });
    const results = (await Promise.all(
      [1, 2, 3].map((n) =>
        strapi.documents(ENTRY).create({
          data: { student: ershov.documentId, reason: 'part-of-programme', issuedOn: '2026-02-0' + n, receivedBy: 'Ершова А. В.' },
        } as never),
      ),
    )) as unknown as Array<{ registrationNumber: number }>;
    expect(results.map((result) => result.registrationNumber).sort((a, b) => a - b)).toEqual([before + 1, before + 2, before + 3]);
  });
});

describe('an issued справка is never edited: annulment plus a new справка', () => {
  it('refuses to update or delete an entry (403, Russian), leaving it as it was', async () => {
    const before = await stored(entries.zaitseva);
    const update = await secretary.put(`/api/study-certificate-entries/${entries.zaitseva}`, { receivedBy: 'Другой' });
    expect(update.status).toBe(403);
    expect(update.body.error.message).toContain('не исправляется');
    const removal = await director.delete(`/api/study-certificate-entries/${entries.zaitseva}`);
    expect(removal.status).toBe(403);
    expect(await stored(entries.zaitseva)).toEqual(before);
  });

  it('corrects a mistake by an annulment entry with its own number and a new справка', async () => {
    const noReason = await secretary.post('/api/study-certificate-entries', { kind: 'annulment', original: entries.zaitseva });
    expect(noReason.status).toBe(400);
    expect(pathsOf(noReason)).toEqual(['reasonNote']);

    const annulment = await secretary.post('/api/study-certificate-entries', {
      kind: 'annulment',
      original: entries.zaitseva,
      reasonNote: 'Неверно указано основание выдачи',
      issuedOn: '2026-07-01',
    });
    expect(annulment.status).toBe(201);
    expect(annulment.body.data).toMatchObject({ kind: 'annulment', fullName: 'Зайцева Ольга Петровна', classes: '8А, 9А' });
    entries.annulment = annulment.body.data.documentId;

    const twice = await secretary.post('/api/study-certificate-entries', {
      kind: 'annulment',
      original: entries.zaitseva,
      reasonNote: 'ещё раз',
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toContain('уже аннулирована');
    const printAnnulled = await secretary.get(`/api/study-certificate-entries/${entries.zaitseva}/certificate.pdf`);
    expect(printAnnulled.status).toBe(400);

    const reissued = await secretary.post('/api/study-certificate-entries', {
      student: zaitseva.documentId,
      reason: 'gia-not-taken',
      issuedOn: '2026-07-01',
      receivedBy: 'Зайцев П. И., отец',
    });
    expect(reissued.status).toBe(201);
    expect(reissued.body.data.registrationNumber).toBe(annulment.body.data.registrationNumber + 1);
    entries.reissued = reissued.body.data.documentId;
  });

  it('registers in the content manager with the same rules (typed marks replaced) and refuses to edit there', async () => {
    const token = await adminLogin(strapi, { email: 'study-books@school.test' });
    const base = `/content-manager/collection-types/${ENTRY}`;
    const agent = supertest(strapi.server.httpServer);
    const created = await agent
      .post(base)
      .set('Authorization', `Bearer ${token}`)
      .send({
        student: ershov.documentId,
        reason: 'part-of-programme',
        issuedOn: '2026-03-01',
        receivedBy: 'Ершова А. В.',
        years: [{ academicYear: '2025/2026', classes: '5Б', subjects: [{ subject: 'Математика', value: '5' }] }],
        registrationNumber: 999,
      });
    expect(created.status).toBe(201);
    expect(created.body.data.registrationNumber).not.toBe(999);
    expect(created.body.data.years[0].subjects[0]).toMatchObject({ subject: 'Математика', value: '4' });
    const edit = await agent.put(`${base}/${entries.ershov}`).set('Authorization', `Bearer ${token}`).send({ receivedBy: 'Другой' });
    expect(edit.status).toBe(403);
  });
});

describe('access and the printed справка and book', () => {
  it('lets the secretary, deputy and director read and print the book; nobody else', async () => {
    for (const api of [secretary, deputy, director]) {
      const list = await api.get('/api/study-certificate-entries?sort=registrationNumber');
      expect(list.status).toBe(200);
      expect(list.body.data.length).toBe(await strapi.db.query(ENTRY).count());
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
      expect((await api.get('/api/study-certificate-entries')).status).toBe(403);
      expect(
        (await api.post('/api/study-certificate-entries', { student: ershov.documentId, reason: 'expelled', receivedBy: 'x' })).status,
      ).toBe(403);
      expect((await api.get('/api/study-certificate-entries/book.pdf?year=2026')).status).toBe(403);
      expect((await api.get(`/api/study-certificate-entries/${entries.ershov}/certificate.pdf`)).status).toBe(403);
    }
    expect((await apiAs(strapi).get('/api/study-certificate-entries')).status).toBe(403);
  });

  it('prints the справка with the school, number, pupil, a table of years × subjects with the marks, signature and seal', async () => {
    const response = await binary(secretary.get(`/api/study-certificate-entries/${entries.reissued}/certificate.pdf`));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    const registered = await stored(entries.reissued);
    const text = pdfText(response.body as Buffer).replace(/\s+/g, ' ');
    expect(text).toContain(`СПРАВКА ОБ ОБУЧЕНИИ № ${registered.registrationNumber}/2026`);
    expect(text).toContain('Зайцева Ольга Петровна');
    expect(text).toContain('8А класс 2024/2025');
    expect(text).toContain('9А класс 2025/2026');
    expect(text).toContain('Физическая культура');
    expect(text).toContain('зачтено');
    expect(text).toContain('не проходил(а) государственную итоговую аттестацию');
    expect(text).toContain('М.П.');

    const left = pdfText((await binary(secretary.get(`/api/study-certificate-entries/${entries.ershov}/certificate.pdf`))).body as Buffer);
    expect(left.replace(/\s+/g, ' ')).toContain('4*');
    expect(left.replace(/\s+/g, ' ')).toContain('за последний учебный период');
    expect((await secretary.get(`/api/study-certificate-entries/${entries.annulment}/certificate.pdf`)).status).toBe(400);
    expect((await secretary.get('/api/study-certificate-entries/nosuchentry00/certificate.pdf')).status).toBe(404);
  });

  it('prints the year’s pages of the book with the names, marks, annulment and receivers', async () => {
    const response = await binary(director.get('/api/study-certificate-entries/book.pdf?year=2026'));
    expect(response.status).toBe(200);
    const text = pdfText(response.body as Buffer).replace(/\s+/g, ' ');
    expect(text).toContain('КНИГА РЕГИСТРАЦИИ СПРАВОК ОБ ОБУЧЕНИИ');
    expect(text).toContain('Зайцева Ольга Петровна');
    expect(text).toContain('Ершов Пётр');
    expect(text).toContain('АННУЛИРОВАНА записью № 6 (2026) от 01.07.2026');
    expect(text).toContain('Математика — 2');
    expect(text).toContain('Зайцев П. И., отец');

    const bad = await secretary.get('/api/study-certificate-entries/book.pdf?year=20x6');
    expect(bad.status).toBe(400);
    expect(pathsOf(bad)).toEqual(['year']);
  });
});

describe('«Документы»: the secretary issues a справка об обучении', () => {
  it('asks for confirmation, refuses bad fields beside them, registers it and shows it on the pupil’s page with its PDF', async () => {
    const token = await adminLogin(strapi, { email: 'secretary@school.test', roleCode: 'school-secretary' });
    const agent = supertest(strapi.server.httpServer);
    const url = `/records-archive/documents/pupils/${ershov.documentId}`;
    const body = { reason: 'expelled', issuedOn: '2026-03-02', receivedBy: 'Ершова А. В., мать' };
    const unconfirmed = await agent.post(`${url}/study-certificate`).set('Authorization', `Bearer ${token}`).send(body);
    expect(unconfirmed.status).toBe(400);
    expect(pathsOf(unconfirmed)).toEqual(['confirmed']);

    const bad = await agent
      .post(`${url}/study-certificate`)
      .set('Authorization', `Bearer ${token}`)
      .send({ ...body, reason: 'moved', receivedBy: '', confirmed: true });
    expect(bad.status).toBe(400);
    expect(pathsOf(bad)).toEqual(expect.arrayContaining(['reason', 'receivedBy']));

    const typed = await agent
      .post(`${url}/study-certificate`)
      .set('Authorization', `Bearer ${token}`)
      .send({ ...body, confirmed: true, years: [] });
    expect(pathsOf(typed)).toEqual(['years']);

    const issued = await agent
      .post(`${url}/study-certificate`)
      .set('Authorization', `Bearer ${token}`)
      .send({ ...body, confirmed: true });
    expect(issued.status).toBe(201);
    expect(issued.body.data).toMatchObject({ kind: 'original', reason: 'expelled', classes: '5Б' });

    const page = await agent.get(url).set('Authorization', `Bearer ${token}`);
    expect(page.body.data.studyCertificates).toEqual(
      expect.arrayContaining([expect.objectContaining({ documentId: issued.body.data.documentId, reason: 'expelled', annulled: false })]),
    );
    const pdf = await binary(
      agent.get(`${url}/study-certificates/${issued.body.data.documentId}/certificate.pdf`).set('Authorization', `Bearer ${token}`),
    );
    expect(pdf.status).toBe(200);
    expect(pdfText(pdf.body as Buffer).replace(/\s+/g, ' ')).toContain('Ершов Пётр');
    const otherPupils = await agent
      .get(`/records-archive/documents/pupils/${zaitseva.documentId}/study-certificates/${issued.body.data.documentId}/certificate.pdf`)
      .set('Authorization', `Bearer ${token}`);
    expect(otherPupils.status).toBe(404);
    const book = await binary(
      agent
        .get('/records-archive/documents/prints/study-certificate-book.pdf')
        .query({ year: '2026' })
        .set('Authorization', `Bearer ${token}`),
    );
    expect(book.status).toBe(200);
  });
});
