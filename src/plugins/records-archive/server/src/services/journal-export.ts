import type { Core } from '@strapi/strapi';
import { sha256, type BagFile } from '../archive/bagit';
import { comparePupils, journalDisplayName } from '../archive/grid';
import { renderJournalPdf, renderSummaryPdf } from '../archive/pdf';
import { renderJournalWorkbook, renderSummaryWorkbook } from '../archive/xlsx';
import type {
  ArchivedAttendance,
  ArchivedClass,
  ArchivedJournal,
  ArchivedLesson,
  ArchivedMark,
  ArchivedMarkKind,
  ArchivedPeriod,
  ArchivedPupil,
  ArchivedSchool,
  ArchivedSubject,
  ArchivedYear,
  AttendanceStatus,
  PeriodJournalArchive,
  SummaryMarks,
  SummarySheetArchive,
  SummarySubject,
} from '../archive/types';
import { schemeForGrade } from '../../../../../school/rules/study-periods';
import { getSchoolSettings } from '../../../../../school/settings';
import { numberOrNull } from '../../../../../school/stored-values';
import { staffNameOf } from '../../../../../access/staff-name';

/**
 * Reads what an archive package holds — a class's journals for a study period, or a class's
 * summary progress sheet for a school year — with a handful of set-based queries per package
 * (never one per pupil or lesson), and renders it as JSON, XLSX and PDF.
 */

type Row = Record<string, unknown> & { id: number; documentId: string };

export interface StoredPeriod extends Row {
  title: string;
  scheme: string;
  number: number;
  startDate: string;
  endDate: string;
  state: string;
  academicYear: Row & { title: string; startDate: string; endDate: string };
}

export interface StoredClass extends Row {
  name: string;
  grade: number;
  letter: string;
}

/** The journals of one package: a class's, or one cross-class journal (club, section, group). */
export interface PeriodGroup {
  key: string;
  schoolClass: StoredClass | null;
  journalIds: number[];
  /** «5А класс», or the cross-class journal's name. */
  label: string;
}

const CLASS_FIELDS = ['id', 'documentId', 'name', 'grade', 'letter'];
const SUBJECT_FIELDS = ['id', 'documentId', 'name', 'shortName', 'scale', 'sortOrder'];
const STUDENT_FIELDS = ['id', 'documentId', 'lastName', 'firstName', 'patronymic', 'fullName', 'birthDate'];

const str = (value: unknown): string | null => (value === null || value === undefined || value === '' ? null : String(value));
const ref = (value: unknown): string | null => (value && typeof value === 'object' ? str((value as Row).documentId) : null);
const idOf = (value: unknown): number | null => (value && typeof value === 'object' ? ((value as Row).id ?? null) : null);

const toYear = (year: Row): ArchivedYear => ({
  documentId: year.documentId,
  title: String(year.title),
  startDate: String(year.startDate),
  endDate: String(year.endDate),
});

const toPeriod = (period: Row): ArchivedPeriod => ({
  documentId: period.documentId,
  title: String(period.title),
  scheme: String(period.scheme),
  number: Number(period.number),
  startDate: String(period.startDate),
  endDate: String(period.endDate),
});

const toClass = (schoolClass: Row): ArchivedClass => ({
  documentId: schoolClass.documentId,
  name: String(schoolClass.name),
  grade: Number(schoolClass.grade),
  letter: String(schoolClass.letter),
});

const toPupil = (student: Row, enrolledFrom: string | null = null, enrolledTo: string | null = null): ArchivedPupil => ({
  documentId: student.documentId,
  lastName: String(student.lastName ?? ''),
  firstName: String(student.firstName ?? ''),
  patronymic: str(student.patronymic),
  fullName: String(student.fullName ?? [student.lastName, student.firstName, student.patronymic].filter(Boolean).join(' ')),
  birthDate: str(student.birthDate),
  enrolledFrom,
  enrolledTo,
});

const toMark = (mark: Row): ArchivedMark => ({
  documentId: mark.documentId,
  pupil: ref(mark.student) ?? '',
  lesson: ref(mark.lesson),
  studyPeriod: ref(mark.studyPeriod),
  kind: mark.kind as ArchivedMarkKind,
  value: String(mark.value),
  date: str(mark.date),
  weight: numberOrNull(mark.weight),
  workType: str(mark.workType),
  comment: str(mark.comment),
  setAt: mark.setAt ? new Date(mark.setAt as string).toISOString() : null,
});

