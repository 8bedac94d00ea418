import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import { parseLocalDate, todayInZone, type LocalDate } from '../../../school/calendar';
import { weekStartOf, weightedAverage } from '../../../school/rules/averages';
import { DIARY_ENTRY_KIND_LABELS, type DiaryEntryKind } from '../../../school/records/diary-entry-rules';
import { getSchoolSettings } from '../../../school/settings';
import { familyMaterialLink } from '../../assignment/distance';
import { numberOrNull } from '../../../school/stored-values';
import { staffNameOrNull } from '../../../access/staff-name';

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

const DIARY_ENTRY = 'api::diary-entry.diary-entry';
const MARK_ACKNOWLEDGMENT = 'api::mark-acknowledgment.mark-acknowledgment';
/** The kinds of marks a parent acknowledges «в соответствующей графе» (seed 001 §2.2.2): period marks, and the year's. */
const YEAR_MARK_KINDS = ['annual', 'exam', 'final'];

const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

const timeOf = (value: unknown): number => (value ? new Date(value as string).getTime() : 0);

/** The local week (Monday to Sunday) containing a date. */
const weekOf = (day: LocalDate): { weekStart: LocalDate; weekEnd: LocalDate } => {
  const weekStart = weekStartOf(day) as LocalDate;
  return { weekStart, weekEnd: DateTime.fromISO(weekStart).plus({ days: 6 }).toISODate() as LocalDate };
};

/** A summary mark as acknowledged: the subject and the value, in a stable order for comparing. */
interface AcknowledgedMark {
  subject: string;
  kind: string;
  value: string;
}

