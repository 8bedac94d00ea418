import type { Core } from '@strapi/strapi';
import { createAccount } from './strapi';
import { buildMiniSchool, make, teach, type MiniSchool } from './school-fixture';

type Account = { id: number; documentId: string; jwt: string };

export interface TwoClassSchool {
  school: MiniSchool;
  /** Teaches 5А maths. */
  teacherA: Account;
  /** Teaches 5Б maths. */
  teacherB: Account;
  /** Leads 5Б. */
  classTeacherB: Account;
  accounts: Record<'deputy' | 'director' | 'secretary' | 'archivist' | 'methodologist' | 'parentA' | 'parentB' | 'pupilA', Account>;
  journalB: { documentId: string };
  lessonB: { documentId: string };
  markA: { documentId: string };
  markB: { documentId: string };
  guardianA: { documentId: string };
  guardianB: { documentId: string };
}

/**
 * Two classes and two families: 5А (teacher A, pupil Иванов with mother Иванова) and 5Б (teacher B,
 * class teacher B, pupil Кузнецов with father Кузнецов), each with a maths mark; one account per role.
 */
export const buildTwoClasses = async (strapi: Core.Strapi): Promise<TwoClassSchool> => {
  const teacherA = await createAccount(strapi, 'teacher', 'teacher.a');
  const teacherB = await createAccount(strapi, 'teacher', 'teacher.b');
  const classTeacherB = await createAccount(strapi, 'class-teacher', 'classteacher.b');
  const school = await buildMiniSchool(strapi, { teacher: teacherA });
  await strapi
    .documents('api::school-class.school-class')
    .update({ documentId: school.class5b.documentId, data: { classTeacher: classTeacherB.documentId } } as never);
  const journalB = await make(strapi, 'api::journal.journal', {
    schoolClass: school.class5b.documentId,
    subject: school.math.documentId,
    teachers: [teacherB.documentId],
  });
  await teach(strapi, journalB.documentId, classTeacherB);
  const lessonB = await make(strapi, 'api::lesson.lesson', { journal: journalB.documentId, date: '2025-09-02', number: 1, topic: 'Дроби' });
  const markA = await make(strapi, 'api::mark.mark', {
    kind: 'current',
    journal: school.mathJournal.documentId,
    lesson: school.lessons[0].documentId,
    student: school.pupils5a[0].documentId,
    value: '5',
  });
  const markB = await make(strapi, 'api::mark.mark', {
    kind: 'current',
    journal: journalB.documentId,
    lesson: lessonB.documentId,
    student: school.pupil5b.documentId,
    value: '3',
  });
  const accounts = {
    deputy: await createAccount(strapi, 'deputy-director', 'deputy'),
    director: await createAccount(strapi, 'director', 'director'),
    secretary: await createAccount(strapi, 'secretary', 'secretary'),
    archivist: await createAccount(strapi, 'archivist', 'archivist'),
    methodologist: await createAccount(strapi, 'methodologist', 'methodologist'),
    parentA: await createAccount(strapi, 'parent', 'parent.a'),
    parentB: await createAccount(strapi, 'parent', 'parent.b'),
    pupilA: await createAccount(strapi, 'pupil', 'pupil.a'),
  };
  const guardianA = await make(strapi, 'api::guardian.guardian', {
    lastName: 'Иванова',
    firstName: 'Ольга',
    kinship: 'mother',
    phone: '+7 900 111-11-11',
    children: [school.pupils5a[0].documentId],
    user: accounts.parentA.documentId,
  });
  const guardianB = await make(strapi, 'api::guardian.guardian', {
    lastName: 'Кузнецов',
    firstName: 'Павел',
    kinship: 'father',
    phone: '+7 900 222-22-22',
    children: [school.pupil5b.documentId],
    user: accounts.parentB.documentId,
  });
  await strapi
    .documents('api::student.student')
    .update({ documentId: school.pupils5a[0].documentId, data: { user: accounts.pupilA.documentId } } as never);
  return { school, teacherA, teacherB, classTeacherB, accounts, journalB, lessonB, markA, markB, guardianA, guardianB };
};
