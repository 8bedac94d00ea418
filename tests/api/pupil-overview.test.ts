import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { adminLogin, adminWithActions } from '../helpers/admin';
import { make, teach } from '../helpers/school-fixture';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildTwoClasses, type TwoClassSchool } from '../helpers/two-classes';

/**
 * The whole pupil on one page (issue 11, «Done when»): Кузнецов of 5Б — led by class teacher B, maths
 * taught by teacher B, PE by teacher C — with marks, a control work, a quarter mark, meta-subject and
 * personal results, a ВПР result, self-assessments, a trajectory and special conditions; each part
 * under the same access rules as its own route, in the API and on the admin page.
 */

let strapi: Core.Strapi;
let world: TwoClassSchool;
let kuznetsov: string;
let condition: string;
const as: Record<string, Api> = {};
let teacherC: { id: number; documentId: string; jwt: string };

const overviewOf = (api: Api, student = kuznetsov) => api.get(`/api/students/${student}/overview?year=${world.school.year.documentId}`);

beforeAll(async () => {
  strapi = await bootStrapi();
  world = await buildTwoClasses(strapi);
  kuznetsov = world.school.pupil5b.documentId;
  teacherC = await createAccount(strapi, 'teacher', 'teacher.c');
  Object.assign(as, {
    deputy: apiAs(strapi, world.accounts.deputy.jwt),
    director: apiAs(strapi, world.accounts.director.jwt),
    secretary: apiAs(strapi, world.accounts.secretary.jwt),
    teacherA: apiAs(strapi, world.teacherA.jwt),
    teacherB: apiAs(strapi, world.teacherB.jwt),
    teacherC: apiAs(strapi, teacherC.jwt),
    classTeacherB: apiAs(strapi, world.classTeacherB.jwt),
    parentB: apiAs(strapi, world.accounts.parentB.jwt),
  });
  const school = world.school;
  const mathB = (await strapi.db
    .query('api::journal.journal')
    .findOne({ where: { documentId: world.journalB.documentId }, select: ['documentId'] })) as { documentId: string };
  const controlLesson = await make(strapi, 'api::lesson.lesson', {
    journal: mathB.documentId,
    date: '2025-10-15',
    number: 2,
    topic: 'Контрольная работа № 1',
    workType: 'control-work',
    plannedResults: 'Сложение и вычитание дробей',
    maxPoints: 20,
    basicFromPoints: 8,
    advancedFromPoints: 15,
  });
  await make(strapi, 'api::mark.mark', {
    kind: 'current',
    journal: mathB.documentId,
    lesson: controlLesson.documentId,
    student: kuznetsov,
    value: '4',
    workType: 'control-work',
    points: 12,
  });
  await make(strapi, 'api::mark.mark', {
    kind: 'periodic',
    journal: mathB.documentId,
    studyPeriod: school.quarters[0].documentId,
    student: kuznetsov,
    value: '4',
  });
  // PE of 5Б, taught by teacher C only: teacher B does not read its marks, the class teacher does.
  const peB = await make(strapi, 'api::journal.journal', {
    schoolClass: school.class5b.documentId,
    subject: school.pe.documentId,
    teachers: [teacherC.documentId],
  });
  const peLesson = await make(strapi, 'api::lesson.lesson', { journal: peB.documentId, date: '2025-09-04', number: 1, topic: 'Бег' });
  await make(strapi, 'api::mark.mark', {
    kind: 'current',
    journal: peB.documentId,
    lesson: peLesson.documentId,
    student: kuznetsov,
    value: 'зачтено',
  });
  await make(strapi, 'api::competency-result.competency-result', {
    student: kuznetsov,
    academicYear: school.year.documentId,
    resultGroup: 'meta-subject',
    uudKind: 'cognitive',
    indicator: 'Смысловое чтение',
    level: 'повышенный',
    source: 'diagnostic-work',
    date: '2025-10-20',
  });
  await make(strapi, 'api::competency-result.competency-result', {
    student: kuznetsov,
    academicYear: school.year.documentId,
    resultGroup: 'personal',
    indicator: 'Участие в волонтёрских акциях',
    level: 'высокий',
    source: 'observation',
    date: '2025-11-20',
  });
  await make(strapi, 'api::external-assessment.external-assessment', {
    kind: 'vpr',
    title: 'ВПР по математике, 5 класс',
    date: '2026-04-15',
    subject: school.math.documentId,
    student: kuznetsov,
    score: 12,
    maxScore: 20,
    mark: 3,
  });
  // Two works handed in with a self-assessment: one checked (5 against the teacher's 4), one not yet checked.
  for (const [title, self, teacherMark] of [
    ['№ 245–250', '5', '4'],
    ['№ 251', '3', null],
  ] as const) {
    const assignment = await make(strapi, 'api::assignment.assignment', {
      journal: mathB.documentId,
      lesson: world.lessonB.documentId,
      title,
      dueOn: '2025-09-05',
    });
    const mark = teacherMark
      ? await make(strapi, 'api::mark.mark', {
          kind: 'current',
          journal: mathB.documentId,
          lesson: world.lessonB.documentId,
          student: kuznetsov,
          value: teacherMark,
          workType: 'homework',
        })
      : null;
    const work = await make(strapi, 'api::assignment-submission.assignment-submission', {
      assignment: assignment.documentId,
      student: kuznetsov,
      attempt: 1,
      text: 'Решено',
      selfAssessment: self,
    });
    // Checked as the teacher's check does it (src/api/assignment/distance.ts): the state and the mark.
    if (mark) {
      const markId = ((await strapi.db.query('api::mark.mark').findOne({ where: { documentId: mark.documentId } })) as { id: number }).id;
      await strapi.db
        .query('api::assignment-submission.assignment-submission')
        .update({ where: { documentId: work.documentId }, data: { state: 'checked', mark: markId } });
    }
  }
  await make(strapi, 'api::learning-trajectory.learning-trajectory', {
    student: kuznetsov,
    academicYear: school.year.documentId,
    basis: 'Пробелы в вычислениях по итогам контрольной работы',
    startsOn: '2025-10-20',
    nextReviewOn: '2025-12-20',
    responsible: world.classTeacherB.documentId,
    goals: [{ subject: school.math.documentId, goal: 'Устранить пробелы в действиях с дробями', dueOn: '2025-12-15' }],
  });
  condition = (
    await make(strapi, 'api::special-condition.special-condition', {
      student: kuznetsov,
      commissionDate: '2025-08-20',
      commissionNumber: 'ПМПК № 201',
      conditions: 'Дополнительное время на контрольных работах',
      diagnosis: 'G80',
    })
  ).documentId;
  await teach(strapi, world.journalB.documentId, world.classTeacherB);
});
afterAll(() => stopStrapi(strapi));

