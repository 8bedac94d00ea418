import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { ADMIN_TEST_PASSWORD, adminLogin } from '../helpers/admin';
import { buildMiniSchool, make, type MiniSchool } from '../helpers/school-fixture';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';

/**
 * The journal grid: one read gives the whole page of a journal and period; typing into a cell
 * writes marks and attendance through the record rules; the same service answers the REST API
 * and the admin panel (a teacher's admin account reaches the journals of their school account).
 */

let strapi: Core.Strapi;
let school: MiniSchool;
let teacher: Api;
let otherTeacher: Api;
let deputy: Api;
let teacherAccount: { id: number; documentId: string };
let quarter1: string;

const gridUrl = (period = quarter1) => `/api/journal-grid/${school.mathJournal.documentId}?period=${period}`;
const cellOf = (grid: { cells: Array<{ pupil: string; lesson: string }> }, pupil: number, lesson: number) =>
  grid.cells.find((cell) => cell.pupil === school.pupils5a[pupil].documentId && cell.lesson === school.lessons[lesson].documentId);

beforeAll(async () => {
  strapi = await bootStrapi();
  const teacherLogin = await createAccount(strapi, 'teacher', 'grid_teacher');
  teacherAccount = teacherLogin;
  school = await buildMiniSchool(strapi, { teacher: teacherLogin });
  quarter1 = school.quarters[0].documentId;
  teacher = apiAs(strapi, teacherLogin.jwt);
  otherTeacher = apiAs(strapi, (await createAccount(strapi, 'teacher', 'grid_other')).jwt);
  deputy = apiAs(strapi, (await createAccount(strapi, 'deputy-director', 'grid_deputy')).jwt);
  await make(strapi, 'api::mark.mark', {
    kind: 'current',
    journal: school.mathJournal.documentId,
    lesson: school.lessons[0].documentId,
    student: school.pupils5a[1].documentId,
    value: '4',
  });
});

afterAll(async () => {
  await stopStrapi(strapi);
});

