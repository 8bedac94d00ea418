import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formatLocalDate, parseLocalDate, todayInZone } from '../../../school/calendar';
import { getSchoolSettings } from '../../../school/settings';
import { staffNameOf } from '../../../access/staff-name';

export interface ControlReader {
  id: number;
  roleType: string;
}

/** What a lesson of the day may lack. */
export type MissingItem = 'topic' | 'attendance' | 'marks';

/** The definitions the check applies, returned with every answer so the list explains itself. */
export const DAILY_CHECK_DEFINITION: Record<MissingItem, string> = {
  topic: 'тема урока не записана',
  attendance:
    'посещаемость не отмечена: у урока нет ни одной отметки о пропуске или опоздании (журнал хранит только отсутствующих, поэтому урок, где присутствовали все, попадает в список — учитель подтверждает это сам)',
  marks: 'на уроке не выставлено ни одной отметки (классам, где по настройкам школы отметки ещё не ставятся, отметки не требуются)',
};

/** Whole-school staff who see every teacher's lessons. */
const SCHOOL_CONTROL_ROLES = new Set(['deputy-director', 'director']);
const OWN_LESSONS_ROLES = new Set(['teacher', 'class-teacher']);

interface Row {
  id: number;
  documentId: string;
  [field: string]: unknown;
}

const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

const createJournalControlService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * The daily check of journal keeping (seed 002 §3.1.8): the lessons held on `date` (today by
   * default, never a day to come) that lack a topic, attendance or marks, grouped by teacher. A
   * teacher sees their own lessons; the deputy director and the director see every teacher's.
   * A lesson of a journal with several teachers is listed under each of them.
   */
  async daily(reader: ControlReader, dateInput: unknown) {
    const settings = getSchoolSettings(strapi);
    const today = todayInZone(settings.timeZone);
    const date = dateInput === undefined || dateInput === '' ? today : parseLocalDate(dateInput);
    if (!date) throw fieldError('date', 'Дата в формате ГГГГ-ММ-ДД');
    if (date > today) throw fieldError('date', `День ${formatLocalDate(date)} ещё не наступил: проверять пока нечего`);
    const wholeSchool = SCHOOL_CONTROL_ROLES.has(reader.roleType);
    if (!wholeSchool && !OWN_LESSONS_ROLES.has(reader.roleType)) throw new errors.PolicyError('Контроль ведения журналов вам недоступен');

    const lessons = (await strapi.db.query('api::lesson.lesson').findMany({
      where: { date, ...(wholeSchool ? {} : { journal: { teachers: { id: reader.id } } }) },
      orderBy: [{ number: 'asc' }, { id: 'asc' }],
      populate: {
        journal: {
          select: ['id', 'documentId', 'title'],
          populate: {
            teachers: { select: ['id', 'fullName', 'username', 'email'] },
            schoolClass: { select: ['id', 'name', 'grade'] },
            subject: { select: ['name'] },
          },
        },
      },
    })) as Row[];
    const lessonIds = lessons.map((lesson) => lesson.id);
    const countsBy = async (uid: 'api::mark.mark' | 'api::attendance.attendance') => {
      const found = lessonIds.length
        ? ((await strapi.db.query(uid).findMany({
            where: { lesson: { id: { $in: lessonIds } } },
            select: ['id'],
            populate: { lesson: { select: ['id'] } },
          })) as Row[])
        : [];
      const counts = new Map<number, number>();
      for (const row of found) {
        const id = (row.lesson as Row | null)?.id;
        if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return counts;
    };
    const marks = await countsBy('api::mark.mark');
    const absences = await countsBy('api::attendance.attendance');

    type TeacherGroup = { teacher: { id: number; username: string; name: string } | null; checked: number; lessons: unknown[] };
    const groups = new Map<number, TeacherGroup>();
    let unfilled = 0;
    for (const lesson of lessons) {
      const journal = lesson.journal as Row;
      const schoolClass = journal.schoolClass as Row | null;
      // A class below the school's first graded grade is assessed without point marks.
      const marksExpected = !schoolClass || Number(schoolClass.grade) >= settings.pointMarksFromGrade;
      const missing: MissingItem[] = [
        ...(typeof lesson.topic === 'string' && lesson.topic.trim() ? [] : (['topic'] as const)),
        ...((absences.get(lesson.id) ?? 0) > 0 ? [] : (['attendance'] as const)),
        ...(!marksExpected || (marks.get(lesson.id) ?? 0) > 0 ? [] : (['marks'] as const)),
      ];
      if (missing.length > 0) unfilled += 1;
      const teachers = ((journal.teachers as Row[]) ?? []).filter((teacher) => wholeSchool || teacher.id === reader.id);
      for (const teacher of teachers.length ? teachers : [null]) {
        const key = teacher?.id ?? 0;
        if (!groups.has(key))
          groups.set(key, {
            teacher: teacher ? { id: teacher.id, username: String(teacher.username), name: staffNameOf(teacher) } : null,
            checked: 0,
            lessons: [],
          });
        const group = groups.get(key) as TeacherGroup;
        group.checked += 1;
        if (missing.length === 0) continue;
        group.lessons.push({
          documentId: lesson.documentId,
          number: lesson.number,
          journal: { documentId: journal.documentId, title: journal.title },
          subject: ((journal.subject as Row | null)?.name as string | undefined) ?? null,
          schoolClass: (schoolClass?.name as string | undefined) ?? null,
          missing,
        });
      }
    }
    const teachers = [...groups.values()]
      .filter((group) => group.lessons.length > 0)
      .sort((a, b) => (a.teacher?.name ?? '').localeCompare(b.teacher?.name ?? '', 'ru'));
    return {
      date,
      scope: wholeSchool ? 'school' : 'own',
      definition: DAILY_CHECK_DEFINITION,
      lessons: lessons.length,
      unfilled,
      teachers,
    };
  },
});

export type JournalControlService = ReturnType<typeof createJournalControlService>;

export default createJournalControlService;