const readsOfCondition = () =>
  strapi.db
    .query('api::audit-entry.audit-entry')
    .findMany({ where: { action: 'read', recordDocumentId: condition }, orderBy: { sequence: 'asc' } });

describe('the whole pupil on one page (GET /api/students/:id/overview)', () => {
  it('shows the class teacher subject marks, control works with mastery, the three groups, ВПР, self-assessments, the plan and the conditions', async () => {
    const response = await overviewOf(as.classTeacherB);
    expect(response.status).toBe(200);
    const data = response.body.data;
    expect(data.student).toMatchObject({ fullName: expect.stringContaining('Кузнецов'), schoolClass: { name: '5Б' } });
    expect(data.academicYear.title).toBe('2025/2026');
    const maths = data.subjects.find((subject: { subject: string }) => subject.subject === 'Математика');
    // 3 (lesson), 4 (control work, weight from the school setting), 4 (homework): the diary's own average.
    expect(maths.marksCount).toBe(3);
    // By the mark «4» повышенный; by 12 of 20 points against the thresholds 8 and 15, базовый.
    expect(maths.controlWorks).toEqual([
      {
        date: '2025-10-15',
        topic: 'Контрольная работа № 1',
        plannedResults: 'Сложение и вычитание дробей',
        value: '4',
        mastery: 'advanced',
        masteryLabel: 'повышенный',
        points: 12,
        maxPoints: 20,
        pointsLevel: 'basic',
        pointsLevelLabel: 'базовый',
      },
    ]);
    expect(maths.summaryMarks).toEqual([{ kind: 'periodic', period: expect.any(String), value: '4' }]);
    expect(data.subjects.map((subject: { subject: string }) => subject.subject)).toContain('Физическая культура');
    expect(data.metaSubject.kinds.find((kind: { uudKind: string }) => kind.uudKind === 'cognitive').results).toEqual([
      expect.objectContaining({ indicator: 'Смысловое чтение', level: 'повышенный', levelRank: 3 }),
    ]);
    expect(data.personal.results).toEqual([expect.objectContaining({ indicator: 'Участие в волонтёрских акциях', level: 'высокий' })]);
    expect(data.externalAssessments).toEqual([
      expect.objectContaining({
        kind: 'vpr',
        kindLabel: 'ВПР',
        subject: 'Математика',
        mark: 3,
        score: 12,
        maxScore: 20,
        journalAverage: maths.average,
      }),
    ]);
    expect(data.selfAssessment.summary).toMatchObject({ compared: 1, matches: 0, higher: 1, lower: 0 });
    expect(data.selfAssessment.works).toEqual([
      expect.objectContaining({ assignment: '№ 245–250', selfAssessment: '5', teacherMark: '4', verdict: 'higher' }),
      expect.objectContaining({ assignment: '№ 251', selfAssessment: '3', teacherMark: null, verdict: null }),
    ]);
    expect(data.trajectories).toEqual([
      expect.objectContaining({
        basis: 'Пробелы в вычислениях по итогам контрольной работы',
        goals: [expect.objectContaining({ subject: 'Математика', goal: 'Устранить пробелы в действиях с дробями' })],
      }),
    ]);
    expect(data.specialConditions).toEqual([expect.objectContaining({ commissionNumber: 'ПМПК № 201', diagnosis: 'G80', current: true })]);
    expect(response.body.meta.hidden).toEqual([]);
  });

  it('keeps a subject teacher to the journals they teach and hides the diagnosis from them', async () => {
    const data = (await overviewOf(as.teacherB)).body.data;
    expect(data.subjects.map((subject: { subject: string }) => subject.subject)).toEqual(['Математика']);
    expect(data.specialConditions).toHaveLength(1);
    expect(data.specialConditions[0].conditions).toBe('Дополнительное время на контрольных работах');
    expect(data.specialConditions[0]).not.toHaveProperty('diagnosis');
    const pe = (await overviewOf(as.teacherC)).body.data;
    expect(pe.subjects.map((subject: { subject: string }) => subject.subject)).toEqual(['Физическая культура']);
    expect(pe.selfAssessment.works).toEqual([]);
  });

  it('writes every read of the special conditions to the audit trail, naming the route', async () => {
    const before = (await readsOfCondition()).length;
    expect((await overviewOf(as.teacherB)).status).toBe(200);
    const reads = await readsOfCondition();
    expect(reads).toHaveLength(before + 1);
    expect(reads.at(-1)).toMatchObject({ actorKind: 'user', actorId: world.teacherB.id, reason: 'GET /api/students/:id/overview' });
    expect(reads.at(-1).after.fields).not.toContain('diagnosis');
  });

  it('answers 404 for a pupil outside a teacher’s classes, 403 to the secretary and to the family, 400 for an unknown year', async () => {
    expect((await overviewOf(as.teacherA)).status).toBe(404);
    expect((await overviewOf(as.secretary)).status).toBe(403);
    expect((await overviewOf(as.parentB)).status).toBe(403);
    const unknownYear = await as.deputy.get(`/api/students/${kuznetsov}/overview?year=nosuchyear`);
    expect(unknownYear.status).toBe(400);
    expect(unknownYear.body.error.details.errors[0].path).toEqual(['year']);
    const director = await overviewOf(as.director);
    expect(director.status).toBe(200);
    expect(director.body.data.specialConditions[0].diagnosis).toBe('G80');
  });
});

