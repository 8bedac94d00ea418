import type { Core } from '@strapi/strapi';
import { annualMarksOf } from '../../src/school/records/personal-file-rules';
import { make, teach } from '../helpers/school-fixture';
import { apiAs, bootStrapi, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/** Зачёт результатов (seed 003 §5.4: other organisations; §1.1: gifted pupils' achievements from the state resource, ГИР). */

const CREDIT = 'api::credit-transfer.credit-transfer';
const MARK = 'api::mark.mark';

let strapi: Core.Strapi;
let world: TwoClassSchool;
let deputy: Api;
let secretary: Api;
let teacherA: Api;
let teacherB: Api;
let parentA: Api;
/** 5А «Информатика» (five-point), taught by teacher A. */
let informatics: { id: number; documentId: string };
/** A 9th grade with Russian, biology (the pupil's exam subject) and history. */
let ninth: { pupil: { id: number; documentId: string }; russian: string; biology: string; history: string };

type ErrorBody = { status: number; body: { error: { message: string; details: { errors?: Array<{ path: string[]; message: string }> } } } };
const pathsOf = (response: ErrorBody) => (response.body.error.details.errors ?? []).map((error) => error.path.join('.'));
const messagesOf = (response: ErrorBody) => (response.body.error.details.errors ?? []).map((error) => error.message).join(' | ');

const course = (overrides: Record<string, unknown> = {}) => ({
  student: world.school.pupils5a[0].documentId,
  journal: informatics.documentId,
  basis: 'other-organisation',
  organisation: 'ГАУ ДО «Детский технопарк «Кванториум»',
  programmeKind: 'course',
  programmeTitle: 'Основы программирования на Python',
  hours: 72,
  resultThere: 'освоено, 92 балла из 100',
  documentTitle: 'Свидетельство об обучении',
  documentNumber: 'КВ-1234',
  documentDate: '2026-05-20',
  applicationDate: '2026-05-21',
  ...overrides,
});

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  deputy = apiAs(strapi, world.accounts.deputy.jwt);
  secretary = apiAs(strapi, world.accounts.secretary.jwt);
  teacherA = apiAs(strapi, world.teacherA.jwt);
  teacherB = apiAs(strapi, world.teacherB.jwt);
  parentA = apiAs(strapi, world.accounts.parentA.jwt);
  const { school } = world;
  const subject = await make(strapi, 'api::subject.subject', { name: 'Информатика', scale: 'five-point' });
  informatics = await make(strapi, 'api::journal.journal', { schoolClass: school.class5a.documentId, subject: subject.documentId });
  await teach(strapi, informatics.documentId, world.teacherA);

  const class9 = await make(strapi, 'api::school-class.school-class', { grade: 9, letter: 'А', academicYear: school.year.documentId });
  const pupil = await make(strapi, 'api::student.student', {
    lastName: 'Орлова',
    firstName: 'Дарья',
    patronymic: 'Игоревна',
    gender: 'female',
    birthDate: '2010-06-01',
  });
  await make(strapi, 'api::enrollment.enrollment', { student: pupil.documentId, schoolClass: class9.documentId, startDate: '2025-09-01' });
  const journalOf = async (name: string) => {
    const found = (await strapi.db.query('api::subject.subject').findOne({ where: { name } })) as { documentId: string } | null;
    const subjectId = found?.documentId ?? (await make(strapi, 'api::subject.subject', { name, scale: 'five-point' })).documentId;
    return (await make(strapi, 'api::journal.journal', { schoolClass: class9.documentId, subject: subjectId })).documentId;
  };
  ninth = { pupil, russian: await journalOf('Русский язык'), biology: await journalOf('Биология'), history: await journalOf('История') };
  // Biology is the pupil's chosen exam subject: the ОГЭ protocol writes her exam mark into the journal.
  const biology = (await strapi.db.query('api::subject.subject').findOne({ where: { name: 'Биология' } })) as { documentId: string };
  await make(strapi, 'api::exam-result.exam-result', {
    examKind: 'final-interview',
    student: pupil.documentId,
    date: '2026-02-11',
    result: 'pass',
  });
  await make(strapi, 'api::exam-result.exam-result', {
    examKind: 'oge',
    student: pupil.documentId,
    subject: biology.documentId,
    date: '2026-06-05',
    mark: 4,
  });
  expect(await strapi.db.query(MARK).count({ where: { student: { id: pupil.id }, kind: 'exam' } })).toBe(1);
});
afterAll(() => stopStrapi(strapi));