describe('the journal grid over REST', () => {
  it('gives pupils alphabetical and numbered, lessons by date, marks and the period in one read', async () => {
    const response = await teacher.get(gridUrl());
    expect(response.status).toBe(200);
    const grid = response.body.data;
    expect(grid.journal).toMatchObject({ className: '5А', subjectName: expect.any(String), scale: 'five-point' });
    expect(grid.period).toMatchObject({ documentId: quarter1, locked: false });
    expect(grid.pupils.map((pupil: { number: number; fullName: string }) => [pupil.number, pupil.fullName.split(' ')[0]])).toEqual([
      [1, 'Иванов'],
      [2, 'Петрова'],
      [3, 'Сидоров'],
    ]);
    expect(grid.lessons.map((lesson: { date: string }) => lesson.date)).toEqual(['2025-09-02', '2025-09-03']);
    expect(cellOf(grid, 1, 0)).toMatchObject({ marks: [{ value: '4' }], attendance: null });
    expect(grid.averages[school.pupils5a[1].documentId]).toBe(4);
    expect(grid.allowedValues.current).toEqual(['2', '3', '4', '5']);
    expect(grid.access).toEqual({ write: true, remark: false });
  });

  it('saves a typed cell as marks and attendance, and shows them on the next read', async () => {
    const saved = await teacher.put(`/api/journal-grid/${school.mathJournal.documentId}/cells`, {
      lesson: school.lessons[1].documentId,
      student: school.pupils5a[0].documentId,
      text: 'о 5 4',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.data.cell).toMatchObject({ marks: [{ value: '5' }, { value: '4' }], attendance: { kind: 'late' } });
    expect(saved.body.data.average).toBe(4.5);
    const grid = (await teacher.get(gridUrl())).body.data;
    expect(cellOf(grid, 0, 1)).toMatchObject({ marks: [{ value: '5' }, { value: '4' }], attendance: { kind: 'late' } });
    const marks = await strapi.db.query('api::mark.mark').findMany({
      where: { student: { documentId: school.pupils5a[0].documentId }, lesson: { documentId: school.lessons[1].documentId } },
      populate: { setBy: { select: ['id'] } },
    });
    expect(marks.map((mark: { setBy: { id: number } | null }) => mark.setBy?.id)).toEqual([teacherAccount.id, teacherAccount.id]);
  });

  it('changes, removes and clears marks of a cell in place', async () => {
    const put = (text: string) =>
      teacher.put(`/api/journal-grid/${school.mathJournal.documentId}/cells`, {
        lesson: school.lessons[1].documentId,
        student: school.pupils5a[0].documentId,
        text,
      });
    const before = (await put('о 5 4')).body.data.cell.marks[0].documentId;
    const changed = await put('3');
    expect(changed.body.data.cell).toMatchObject({ marks: [{ value: '3', documentId: before }], attendance: null });
    const cleared = await put('');
    expect(cleared.body.data.cell).toEqual({
      pupil: school.pupils5a[0].documentId,
      lesson: school.lessons[1].documentId,
      marks: [],
      attendance: null,
    });
    expect(cleared.body.data.average).toBeNull();
  });

  it('refuses a value off the scale with a field message and stores nothing', async () => {
    const count = await strapi.db.query('api::mark.mark').count({});
    const refused = await teacher.put(`/api/journal-grid/${school.mathJournal.documentId}/cells`, {
      lesson: school.lessons[0].documentId,
      student: school.pupils5a[2].documentId,
      text: '7',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details.errors[0]).toMatchObject({
      path: ['text'],
      message: expect.stringContaining('допустимы 2, 3, 4, 5'),
    });
    expect(await strapi.db.query('api::mark.mark').count({})).toBe(count);
  });

  it('rolls the whole cell back when one of its writes is refused by the record rules', async () => {
    const count = await strapi.db.query('api::attendance.attendance').count({});
    // The newcomer is on no class list: the rules refuse the mark, and the absence goes with it.
    const refused = await teacher.put(`/api/journal-grid/${school.mathJournal.documentId}/cells`, {
      lesson: school.lessons[0].documentId,
      student: school.newcomer.documentId,
      text: 'н 5',
    });
    expect(refused.status).toBe(400);
    expect(await strapi.db.query('api::attendance.attendance').count({})).toBe(count);
  });

  it('sets and clears the period mark', async () => {
    const url = `/api/journal-grid/${school.mathJournal.documentId}/period-marks`;
    const set = await teacher.put(url, { period: quarter1, student: school.pupils5a[1].documentId, value: '4' });
    expect(set.status).toBe(200);
    expect(set.body.data.periodMark).toMatchObject({ value: '4' });
    const grid = (await teacher.get(gridUrl())).body.data;
    expect(grid.periodMarks).toEqual([{ pupil: school.pupils5a[1].documentId, documentId: expect.any(String), value: '4' }]);
    const offScale = await teacher.put(url, { period: quarter1, student: school.pupils5a[1].documentId, value: '6' });
    expect(offScale.status).toBe(400);
    const cleared = await teacher.put(url, { period: quarter1, student: school.pupils5a[1].documentId, value: '' });
    expect(cleared.body.data.periodMark).toBeNull();
  });

  it('carries a lesson column’s work type and weight to its marks and the averages', async () => {
    await teacher.put(`/api/journal-grid/${school.mathJournal.documentId}/cells`, {
      lesson: school.lessons[1].documentId,
      student: school.pupils5a[1].documentId,
      text: '2',
    });
    const lesson = await teacher.put(`/api/journal-grid/${school.mathJournal.documentId}/lessons/${school.lessons[1].documentId}`, {
      topic: 'Контрольная работа № 1',
      workType: 'control-work',
      weight: 2,
    });
    expect(lesson.status).toBe(200);
    expect(lesson.body.data).toMatchObject({ topic: 'Контрольная работа № 1', workType: 'control-work', weight: 2 });
    const grid = (await teacher.get(gridUrl())).body.data;
    expect(cellOf(grid, 1, 1)).toMatchObject({ marks: [{ value: '2', weight: 2, workType: 'control-work' }] });
    // (4 × 1 + 2 × 2) / 3
    expect(grid.averages[school.pupils5a[1].documentId]).toBeCloseTo(2.67, 2);
    const badWeight = await teacher.put(`/api/journal-grid/${school.mathJournal.documentId}/lessons/${school.lessons[1].documentId}`, {
      weight: -1,
    });
    expect(badWeight.status).toBe(400);
    expect(badWeight.body.error.details.errors[0].path).toEqual(['weight']);
  });

  it('gives a new mark the school’s weight of its work type when its column has no weight of its own', async () => {
    const url = `/api/journal-grid/${school.mathJournal.documentId}`;
    expect((await teacher.put(`${url}/lessons/${school.lessons[0].documentId}`, { workType: 'test' })).status).toBe(200);
    const saved = await teacher.put(`${url}/cells`, {
      lesson: school.lessons[0].documentId,
      student: school.pupils5a[0].documentId,
      text: '5',
    });
    expect(saved.body.data.cell.marks).toEqual([expect.objectContaining({ value: '5', workType: 'test', weight: 1.5 })]);
    // The mark given before the column got its work type follows the column too.
    const grid = (await teacher.get(gridUrl())).body.data;
    expect(cellOf(grid, 1, 0)).toMatchObject({ marks: [{ value: '4', workType: 'test', weight: 1.5 }] });
  });

  it('is not found for a teacher who neither teaches the journal nor leads its class, and refuses their writes', async () => {
    expect((await otherTeacher.get(gridUrl())).status).toBe(404);
    const write = await otherTeacher.put(`/api/journal-grid/${school.mathJournal.documentId}/cells`, {
      lesson: school.lessons[0].documentId,
      student: school.pupils5a[0].documentId,
      text: '5',
    });
    expect(write.status).toBe(404);
    const choices = (await otherTeacher.get('/api/journal-grid/journals')).body.data;
    expect(choices.journals).toEqual([]);
  });

  it('lets the deputy director read every journal and add a remark, but not write marks', async () => {
    const grid = await deputy.get(gridUrl());
    expect(grid.status).toBe(200);
    expect(grid.body.data.access).toEqual({ write: false, remark: true });
    const write = await deputy.put(`/api/journal-grid/${school.mathJournal.documentId}/cells`, {
      lesson: school.lessons[0].documentId,
      student: school.pupils5a[0].documentId,
      text: '5',
    });
    expect(write.status).toBe(403);
    const remark = await deputy.post(`/api/journal-grid/${school.mathJournal.documentId}/remarks`, {
      findings: 'Не заполнены темы уроков',
      remarks: 'Заполнить темы за сентябрь',
    });
    expect(remark.status).toBe(201);
    const after = (await deputy.get(gridUrl())).body.data;
    expect(after.remarks[0]).toMatchObject({ findings: 'Не заполнены темы уроков', state: 'open' });
  });

  it('offers the teacher their journals with the one of the latest lesson suggested', async () => {
    const choices = (await teacher.get('/api/journal-grid/journals')).body.data;
    expect(choices.journals.map((journal: { documentId: string }) => journal.documentId).sort()).toEqual(
      [school.mathJournal.documentId, school.peJournal.documentId].sort(),
    );
    expect(choices.suggested).toBe(school.mathJournal.documentId);
  });

  it('shows a closed period locked and refuses writes in it', async () => {
    const quarter2 = school.quarters[1].documentId;
    await strapi.db.query('api::study-period.study-period').update({ where: { documentId: quarter2 }, data: { state: 'closed' } });
    try {
      const grid = (await teacher.get(gridUrl(quarter2))).body.data;
      expect(grid.period.locked).toBe(true);
      expect(grid.access.write).toBe(false);
      const write = await teacher.put(`/api/journal-grid/${school.mathJournal.documentId}/cells`, {
        lesson: school.lessons[2].documentId,
        student: school.pupils5a[0].documentId,
        text: '5',
      });
      expect(write.status).toBe(403);
      expect(write.body.error.message).toContain('закрыт');
    } finally {
      await strapi.db.query('api::study-period.study-period').update({ where: { documentId: quarter2 }, data: { state: 'open' } });
    }
  });
});

describe('the journal grid in the admin panel', () => {
  const admin = () => supertest(strapi.server.httpServer);

  it('gives a teacher’s admin account the journals of their school account, and records marks as theirs', async () => {
    const teacherRole = await strapi.db.query('admin::role').findOne({ where: { code: 'school-teacher' } });
    const jwt = await adminLogin(strapi, { email: 'grid_teacher@school.test', roleId: teacherRole.id, firstname: 'Учитель' });
    const choices = await admin().get('/records-archive/journal-grid/journals').set('Authorization', `Bearer ${jwt}`);
    expect(choices.status).toBe(200);
    expect(choices.body.data.journals).toHaveLength(2);
    const saved = await admin()
      .put(`/records-archive/journal-grid/${school.mathJournal.documentId}/cells`)
      .set('Authorization', `Bearer ${jwt}`)
      .send({ data: { lesson: school.lessons[0].documentId, student: school.pupils5a[2].documentId, text: '5' } });
    expect(saved.status).toBe(200);
    const mark = await strapi.db.query('api::mark.mark').findOne({
      where: { documentId: saved.body.data.cell.marks[0].documentId },
      populate: { setBy: { select: ['id'] } },
    });
    expect(mark.setBy.id).toBe(teacherAccount.id);
  });

  it('refuses an admin without a journal action, and a teacher account without a school account sees no journals', async () => {
    const editor = await adminLogin(strapi, { email: 'editor@school.test', roleCode: 'strapi-editor' });
    expect((await admin().get('/records-archive/journal-grid/journals').set('Authorization', `Bearer ${editor}`)).status).toBe(403);
    const teacherRole = await strapi.db.query('admin::role').findOne({ where: { code: 'school-teacher' } });
    const stranger = await adminLogin(strapi, { email: 'nobody@school.test', roleId: teacherRole.id });
    const choices = await admin().get('/records-archive/journal-grid/journals').set('Authorization', `Bearer ${stranger}`);
    expect(choices.body.data.journals).toEqual([]);
    const grid = await admin()
      .get(`/records-archive/journal-grid/${school.mathJournal.documentId}`)
      .set('Authorization', `Bearer ${stranger}`);
    expect(grid.status).toBe(404);
  });

  it('creates the staff roles of the school in the admin panel once', async () => {
    const codes = (await strapi.db.query('admin::role').findMany({ select: ['code'] })).map((role: { code: string }) => role.code);
    expect(codes).toEqual(expect.arrayContaining(['school-teacher', 'school-deputy-director', 'school-archivist']));
  });
});

describe('the points of a control work in the grid (R91)', () => {
  let controlWork: { documentId: string };
  const put = (data: Record<string, unknown>) =>
    teacher.put(`/api/journal-grid/${school.mathJournal.documentId}/cells`, { student: school.pupils5a[2].documentId, ...data });
  const pathsOf = (response: { body: { error: { details: { errors: Array<{ path: string[] }> } } } }) =>
    response.body.error.details.errors.map((error) => error.path.join('.'));

  beforeAll(async () => {
    controlWork = await make(strapi, 'api::lesson.lesson', {
      journal: school.mathJournal.documentId,
      date: '2025-10-15',
      number: 2,
      topic: 'Контрольная работа: дроби',
      workType: 'control-work',
      maxPoints: 20,
      basicFromPoints: 8,
      advancedFromPoints: 15,
    });
  });

  it('gives a control work column its maximum and thresholds, and each mark its points and the level they reach', async () => {
    const saved = await put({ lesson: controlWork.documentId, text: '5', points: 18 });
    expect(saved.status).toBe(200);
    expect(saved.body.data.cell.marks).toEqual([expect.objectContaining({ value: '5', points: 18, level: 'advanced' })]);
    const grid = (await teacher.get(gridUrl())).body.data;
    const column = grid.lessons.find((lesson: { documentId: string }) => lesson.documentId === controlWork.documentId);
    expect(column).toMatchObject({ workType: 'control-work', maxPoints: 20, basicFromPoints: 8, advancedFromPoints: 15 });
    const ordinary = grid.lessons.find((lesson: { documentId: string }) => lesson.documentId === school.lessons[0].documentId);
    expect(ordinary).toMatchObject({ maxPoints: null, basicFromPoints: null, advancedFromPoints: null });
    const cell = grid.cells.find(
      (candidate: { pupil: string; lesson: string }) =>
        candidate.pupil === school.pupils5a[2].documentId && candidate.lesson === controlWork.documentId,
    );
    expect(cell.marks).toEqual([expect.objectContaining({ value: '5', points: 18, level: 'advanced' })]);
    const stored = await strapi.db.query('api::mark.mark').findOne({ where: { documentId: saved.body.data.cell.marks[0].documentId } });
    expect(Number(stored.points)).toBe(18);
  });

  it('keeps the points when only the mark is retyped, changes them with the mark, and clears them with null', async () => {
    const kept = await put({ lesson: controlWork.documentId, text: '4' });
    expect(kept.body.data.cell.marks).toEqual([expect.objectContaining({ value: '4', points: 18, level: 'advanced' })]);
    const changed = await put({ lesson: controlWork.documentId, text: '3', points: '9' });
    expect(changed.status).toBe(200);
    expect(changed.body.data.cell.marks).toEqual([expect.objectContaining({ value: '3', points: 9, level: 'basic' })]);
    const below = await put({ lesson: controlWork.documentId, text: '2', points: 5 });
    expect(below.body.data.cell.marks).toEqual([expect.objectContaining({ value: '2', points: 5, level: 'below-basic' })]);
    const cleared = await put({ lesson: controlWork.documentId, text: '2', points: null });
    expect(cleared.body.data.cell.marks).toEqual([expect.objectContaining({ value: '2', points: null, level: null })]);
  });

  it('refuses points above the maximum, below zero, on a lesson without a maximum or without a mark, naming points and storing nothing', async () => {
    await put({ lesson: controlWork.documentId, text: '5', points: 17 });
    const snapshot = async () =>
      (
        await strapi.db.query('api::mark.mark').findMany({
          where: { student: { documentId: school.pupils5a[2].documentId } },
          select: ['value', 'points'],
          orderBy: { id: 'asc' },
        })
      ).map((mark: { value: string; points: unknown }) => [mark.value, mark.points === null ? null : Number(mark.points)]);
    const before = await snapshot();
    const over = await put({ lesson: controlWork.documentId, text: '4', points: 21 });
    expect(over.status).toBe(400);
    expect(pathsOf(over)).toContain('points');
    expect(over.body.error.details.errors.find((error: { path: string[] }) => error.path[0] === 'points').message).toContain('от 0 до 20');
    expect(pathsOf(await put({ lesson: controlWork.documentId, text: '4', points: -1 }))).toContain('points');
    expect(pathsOf(await put({ lesson: controlWork.documentId, text: '4', points: 'много' }))).toContain('points');
    const ordinary = await put({ lesson: school.lessons[0].documentId, text: '5', points: 3 });
    expect(ordinary.status).toBe(400);
    expect(pathsOf(ordinary)).toEqual(['points']);
    expect(ordinary.body.error.details.errors[0].message).toContain('максимальный балл');
    const alone = await put({ lesson: controlWork.documentId, text: '', points: 12 });
    expect(alone.status).toBe(400);
    expect(pathsOf(alone)).toEqual(['points']);
    expect(await snapshot()).toEqual(before);
  });

  it('takes the points through the admin panel’s grid as well, and refuses them there above the maximum', async () => {
    // The teacher's admin account was made in «the journal grid in the admin panel» above.
    const login = await supertest(strapi.server.httpServer)
      .post('/admin/login')
      .send({ email: 'grid_teacher@school.test', password: ADMIN_TEST_PASSWORD });
    const cells = (data: Record<string, unknown>) =>
      supertest(strapi.server.httpServer)
        .put(`/records-archive/journal-grid/${school.mathJournal.documentId}/cells`)
        .set('Authorization', `Bearer ${login.body.data.token}`)
        .send({ data: { lesson: controlWork.documentId, student: school.pupils5a[0].documentId, ...data } });
    const saved = await cells({ text: '4', points: '12' });
    expect(saved.status).toBe(200);
    expect(saved.body.data.cell.marks).toEqual([expect.objectContaining({ value: '4', points: 12, level: 'basic' })]);
    const over = await cells({ text: '5', points: 30 });
    expect(over.status).toBe(400);
    expect(pathsOf(over)).toContain('points');
    const grid = (await teacher.get(gridUrl())).body.data;
    const cell = grid.cells.find(
      (candidate: { pupil: string; lesson: string }) =>
        candidate.pupil === school.pupils5a[0].documentId && candidate.lesson === controlWork.documentId,
    );
    expect(cell.marks).toEqual([expect.objectContaining({ value: '4', points: 12 })]);
  });

  it('sets a control work column’s maximum and thresholds from its header, and refuses a bad scale naming the field, changing nothing', async () => {
    const url = `/api/journal-grid/${school.mathJournal.documentId}/lessons`;
    const fresh = await make(strapi, 'api::lesson.lesson', {
      journal: school.mathJournal.documentId,
      date: '2025-10-16',
      number: 3,
      topic: 'Контрольная работа: проценты',
    });
    const saved = await teacher.put(`${url}/${fresh.documentId}`, {
      workType: 'control-work',
      maxPoints: '10',
      basicFromPoints: '5',
      advancedFromPoints: '8',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.data).toMatchObject({ workType: 'control-work', maxPoints: 10, basicFromPoints: 5, advancedFromPoints: 8 });

    const scaleOf = async (documentId: string) =>
      strapi.db.query('api::lesson.lesson').findOne({
        where: { documentId },
        select: ['maxPoints', 'basicFromPoints', 'advancedFromPoints'],
      });
    const outOfOrder = await teacher.put(`${url}/${fresh.documentId}`, { basicFromPoints: 9 });
    expect(outOfOrder.status).toBe(400);
    expect(pathsOf(outOfOrder)).toEqual(['basicFromPoints']);
    const notWhole = await teacher.put(`${url}/${fresh.documentId}`, { maxPoints: 'десять' });
    expect(notWhole.status).toBe(400);
    expect(pathsOf(notWhole)).toEqual(['maxPoints']);
    expect(await scaleOf(fresh.documentId)).toMatchObject({ maxPoints: 10, basicFromPoints: 5, advancedFromPoints: 8 });
    // With 9 points given, the maximum is not lowered below them.
    expect((await put({ lesson: fresh.documentId, text: '5', points: 9 })).status).toBe(200);
    const lowered = await teacher.put(`${url}/${fresh.documentId}`, { maxPoints: 8 });
    expect(lowered.status).toBe(400);
    expect(pathsOf(lowered)).toEqual(['maxPoints']);
    expect(await scaleOf(fresh.documentId)).toMatchObject({ maxPoints: 10 });
    // An ordinary lesson takes no points scale.
    const ordinary = await teacher.put(`${url}/${school.lessons[2].documentId}`, { maxPoints: 10 });
    expect(ordinary.status).toBe(400);
    expect(pathsOf(ordinary)).toEqual(['maxPoints']);
  });
});