describe('the points of a control work in the family’s diary', () => {
  it('shows the pupil’s points of the work’s maximum beside the mark', async () => {
    const response = await as.parentB.get(`/api/diary/${kuznetsov}/marks?from=2025-09-01&to=2026-05-31`);
    expect(response.status).toBe(200);
    const maths = response.body.data.find((subject: { subject: string }) => subject.subject === 'Математика');
    expect(maths.marks.find((mark: { workType: string }) => mark.workType === 'control-work')).toMatchObject({
      value: '4',
      points: 12,
      maxPoints: 20,
    });
    expect(maths.marks.find((mark: { workType: string | null }) => mark.workType !== 'control-work')).toMatchObject({
      points: null,
      maxPoints: null,
    });
  });
});

describe('the admin panel’s pupil card («Ученик»)', () => {
  const admin = (jwt: string, path: string) => supertest(strapi.server.httpServer).get(path).set('Authorization', `Bearer ${jwt}`);

  it('opens with the rights of the staff member’s school account: the same answer as the API, the same limits', async () => {
    // The admin account of teacher B, with the same e-mail as their school account.
    const teacherB = await adminWithActions(strapi, 'teacher.b@school.test', ['plugin::records-archive.pupils.read']);
    const choices = await admin(teacherB, `/records-archive/pupils/choices?year=${world.school.year.documentId}`);
    expect(choices.status).toBe(200);
    expect(choices.body.data.classes.map((schoolClass: { name: string }) => schoolClass.name)).toEqual(['5Б']);
    const list = await admin(teacherB, `/records-archive/pupils?class=${world.school.class5b.documentId}`);
    expect(list.body.data).toEqual([expect.objectContaining({ documentId: kuznetsov, className: '5Б' })]);
    // A name search stays inside the teacher's classes.
    expect((await admin(teacherB, '/records-archive/pupils?q=Иванов')).body.data).toEqual([]);
    const card = await admin(teacherB, `/records-archive/pupils/${kuznetsov}/overview?year=${world.school.year.documentId}`);
    expect(card.status).toBe(200);
    expect((await readsOfCondition()).at(-1)).toMatchObject({
      actorKind: 'admin',
      reason: 'GET /records-archive/pupils/:student/overview',
    });
    expect(card.body.data.specialConditions[0]).not.toHaveProperty('diagnosis');
    expect(card.body.data).toEqual((await overviewOf(as.teacherB)).body.data);
    expect((await admin(teacherB, `/records-archive/pupils/${world.school.pupils5a[0].documentId}/overview`)).status).toBe(404);
  });

  it('is refused without the action, and to an admin with no school account of the same e-mail', async () => {
    const withoutAction = await adminWithActions(strapi, 'classteacher.b@school.test', ['plugin::records-archive.journal.own']);
    expect((await admin(withoutAction, `/records-archive/pupils/${kuznetsov}/overview`)).status).toBe(403);
    const superAdmin = await adminLogin(strapi, { email: 'no.school.account@school.test' });
    const refused = await admin(superAdmin, `/records-archive/pupils/${kuznetsov}/overview`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('не связана с учётной записью сотрудника школы');
  });

  it('is granted to the staff roles of teachers, the deputy and the director', async () => {
    const held = async (code: string) =>
      (
        (await strapi.db
          .query('admin::permission')
          .findMany({ where: { role: { code }, action: 'plugin::records-archive.pupils.read' } })) as unknown[]
      ).length;
    expect(await held('school-teacher')).toBe(1);
    expect(await held('school-deputy-director')).toBe(1);
    expect(await held('school-director')).toBe(1);
    expect(await held('school-secretary')).toBe(0);
    expect(await held('school-archivist')).toBe(0);
  });
});