describe('credit of a programme completed in another organisation (R75)', () => {
  let application: string;

  it('registers the application, and on the order credits it as the annual mark saying where it comes from', async () => {
    const created = await secretary.post('/api/credit-transfers', course());
    expect([created.status, created.body.error]).toEqual([201, undefined]);
    expect(created.body.data).toMatchObject({ decision: 'pending', hours: 72 });
    application = created.body.data.documentId;
    expect(await strapi.db.query(MARK).count({ where: { journal: { id: informatics.id }, kind: 'annual' } })).toBe(0);

    const decided = await deputy.put(`/api/credit-transfers/${application}`, {
      decision: 'credited',
      creditedValue: '5',
      orderNumber: '45-о',
      orderDate: '2026-05-25',
    });
    expect([decided.status, decided.body.error]).toEqual([200, undefined]);
    const stored = await strapi.db.query(CREDIT).findOne({
      where: { documentId: application },
      populate: { mark: true, decidedBy: { select: ['id'] } },
    });
    expect(stored).toMatchObject({ decision: 'credited', creditedValue: '5', orderNumber: '45-о', orderDate: '2026-05-25' });
    expect(stored.decidedBy.id).toBe(world.accounts.deputy.id);
    expect(stored.decidedAt).toBeTruthy();

    const annual = await strapi.db.query(MARK).findOne({
      where: { id: stored.mark.id },
      populate: { student: { select: ['id'] }, journal: { select: ['id'] } },
    });
    expect(annual).toMatchObject({ kind: 'annual', value: '5', numericValue: 5, date: '2026-05-25' });
    expect(annual.student.id).toBe(world.school.pupils5a[0].id);
    expect(annual.journal.id).toBe(informatics.id);
    expect(annual.comment).toBe(
      'Зачтено по результатам освоения учебного курса «Основы программирования на Python» в ГАУ ДО «Детский технопарк «Кванториум» ' +
        '(Свидетельство об обучении № КВ-1234 от 20.05.2026); приказ № 45-о от 25.05.2026',
    );
  });

  it('carries the credited mark with its note into the personal file’s year', async () => {
    const marks = await annualMarksOf(strapi, world.school.pupils5a[0].id, world.school.year.id);
    const credited = marks.find((mark) => mark.subject === 'Информатика');
    expect(credited).toMatchObject({ value: '5', creditNote: expect.stringContaining('приказ № 45-о от 25.05.2026') });
  });

  it('never changes a decided credit nor its mark, and lets neither be deleted', async () => {
    const stored = await strapi.db.query(CREDIT).findOne({ where: { documentId: application }, populate: { mark: true } });
    const changed = await deputy.put(`/api/credit-transfers/${application}`, { orderNumber: '46-о' });
    expect(changed.status).toBe(403);
    expect(changed.body.error.message).toContain('Решение о зачёте принято');
    expect((await deputy.delete(`/api/credit-transfers/${application}`)).status).toBe(403);

    const markChanged = await teacherA.put(`/api/marks/${stored.mark.documentId}`, { value: '4' });
    expect(markChanged.status).toBe(400);
    expect(pathsOf(markChanged)).toEqual(['value']);
    expect(messagesOf(markChanged)).toContain('по решению о зачёте результатов (приказ № 45-о)');
    const markDeleted = await teacherA.delete(`/api/marks/${stored.mark.documentId}`);
    expect(markDeleted.status).toBe(400);
    expect(await strapi.db.query(MARK).findOne({ where: { id: stored.mark.id } })).toMatchObject({ value: '5' });
    expect(await strapi.db.query(CREDIT).findOne({ where: { documentId: application } })).toMatchObject({ orderNumber: '45-о' });
  });

  it('refuses an incomplete application and decision fields before the decision', async () => {
    const before = await strapi.db.query(CREDIT).count();
    const incomplete = await deputy.post(
      '/api/credit-transfers',
      course({ student: world.school.pupils5a[1].documentId, organisation: '', documentNumber: null, programmeKind: 'hobby', hours: 0 }),
    );
    expect(incomplete.status).toBe(400);
    expect(pathsOf(incomplete).sort()).toEqual(['documentNumber', 'hours', 'organisation', 'programmeKind']);
    const early = await deputy.post('/api/credit-transfers', course({ student: world.school.pupils5a[1].documentId, creditedValue: '5' }));
    expect(pathsOf(early)).toEqual(['creditedValue']);
    const notOnList = await deputy.post('/api/credit-transfers', course({ student: world.school.pupil5b.documentId }));
    expect(pathsOf(notOnList)).toEqual(['journal']);
    const twice = await deputy.post('/api/credit-transfers', course());
    expect(pathsOf(twice)).toEqual(['journal']);
    expect(await strapi.db.query(CREDIT).count()).toBe(before);
  });

  it('refuses a failing or off-scale credited mark, a credit over an annual mark already given, and writes no mark then', async () => {
    const second = await deputy.post('/api/credit-transfers', course({ student: world.school.pupils5a[1].documentId }));
    expect(second.status).toBe(201);
    const id = second.body.data.documentId;
    const order = { decision: 'credited', orderNumber: '47-о', orderDate: '2026-05-26' };
    const failing = await deputy.put(`/api/credit-transfers/${id}`, { ...order, creditedValue: '2' });
    expect(pathsOf(failing)).toEqual(['creditedValue']);
    expect(messagesOf(failing)).toContain('3, 4, 5');
    const withoutOrder = await deputy.put(`/api/credit-transfers/${id}`, { decision: 'credited', creditedValue: '4' });
    expect(pathsOf(withoutOrder).sort()).toEqual(['orderDate', 'orderNumber']);

    await make(strapi, MARK, { kind: 'annual', journal: informatics.documentId, student: world.school.pupils5a[1].documentId, value: '3' });
    const over = await deputy.put(`/api/credit-transfers/${id}`, { ...order, creditedValue: '4' });
    expect(pathsOf(over)).toEqual(['creditedValue']);
    expect(messagesOf(over)).toContain('уже есть годовая отметка обучающегося («3»)');
    expect(
      await strapi.db.query(MARK).count({ where: { journal: { id: informatics.id }, student: { id: world.school.pupils5a[1].id } } }),
    ).toBe(1);
    expect(await strapi.db.query(CREDIT).findOne({ where: { documentId: id }, populate: { mark: true } })).toMatchObject({
      decision: 'pending',
      mark: null,
    });
  });

  it('refuses a credit with the reason, which then allows a new application', async () => {
    const third = await deputy.post('/api/credit-transfers', course({ student: world.school.pupils5a[2].documentId }));
    const id = third.body.data.documentId;
    const noReason = await deputy.put(`/api/credit-transfers/${id}`, { decision: 'refused' });
    expect(pathsOf(noReason)).toEqual(['refusalReason']);
    const refused = await deputy.put(`/api/credit-transfers/${id}`, {
      decision: 'refused',
      refusalReason: 'Объём курса (72 часа) меньше объёма предмета по учебному плану',
    });
    expect(refused.status).toBe(200);
    expect(await strapi.db.query(CREDIT).findOne({ where: { documentId: id }, populate: { mark: true } })).toMatchObject({
      decision: 'refused',
      mark: null,
    });
    expect((await deputy.post('/api/credit-transfers', course({ student: world.school.pupils5a[2].documentId }))).status).toBe(201);
  });
});