const toSubject = (subject: Row | null | undefined): ArchivedSubject | null =>
  subject
    ? { documentId: subject.documentId, name: String(subject.name), shortName: str(subject.shortName), scale: String(subject.scale) }
    : null;

/** A stored journal's name as users know it (see `journalDisplayName`). */
const displayNameOf = (journal: Row): string =>
  journalDisplayName({
    subject: toSubject(journal.subject as Row | null),
    subgroup: str(journal.subgroup),
    kind: String(journal.kind),
    title: String(journal.title ?? 'Журнал'),
  });

const journalOrder = (a: ArchivedJournal & { sortOrder: number }, b: ArchivedJournal & { sortOrder: number }): number =>
  a.sortOrder - b.sortOrder || journalDisplayName(a).localeCompare(journalDisplayName(b), 'ru') || a.documentId.localeCompare(b.documentId);

/** Digest of the archived data itself: equal data, equal digest, whatever day it was rendered. */
export const sourceDigestOf = (data: unknown): string => sha256(JSON.stringify(data));

const createJournalExportService = ({ strapi }: { strapi: Core.Strapi }) => {
  const school = (): ArchivedSchool => {
    const settings = getSchoolSettings(strapi);
    return { name: settings.name, timeZone: settings.timeZone };
  };

  /**
   * The class list over a span: pupils enrolled in the class at any day of it, with the dates they
   * joined or left when inside the span.
   */
  const classPupils = async (classId: number, from: string, to: string): Promise<ArchivedPupil[]> => {
    const enrollments = (await strapi.db.query('api::enrollment.enrollment').findMany({
      where: {
        schoolClass: { id: classId },
        startDate: { $lte: to },
        $or: [{ endDate: { $null: true } }, { endDate: { $gte: from } }],
      },
      select: ['startDate', 'endDate'],
      populate: { student: { select: STUDENT_FIELDS } },
    })) as Row[];
    const spans = new Map<string, { student: Row; start: string; end: string | null }>();
    for (const enrollment of enrollments) {
      const student = enrollment.student as Row | null;
      if (!student) continue;
      const start = String(enrollment.startDate);
      const end = str(enrollment.endDate);
      const known = spans.get(student.documentId);
      if (!known) spans.set(student.documentId, { student, start, end });
      else {
        known.start = start < known.start ? start : known.start;
        known.end = known.end === null || end === null ? null : end > known.end ? end : known.end;
      }
    }
    return [...spans.values()].map(({ student, start, end }) =>
      toPupil(student, start > from ? start : null, end !== null && end < to ? end : null),
    );
  };

  /** Adds the pupils that entries refer to but the class list does not hold (left, moved, groups). */
  const completePupils = async (pupils: ArchivedPupil[], referenced: Iterable<string>): Promise<ArchivedPupil[]> => {
    const known = new Set(pupils.map((pupil) => pupil.documentId));
    const missing = [...new Set(referenced)].filter((documentId) => documentId && !known.has(documentId));
    if (missing.length === 0) return [...pupils].sort(comparePupils);
    const students = (await strapi.db.query('api::student.student').findMany({
      where: { documentId: { $in: missing } },
      select: STUDENT_FIELDS,
    })) as Row[];
    return [...pupils, ...students.map((student) => toPupil(student))].sort(comparePupils);
  };

  return {
    school,

    async loadPeriod(documentId: string): Promise<StoredPeriod | null> {
      return (await strapi.db.query('api::study-period.study-period').findOne({
        where: { documentId },
        populate: { academicYear: { select: ['id', 'documentId', 'title', 'startDate', 'endDate', 'state'] } },
      })) as StoredPeriod | null;
    },

    /** Every journal with lessons or period marks in the period, grouped into packages: per class, and per cross-class journal. */
    async findPeriodGroups(period: StoredPeriod): Promise<PeriodGroup[]> {
      const populate = { schoolClass: { select: CLASS_FIELDS }, subject: { select: SUBJECT_FIELDS } };
      const withLessons = (await strapi.db.query('api::journal.journal').findMany({
        where: { lessons: { studyPeriod: { id: period.id } } },
        select: ['id', 'documentId', 'title', 'kind', 'subgroup'],
        populate,
      })) as Row[];
      const periodMarks = (await strapi.db.query('api::mark.mark').findMany({
        where: { studyPeriod: { id: period.id }, kind: 'periodic' },
        select: ['id'],
        populate: { journal: { select: ['id'] } },
      })) as Row[];
      const loaded = new Set(withLessons.map((journal) => journal.id));
      const extraIds = [
        ...new Set(periodMarks.map((mark) => idOf(mark.journal)).filter((id): id is number => id !== null && !loaded.has(id))),
      ];
      const extra = extraIds.length
        ? ((await strapi.db.query('api::journal.journal').findMany({
            where: { id: { $in: extraIds } },
            select: ['id', 'documentId', 'title', 'kind', 'subgroup'],
            populate,
          })) as Row[])
        : [];
      const groups = new Map<string, PeriodGroup>();
      for (const journal of [...withLessons, ...extra]) {
        const schoolClass = journal.schoolClass as StoredClass | null;
        const key = schoolClass
          ? `period:${period.documentId}:class:${schoolClass.documentId}`
          : `period:${period.documentId}:journal:${journal.documentId}`;
        const group = groups.get(key) ?? {
          key,
          schoolClass,
          journalIds: [],
          label: schoolClass ? `${schoolClass.name} класс` : displayNameOf(journal),
        };
        if (!group.journalIds.includes(journal.id)) group.journalIds.push(journal.id);
        groups.set(key, group);
      }
      return [...groups.values()].sort(
        (a, b) =>
          Number(a.schoolClass?.grade ?? 99) - Number(b.schoolClass?.grade ?? 99) ||
          a.label.localeCompare(b.label, 'ru') ||
          a.key.localeCompare(b.key),
      );
    },

    /** The package data of one group: journals, lessons, marks, attendance and pupils of the period. */
    async collectPeriodArchive(period: StoredPeriod, group: PeriodGroup): Promise<PeriodJournalArchive> {
      const journalWhere = { id: { $in: group.journalIds } };
      const [journals, lessons, marks, attendance] = (await Promise.all([
        strapi.db.query('api::journal.journal').findMany({
          where: journalWhere,
          select: ['id', 'documentId', 'title', 'kind', 'subgroup'],
          populate: {
            subject: { select: SUBJECT_FIELDS },
            teachers: { select: ['id', 'fullName', 'username'] },
            pupils: { select: ['id', 'documentId'] },
          },
        }),
        strapi.db.query('api::lesson.lesson').findMany({
          where: { journal: journalWhere, studyPeriod: { id: period.id } },
          select: ['id', 'documentId', 'date', 'number', 'topic', 'homework', 'workType'],
          populate: { journal: { select: ['id'] } },
          orderBy: [{ date: 'asc' }, { number: 'asc' }, { id: 'asc' }],
        }),
        strapi.db.query('api::mark.mark').findMany({
          where: { journal: journalWhere, studyPeriod: { id: period.id } },
          select: ['id', 'documentId', 'kind', 'value', 'date', 'weight', 'workType', 'comment', 'setAt'],
          populate: {
            journal: { select: ['id'] },
            student: { select: ['id', 'documentId'] },
            lesson: { select: ['id', 'documentId'] },
            studyPeriod: { select: ['id', 'documentId'] },
          },
          orderBy: [{ date: 'asc' }, { id: 'asc' }],
        }),
        strapi.db.query('api::attendance.attendance').findMany({
          where: { lesson: { journal: journalWhere, studyPeriod: { id: period.id } } },
          select: ['id', 'documentId', 'kind', 'minutesLate', 'comment'],
          populate: { student: { select: ['id', 'documentId'] }, lesson: { select: ['id', 'documentId'] } },
          orderBy: [{ id: 'asc' }],
        }),
      ])) as [Row[], Row[], Row[], Row[]];

      const byJournal = <T>(rows: Row[], journalOf: (row: Row) => number | null, map: (row: Row) => T): Map<number, T[]> => {
        const grouped = new Map<number, T[]>();
        for (const row of rows) {
          const journalId = journalOf(row);
          if (journalId === null) continue;
          grouped.set(journalId, [...(grouped.get(journalId) ?? []), map(row)]);
        }
        return grouped;
      };
      const lessonJournal = new Map(lessons.map((lesson) => [lesson.id, idOf(lesson.journal)]));
      const lessonsOf = byJournal<ArchivedLesson>(
        lessons,
        (lesson) => idOf(lesson.journal),
        (lesson) => ({
          documentId: lesson.documentId,
          date: String(lesson.date),
          number: Number(lesson.number),
          topic: str(lesson.topic),
          homework: str(lesson.homework),
          workType: str(lesson.workType),
        }),
      );
      const marksOf = byJournal(marks, (mark) => idOf(mark.journal), toMark);
      const attendanceOf = byJournal<ArchivedAttendance>(
        attendance,
        (entry) => lessonJournal.get(idOf(entry.lesson) ?? -1) ?? null,
        (entry) => ({
          documentId: entry.documentId,
          pupil: ref(entry.student) ?? '',
          lesson: ref(entry.lesson) ?? '',
          kind: entry.kind as AttendanceStatus,
          minutesLate: numberOrNull(entry.minutesLate),
          comment: str(entry.comment),
        }),
      );

      const archived = journals
        .map((journal) => {
          const subject = journal.subject as Row | null;
          return {
            sortOrder: Number(subject?.sortOrder ?? 100),
            documentId: journal.documentId,
            title: String(journal.title ?? ''),
            kind: String(journal.kind),
            subgroup: str(journal.subgroup),
            subject: toSubject(subject),
            teachers: ((journal.teachers as Row[] | null) ?? []).map((teacher) => staffNameOf(teacher)).sort(),
            pupils: ((journal.pupils as Row[] | null) ?? []).map((pupil) => pupil.documentId).sort(),
            lessons: lessonsOf.get(journal.id) ?? [],
            marks: marksOf.get(journal.id) ?? [],
            attendance: attendanceOf.get(journal.id) ?? [],
          };
        })
        .sort(journalOrder)
        .map(({ sortOrder: _sortOrder, ...journal }) => journal as ArchivedJournal);

      const classList = group.schoolClass ? await classPupils(group.schoolClass.id, period.startDate, period.endDate) : [];
      const pupils = await completePupils(
        classList,
        archived.flatMap((journal) => [
          ...journal.pupils,
          ...journal.marks.map((mark) => mark.pupil),
          ...journal.attendance.map((entry) => entry.pupil),
        ]),
      );
      const classTitle = group.schoolClass ? `${String(group.schoolClass.name)} класс` : group.label;
      return {
        format: 'school-records/period-journal',
        formatVersion: 1,
        description: `Электронный журнал: ${classTitle}, ${period.title} ${period.academicYear.title} учебного года. Архивная копия при закрытии периода`,
        school: school(),
        academicYear: toYear(period.academicYear),
        studyPeriod: toPeriod(period),
        schoolClass: group.schoolClass ? toClass(group.schoolClass) : null,
        pupils,
        journals: archived,
      };
    },

    async renderPeriodFiles(archive: PeriodJournalArchive, generatedAt: Date): Promise<BagFile[]> {
      return [
        { path: 'journal.json', content: Buffer.from(`${JSON.stringify(archive, null, 2)}\n`, 'utf8') },
        { path: 'journal.xlsx', content: await renderJournalWorkbook(archive, generatedAt) },
        { path: 'journal.pdf', content: await renderJournalPdf(archive, generatedAt) },
      ];
    },

    async loadYear(documentId: string): Promise<(Row & { title: string; startDate: string; endDate: string }) | null> {
      return (await strapi.db.query('api::academic-year.academic-year').findOne({
        where: { documentId },
        select: ['id', 'documentId', 'title', 'startDate', 'endDate', 'state'],
      })) as (Row & { title: string; startDate: string; endDate: string }) | null;
    },

    async findYearClasses(yearId: number): Promise<StoredClass[]> {
      return (await strapi.db.query('api::school-class.school-class').findMany({
        where: { academicYear: { id: yearId } },
        select: CLASS_FIELDS,
        orderBy: [{ grade: 'asc' }, { letter: 'asc' }],
      })) as StoredClass[];
    },

    /** The summary progress sheet of a class: every pupil × subject with period, annual, exam and final marks. */
    async collectSummaryArchive(
      year: Row & { title: string; startDate: string; endDate: string },
      schoolClass: StoredClass,
    ): Promise<SummarySheetArchive> {
      const settings = getSchoolSettings(strapi);
      const scheme = schemeForGrade(Number(schoolClass.grade), settings.periodSchemes);
      const [periods, journals, marks] = (await Promise.all([
        scheme
          ? strapi.db.query('api::study-period.study-period').findMany({
              where: { academicYear: { id: year.id }, scheme },
              select: ['id', 'documentId', 'title', 'scheme', 'number', 'startDate', 'endDate'],
              orderBy: [{ number: 'asc' }],
            })
          : Promise.resolve([]),
        strapi.db.query('api::journal.journal').findMany({
          where: { schoolClass: { id: schoolClass.id } },
          select: ['id', 'documentId', 'title', 'kind', 'subgroup'],
          populate: { subject: { select: SUBJECT_FIELDS } },
        }),
        strapi.db.query('api::mark.mark').findMany({
          where: { journal: { schoolClass: { id: schoolClass.id } }, kind: { $in: ['periodic', 'annual', 'exam', 'final'] } },
          select: ['id', 'documentId', 'kind', 'value'],
          populate: {
            journal: { select: ['id'] },
            student: { select: ['id', 'documentId'] },
            studyPeriod: { select: ['id', 'documentId'] },
          },
          orderBy: [{ id: 'asc' }],
        }),
      ])) as [Row[], Row[], Row[]];

      const subjects = new Map<string, SummarySubject & { sortOrder: number }>();
      const subjectOfJournal = new Map<number, string>();
      for (const journal of journals) {
        const subject = journal.subject as Row | null;
        const key = subject ? subject.documentId : `journal:${journal.documentId}`;
        const known = subjects.get(key) ?? {
          key,
          name: subject ? String(subject.name) : displayNameOf(journal),
          shortName: subject ? str(subject.shortName) : null,
          journals: [],
          sortOrder: Number(subject?.sortOrder ?? 100),
        };
        known.journals.push(journal.documentId);
        known.journals.sort();
        subjects.set(key, known);
        subjectOfJournal.set(journal.id, key);
      }
      const periodIds = new Set(periods.map((period) => period.documentId));
      const table: Record<string, Record<string, SummaryMarks>> = {};
      for (const mark of marks) {
        const pupil = ref(mark.student);
        const subject = subjectOfJournal.get(idOf(mark.journal) ?? -1);
        if (!pupil || !subject) continue;
        const line = ((table[pupil] ??= {})[subject] ??= { periods: {}, annual: null, exam: null, final: null });
        const value = String(mark.value);
        if (mark.kind === 'periodic') {
          const period = ref(mark.studyPeriod);
          if (period && periodIds.has(period)) line.periods[period] = value;
        } else line[mark.kind as 'annual' | 'exam' | 'final'] = value;
      }
      const pupils = await completePupils(await classPupils(schoolClass.id, year.startDate, year.endDate), Object.keys(table));
      return {
        format: 'school-records/summary-sheet',
        formatVersion: 1,
        description: `Сводная ведомость успеваемости: ${String(schoolClass.name)} класс, ${year.title} учебный год`,
        school: school(),
        academicYear: toYear(year),
        schoolClass: toClass(schoolClass),
        periods: periods.map(toPeriod),
        subjects: [...subjects.values()]
          .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'ru') || a.key.localeCompare(b.key))
          .map(({ sortOrder: _sortOrder, ...subject }) => subject),
        pupils,
        marks: Object.fromEntries(
          Object.keys(table)
            .sort()
            .map((pupil) => [pupil, table[pupil]]),
        ),
      };
    },

    async renderSummaryFiles(archive: SummarySheetArchive, generatedAt: Date): Promise<BagFile[]> {
      return [
        { path: 'summary.json', content: Buffer.from(`${JSON.stringify(archive, null, 2)}\n`, 'utf8') },
        { path: 'summary.xlsx', content: await renderSummaryWorkbook(archive, generatedAt) },
        { path: 'summary.pdf', content: await renderSummaryPdf(archive, generatedAt) },
      ];
    },
  };
};

export type JournalExportService = ReturnType<typeof createJournalExportService>;

export default createJournalExportService;
