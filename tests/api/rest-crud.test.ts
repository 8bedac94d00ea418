import type { Core, UID } from '@strapi/strapi';
import { apiAs, bootStrapi, createAccount, stopStrapi, type Api } from '../helpers/strapi';
import { buildMiniSchool, type MiniSchool } from '../helpers/school-fixture';

let strapi: Core.Strapi;
let school: MiniSchool;
let deputy: Api;
let teacher: Api;
let classTeacher: Api;
let teacherAccount: { id: number; documentId: string };

beforeAll(async () => {
  strapi = await bootStrapi();
  deputy = apiAs(strapi, (await createAccount(strapi, 'deputy-director', 'deputy')).jwt);
  const teacherLogin = await createAccount(strapi, 'teacher', 'teacher');
  teacherAccount = teacherLogin;
  teacher = apiAs(strapi, teacherLogin.jwt);
  const classTeacherLogin = await createAccount(strapi, 'class-teacher', 'classteacher');
  classTeacher = apiAs(strapi, classTeacherLogin.jwt);
  school = await buildMiniSchool(strapi, { teacher: teacherLogin, classTeacher: classTeacherLogin });
});
afterAll(() => stopStrapi(strapi));

interface CrudCase {
  path: string;
  uid: UID.ContentType;
  writer: () => Api;
  create: () => Record<string, unknown>;
  created: Record<string, unknown>;
  update: () => Record<string, unknown>;
  updated: Record<string, unknown>;
}

const cases: CrudCase[] = [
  {
    path: 'academic-years',
    uid: 'api::academic-year.academic-year',
    writer: () => deputy,
    create: () => ({ title: '2027/2028', startDate: '2027-09-01', endDate: '2028-08-31' }),
    created: { title: '2027/2028', state: 'planned' },
    update: () => ({ endDate: '2028-06-30' }),
    updated: { endDate: '2028-06-30' },
  },
  {
    path: 'study-periods',
    uid: 'api::study-period.study-period',
    writer: () => deputy,
    create: () => ({
      academicYear: school.year.documentId,
      scheme: 'trimester',
      number: 1,
      startDate: '2025-09-01',
      endDate: '2025-11-30',
    }),
    created: { title: '1 триместр' },
    update: () => ({ endDate: '2025-11-28' }),
    updated: { endDate: '2025-11-28', title: '1 триместр' },
  },
  {
    path: 'subjects',
    uid: 'api::subject.subject',
    writer: () => deputy,
    create: () => ({ name: 'Астрономия', scale: 'five-point' }),
    created: { name: 'Астрономия', scale: 'five-point', shortName: null },
    update: () => ({ shortName: 'Астр' }),
    updated: { shortName: 'Астр' },
  },
  {
    path: 'school-classes',
    uid: 'api::school-class.school-class',
    writer: () => deputy,
    create: () => ({ grade: 6, letter: 'в', academicYear: school.year.documentId }),
    created: { name: '6В', letter: 'В' },
    update: () => ({ classTeacher: teacherAccount.documentId, profile: 'математический' }),
    updated: { profile: 'математический' },
  },
  {
    path: 'students',
    uid: 'api::student.student',
    writer: () => deputy,
    create: () => ({ lastName: ' Ёлкина ', firstName: 'Дарья', gender: 'female', birthDate: '2013-12-31' }),
    created: { fullName: 'Ёлкина Дарья', lastName: 'Ёлкина' },
    update: () => ({ patronymic: 'Андреевна' }),
    updated: { fullName: 'Ёлкина Дарья Андреевна' },
  },
  {
    path: 'enrollments',
    uid: 'api::enrollment.enrollment',
    writer: () => classTeacher,
    create: () => ({
      student: school.newcomer.documentId,
      schoolClass: school.class5b.documentId,
      startDate: '2026-03-02',
      admissionOrder: '№ 5-у',
    }),
    created: { startDate: '2026-03-02', endDate: null },
    update: () => ({ admissionOrder: '№ 5-у от 27.02.2026' }),
    updated: { admissionOrder: '№ 5-у от 27.02.2026' },
  },
  {
    path: 'guardians',
    uid: 'api::guardian.guardian',
    writer: () => classTeacher,
    create: () => ({
      lastName: 'Иванова',
      firstName: 'Ольга',
      patronymic: 'Петровна',
      kinship: 'mother',
      phone: '+7 (900) 123-45-67',
      email: 'olga@example.ru',
      children: [school.pupils5a[0].documentId],
    }),
    created: { fullName: 'Иванова Ольга Петровна', kinship: 'mother' },
    update: () => ({ phone: '+7 900 765-43-21' }),
    updated: { phone: '+7 900 765-43-21' },
  },
  {
    path: 'journals',
    uid: 'api::journal.journal',
    writer: () => deputy,
    create: () => ({
      schoolClass: school.class5b.documentId,
      subject: school.russian.documentId,
      kind: 'elective',
      teachers: [teacherAccount.documentId],
    }),
    created: { title: '5Б · Русский язык · факультатив · 2025/2026', kind: 'elective' },
    update: () => ({ subgroup: 'Орфография' }),
    updated: { title: '5Б · Русский язык · Орфография · факультатив · 2025/2026' },
  },
  {
    path: 'lessons',
    uid: 'api::lesson.lesson',
    writer: () => teacher,
    create: () => ({
      journal: school.mathJournal.documentId,
      date: '2025-09-15',
      number: 3,
      topic: 'Натуральные числа',
      homework: '§ 1, № 12',
      workType: 'oral-answer',
    }),
    created: { date: '2025-09-15', topic: 'Натуральные числа' },
    update: () => ({ homework: '§ 1, № 12–15' }),
    updated: { homework: '§ 1, № 12–15' },
  },
  {
    path: 'marks',
    uid: 'api::mark.mark',
    writer: () => teacher,
    create: () => ({
      kind: 'current',
      journal: school.mathJournal.documentId,
      lesson: school.lessons[1].documentId,
      student: school.pupils5a[1].documentId,
      value: '5',
      workType: 'control-work',
      weight: 2,
    }),
    created: { value: '5', numericValue: 5, date: '2025-09-03', workType: 'control-work' },
    update: () => ({ value: '4', comment: 'Ошибка в задаче 3' }),
    updated: { value: '4', numericValue: 4, comment: 'Ошибка в задаче 3' },
  },
  {
    path: 'attendances',
    uid: 'api::attendance.attendance',
    writer: () => teacher,
    create: () => ({ lesson: school.lessons[1].documentId, student: school.pupils5a[2].documentId, kind: 'late', minutesLate: 5 }),
    created: { kind: 'late', minutesLate: 5, date: '2025-09-03' },
    update: () => ({ kind: 'excused', minutesLate: null }),
    updated: { kind: 'excused', minutesLate: null },
  },
];