describe('credit of a gifted pupil’s achievements from the state resource (R76)', () => {
  const gifted = (journal: string) => ({
    student: ninth.pupil.documentId,
    journal,
    basis: 'gifted-resource',
    achievement: 'Призёр регионального этапа всероссийской олимпиады школьников',
    giftedResourceNumber: 'ГИР-65-000123',
    applicationDate: '2026-04-10',
  });

  it('credits it only in a subject not taken at the state exam in grade 9', async () => {
    const russian = await deputy.post('/api/credit-transfers', gifted(ninth.russian));
    expect(pathsOf(russian)).toEqual(['journal']);
    expect(messagesOf(russian)).toContain('сдаётся на государственной итоговой аттестации всеми выпускниками 9 класса');
    const biology = await deputy.post('/api/credit-transfers', gifted(ninth.biology));
    expect(pathsOf(biology)).toEqual(['journal']);
    expect(messagesOf(biology)).toContain('в журнале есть экзаменационная отметка');
    const noRecord = await deputy.post('/api/credit-transfers', { ...gifted(ninth.history), giftedResourceNumber: '' });
    expect(pathsOf(noRecord)).toEqual(['giftedResourceNumber']);

    const history = await deputy.post('/api/credit-transfers', gifted(ninth.history));
    expect(history.status).toBe(201);
    const decided = await deputy.put(`/api/credit-transfers/${history.body.data.documentId}`, {
      decision: 'credited',
      creditedValue: '5',
      orderNumber: '50-о',
      orderDate: '2026-04-15',
    });
    expect(decided.status).toBe(200);
    const annual = await strapi.db
      .query(MARK)
      .findOne({ where: { kind: 'annual', student: { id: ninth.pupil.id }, journal: { documentId: ninth.history } } });
    expect(annual).toMatchObject({ value: '5' });
    expect(annual.comment).toBe(
      'Зачтено по результатам индивидуальных достижений: Призёр регионального этапа всероссийской олимпиады школьников (запись ГИР № ГИР-65-000123); приказ № 50-о от 15.04.2026',
    );
  });
});

describe('who reads and keeps credits', () => {
  it('lets the pupil’s teachers read them, other teachers and families not, and only the administration write', async () => {
    const ofTeacherA = await teacherA.get('/api/credit-transfers');
    expect(ofTeacherA.status).toBe(200);
    expect(ofTeacherA.body.data.length).toBeGreaterThan(0);
    const ofTeacherB = await teacherB.get('/api/credit-transfers');
    expect(ofTeacherB.status).toBe(200);
    expect(ofTeacherB.body.data).toEqual([]);
    expect((await parentA.get('/api/credit-transfers')).status).toBe(403);
    expect((await teacherA.post('/api/credit-transfers', course({ student: world.school.pupils5a[2].documentId }))).status).toBe(403);
  });
});