/** Compared field by field: PostgreSQL's jsonb does not keep the keys' order. */
const sameMarks = (a: AcknowledgedMark[], b: AcknowledgedMark[]): boolean => {
  const key = (marks: AcknowledgedMark[]) => marks.map((mark) => [mark.subject, mark.kind, mark.value].join('\u0000')).join('\u0001');
  return Array.isArray(a) && Array.isArray(b) && key(a) === key(b);
};

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

  /** The teachers' entries (remark, praise, wish) of the pupil in [from, to]. */
  const entriesOf = (studentIds: number[], from: string, to: string) =>
    rows(DIARY_ENTRY, {
      where: { student: { id: { $in: studentIds } }, date: { $gte: from, $lte: to } },
      orderBy: [{ date: 'asc' }, { id: 'asc' }],
      populate: {
        student: { select: ['id'] },
        journal: { select: ['id'], populate: { subject: { select: ['name'] } } },
        author: { select: ['id', 'fullName', 'username'] },
      },
    });

  /** The week's confirmations of the pupils (any guardian of theirs). */
  const confirmationsOf = (studentIds: number[], weekStart: string) =>
    rows('api::diary-confirmation.diary-confirmation', {
      where: { weekStart, student: { id: { $in: studentIds } } },
      populate: { guardian: { select: ['id', 'fullName'] }, student: { select: ['id'] } },
    });

  /**
   * An entry is covered by a week's confirmation when a parent confirmed that week after the entry
   * was last written: an entry added or changed later waits for the next confirmation.
   */
  const coveredBy = (entry: Row, confirmations: Row[]): boolean =>
    confirmations.some(
      (confirmation) =>
        (confirmation.student as Row).id === (entry.student as Row).id &&
        confirmation.weekStart === weekStartOf(entry.date as string) &&
        timeOf(confirmation.confirmedAt) >= timeOf(entry.updatedAt),
    );

  const entryView = (entry: Row, confirmations: Row[]) => ({
    documentId: entry.documentId,
    date: entry.date,
    kind: entry.kind,
    kindLabel: DIARY_ENTRY_KIND_LABELS[entry.kind as DiaryEntryKind] ?? entry.kind,
    text: entry.text,
    subject: (((entry.journal as Row | null)?.subject as Row | null)?.name as string | undefined) ?? null,
    author: staffNameOrNull(entry.author as Row | null),
    confirmed: coveredBy(entry, confirmations),
  });

  /** A study period, or an academic year, named by a document id in the request. */
  const summaryScopeOf = async (input: { period?: unknown; year?: unknown }) => {
    if (typeof input.period === 'string' && input.period) {
      const period = (await strapi.db.query('api::study-period.study-period').findOne({
        where: { documentId: input.period },
        populate: { academicYear: { select: ['id', 'documentId', 'title'] } },
      })) as Row | null;
      if (!period) throw fieldError('period', 'Учебный период не найден');
      return { kind: 'period' as const, period, year: period.academicYear as Row };
    }
    if (typeof input.year === 'string' && input.year) {
      const year = (await strapi.db.query('api::academic-year.academic-year').findOne({ where: { documentId: input.year } })) as Row | null;
      if (!year) throw fieldError('year', 'Учебный год не найден');
      return { kind: 'year' as const, period: null, year };
    }
    throw fieldError('period', 'Укажите учебный период (period) или учебный год (year)');
  };

  /** The pupil's marks for the period (periodic) or the year (annual, exam, final), as acknowledged. */
  const summaryMarksOf = async (studentId: number, scope: { kind: 'period' | 'year'; period: Row | null; year: Row }) => {
    const where =
      scope.kind === 'period'
        ? { student: { id: studentId }, kind: 'periodic', studyPeriod: { id: (scope.period as Row).id } }
        : { student: { id: studentId }, kind: { $in: YEAR_MARK_KINDS }, journal: { academicYear: { id: scope.year.id } } };
    const marks = await rows('api::mark.mark', {
      where,
      populate: { journal: { select: ['id'], populate: { subject: { select: ['name', 'sortOrder'] } } } },
    });
    return marks
      .map((mark) => {
        const subject = ((mark.journal as Row | null)?.subject as Row | null) ?? null;
        return {
          subject: String(subject?.name ?? ''),
          sortOrder: Number(subject?.sortOrder ?? 100),
          kind: String(mark.kind),
          value: String(mark.value),
        };
      })
      .sort((a, b) => a.sortOrder - b.sortOrder || a.subject.localeCompare(b.subject, 'ru') || a.kind.localeCompare(b.kind))
      .map(({ subject, kind, value }): AcknowledgedMark => ({ subject, kind, value }));
  };

  /** The latest acknowledgment of the scope by any guardian of the pupil, and whether it still matches the marks. */
  const acknowledgmentState = async (
    studentId: number,
    scope: { kind: 'period' | 'year'; period: Row | null; year: Row },
    marks: AcknowledgedMark[],
  ) => {
    const found = await rows(MARK_ACKNOWLEDGMENT, {
      where: {
        student: { id: studentId },
        kind: scope.kind,
        ...(scope.kind === 'period' ? { studyPeriod: { id: (scope.period as Row).id } } : { academicYear: { id: scope.year.id } }),
      },
      orderBy: { acknowledgedAt: 'desc' },
      populate: { guardian: { select: ['id', 'fullName'] } },
    });
    const current = found.find((item) => sameMarks((item.marks as AcknowledgedMark[]) ?? [], marks));
    return {
      acknowledged: marks.length > 0 && Boolean(current),
      acknowledgedAt: current?.acknowledgedAt ?? null,
      acknowledgedBy: ((current?.guardian as Row | null)?.fullName as string | undefined) ?? null,
      // Acknowledged once, but a mark changed since (a correction): the parent is asked again.
      changedSinceAcknowledged: !current && found.length > 0,
      records: found,
    };
  };

  /** A class the caller leads, or any class for the deputy director and the director; 403 otherwise. */
  const requireClassOf = async (reader: DiaryReader, classDocumentId: string): Promise<Row> => {
    const schoolClass = (await strapi.db.query('api::school-class.school-class').findOne({
      where: { documentId: classDocumentId },
      populate: { classTeacher: { select: ['id'] } },
    })) as Row | null;
    if (!schoolClass) throw new errors.NotFoundError('Класс не найден');
    const leads = (schoolClass.classTeacher as Row | null)?.id === reader.id;
    if (!leads && !SCHOOL_CONTROL_ROLES.has(reader.roleType)) throw new errors.PolicyError('Это не ваш класс');
    return schoolClass;
  };

  /** The pupils on the class list at some day of [from, to], with their guardians, alphabetically. */
  const classListOf = async (classId: number, from: string, to: string): Promise<Row[]> => {
    const enrollments = await rows('api::enrollment.enrollment', {
      where: {
        schoolClass: { id: classId },
        startDate: { $lte: to },
        $or: [{ endDate: { $null: true } }, { endDate: { $gte: from } }],
      },
      populate: { student: { select: ['id', 'documentId', 'fullName'], populate: { guardians: { select: ['id', 'fullName'] } } } },
    });
    const students = new Map(enrollments.map((enrollment) => [(enrollment.student as Row).id, enrollment.student as Row]));
    return [...students.values()].sort((a, b) => String(a.fullName).localeCompare(String(b.fullName), 'ru'));
  };

  return {
    /** A class the caller leads, or any class for the deputy director and the director; 403 otherwise. */
    requireClass: requireClassOf,
    /** The pupils on the class list at some day of [from, to], with their guardians, alphabetically. */
    classList: classListOf,
    /** The pupil's current class (the enrollment covering today, else the latest), with its school year. */
    currentClass: currentClassOf,

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
          journal: { select: ['documentId', 'title', 'studyLevel'], populate: { subject: { select: ['name', 'sortOrder'] } } },
          studyPeriod: { select: ['title'] },
          lesson: { select: ['maxPoints'] },
        },
      });
      const bySubject = new Map<
        string,
        { subject: string; sortOrder: number; journal: string; studyLevel: string; current: Row[]; summary: Row[] }
      >();
      for (const mark of marks) {
        const journal = mark.journal as Row & { subject?: { name: string; sortOrder?: number } };
        const key = journal?.documentId ?? 'none';
        if (!bySubject.has(key)) {
          bySubject.set(key, {
            subject: journal?.subject?.name ?? '',
            sortOrder: journal?.subject?.sortOrder ?? 100,
            journal: key,
            studyLevel: String((journal as Row | null)?.studyLevel ?? 'basic'),
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
        // A control work marked by points: the pupil's points of the work's maximum.
        points: numberOrNull(mark.points),
        maxPoints: numberOrNull((mark.lesson as Row | null)?.maxPoints),
      });
      return [...bySubject.values()]
        .sort((a, b) => a.sortOrder - b.sortOrder || a.subject.localeCompare(b.subject, 'ru'))
        .map((group) => ({
          subject: group.subject,
          journal: group.journal,
          /** `advanced` where the pupil studies the subject in depth (углублённое изучение). */
          studyLevel: group.studyLevel,
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
      const own = lessons.filter((lesson) => {
        const pupils = ((lesson.journal as Row).pupils as Row[]) ?? [];
        return pupils.length === 0 || pupils.some((member) => member.id === pupil.id);
      });
      // The assignments of these lessons with their materials, read through the diary's private-file route.
      const assignments = own.length
        ? await rows('api::assignment.assignment', {
            where: { lesson: { id: { $in: own.map((lesson) => lesson.id) } } },
            orderBy: [{ id: 'asc' }],
            select: ['id', 'documentId', 'title', 'dueOn'],
            populate: { lesson: { select: ['id'] }, materials: { select: ['id', 'name', 'mime'] } },
          })
        : [];
      const assignmentsOf = (lesson: Row) =>
        assignments
          .filter((assignment) => (assignment.lesson as Row | null)?.id === lesson.id)
          .map((assignment) => ({
            documentId: assignment.documentId,
            title: assignment.title,
            dueOn: assignment.dueOn,
            materials: ((assignment.materials as Row[] | undefined) ?? []).map((file) => ({
              name: file.name,
              mime: file.mime,
              url: familyMaterialLink(pupil, assignment, file),
            })),
          }));
      return own
        .sort((a, b) => String(a.date).localeCompare(String(b.date)) || Number(a.number) - Number(b.number))
        .map((lesson) => ({
          date: lesson.date,
          number: lesson.number,
          subject: (((lesson.journal as Row).subject as Row | null)?.name as string | undefined) ?? '',
          topic: lesson.topic ?? null,
          homework: lesson.homework ?? null,
          assignments: assignmentsOf(lesson),
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

    /** The teachers' remarks, praise and wishes to the pupil in the range, each with whether a parent's weekly confirmation covers it. */
    async entries(pupil: Row, range: DateRange) {
      const entries = await entriesOf([pupil.id], range.from, range.to);
      const weeks = [...new Set(entries.map((entry) => weekStartOf(entry.date as string)))];
      const confirmations = weeks.length
        ? await rows('api::diary-confirmation.diary-confirmation', {
            where: { weekStart: { $in: weeks }, student: { id: pupil.id } },
            populate: { student: { select: ['id'] } },
          })
        : [];
      return entries.map((entry) => entryView(entry, confirmations));
    },

    /**
     * One school week of the diary, as a parent confirms it: lessons with homework, marks, absences and
     * the teachers' entries, and whether (and when) the week was confirmed. An entry written after the
     * confirmation shows as unconfirmed, and the week as needing a new confirmation.
     */
    async week(pupil: Row, date: unknown) {
      const day = date === undefined ? today() : parseLocalDate(date);
      if (!day) throw fieldError('week', 'Дата в формате ГГГГ-ММ-ДД');
      const { weekStart, weekEnd } = weekOf(day);
      const range = { from: weekStart, to: weekEnd };
      const confirmations = await confirmationsOf([pupil.id], weekStart);
      const entries = (await entriesOf([pupil.id], weekStart, weekEnd)).map((entry) => entryView(entry, confirmations));
      const latest =
        confirmations
          .map((item) => item.confirmedAt as string)
          .sort()
          .pop() ?? null;
      return {
        weekStart,
        weekEnd,
        lessons: await this.homework(pupil, range),
        marks: (await this.marks(pupil, range)).flatMap((group) =>
          [...group.marks, ...group.summaryMarks].map((mark) => ({ subject: group.subject, ...mark })),
        ),
        attendance: await this.attendance(pupil, range),
        entries,
        confirmation: {
          confirmed: confirmations.length > 0 && entries.every((entry) => entry.confirmed),
          confirmedAt: latest,
          confirmedBy: confirmations.map((item) => (item.guardian as Row | null)?.fullName ?? null).filter(Boolean),
        },
      };
    },

    /**
     * A parent confirms having viewed the pupil's diary for the week containing `date`: its marks,
     * homework, absences and the teachers' entries. Confirming again after an entry was added or
     * changed renews the confirmation, so it covers the new entry too.
     */
    async confirmWeek(reader: DiaryReader, pupil: Row, date: unknown) {
      if (reader.roleType !== 'parent')
        throw new errors.PolicyError('Просмотр дневника за неделю подтверждает родитель (законный представитель)');
      const day = date === undefined ? today() : parseLocalDate(date);
      if (!day)
        throw new errors.ValidationError('Неделя задаётся датой в формате ГГГГ-ММ-ДД', {
          errors: [{ path: ['week'], message: 'Дата в формате ГГГГ-ММ-ДД', name: 'ValidationError' }],
        });
      const { weekStart, weekEnd } = weekOf(day);
      if (weekStart > today())
        throw new errors.ValidationError('Нельзя подтвердить неделю, которая ещё не началась', {
          errors: [{ path: ['week'], message: 'Неделя ещё не началась', name: 'ValidationError' }],
        });
      const guardian = (await guardiansOf(reader)).find((candidate) =>
        ((candidate.children as Row[]) ?? []).some((child) => child.id === pupil.id),
      );
      if (!guardian) throw notFound();
      const entries = await entriesOf([pupil.id], weekStart, weekEnd);
      const covers = { entries: entries.length };
      const existing = (await strapi.db.query('api::diary-confirmation.diary-confirmation').findOne({
        where: { student: { id: pupil.id }, guardian: { id: guardian.id }, weekStart },
      })) as Row | null;
      const confirmedAt = new Date().toISOString();
      if (existing) {
        const stale = entries.some((entry) => timeOf(entry.updatedAt) > timeOf(existing.confirmedAt));
        if (!stale) return { created: false, confirmation: { weekStart, confirmedAt: existing.confirmedAt, covers } };
        await strapi.documents('api::diary-confirmation.diary-confirmation').update({
          documentId: existing.documentId,
          data: { confirmedAt },
        } as never);
        return { created: false, confirmation: { weekStart, confirmedAt, covers, renewed: true } };
      }
      const created = (await strapi.documents('api::diary-confirmation.diary-confirmation').create({
        data: { student: pupil.documentId, guardian: guardian.documentId, weekStart, confirmedAt },
      } as never)) as unknown as Row;
      return { created: true, confirmation: { weekStart, confirmedAt: created.confirmedAt, covers } };
    },

    /** The pupil's period and year marks, each period with whether a parent has acknowledged them (seed 001 §2.2.2). */
    async markAcknowledgments(pupil: Row) {
      const marks = await rows('api::mark.mark', {
        where: { student: { id: pupil.id }, kind: { $in: ['periodic', ...YEAR_MARK_KINDS] } },
        populate: {
          studyPeriod: { select: ['id', 'documentId', 'title', 'startDate'] },
          journal: { select: ['id'], populate: { academicYear: { select: ['id', 'documentId', 'title', 'startDate'] } } },
        },
      });
      const scopes = new Map<string, { kind: 'period' | 'year'; period: Row | null; year: Row; sortKey: string }>();
      for (const mark of marks) {
        const year = (mark.journal as Row | null)?.academicYear as Row | undefined;
        if (!year) continue;
        if (mark.kind === 'periodic' && mark.studyPeriod) {
          const period = mark.studyPeriod as Row;
          scopes.set(`period:${period.id}`, { kind: 'period', period, year, sortKey: `${String(period.startDate)}:0` });
        } else if (mark.kind !== 'periodic') {
          scopes.set(`year:${year.id}`, { kind: 'year', period: null, year, sortKey: `${String(year.startDate)}:9` });
        }
      }
      const result = [];
      for (const scope of [...scopes.values()].sort((a, b) => a.sortKey.localeCompare(b.sortKey))) {
        const scopeMarks = await summaryMarksOf(pupil.id, scope);
        const { records: _records, ...state } = await acknowledgmentState(pupil.id, scope, scopeMarks);
        result.push({
          kind: scope.kind,
          period: scope.period ? { documentId: scope.period.documentId, title: scope.period.title } : null,
          year: { documentId: scope.year.documentId, title: scope.year.title },
          marks: scopeMarks,
          ...state,
        });
      }
      return result;
    },

    /**
     * A parent acknowledges the pupil's marks for a study period (`period`) or a year (`year`),
     * separately from the weekly confirmation: who, when, and the marks as they stood. A later
     * change of a mark asks for a new acknowledgment.
     */
    async acknowledgeMarks(reader: DiaryReader, pupil: Row, input: { period?: unknown; year?: unknown }) {
      if (reader.roleType !== 'parent')
        throw new errors.PolicyError('С отметками за период знакомится и расписывается родитель (законный представитель)');
      const scope = await summaryScopeOf(input);
      const marks = await summaryMarksOf(pupil.id, scope);
      if (marks.length === 0) {
        const what =
          scope.kind === 'period' ? `за ${String(scope.period?.title ?? 'этот период')}` : `за ${String(scope.year.title)} учебный год`;
        throw fieldError(scope.kind, `Отметок ${what} ещё нет: знакомиться пока не с чем`);
      }
      const guardian = (await guardiansOf(reader)).find((candidate) =>
        ((candidate.children as Row[]) ?? []).some((child) => child.id === pupil.id),
      );
      if (!guardian) throw notFound();
      const own = (
        await rows(MARK_ACKNOWLEDGMENT, {
          where: {
            student: { id: pupil.id },
            guardian: { id: guardian.id },
            kind: scope.kind,
            ...(scope.kind === 'period' ? { studyPeriod: { id: (scope.period as Row).id } } : { academicYear: { id: scope.year.id } }),
          },
        })
      ).find((item) => sameMarks((item.marks as AcknowledgedMark[]) ?? [], marks));
      const view = (acknowledgedAt: unknown) => ({
        kind: scope.kind,
        period: scope.period ? { documentId: scope.period.documentId, title: scope.period.title } : null,
        year: { documentId: scope.year.documentId, title: scope.year.title },
        marks,
        acknowledgedAt,
        acknowledgedBy: guardian.fullName,
      });
      if (own) return { created: false, acknowledgment: view(own.acknowledgedAt) };
      const created = (await strapi.documents(MARK_ACKNOWLEDGMENT).create({
        data: {
          student: pupil.documentId,
          guardian: guardian.documentId,
          kind: scope.kind,
          studyPeriod: scope.period ? scope.period.documentId : null,
          academicYear: scope.year.documentId,
          marks,
          acknowledgedAt: new Date().toISOString(),
        },
      } as never)) as unknown as Row;
      return { created: true, acknowledgment: view(created.acknowledgedAt) };
    },

    /**
     * The class teacher's weekly check (seed 001 §2.2.2): for each pupil on the class list that week,
     * which guardians confirmed the week and whether the confirmation covers the week's teacher
     * entries; and the diary entries missing that week — lessons of the class's journals, already
     * held, without a topic or without homework.
     */
    async classConfirmations(reader: DiaryReader, classDocumentId: string, week: unknown) {
      const schoolClass = await requireClassOf(reader, classDocumentId);
      const day = week === undefined ? today() : parseLocalDate(week);
      if (!day)
        throw new errors.ValidationError('Неделя задаётся датой в формате ГГГГ-ММ-ДД', {
          errors: [{ path: ['week'], message: 'Дата в формате ГГГГ-ММ-ДД', name: 'ValidationError' }],
        });
      const { weekStart, weekEnd } = weekOf(day);
      const students = await classListOf(schoolClass.id, weekStart, weekEnd);
      const studentIds = students.map((student) => student.id);
      const confirmations = await confirmationsOf(studentIds, weekStart);
      const entries = await entriesOf(studentIds, weekStart, weekEnd);
      const pupils = students.map((student) => {
        const own = confirmations.filter((item) => (item.student as Row).id === student.id);
        const guardians = ((student.guardians as Row[]) ?? []).map((guardian) => {
          const confirmation = own.find((item) => (item.guardian as Row | null)?.id === guardian.id);
          return { fullName: guardian.fullName, confirmed: Boolean(confirmation), confirmedAt: confirmation?.confirmedAt ?? null };
        });
        const pupilEntries = entries.filter((entry) => (entry.student as Row).id === student.id);
        const unconfirmedEntries = pupilEntries.filter((entry) => !coveredBy(entry, own)).length;
        return {
          documentId: student.documentId,
          fullName: student.fullName,
          confirmed: own.length > 0 && unconfirmedEntries === 0,
          guardians,
          entries: pupilEntries.length,
          unconfirmedEntries,
        };
      });
      const lastDay = [weekEnd, today()].sort()[0];
      const lessons =
        weekStart > lastDay
          ? []
          : await rows('api::lesson.lesson', {
              where: { journal: { schoolClass: { id: schoolClass.id } }, date: { $gte: weekStart, $lte: lastDay } },
              orderBy: [{ date: 'asc' }, { number: 'asc' }],
              populate: { journal: { select: ['id', 'documentId'], populate: { subject: { select: ['name'] } } } },
            });
      const missingEntries = lessons.flatMap((lesson) => {
        const missing = [...(lesson.topic ? [] : ['topic']), ...(lesson.homework ? [] : ['homework'])];
        return missing.length === 0
          ? []
          : [
              {
                date: lesson.date,
                number: lesson.number,
                subject: (((lesson.journal as Row).subject as Row | null)?.name as string | undefined) ?? '',
                journal: (lesson.journal as Row).documentId,
                missing,
              },
            ];
      });
      return {
        schoolClass: { documentId: schoolClass.documentId, name: schoolClass.name },
        weekStart,
        // Paper diaries (R17): whether the class's grade keeps them; then the week's extract is printed
        // for the parents to sign, GET /api/diary/classes/:schoolClass/week.pdf.
        paperDiariesRequired: getSchoolSettings(strapi).paperDiaryGrades.includes(Number(schoolClass.grade)),
        confirmed: pupils.filter((pupil) => pupil.confirmed).length,
        notConfirmed: pupils.filter((pupil) => !pupil.confirmed).length,
        notConfirmedPupils: pupils.filter((pupil) => !pupil.confirmed).map((pupil) => pupil.fullName),
        pupils,
        missingEntries,
      };
    },

    /** For the class teacher: which pupils' parents have (not) acknowledged the period's or the year's marks. */
    async classMarkAcknowledgments(reader: DiaryReader, classDocumentId: string, input: { period?: unknown; year?: unknown }) {
      const schoolClass = await requireClassOf(reader, classDocumentId);
      const scope = await summaryScopeOf(input);
      const from = scope.period ? (scope.period.startDate as string) : (scope.year.startDate as string);
      const to = scope.period ? (scope.period.endDate as string) : (scope.year.endDate as string);
      const pupils = [];
      for (const student of await classListOf(schoolClass.id, from, to)) {
        const marks = await summaryMarksOf(student.id, scope);
        const { records: _records, ...state } = await acknowledgmentState(student.id, scope, marks);
        pupils.push({ documentId: student.documentId, fullName: student.fullName, marks: marks.length, ...state });
      }
      const pending = pupils.filter((pupil) => pupil.marks > 0 && !pupil.acknowledged);
      return {
        schoolClass: { documentId: schoolClass.documentId, name: schoolClass.name },
        kind: scope.kind,
        period: scope.period ? { documentId: scope.period.documentId, title: scope.period.title } : null,
        year: { documentId: scope.year.documentId, title: scope.year.title },
        acknowledged: pupils.filter((pupil) => pupil.acknowledged).length,
        notAcknowledged: pending.length,
        notAcknowledgedPupils: pending.map((pupil) => pupil.fullName),
        pupils,
      };
    },
  };
};

export type DiaryService = ReturnType<typeof createDiaryService>;

export default createDiaryService;
