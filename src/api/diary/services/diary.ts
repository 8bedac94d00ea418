import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import { parseLocalDate, todayInZone, type LocalDate } from '../../../school/calendar';
import { weekStartOf, weightedAverage } from '../../../school/rules/averages';
import { getSchoolSettings } from '../../../school/settings';

/** The REST account asking: its id and its users-permissions role type. */
export interface DiaryReader {
  id: number;
  roleType: string;
}

export interface DateRange {
  from: LocalDate;
  to: LocalDate;
  period?: string;
}

interface Row {
  id: number;
  documentId: string;
  [field: string]: unknown;
}

/** Whole-school staff who may look at any class's confirmations. */
const SCHOOL_CONTROL_ROLES = new Set(['deputy-director', 'director']);
const MAX_RANGE_DAYS = 400;

const notFound = () => new errors.NotFoundError('Обучающийся не найден');

const createDiaryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const today = () => todayInZone(getSchoolSettings(strapi).timeZone);
  const rows = (uid: string, params: Record<string, unknown>) => strapi.db.query(uid as never).findMany(params) as Promise<Row[]>;

  /** The guardian records linked to the account (a parent may be recorded once per family). */
  const guardiansOf = (reader: DiaryReader) =>
    rows('api::guardian.guardian', {
      where: { user: { id: reader.id } },
      populate: { children: { select: ['id', 'documentId', 'fullName'] } },
    });

  const pupilsOf = async (reader: DiaryReader): Promise<Row[]> => {
    if (reader.roleType === 'pupil')
      return rows('api::student.student', { where: { user: { id: reader.id } }, select: ['id', 'documentId', 'fullName'] });
    if (reader.roleType === 'parent') {
      const children = (await guardiansOf(reader)).flatMap((guardian) => (guardian.children as Row[]) ?? []);
      return [...new Map(children.map((child) => [child.id, child])).values()];
    }
    return [];
  };

  /** The current class of a pupil (the enrollment covering today, else the latest one). */
  const currentClassOf = async (studentId: number): Promise<Row | null> => {
    const enrollments = await rows('api::enrollment.enrollment', {
      where: { student: { id: studentId } },
      orderBy: { startDate: 'desc' },
      populate: { schoolClass: { select: ['id', 'documentId', 'name', 'grade'], populate: { academicYear: { select: ['id', 'title'] } } } },
    });
    const now = today();
    const current = enrollments.find(
      (enrollment) => (enrollment.startDate as string) <= now && (!enrollment.endDate || (enrollment.endDate as string) >= now),
    );
    return ((current ?? enrollments[0])?.schoolClass as Row | undefined) ?? null;
  };

  return {
    /** The pupils whose diary the caller may read: their children (parent) or themselves (pupil). */
    async children(reader: DiaryReader) {
      const pupils = await pupilsOf(reader);
      const result = [];
      for (const pupil of pupils) {
        const schoolClass = await currentClassOf(pupil.id);
        result.push({
          documentId: pupil.documentId,
          fullName: pupil.fullName,
          schoolClass: schoolClass ? { documentId: schoolClass.documentId, name: schoolClass.name, grade: schoolClass.grade } : null,
        });
      }
      return result;
    },

    /** The pupil, if the caller may read their diary; 404 otherwise (even existence is private). */
    async requirePupil(reader: DiaryReader, studentDocumentId: string): Promise<Row> {
      const pupil = (await pupilsOf(reader)).find((candidate) => candidate.documentId === studentDocumentId);
      if (!pupil) throw notFound();
      return pupil;
    },

    /** A study period by document id, or `from`/`to`; by default the period containing today. */
    async resolveRange(query: { period?: unknown; from?: unknown; to?: unknown }): Promise<DateRange> {
      if (typeof query.period === 'string' && query.period) {
        const period = (await strapi.db
          .query('api::study-period.study-period')
          .findOne({ where: { documentId: query.period } })) as Row | null;
        if (!period)
          throw new errors.ValidationError('Учебный период не найден', {
            errors: [{ path: ['period'], message: 'Учебный период не найден', name: 'ValidationError' }],
          });
        return { from: period.startDate as LocalDate, to: period.endDate as LocalDate, period: period.title as string };
      }
      const bad = (field: string) =>
        new errors.ValidationError(`Дата ${field} пишется как ГГГГ-ММ-ДД`, {
          errors: [{ path: [field], message: 'Дата в формате ГГГГ-ММ-ДД', name: 'ValidationError' }],
        });
      const to =
        query.to === undefined
          ? today()
          : (parseLocalDate(query.to) ??
            (() => {
              throw bad('to');
            })());
      const from =
        query.from === undefined
          ? (DateTime.fromISO(to).minus({ days: 30 }).toISODate() as LocalDate)
          : (parseLocalDate(query.from) ??
            (() => {
              throw bad('from');
            })());
      if (from > to)
        throw new errors.ValidationError('Начало периода позже конца', {
          errors: [{ path: ['from'], message: 'Начало периода позже конца', name: 'ValidationError' }],
        });
      if (DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days > MAX_RANGE_DAYS) {
        throw new errors.ValidationError('Слишком длинный период: не больше года', {
          errors: [{ path: ['from'], message: 'Не больше года', name: 'ValidationError' }],
        });
      }
      return { from, to };
    },

    /** Marks by subject with the weighted average of the current marks in the range. */
    async marks(pupil: Row, range: DateRange) {
      const marks = await rows('api::mark.mark', {
        where: { student: { id: pupil.id }, date: { $gte: range.from, $lte: range.to } },
        orderBy: [{ date: 'asc' }, { id: 'asc' }],
        populate: {
          journal: { select: ['documentId', 'title'], populate: { subject: { select: ['name', 'sortOrder'] } } },
          studyPeriod: { select: ['title'] },
        },
      });
      const bySubject = new Map<string, { subject: string; sortOrder: number; journal: string; current: Row[]; summary: Row[] }>();
      for (const mark of marks) {
        const journal = mark.journal as Row & { subject?: { name: string; sortOrder?: number } };
        const key = journal?.documentId ?? 'none';
        if (!bySubject.has(key)) {
          bySubject.set(key, {
            subject: journal?.subject?.name ?? '',
            sortOrder: journal?.subject?.sortOrder ?? 100,
            journal: key,
            current: [],
            summary: [],
          });
        }
        const group = bySubject.get(key) as { current: Row[]; summary: Row[] };
        (mark.kind === 'current' ? group.current : group.summary).push(mark);
      }
      const view = (mark: Row) => ({
        date: mark.date,
        value: mark.value,
        kind: mark.kind,
        workType: mark.workType ?? null,
        weight: Number(mark.weight ?? 1),
        comment: mark.comment ?? null,
        period: (mark.studyPeriod as Row | null)?.title ?? null,
      });
      return [...bySubject.values()]
        .sort((a, b) => a.sortOrder - b.sortOrder || a.subject.localeCompare(b.subject, 'ru'))
        .map((group) => ({
          subject: group.subject,
          journal: group.journal,
          average: weightedAverage(
            group.current.map((mark) => ({ numericValue: mark.numericValue as number | null, weight: mark.weight as number })),
          ),
          marks: group.current.map(view),
          summaryMarks: group.summary.map(view),
        }));
    },

    /** Lessons with topic and homework of the pupil's journals, while the pupil was on their lists. */
    async homework(pupil: Row, range: DateRange) {
      const enrollments = await rows('api::enrollment.enrollment', {
        where: { student: { id: pupil.id } },
        populate: { schoolClass: { select: ['id'] } },
      });
      const lessons: Row[] = [];
      for (const enrollment of enrollments) {
        const from = [range.from, enrollment.startDate as string].sort()[1];
        const to = [range.to, (enrollment.endDate as string | null) ?? range.to].sort()[0];
        if (from > to) continue;
        lessons.push(
          ...(await rows('api::lesson.lesson', {
            where: { journal: { schoolClass: { id: (enrollment.schoolClass as Row).id } }, date: { $gte: from, $lte: to } },
            populate: { journal: { select: ['id'], populate: { subject: { select: ['name'] }, pupils: { select: ['id'] } } } },
          })),
        );
      }
      lessons.push(
        ...(await rows('api::lesson.lesson', {
          where: {
            journal: { pupils: { id: pupil.id }, schoolClass: { id: { $null: true } } },
            date: { $gte: range.from, $lte: range.to },
          },
          populate: { journal: { select: ['id'], populate: { subject: { select: ['name'] }, pupils: { select: ['id'] } } } },
        })),
      );
      return lessons
        .filter((lesson) => {
          const pupils = ((lesson.journal as Row).pupils as Row[]) ?? [];
          return pupils.length === 0 || pupils.some((member) => member.id === pupil.id);
        })
        .sort((a, b) => String(a.date).localeCompare(String(b.date)) || Number(a.number) - Number(b.number))
        .map((lesson) => ({
          date: lesson.date,
          number: lesson.number,
          subject: (((lesson.journal as Row).subject as Row | null)?.name as string | undefined) ?? '',
          topic: lesson.topic ?? null,
          homework: lesson.homework ?? null,
        }));
    },

    async attendance(pupil: Row, range: DateRange) {
      const entries = await rows('api::attendance.attendance', {
        where: { student: { id: pupil.id }, date: { $gte: range.from, $lte: range.to } },
        orderBy: [{ date: 'asc' }, { id: 'asc' }],
        populate: { journal: { select: ['id'], populate: { subject: { select: ['name'] } } }, lesson: { select: ['number'] } },
      });
      return entries.map((entry) => ({
        date: entry.date,
        lesson: (entry.lesson as Row | null)?.number ?? null,
        subject: (((entry.journal as Row | null)?.subject as Row | null)?.name as string | undefined) ?? '',
        kind: entry.kind,
        minutesLate: entry.minutesLate ?? null,
      }));
    },

    /** A parent confirms having viewed the pupil's diary for the week containing `date`. */
    async confirmWeek(reader: DiaryReader, pupil: Row, date: unknown) {
      if (reader.roleType !== 'parent')
        throw new errors.PolicyError('Просмотр дневника за неделю подтверждает родитель (законный представитель)');
      const day = date === undefined ? today() : parseLocalDate(date);
      if (!day)
        throw new errors.ValidationError('Неделя задаётся датой в формате ГГГГ-ММ-ДД', {
          errors: [{ path: ['week'], message: 'Дата в формате ГГГГ-ММ-ДД', name: 'ValidationError' }],
        });
      const weekStart = weekStartOf(day);
      if (weekStart > today())
        throw new errors.ValidationError('Нельзя подтвердить неделю, которая ещё не началась', {
          errors: [{ path: ['week'], message: 'Неделя ещё не началась', name: 'ValidationError' }],
        });
      const guardian = (await guardiansOf(reader)).find((candidate) =>
        ((candidate.children as Row[]) ?? []).some((child) => child.id === pupil.id),
      );
      if (!guardian) throw notFound();
      const existing = (await strapi.db.query('api::diary-confirmation.diary-confirmation').findOne({
        where: { student: { id: pupil.id }, guardian: { id: guardian.id }, weekStart },
      })) as Row | null;
      if (existing) return { created: false, confirmation: { weekStart, confirmedAt: existing.confirmedAt } };
      const created = (await strapi.documents('api::diary-confirmation.diary-confirmation').create({
        data: { student: pupil.documentId, guardian: guardian.documentId, weekStart, confirmedAt: new Date().toISOString() },
      } as never)) as unknown as Row;
      return { created: true, confirmation: { weekStart, confirmedAt: created.confirmedAt } };
    },

    /** The class teacher's view: for each pupil on the class list that week, which guardians confirmed. */
    async classConfirmations(reader: DiaryReader, classDocumentId: string, week: unknown) {
      const schoolClass = (await strapi.db.query('api::school-class.school-class').findOne({
        where: { documentId: classDocumentId },
        populate: { classTeacher: { select: ['id'] } },
      })) as Row | null;
      if (!schoolClass) throw new errors.NotFoundError('Класс не найден');
      const leads = (schoolClass.classTeacher as Row | null)?.id === reader.id;
      if (!leads && !SCHOOL_CONTROL_ROLES.has(reader.roleType)) throw new errors.PolicyError('Это не ваш класс');
      const day = week === undefined ? today() : parseLocalDate(week);
      if (!day)
        throw new errors.ValidationError('Неделя задаётся датой в формате ГГГГ-ММ-ДД', {
          errors: [{ path: ['week'], message: 'Дата в формате ГГГГ-ММ-ДД', name: 'ValidationError' }],
        });
      const weekStart = weekStartOf(day);
      const weekEnd = DateTime.fromISO(weekStart).plus({ days: 6 }).toISODate() as string;
      const enrollments = await rows('api::enrollment.enrollment', {
        where: {
          schoolClass: { id: schoolClass.id },
          startDate: { $lte: weekEnd },
          $or: [{ endDate: { $null: true } }, { endDate: { $gte: weekStart } }],
        },
        populate: { student: { select: ['id', 'documentId', 'fullName'], populate: { guardians: { select: ['id', 'fullName'] } } } },
      });
      const confirmations = await rows('api::diary-confirmation.diary-confirmation', {
        where: { weekStart, student: { id: { $in: enrollments.map((enrollment) => (enrollment.student as Row).id) } } },
        populate: { guardian: { select: ['id'] }, student: { select: ['id'] } },
      });
      const pupils = enrollments
        .map((enrollment) => enrollment.student as Row)
        .sort((a, b) => String(a.fullName).localeCompare(String(b.fullName), 'ru'))
        .map((student) => {
          const guardians = ((student.guardians as Row[]) ?? []).map((guardian) => {
            const confirmation = confirmations.find(
              (item) => (item.student as Row).id === student.id && (item.guardian as Row | null)?.id === guardian.id,
            );
            return { fullName: guardian.fullName, confirmed: Boolean(confirmation), confirmedAt: confirmation?.confirmedAt ?? null };
          });
          return {
            documentId: student.documentId,
            fullName: student.fullName,
            confirmed: guardians.some((guardian) => guardian.confirmed),
            guardians,
          };
        });
      return {
        schoolClass: { documentId: schoolClass.documentId, name: schoolClass.name },
        weekStart,
        confirmed: pupils.filter((pupil) => pupil.confirmed).length,
        notConfirmed: pupils.filter((pupil) => !pupil.confirmed).length,
        pupils,
      };
    },
  };
};

export type DiaryService = ReturnType<typeof createDiaryService>;

export default createDiaryService;