describe.each(cases)('/api/$path', ({ path, uid, writer, create, created, update, updated }) => {
  it('creates, reads, updates and deletes through REST, as stored in the database', async () => {
    const api = writer();
    const createResponse = await api.post(`/api/${path}`, create());
    expect(createResponse.status).toBe(201);
    expect(createResponse.body.data).toMatchObject(created);
    const { documentId } = createResponse.body.data;

    const readResponse = await deputy.get(`/api/${path}/${documentId}`);
    expect(readResponse.status).toBe(200);
    expect(readResponse.body.data).toMatchObject(created);
    const listResponse = await deputy.get(`/api/${path}?filters[documentId][$eq]=${documentId}`);
    expect(listResponse.body.data).toHaveLength(1);

    const updateResponse = await api.put(`/api/${path}/${documentId}`, update());
    expect(updateResponse.status).toBe(200);
    expect(updateResponse.body.data).toMatchObject(updated);
    expect(await strapi.db.query(uid).findOne({ where: { documentId } })).toMatchObject(updated);

    const deleteResponse = await api.delete(`/api/${path}/${documentId}`);
    expect(deleteResponse.status).toBe(204);
    expect(await strapi.db.query(uid).findOne({ where: { documentId } })).toBeNull();
    expect((await deputy.get(`/api/${path}/${documentId}`)).status).toBe(404);
  });
});

describe('deleting records that others depend on', () => {
  it.each([
    ['lessons', () => school.lessons[0].documentId, 'api::lesson.lesson'],
    ['journals', () => school.mathJournal.documentId, 'api::journal.journal'],
    ['school-classes', () => school.class5a.documentId, 'api::school-class.school-class'],
    ['subjects', () => school.math.documentId, 'api::subject.subject'],
    ['academic-years', () => school.year.documentId, 'api::academic-year.academic-year'],
  ] as const)('refuses to delete a %s record that is still referenced', async (path, documentIdOf, uid) => {
    await strapi
      .documents('api::mark.mark')
      .create({
        data: {
          kind: 'current',
          journal: school.mathJournal.documentId,
          lesson: school.lessons[0].documentId,
          student: school.pupils5a[0].documentId,
          value: '5',
        },
      } as never)
      .catch(() => undefined);
    const api = path === 'lessons' ? teacher : deputy;
    const response = await api.delete(`/api/${path}/${documentIdOf()}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/нельзя удалить/);
    expect(await strapi.db.query(uid).count({ where: { documentId: documentIdOf() } })).toBe(1);
  });

  it('refuses to delete a pupil who has marks, and names what is in the way', async () => {
    const response = await classTeacher.delete(`/api/students/${school.pupils5a[0].documentId}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/отметок: \d+/);
  });
});
