import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import supertest from 'supertest';
import { todayInZone } from '../../src/school/calendar';
import { adminLogin } from '../helpers/admin';
import { make } from '../helpers/school-fixture';
import { bootStrapi, createAccount, stopStrapi } from '../helpers/strapi';

/**
 * The admin home page of school staff: the teacher's lessons today and journals behind, the deputy
 * director's open remarks, the archivist's next period close, last backup and integrity check.
 * The school year here is the one running today, so «today» and «two weeks back» are real dates.
 */

let strapi: Core.Strapi;
let today: string;
let journal: { documentId: string; title?: unknown };
const jwt: Record<string, string> = {};

const get = (path: string, who: string) => supertest(strapi.server.httpServer).get(path).set('Authorization', `Bearer ${jwt[who]}`);
const roleId = async (code: string) => (await strapi.db.query('admin::role').findOne({ where: { code } })).id as number;
const daysAgo = (days: number) => DateTime.fromISO(today).minus({ days }).toISODate() as string;

beforeAll(async () => {
  strapi = await bootStrapi();
  today = todayInZone('Europe/Moscow');
  // A wide year and one period over all of it keep every date of the test inside a period, on any day it runs.
  const start = DateTime.fromISO(today).minus({ days: 40 }).year;
  const year = await make(strapi, 'api::academic-year.academic-year', {
    title: `${start}/${start + 1}`,
    startDate: `${start}-01-01`,
    endDate: `${start + 1}-12-31`,
    state: 'current',
  });
  const period = await make(strapi, 'api::study-period.study-period', {
    academicYear: year.documentId,
    scheme: 'quarter',
    number: 1,
    startDate: `${start}-01-01`,
    endDate: `${start + 1}-12-31`,
  });
  const math = await make(strapi, 'api::subject.subject', { name: 'Математика', shortName: 'Мат', scale: 'five-point' });
  const schoolClass = await make(strapi, 'api::school-class.school-class', { grade: 7, letter: 'А', academicYear: year.documentId });
  const teacher = await createAccount(strapi, 'teacher', 'home_teacher');
  journal = await make(strapi, 'api::journal.journal', {
    schoolClass: schoolClass.documentId,
    subject: math.documentId,
    kind: 'classroom',
    teachers: [teacher.documentId],
  });
  const lesson = (date: string, topic?: string) =>
    make(strapi, 'api::lesson.lesson', { journal: journal.documentId, date, number: 3, topic });
  // Today's lesson (no topic yet), two past lessons without a topic, one with, one too old to count.
  await lesson(today);
  await lesson(daysAgo(2));
  await lesson(daysAgo(5));
  await lesson(daysAgo(3), 'Линейные уравнения');
  await lesson(daysAgo(30));
  await make(strapi, 'api::journal-remark.journal-remark', {
    journal: journal.documentId,
    inspectedOn: daysAgo(10),
    findings: 'Не выставлены отметки за контрольную работу',
    fixBy: daysAgo(1),
  });
  expect(period.documentId).toBeTruthy();

  jwt.teacher = await adminLogin(strapi, { email: 'home_teacher@school.test', roleId: await roleId('school-teacher') });
  jwt.deputy = await adminLogin(strapi, { email: 'deputy@school.test', roleId: await roleId('school-deputy-director') });
  jwt.archivist = await adminLogin(strapi, { email: 'archivist@school.test', roleId: await roleId('school-archivist') });
  jwt.director = await adminLogin(strapi, { email: 'director@school.test', roleId: await roleId('school-director') });
});

afterAll(async () => {
  await stopStrapi(strapi);
});

describe('the staff home page', () => {
  it('shows the teacher today’s lessons and the journal with lessons of the last two weeks without a topic', async () => {
    const response = await get('/records-archive/home/teacher', 'teacher');
    expect(response.status).toBe(200);
    const home = response.body.data;
    expect(home.today).toBe(today);
    expect(home.lessons).toEqual([expect.objectContaining({ journal: journal.documentId, number: 3, topic: null })]);
    // Today, 2 and 5 days ago: the lesson with a topic and the one a month ago do not count.
    expect(home.behind).toEqual([expect.objectContaining({ journal: journal.documentId, lessonsWithoutTopic: 3, oldest: daysAgo(5) })]);
  });

  it('shows the deputy director open remarks, overdue ones flagged, and the journals behind', async () => {
    const home = (await get('/records-archive/home/deputy', 'deputy')).body.data;
    expect(home.openRemarks).toEqual([
      expect.objectContaining({ journal: journal.documentId, overdue: true, findings: 'Не выставлены отметки за контрольную работу' }),
    ]);
    expect(home.behind[0]).toMatchObject({ journal: journal.documentId, lessonsWithoutTopic: 3 });
  });

  it('shows the archivist the next period close and that no backup or integrity check has run yet', async () => {
    const home = (await get('/records-archive/home/archivist', 'archivist')).body.data;
    expect(home.nextClose).toMatchObject({ endDate: expect.any(String), closesOn: expect.any(String) });
    expect(home.lastBackup).toBeNull();
    expect(home.lastFixity).toBeNull();
  });

  it('shows the director the control summary: overdue remarks, the journals behind, the archive and open decisions', async () => {
    const response = await get('/records-archive/home/director', 'director');
    expect(response.status).toBe(200);
    const home = response.body.data;
    expect(home.journalControl).toMatchObject({ openRemarks: 1, overdueRemarks: 1 });
    expect(home.journalControl.journalsBehind[0]).toMatchObject({ journal: journal.documentId });
    expect(home.archive).toMatchObject({ lastBackup: null, lastFixity: null });
    expect(home.openDecisions).toEqual([]);
  });

  it('has a favicon, so no page of the panel makes a failing request for it', async () => {
    const response = await supertest(strapi.server.httpServer).get('/favicon.ico');
    expect(response.status).toBe(200);
    expect(
      Buffer.from(response.body as Buffer)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  });

  it('answers each widget only to the role it is for', async () => {
    expect((await get('/records-archive/home/deputy', 'teacher')).status).toBe(403);
    expect((await get('/records-archive/home/archivist', 'teacher')).status).toBe(403);
    expect((await get('/records-archive/home/teacher', 'archivist')).status).toBe(403);
    expect((await get('/records-archive/home/director', 'deputy')).status).toBe(403);
    expect((await get('/records-archive/home/director', 'archivist')).status).toBe(403);
  });
});
