import type { Core, UID } from '@strapi/strapi';

type Doc = { id: number; documentId: string; [field: string]: unknown };

/** Creates one record through the document service, so every record rule applies. */
export const make = async (strapi: Core.Strapi, uid: UID.ContentType, data: Record<string, unknown>): Promise<Doc> =>
  (await strapi.documents(uid).create({ data } as never)) as unknown as Doc;

export interface MiniSchool {
  year: Doc;
  quarters: Doc[];
  halves: Doc[];
  math: Doc;
  pe: Doc;
  russian: Doc;
  class5a: Doc;
  class5b: Doc;
  class1a: Doc;
  pupils5a: Doc[];
  pupil5b: Doc;
  pupil1a: Doc;
  /** Admitted but not yet on any class list. */
  newcomer: Doc;
  mathJournal: Doc;
  peJournal: Doc;
  lessons: Doc[];
}

/** Makes the account one of the journal's teachers (row-level rules let teachers write only there). */
export const teach = async (strapi: Core.Strapi, journalDocumentId: string, account: { documentId: string }): Promise<void> => {
  await strapi
    .documents('api::journal.journal')
    .update({ documentId: journalDocumentId, data: { teachers: { connect: [account.documentId] } } } as never);
};

export interface MiniSchoolStaff {
  /** Teaches the 5А maths and PE journals. */
  teacher?: { documentId: string };
  /** Leads classes 5А and 5Б. */
  classTeacher?: { documentId: string };
}

/**
 * A small school in 2025/2026: classes 5А (three pupils), 5Б (one pupil) and 1А (one pupil),
 * mathematics, PE (зачёт) and Russian (with «1»), quarters and half-years, a 5А maths journal with
 * lessons on 2025-09-02, 2025-09-03 and 2025-11-12.
 */
export const buildMiniSchool = async (strapi: Core.Strapi, staff: MiniSchoolStaff = {}): Promise<MiniSchool> => {
  const year = await make(strapi, 'api::academic-year.academic-year', {
    title: '2025/2026',
    startDate: '2025-09-01',
    endDate: '2026-08-31',
    state: 'closed',
  });
  const quarterDates = [
    ['2025-09-01', '2025-10-24'],
    ['2025-11-05', '2025-12-28'],
    ['2026-01-12', '2026-03-20'],
    ['2026-03-30', '2026-05-26'],
  ];
  const quarters: Doc[] = [];
  for (const [index, [startDate, endDate]] of quarterDates.entries()) {
    quarters.push(
      await make(strapi, 'api::study-period.study-period', {
        academicYear: year.documentId,
        scheme: 'quarter',
        number: index + 1,
        startDate,
        endDate,
      }),
    );
  }
  const halves = [
    await make(strapi, 'api::study-period.study-period', {
      academicYear: year.documentId,
      scheme: 'half-year',
      number: 1,
      startDate: '2025-09-01',
      endDate: '2025-12-28',
    }),
    await make(strapi, 'api::study-period.study-period', {
      academicYear: year.documentId,
      scheme: 'half-year',
      number: 2,
      startDate: '2026-01-12',
      endDate: '2026-05-26',
    }),
  ];
  const math = await make(strapi, 'api::subject.subject', { name: 'Математика', shortName: 'Мат', scale: 'five-point' });
  const pe = await make(strapi, 'api::subject.subject', { name: 'Физическая культура', shortName: 'Физ-ра', scale: 'pass-fail' });
  const russian = await make(strapi, 'api::subject.subject', { name: 'Русский язык', shortName: 'Рус', scale: 'five-point-with-one' });
  const classTeacher = staff.classTeacher ? { classTeacher: staff.classTeacher.documentId } : {};
  const class5a = await make(strapi, 'api::school-class.school-class', {
    grade: 5,
    letter: 'А',
    academicYear: year.documentId,
    ...classTeacher,
  });
  const class5b = await make(strapi, 'api::school-class.school-class', {
    grade: 5,
    letter: 'Б',
    academicYear: year.documentId,
    ...classTeacher,
  });
  const class1a = await make(strapi, 'api::school-class.school-class', { grade: 1, letter: 'А', academicYear: year.documentId });

  const pupil = (lastName: string, firstName: string, gender: string, birthDate: string) =>
    make(strapi, 'api::student.student', {
      lastName,
      firstName,
      patronymic: gender === 'female' ? 'Сергеевна' : 'Сергеевич',
      gender,
      birthDate,
    });
  const pupils5a = [
    await pupil('Иванов', 'Иван', 'male', '2014-03-01'),
    await pupil('Петрова', 'Анна', 'female', '2014-05-12'),
    await pupil('Сидоров', 'Пётр', 'male', '2014-07-30'),
  ];
  const pupil5b = await pupil('Кузнецов', 'Олег', 'male', '2014-02-02');
  const pupil1a = await pupil('Смирнова', 'Мария', 'female', '2018-04-04');
  const newcomer = await pupil('Фёдоров', 'Артём', 'male', '2014-09-09');
  for (const student of pupils5a) {
    await make(strapi, 'api::enrollment.enrollment', {
      student: student.documentId,
      schoolClass: class5a.documentId,
      startDate: '2025-09-01',
      admissionOrder: '№ 1-у от 29.08.2025',
    });
  }
  await make(strapi, 'api::enrollment.enrollment', {
    student: pupil5b.documentId,
    schoolClass: class5b.documentId,
    startDate: '2025-09-01',
  });
  await make(strapi, 'api::enrollment.enrollment', {
    student: pupil1a.documentId,
    schoolClass: class1a.documentId,
    startDate: '2025-09-01',
  });

  const teachers = staff.teacher ? { teachers: [staff.teacher.documentId] } : {};
  const mathJournal = await make(strapi, 'api::journal.journal', {
    schoolClass: class5a.documentId,
    subject: math.documentId,
    kind: 'classroom',
    ...teachers,
  });
  const peJournal = await make(strapi, 'api::journal.journal', {
    schoolClass: class5a.documentId,
    subject: pe.documentId,
    kind: 'classroom',
    ...teachers,
  });
  const lessons: Doc[] = [];
  for (const date of ['2025-09-02', '2025-09-03', '2025-11-12']) {
    lessons.push(
      await make(strapi, 'api::lesson.lesson', {
        journal: mathJournal.documentId,
        date,
        number: 2,
        topic: `Тема урока ${date}`,
        homework: '№ 1–5',
      }),
    );
  }
  return {
    year,
    quarters,
    halves,
    math,
    pe,
    russian,
    class5a,
    class5b,
    class1a,
    pupils5a,
    pupil5b,
    pupil1a,
    newcomer,
    mathJournal,
    peJournal,
    lessons,
  };
};
