import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { todayInZone } from '../../src/school/calendar';
import { getSchoolSettings } from '../../src/school/settings';
import { make, teach } from './school-fixture';
import type { TwoClassSchool } from './two-classes';

type Doc = { id: number; documentId: string; [field: string]: unknown };

export interface CurrentYear {
  today: string;
  yesterday: string;
  tomorrow: string;
  year: Doc;
  class6a: Doc;
  /** Pupils of 6А: Орлов and Зайцева. */
  pupils: Doc[];
  /** 6А maths, taught by teacher A. */
  journal: Doc;
  /** 6А maths, yesterday's lesson and today's. */
  lessonYesterday: Doc;
  lessonToday: Doc;
}

/**
 * A school year around today (the two-class school's year is long over): class 6А with two pupils
 * and a maths journal kept by teacher A with a lesson yesterday and one today, so plans for tomorrow
 * and marks for held lessons are possible whatever day the tests run.
 */
export const buildCurrentYear = async (strapi: Core.Strapi, world: TwoClassSchool): Promise<CurrentYear> => {
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const day = (offset: number) => DateTime.fromISO(today).plus({ days: offset }).toISODate() as string;
  // The school year that contains today (September to August).
  const first = DateTime.fromISO(today).month >= 9 ? DateTime.fromISO(today).year : DateTime.fromISO(today).year - 1;
  const year = await make(strapi, 'api::academic-year.academic-year', {
    title: `${first}/${first + 1}`,
    startDate: `${first}-09-01`,
    endDate: `${first + 1}-08-31`,
  });
  const class6a = await make(strapi, 'api::school-class.school-class', { grade: 6, letter: 'А', academicYear: year.documentId });
  const pupils = [
    await make(strapi, 'api::student.student', { lastName: 'Орлов', firstName: 'Денис', gender: 'male', birthDate: '2013-04-04' }),
    await make(strapi, 'api::student.student', { lastName: 'Зайцева', firstName: 'Вера', gender: 'female', birthDate: '2013-06-06' }),
  ];
  for (const pupil of pupils) {
    await make(strapi, 'api::enrollment.enrollment', {
      student: pupil.documentId,
      schoolClass: class6a.documentId,
      startDate: `${first}-09-01`,
    });
  }
  const journal = await make(strapi, 'api::journal.journal', {
    schoolClass: class6a.documentId,
    subject: world.school.math.documentId,
    academicYear: year.documentId,
  });
  await teach(strapi, journal.documentId, world.teacherA);
  const lessonYesterday = await make(strapi, 'api::lesson.lesson', {
    journal: journal.documentId,
    date: day(-1),
    number: 1,
    topic: 'Проценты',
  });
  const lessonToday = await make(strapi, 'api::lesson.lesson', { journal: journal.documentId, date: today, number: 1, topic: 'Пропорции' });
  return { today, yesterday: day(-1), tomorrow: day(1), year, class6a, pupils, journal, lessonYesterday, lessonToday };
};
