import type { Core } from '@strapi/strapi';
import { runArchiveProcedure } from '../../src/school/records/procedure';
import { pdfText } from '../helpers/pdf-text';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { make } from '../helpers/school-fixture';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

const FILE = 'api::personal-file.personal-file';
const YEAR = 'api::yearly-result.yearly-result';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let secretary: Api;
let deputy: Api;
let director: Api;
let classTeacherA: Api;
let classTeacherB: Api;
let teacherA: Api;
let parentA: Api;
let pupilA: Api;
let methodologist: Api;
let archivist: Api;
let ivanov: string;
let kuznetsov: string;
/** Personal files by pupil. */
const files: Record<string, string> = {};

/** Иванов (5А) was in 4А the year before, with an annual maths mark. */
const buildPreviousYear = async () => {
  const year = await make(strapi, 'api::academic-year.academic-year', {
    title: '2024/2025',
    startDate: '2024-09-01',
    endDate: '2025-08-31',
    state: 'closed',
  });
  const class4a = await make(strapi, 'api::school-class.school-class', { grade: 4, letter: 'А', academicYear: year.documentId });
  await make(strapi, 'api::enrollment.enrollment', { student: ivanov, schoolClass: class4a.documentId, startDate: '2024-09-01' });
  const journal = await make(strapi, 'api::journal.journal', {
    schoolClass: class4a.documentId,
    subject: world.school.russian.documentId,
    kind: 'classroom',
  });
  await make(strapi, 'api::mark.mark', { kind: 'annual', journal: journal.documentId, student: ivanov, value: '4' });
};

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  ivanov = world.school.pupils5a[0].documentId;
  kuznetsov = world.school.pupil5b.documentId;
  const leaderA = await createAccount(strapi, 'class-teacher', 'classteacher.a');
  await strapi
    .documents('api::school-class.school-class')
    .update({ documentId: world.school.class5a.documentId, data: { classTeacher: leaderA.documentId } } as never);
  secretary = apiAs(strapi, world.accounts.secretary.jwt);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
  director = apiAs(strapi, world.accounts.director.jwt);
  classTeacherA = apiAs(strapi, leaderA.jwt);
  classTeacherB = apiAs(strapi, world.classTeacherB.jwt);
  teacherA = apiAs(strapi, world.teacherA.jwt);
  parentA = apiAs(strapi, world.accounts.parentA.jwt);
  pupilA = apiAs(strapi, world.accounts.pupilA.jwt);
  methodologist = apiAs(strapi, world.accounts.methodologist.jwt);
  archivist = apiAs(strapi, world.accounts.archivist.jwt);
  await buildPreviousYear();
  // This year's annual marks in the 5А journals.
  await make(strapi, 'api::mark.mark', { kind: 'annual', journal: world.school.mathJournal.documentId, student: ivanov, value: '5' });
  await make(strapi, 'api::mark.mark', { kind: 'annual', journal: world.school.peJournal.documentId, student: ivanov, value: 'зачтено' });
});
afterAll(() => stopStrapi(strapi));

type ErrorBody = { body: { error: { message: string; details?: { errors?: Array<{ path: string[]; message: string }> } } } };
const messageOf = (response: ErrorBody) => response.body.error.message;
const pathsOf = (response: ErrorBody) => (response.body.error.details?.errors ?? []).map((error) => error.path.join('.'));

/** Stands for «the third 5А pupil», who has no file: test tables are built before the school exists. */
const thirdPupil = () => '<third 5А pupil>';
const resolvePupil = (body: Record<string, unknown>) =>
  body.student === thirdPupil() ? { ...body, student: world.school.pupils5a[2].documentId } : body;

const pupil = (lastName: string, firstName: string) =>
  make(strapi, 'api::student.student', { lastName, firstName, gender: 'female', birthDate: '2014-01-10' });

describe('personal files: numbers of the alphabetical book', () => {
  it('gives the surname’s letter and the next running number under it', async () => {
    const first = await secretary.post('/api/personal-files', { student: kuznetsov, openedOn: '2021-09-01' });
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({ number: 'К/1', letter: 'К', sequence: 1, state: 'open' });
    files.kuznetsov = first.body.data.documentId;

    const kozlova = await pupil('Козлова', 'Дарья');
    const second = await deputy.post('/api/personal-files', { student: kozlova.documentId, openedOn: '2022-09-01', number: null });
    expect(second.status).toBe(201);
    expect(second.body.data.number).toBe('К/2');
    files.kozlova = second.body.data.documentId;

    const own = await secretary.post('/api/personal-files', { student: ivanov, openedOn: '2021-09-01', admissionOrder: '№ 5-у' });
    expect(own.body.data.number).toBe('И/1');
    files.ivanov = own.body.data.documentId;
  });

  it('takes a number carried over from the paper book, and counts on from it', async () => {
    const petrova = world.school.pupils5a[1].documentId;
    expect(
      (await secretary.post('/api/personal-files', { student: petrova, openedOn: '2020-09-01', number: 'П/17' })).body.data,
    ).toMatchObject({
      number: 'П/17',
      letter: 'П',
      sequence: 17,
    });
    const pavlova = await pupil('Павлова', 'Ксения');
    expect((await secretary.post('/api/personal-files', { student: pavlova.documentId, openedOn: '2025-09-01' })).body.data.number).toBe(
      'П/18',
    );
    const taken = await secretary.post('/api/personal-files', {
      student: world.school.pupils5a[2].documentId,
      openedOn: '2025-09-01',
      number: 'П/18',
    });
    expect(taken.status).toBe(400);
    expect(pathsOf(taken)).toEqual(['number']);
    const malformed = await secretary.post('/api/personal-files', {
      student: world.school.pupils5a[2].documentId,
      openedOn: '2025-09-01',
      number: '18',
    });
    expect(malformed.status).toBe(400);
  });

  it('keeps one file per pupil and refuses a second with the number of the first', async () => {
    const before = await strapi.db.query(FILE).count({});
    const again = await secretary.post('/api/personal-files', { student: kuznetsov, openedOn: '2025-09-01' });
    expect(again.status).toBe(400);
    expect(pathsOf(again)).toEqual(['student']);
    expect(messageOf(again)).toMatch(/К\/1/);
    expect(await strapi.db.query(FILE).count({})).toBe(before);
  });

  it('never changes the number, even when the surname changes', async () => {
    const renamed = await secretary.put(`/api/students/${kuznetsov}`, { lastName: 'Смирнов' });
    expect(renamed.status).toBe(200);
    const file = await secretary.get(`/api/personal-files/${files.kuznetsov}`);
    expect(file.body.data.number).toBe('К/1');
    const forged = await secretary.put(`/api/personal-files/${files.kuznetsov}`, { number: 'С/1' });
    expect(forged.status).toBe(400);
    expect(messageOf(forged)).toMatch(/не меняется/);
    const other = await secretary.put(`/api/personal-files/${files.kuznetsov}`, { student: ivanov });
    expect(other.status).toBe(400);
    // A new pupil under «С» starts at С/1: the renamed pupil keeps К/1.
    const sokolova = await pupil('Соколова', 'Вера');
    expect((await secretary.post('/api/personal-files', { student: sokolova.documentId, openedOn: '2025-09-01' })).body.data.number).toBe(
      'С/1',
    );
  });

  it('issues the file on transfer only with the date, application and order; a returning pupil gets the same file and number', async () => {
    const incomplete = await secretary.put(`/api/personal-files/${files.kuznetsov}`, { state: 'issued' });
    expect(incomplete.status).toBe(400);
    expect(pathsOf(incomplete).sort()).toEqual(['applicationNumber', 'issuedOn', 'orderNumber']);
    const early = await secretary.put(`/api/personal-files/${files.kuznetsov}`, {
      state: 'issued',
      issuedOn: '2020-01-01',
      applicationNumber: '17',
      orderNumber: '45-у',
    });
    expect(pathsOf(early)).toEqual(['issuedOn']);
    const issued = await secretary.put(`/api/personal-files/${files.kuznetsov}`, {
      state: 'issued',
      issuedOn: '2026-06-10',
      applicationNumber: '17',
      orderNumber: '45-у',
      issuedTo: 'Кузнецов Павел (отец)',
    });
    expect(issued.status).toBe(200);
    expect(issued.body.data).toMatchObject({ state: 'issued', issuedOn: '2026-06-10', number: 'К/1' });

    // He comes back: no second file, the same one is reopened with its number.
    expect((await secretary.post('/api/personal-files', { student: kuznetsov, openedOn: '2026-09-01' })).status).toBe(400);
    const reopened = await secretary.put(`/api/personal-files/${files.kuznetsov}`, { state: 'open', openedOn: '2026-09-01' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.data).toMatchObject({ state: 'open', number: 'К/1', issuedOn: null, applicationNumber: null, orderNumber: null });
    // Numbers are not reused: the next «К» pupil gets К/3.
    const kovaleva = await pupil('Ковалёва', 'Ирина');
    expect((await secretary.post('/api/personal-files', { student: kovaleva.documentId, openedOn: '2026-09-01' })).body.data.number).toBe(
      'К/3',
    );
  });
});

let yearResult: string;

describe('yearly results in the personal file', () => {
  it('fills the year’s final marks from the journal’s annual marks', async () => {
    const filled = await secretary.post(`/api/personal-files/${files.ivanov}/yearly-results/fill?year=2025/2026`, {});
    expect(filled.status).toBe(200);
    expect(filled.body.data).toMatchObject({ academicYear: '2025/2026', schoolClass: '5А', grade: 5, certifiedAt: null });
    expect(filled.body.data.marks.map((mark: { subject: string; value: string }) => [mark.subject, mark.value])).toEqual([
      ['Математика', '5'],
      ['Физическая культура', 'зачтено'],
    ]);
    yearResult = filled.body.data.documentId;
    const previous = await secretary.post(`/api/personal-files/${files.ivanov}/yearly-results/fill?year=2024/2025`, {});
    expect(previous.body.data).toMatchObject({
      schoolClass: '4А',
      grade: 4,
      marks: [expect.objectContaining({ subject: 'Русский язык', value: '4' })],
    });
    // Filling again refreshes the same page, it does not add another.
    expect((await secretary.post(`/api/personal-files/${files.ivanov}/yearly-results/fill?year=2025/2026`, {})).body.data.documentId).toBe(
      yearResult,
    );
    expect(await strapi.db.query(YEAR).count({ where: { personalFile: { documentId: files.ivanov } } })).toBe(2);
  });

  it('refuses a year the pupil was not on any class list, and an unknown year', async () => {
    const none = await secretary.post(`/api/personal-files/${files.kozlova}/yearly-results/fill?year=2025/2026`, {});
    expect(none.status).toBe(400);
    expect(messageOf(none)).toMatch(/не числится/);
    expect((await secretary.post(`/api/personal-files/${files.ivanov}/yearly-results/fill?year=1999/2000`, {})).status).toBe(400);
  });

  it('never takes marks typed by hand: they always come from the journal', async () => {
    const typed = await secretary.put(`/api/yearly-results/${yearResult}`, {
      marks: [{ subject: 'Математика', value: '2' }],
      decision: 'promoted',
    });
    expect(typed.status).toBe(200);
    expect(typed.body.data.marks[0]).toMatchObject({ subject: 'Математика', value: '5' });
    // A correction of the annual mark in the journal reaches the page at the next fill.
    const annual = await strapi.db
      .query('api::mark.mark')
      .findOne({ where: { kind: 'annual', value: '5', student: { documentId: ivanov } } });
    await strapi.documents('api::mark.mark').update({ documentId: annual.documentId, data: { value: '4' } } as never);
    const refreshed = await secretary.post(`/api/personal-files/${files.ivanov}/yearly-results/fill?year=2025/2026`, {});
    expect(refreshed.body.data.marks[0]).toMatchObject({ subject: 'Математика', value: '4' });
  });

  it('checks the decision and the council’s protocol', async () => {
    expect(pathsOf(await secretary.put(`/api/yearly-results/${yearResult}`, { decision: 'graduated' }))).toEqual(['decision']);
    expect(pathsOf(await secretary.put(`/api/yearly-results/${yearResult}`, { decision: 'promoted-with-debt' }))).toEqual(['decisionNote']);
    expect(pathsOf(await secretary.put(`/api/yearly-results/${yearResult}`, { councilProtocolDate: '2027-05-28' }))).toEqual([
      'councilProtocolDate',
    ]);
    const forged = await secretary.put(`/api/yearly-results/${yearResult}`, { certifiedAt: '2026-05-30T10:00:00.000Z' });
    expect(forged.status).toBe(400);
    expect(pathsOf(forged)).toEqual(['certifiedAt']);
  });

  it('is certified only by the class teacher of that class, once the council has decided', async () => {
    const premature = await classTeacherA.post(`/api/yearly-results/${yearResult}/certify`, {});
    expect(premature.status).toBe(400);
    expect(pathsOf(premature).sort()).toEqual(['councilProtocolDate', 'councilProtocolNumber']);
    const decided = await secretary.put(`/api/yearly-results/${yearResult}`, {
      decision: 'promoted',
      councilProtocolNumber: '12',
      councilProtocolDate: '2026-05-28',
    });
    expect(decided.status).toBe(200);
    expect((await classTeacherB.post(`/api/yearly-results/${yearResult}/certify`, {})).status).toBe(403);
    expect((await teacherA.post(`/api/yearly-results/${yearResult}/certify`, {})).status).toBe(403);
    expect((await secretary.post(`/api/yearly-results/${yearResult}/certify`, {})).status).toBe(403);
    const certified = await classTeacherA.post(`/api/yearly-results/${yearResult}/certify`, {});
    expect(certified.status).toBe(200);
    expect(certified.body.data.certifiedAt).toEqual(expect.any(String));
    const stored = await strapi.db.query(YEAR).findOne({ where: { documentId: yearResult }, populate: { certifiedBy: true } });
    expect(stored.certifiedBy.username).toBe('classteacher.a');
  });

  it('is read-only after certification: updates, refills, a second certification and deletion are refused', async () => {
    const update = await secretary.put(`/api/yearly-results/${yearResult}`, { councilProtocolNumber: '13' });
    expect(update.status).toBe(403);
    expect(messageOf(update)).toMatch(/заверены классным руководителем/);
    expect((await secretary.post(`/api/personal-files/${files.ivanov}/yearly-results/fill?year=2025/2026`, {})).status).toBe(403);
    expect((await classTeacherA.post(`/api/yearly-results/${yearResult}/certify`, {})).status).toBe(403);
    await expect(strapi.documents(YEAR).delete({ documentId: yearResult } as never)).rejects.toThrow(/заверены/);
    // A file with its years is not deleted either.
    await expect(strapi.documents(FILE).delete({ documentId: files.ivanov } as never)).rejects.toThrow(/итогов учебных лет/);
    const stored = await strapi.db.query(YEAR).findOne({ where: { documentId: yearResult } });
    expect(stored.councilProtocolNumber).toBe('12');
  });

  it('lets the correction procedure through, keeping the certification', async () => {
    await runArchiveProcedure({ kind: 'correction', reason: 'Опечатка в номере протокола', authorisedBy: 'Директор, приказ № 3' }, () =>
      strapi.documents(YEAR).update({ documentId: yearResult, data: { councilProtocolNumber: '12а' } } as never),
    );
    const stored = await strapi.db.query(YEAR).findOne({ where: { documentId: yearResult } });
    expect(stored.councilProtocolNumber).toBe('12а');
    expect(stored.certifiedAt).not.toBeNull();
  });
});

describe('who reads and writes personal files', () => {
  it('lets the secretary, the deputy and the director read every file', async () => {
    for (const api of [secretary, deputy, director]) {
      const list = await api.get('/api/personal-files?pagination[pageSize]=100');
      expect(list.status).toBe(200);
      expect(list.body.data.length).toBe(await strapi.db.query(FILE).count({}));
    }
    expect((await director.get(`/api/yearly-results?filters[personalFile][documentId]=${files.ivanov}`)).body.data).toHaveLength(2);
  });

  it('shows a class teacher only the files of their own class', async () => {
    const listA = await classTeacherA.get('/api/personal-files?populate=student');
    expect(listA.status).toBe(200);
    expect(listA.body.data.map((file: { number: string }) => file.number).sort()).toEqual(['И/1', 'П/17']);
    const listB = await classTeacherB.get('/api/personal-files');
    expect(listB.body.data.map((file: { number: string }) => file.number)).toEqual(['К/1']);
    expect((await classTeacherB.get(`/api/personal-files/${files.ivanov}`)).status).toBe(404);
    expect((await classTeacherB.get(`/api/yearly-results/${yearResult}`)).status).toBe(404);
    expect((await classTeacherA.get(`/api/yearly-results/${yearResult}`)).status).toBe(200);
    // Reading is all: they neither open nor change files.
    expect(
      (await classTeacherA.post('/api/personal-files', { student: world.school.pupils5a[2].documentId, openedOn: '2025-09-01' })).status,
    ).toBe(403);
    expect((await classTeacherA.put(`/api/personal-files/${files.ivanov}`, { admissionOrder: 'x' })).status).toBe(403);
    expect((await classTeacherB.post(`/api/personal-files/${files.ivanov}/yearly-results/fill?year=2025/2026`, {})).status).toBe(404);
  });

  it('gives teachers, families, the methodologist and the archivist no access', async () => {
    for (const api of [teacherA, parentA, pupilA, methodologist, archivist, apiAs(strapi)]) {
      expect((await api.get('/api/personal-files')).status).toBeGreaterThanOrEqual(401);
      expect((await api.get('/api/personal-files')).status).toBeLessThanOrEqual(403);
      expect((await api.get(`/api/personal-files/${files.ivanov}`)).status).toBeGreaterThanOrEqual(401);
      expect((await api.get(`/api/yearly-results/${yearResult}`)).status).toBeGreaterThanOrEqual(401);
      expect((await api.get(`/api/personal-files/${files.ivanov}/card.pdf`)).status).toBeGreaterThanOrEqual(401);
      expect((await api.post('/api/personal-files', { student: ivanov, openedOn: '2025-09-01' })).status).toBeGreaterThanOrEqual(401);
    }
  });
});

describe('bad input to personal files and yearly results', () => {
  const badFiles: Array<[string, Record<string, unknown>]> = [
    ['an unknown pupil', { student: 'no-such-pupil', openedOn: '2025-09-01' }],
    ['no pupil', { openedOn: '2025-09-01' }],
    ['no admission date', { student: thirdPupil() }],
    ['an admission date that is not a date', { student: thirdPupil(), openedOn: 'вчера' }],
    ['an admission date as a number', { student: thirdPupil(), openedOn: 20250901 }],
    ['a number as an object', { student: thirdPupil(), openedOn: '2025-09-01', number: { $gt: '' } }],
    ['a number zero', { student: thirdPupil(), openedOn: '2025-09-01', number: 'С/0' }],
    ['an unknown state', { student: thirdPupil(), openedOn: '2025-09-01', state: ['issued'] }],
    ['issue data on an open file', { student: thirdPupil(), openedOn: '2025-09-01', applicationNumber: '5' }],
    ['an admission order as a list', { student: thirdPupil(), openedOn: '2025-09-01', admissionOrder: ['№ 1'] }],
    ['admission documents as text', { student: thirdPupil(), openedOn: '2025-09-01', admissionDocuments: 'заявление' }],
    ['an admission document of an unknown kind', { student: thirdPupil(), openedOn: '2025-09-01', admissionDocuments: [{ kind: 'x' }] }],
    [
      'an admission document without its file',
      { student: thirdPupil(), openedOn: '2025-09-01', admissionDocuments: [{ kind: 'application' }] },
    ],
    [
      'an admission document received in the future',
      { student: thirdPupil(), openedOn: '2025-09-01', admissionDocuments: [{ kind: 'application', file: 1, receivedOn: '2999-01-01' }] },
    ],
  ];
  it.each(badFiles)('refuses a file with %s (400, nothing stored)', async (_name, body) => {
    const before = await strapi.db.query(FILE).count({});
    const response = await secretary.post('/api/personal-files', resolvePupil(body));
    expect(response.status).toBe(400);
    expect(messageOf(response)).toEqual(expect.any(String));
    expect(await strapi.db.query(FILE).count({})).toBe(before);
  });

  const badYears: Array<[string, Record<string, unknown>]> = [
    ['an unknown decision', { decision: 'expelled' }],
    ['a decision as a number', { decision: 5 }],
    ['a protocol number as an object', { councilProtocolNumber: { a: 1 } }],
    ['a protocol date that is not a date', { councilProtocolDate: '31.05.2026' }],
    ['another personal file', { personalFile: 'no-such-file' }],
  ];
  it.each(badYears)('refuses a yearly result with %s (4xx with a message)', async (_name, body) => {
    const previous = await strapi.db.query(YEAR).findOne({ where: { personalFile: { documentId: files.ivanov }, grade: 4 } });
    const response = await secretary.put(`/api/yearly-results/${previous.documentId}`, body);
    expect(response.status).toBe(400);
    expect(messageOf(response)).toEqual(expect.any(String));
  });
});

describe('the personal card PDF', () => {
  it('prints the pupil, the years × subjects table with the final marks and the certification lines', async () => {
    const response = await secretary.raw
      .get(`/api/personal-files/${files.ivanov}/card.pdf`)
      .set('Authorization', `Bearer ${world.accounts.secretary.jwt}`)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/pdf/);
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('ЛИЧНАЯ КАРТА ОБУЧАЮЩЕГОСЯ');
    expect(text).toContain('Личное дело № И/1');
    expect(text).toContain('Иванов Иван Сергеевич');
    for (const expected of [
      '4А',
      '5А',
      '2024/2025',
      '2025/2026',
      'Русский язык',
      'Математика',
      'Физическая культура',
      'зачтено',
      'переведён',
    ]) {
      expect(text).toContain(expected);
    }
    const lines = text.split('\n');
    // The maths row: nothing in 4А, the annual «4» of 5А (after the journal's correction).
    const mathsRow = lines.indexOf('Математика');
    expect(lines.slice(mathsRow + 1, mathsRow + 2)).toEqual(['4']);
    expect(text).toMatch(/Заверено классным руководителем \d\d\.\d\d\.\d{4} \(classteacher\.a\)/);
    expect(text).toContain('Не заверено классным руководителем.');
    expect(text).toMatch(/протокол педсовета № 12а от 28\.05\.2026/);
  });

  it('is printed for a class teacher’s own pupil, and hidden from another class teacher', async () => {
    expect((await classTeacherA.get(`/api/personal-files/${files.ivanov}/card.pdf`)).status).toBe(200);
    expect((await classTeacherB.get(`/api/personal-files/${files.ivanov}/card.pdf`)).status).toBe(404);
    expect((await secretary.get('/api/personal-files/no-such-file/card.pdf')).status).toBe(404);
  });
});
