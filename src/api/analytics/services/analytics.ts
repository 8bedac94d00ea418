import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { todayInZone, type LocalDate } from '../../../school/calendar';
import {
  absenceRisk,
  accuracyOf,
  averageOf,
  changeOf,
  forecastBounds,
  forecastMark,
  groupMeasures,
  isPointResult,
  pupilCategory,
  resultOf,
  riskSeverity,
  roundHalfUp,
  round2,
  subjectRisks,
  type AccuracyPair,
  type Forecast,
  type GroupMeasures,
  type PeriodResult,
  type PupilCategory,
  type RiskReason,
} from '../../../school/rules/analytics';
import {
  ATTESTATION_KINDS,
  attestationBySubject,
  trendEvents,
  type AttestationKind,
  type AttestationMarkInput,
  type ExamEventInput,
  type ExternalEventInput,
  type PortfolioEventInput,
} from '../../../school/rules/pupil-trend';
import { compareSelfAssessment, summariseSelfAssessment } from '../../../school/rules/self-assessment';
import {
  controlWorkMeasures,
  levelFromPoints,
  masteryLevel,
  MASTERY_LABELS,
  POINTS_LEVEL_LABELS,
  POINTS_LEVELS,
  rateGap,
  thresholdsOf,
  type MasteryLevel,
  type PointsLevel,
} from '../../../school/rules/control-work';
import { CONTROL_WORK_FIELDS } from '../../../school/records/journal-entry-rules';
import { materialResults, pointsScaleOf, type MaterialWork } from '../../../school/rules/assessment-material';
import type { ExternalKind } from '../../../school/records/external-assessment-rules';
import type { PortfolioKind, PortfolioLevel, PortfolioResult } from '../../../school/records/portfolio-rules';
import type { ExamKind, ExamOutcome } from '../../../school/rules/gia';
import { getSchoolSettings } from '../../../school/settings';
import { APPROVED } from '../../portfolio-entry/portfolio';
import { knexOf } from '../../../school/sql/connection';
import { columnOf, linkOf, tableOf } from '../../../school/sql/model-tables';
import { numberOrNull } from '../../../school/stored-values';
import { staffNameOf } from '../../../access/staff-name';

/**
 * Analytics of results (issue 8): measures of pupils, classes, subjects, parallels, teachers and the
 * school, their change since the previous period, pupils doing well and at risk, attendance, the
 * forecast of period marks and its accuracy on finished periods.
 *
 * Marks are summed in the database: one grouped query per study period gives, per pupil × journal,
 * the weighted sums of the current marks (whole period, and the two parts the forecast uses), their
 * count and the latest date; another the period marks; another the absences by reason. The rules
 * of `src/school/rules/analytics.ts` turn those rows into measures. Plain SQL that SQLite and
 * PostgreSQL both run (CASE, SUM, COUNT, MAX, comparisons of ISO dates).
 */

const JOURNAL = 'api::journal.journal';
const MARK = 'api::mark.mark';
const ATTENDANCE = 'api::attendance.attendance';
const LESSON = 'api::lesson.lesson';
const ASSESSMENT_MATERIAL = 'api::assessment-material.assessment-material';
const SUBMISSION = 'api::assignment-submission.assignment-submission';
const CONTROL_SELF = 'api::control-self-assessment.control-self-assessment';
const PERIOD = 'api::study-period.study-period';
const YEAR = 'api::academic-year.academic-year';
const STUDENT = 'api::student.student';
const ENROLLMENT = 'api::enrollment.enrollment';
const CLASS = 'api::school-class.school-class';
const SUBJECT = 'api::subject.subject';
const PORTFOLIO_ENTRY = 'api::portfolio-entry.portfolio-entry';
const EXTERNAL_ASSESSMENT = 'api::external-assessment.external-assessment';
const EXAM_RESULT = 'api::exam-result.exam-result';
const TRAJECTORY = 'api::learning-trajectory.learning-trajectory';

/** Who asks: the whole school (deputy, director, an admin with `analytics.read`) or a teacher's reach. */
export interface AnalyticsViewer {
  wholeSchool: boolean;
  /** Journals the teacher teaches and classes they lead (ignored for the whole school). */
  journalIds?: number[];
  ledClassIds?: number[];
}

export interface AnalyticsFilters {
  year?: unknown;
  period?: unknown;
  class?: unknown;
  subject?: unknown;
  grade?: unknown;
  /** `period` (default): compare with the period before; `year`: with the same period of the previous year. */
  compare?: unknown;
}

export type GroupBy = 'school' | 'class' | 'subject' | 'grade' | 'teacher' | 'level' | 'profile';
export const GROUP_BYS: readonly GroupBy[] = ['school', 'class', 'subject', 'grade', 'teacher', 'level', 'profile'];

/** Groups of `groupBy=level`: the level at which the journal teaches its subject (R97). */
const STUDY_LEVEL_GROUPS: Record<string, string> = { basic: 'Базовый уровень', advanced: 'Углублённое изучение' };

export interface PeriodInfo {
  id: number;
  documentId: string;
  title: string;
  scheme: string;
  number: number;
  startDate: LocalDate;
  endDate: LocalDate;
  yearId: number;
  yearTitle: string;
}

interface JournalInfo {
  id: number;
  classId: number;
  className: string;
  classDocumentId: string;
  grade: number;
  subjectId: number;
  subjectName: string;
  subjectDocumentId: string;
  scale: string;
  /** `basic` or `advanced` (углублённое изучение). */
  studyLevel: string;
  /** The class's profile (e.g. «естественно-научный»), empty when it has none. */
  classProfile: string;
  teachers: Array<{ id: number; name: string }>;
}

interface StudentInfo {
  id: number;
  documentId: string;
  fullName: string;
}

/** A pupil's result in a subject for a period, pooled over the journals of the subject. */
export interface ResultRow {
  studentId: number;
  subjectId: number;
  /** The journal the result belongs to: the one with the period mark, else the one with the latest mark. */
  journal: JournalInfo;
  average: number | null;
  marks: number;
  periodMark: string | null;
  result: PeriodResult | null;
  forecast: Forecast | null;
}

interface PeriodData {
  period: PeriodInfo;
  results: ResultRow[];
}

type Row = Record<string, unknown>;

const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

const asDate = (value: unknown): LocalDate | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
};
const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

const LEADER_CATEGORIES: PupilCategory[] = ['excellent', 'one-four', 'good', 'one-three'];
const CATEGORY_ORDER: PupilCategory[] = ['excellent', 'one-four', 'good', 'one-three', 'satisfactory', 'failing', 'none'];
const ABSENCE_KINDS = ['absent', 'ill', 'excused'] as const;

const createAnalyticsService = ({ strapi }: { strapi: Core.Strapi }) => {
  // The pool, or the write's open transaction when a record rule asks for a snapshot (src/school/sql/connection.ts).
  const knex = (): Knex => knexOf(strapi);
  const today = () => todayInZone(getSchoolSettings(strapi).timeZone);
  /** The school's thresholds and weights of the analytics (settings page), read per report. */
  const thresholds = () => getSchoolSettings(strapi).analytics;
  const docId = (uid: string) => columnOf(strapi, uid as never, 'documentId');
  const col = (uid: string, attribute: string) => columnOf(strapi, uid as never, attribute);
  const link = (uid: string, attribute: string) => linkOf(strapi, uid as never, attribute);
  const table = (uid: string) => tableOf(strapi, uid as never);

  // ---------------------------------------------------------------- periods and years

  const periodRows = async (where: (query: Knex.QueryBuilder) => void): Promise<PeriodInfo[]> => {
    const py = link(PERIOD, 'academicYear');
    const query = knex()(`${table(PERIOD)} as p`)
      .join(`${py.table} as py`, `py.${py.own}`, 'p.id')
      .join(`${table(YEAR)} as y`, 'y.id', `py.${py.other}`)
      .select(
        'p.id as id',
        `p.${docId(PERIOD)} as documentId`,
        `p.${col(PERIOD, 'title')} as title`,
        `p.${col(PERIOD, 'scheme')} as scheme`,
        `p.${col(PERIOD, 'number')} as number`,
        `p.${col(PERIOD, 'startDate')} as startDate`,
        `p.${col(PERIOD, 'endDate')} as endDate`,
        'y.id as yearId',
        `y.${col(YEAR, 'title')} as yearTitle`,
      )
      .orderBy([`p.${col(PERIOD, 'startDate')}`, `p.${col(PERIOD, 'scheme')}`]);
    where(query);
    return ((await query) as Row[]).map((row) => ({
      id: Number(row.id),
      documentId: String(row.documentId),
      title: String(row.title ?? ''),
      scheme: String(row.scheme),
      number: Number(row.number),
      startDate: asDate(row.startDate) as string,
      endDate: asDate(row.endDate) as string,
      yearId: Number(row.yearId),
      yearTitle: String(row.yearTitle ?? ''),
    }));
  };

  /** The year asked for, else the current one, else the one containing today, else the latest. */
  const resolveYear = async (wanted: unknown): Promise<{ id: number; documentId: string; title: string } | null> => {
    const years = (await strapi.db.query(YEAR).findMany({
      select: ['id', 'documentId', 'title', 'startDate', 'endDate', 'state'],
      orderBy: { startDate: 'desc' },
    })) as Row[];
    const id = text(wanted);
    if (id) {
      const year = years.find((candidate) => candidate.documentId === id);
      if (!year) throw fieldError('year', 'Такого учебного года нет');
      return year as never;
    }
    const day = today();
    const year =
      years.find((candidate) => candidate.state === 'current') ??
      years.find((candidate) => String(asDate(candidate.startDate)) <= day && day <= String(asDate(candidate.endDate))) ??
      years[0];
    return (year as never) ?? null;
  };

  /** The period asked for; else, in the year, the quarter (or first scheme) period running today, else the last begun. */
  const resolvePeriod = async (filters: AnalyticsFilters): Promise<PeriodInfo> => {
    const wanted = text(filters.period);
    if (wanted) {
      const [period] = await periodRows((query) => query.where(`p.${docId(PERIOD)}`, wanted));
      if (!period) throw fieldError('period', 'Такого учебного периода нет');
      return period;
    }
    const year = await resolveYear(filters.year);
    if (!year) throw fieldError('year', 'В школе ещё нет учебных годов');
    const periods = await periodRows((query) => query.where('y.id', year.id));
    if (periods.length === 0) throw fieldError('period', `У учебного года ${year.title} нет учебных периодов`);
    const schemes = [...new Set(periods.map((period) => period.scheme))];
    const scheme = schemes.includes('quarter') ? 'quarter' : schemes[0];
    const ofScheme = periods.filter((period) => period.scheme === scheme);
    const day = today();
    return (
      ofScheme.find((period) => period.startDate <= day && day <= period.endDate) ??
      [...ofScheme].reverse().find((period) => period.startDate <= day) ??
      ofScheme[0]
    );
  };

  /**
   * The period to compare with: by default the one before (the previous number of the same scheme,
   * else the last one of that scheme in the previous year); with `compare=year`, the same period of
   * the previous year (the same scheme and number).
   */
  const previousPeriod = async (period: PeriodInfo, compare: unknown = undefined): Promise<PeriodInfo | null> => {
    const mode = text(compare) ?? 'period';
    if (mode !== 'period' && mode !== 'year')
      throw fieldError('compare', 'Сравнение: period (с предыдущим периодом) или year (с тем же периодом прошлого года)');
    const before = await periodRows((query) => {
      query.where(`p.${col(PERIOD, 'scheme')}`, period.scheme).andWhere(`p.${col(PERIOD, 'endDate')}`, '<', period.startDate);
      if (mode === 'year') query.andWhere(`p.${col(PERIOD, 'number')}`, period.number).andWhereNot('y.id', period.yearId);
    });
    return before.at(-1) ?? null;
  };

  // ---------------------------------------------------------------- journals, pupils, reach

  /** Journals of a class (classroom, home schooling, groups of a class) with their class, subject and teachers. */
  const journalsOfYear = async (yearId: number): Promise<Map<number, JournalInfo>> => {
    const journals = (await strapi.db.query(JOURNAL).findMany({
      where: { academicYear: { id: yearId }, schoolClass: { id: { $notNull: true } } },
      select: ['id', 'studyLevel'],
      populate: {
        schoolClass: { select: ['id', 'documentId', 'name', 'grade', 'profile'] },
        subject: { select: ['id', 'documentId', 'name', 'scale'] },
        teachers: { select: ['id', 'fullName', 'username'] },
      },
    })) as Array<Row & { schoolClass: Row | null; subject: Row | null; teachers: Row[] }>;
    const map = new Map<number, JournalInfo>();
    for (const journal of journals) {
      if (!journal.schoolClass || !journal.subject) continue;
      map.set(Number(journal.id), {
        id: Number(journal.id),
        classId: Number(journal.schoolClass.id),
        className: String(journal.schoolClass.name ?? ''),
        classDocumentId: String(journal.schoolClass.documentId),
        grade: Number(journal.schoolClass.grade),
        subjectId: Number(journal.subject.id),
        subjectName: String(journal.subject.name ?? ''),
        subjectDocumentId: String(journal.subject.documentId),
        scale: String(journal.subject.scale ?? 'five-point'),
        studyLevel: String(journal.studyLevel ?? 'basic'),
        classProfile: String(journal.schoolClass.profile ?? '').trim(),
        teachers: (journal.teachers ?? []).map((teacher) => ({ id: Number(teacher.id), name: staffNameOf(teacher) })),
      });
    }
    return map;
  };

  /** Pupils on the lists of the classes at some day of the period (a pupil who moved is in both). */
  const pupilsOfClasses = async (classIds: number[], period: PeriodInfo): Promise<number[]> => {
    if (classIds.length === 0) return [];
    const es = link(ENROLLMENT, 'student');
    const ec = link(ENROLLMENT, 'schoolClass');
    const start = col(ENROLLMENT, 'startDate');
    const end = col(ENROLLMENT, 'endDate');
    const rows = (await knex()(`${table(ENROLLMENT)} as e`)
      .join(`${ec.table} as ec`, `ec.${ec.own}`, 'e.id')
      .join(`${es.table} as es`, `es.${es.own}`, 'e.id')
      .whereIn(`ec.${ec.other}`, classIds)
      .andWhere(`e.${start}`, '<=', period.endDate)
      .andWhere((where) => where.whereNull(`e.${end}`).orWhere(`e.${end}`, '>=', period.startDate))
      .distinct(`es.${es.other} as studentId`)) as Row[];
    return rows.map((row) => Number(row.studentId));
  };

  const studentsById = async (ids: number[]): Promise<Map<number, StudentInfo>> => {
    const map = new Map<number, StudentInfo>();
    const unique = [...new Set(ids)];
    for (let index = 0; index < unique.length; index += 500) {
      const rows = (await knex()(table(STUDENT))
        .whereIn('id', unique.slice(index, index + 500))
        .select('id', `${docId(STUDENT)} as documentId`, `${col(STUDENT, 'fullName')} as fullName`)) as Row[];
      for (const row of rows)
        map.set(Number(row.id), { id: Number(row.id), documentId: String(row.documentId), fullName: String(row.fullName ?? '') });
    }
    return map;
  };

  const idByDocumentId = async (uid: string, documentId: string, path: string, message: string): Promise<number> => {
    const row = (await strapi.db.query(uid as never).findOne({ where: { documentId }, select: ['id'] })) as { id: number } | null;
    if (!row) throw fieldError(path, message);
    return row.id;
  };

  interface Scope {
    period: PeriodInfo;
    journals: Map<number, JournalInfo>;
    /** Journals whose results the viewer may see, after the filters. */
    visible: (journal: JournalInfo) => boolean;
    /** Pupils to sum marks of (null: every pupil). */
    studentIds: number[] | null;
    /** Journals to sum marks in (null: every journal of the year). */
    journalIds: number[] | null;
  }

  /** What the viewer may see of the period with the filters applied: visible journals, pupils and journals to read. */
  const scopeOf = async (viewer: AnalyticsViewer, filters: AnalyticsFilters, period: PeriodInfo): Promise<Scope> => {
    const journals = await journalsOfYear(period.yearId);
    const classDoc = text(filters.class);
    const subjectDoc = text(filters.subject);
    const classId = classDoc ? await idByDocumentId(CLASS, classDoc, 'class', 'Такого класса нет') : null;
    const subjectId = subjectDoc ? await idByDocumentId(SUBJECT, subjectDoc, 'subject', 'Такого предмета нет') : null;
    let grade: number | null = null;
    if (filters.grade !== undefined && filters.grade !== '') {
      grade = Number(filters.grade);
      if (!Number.isInteger(grade) || grade < 1 || grade > 11) throw fieldError('grade', 'Параллель — номер класса от 1 до 11');
    }
    const ownJournals = new Set(viewer.journalIds ?? []);
    const ledClasses = new Set(viewer.ledClassIds ?? []);
    const reachable = (journal: JournalInfo) => viewer.wholeSchool || ownJournals.has(journal.id) || ledClasses.has(journal.classId);
    const visible = (journal: JournalInfo) =>
      reachable(journal) &&
      (classId === null || journal.classId === classId) &&
      (subjectId === null || journal.subjectId === subjectId) &&
      (grade === null || journal.grade === grade);
    const visibleJournals = [...journals.values()].filter(visible);
    // Marks are pooled per pupil and subject over every journal of the subject (a pupil who changed
    // class has marks in two), so the query is narrowed by pupils and subjects, not by journals.
    let studentIds: number[] | null = null;
    if (!viewer.wholeSchool || classId !== null || grade !== null)
      studentIds = await pupilsOfClasses([...new Set(visibleJournals.map((journal) => journal.classId))], period);
    const subjects = new Set(visibleJournals.map((journal) => journal.subjectId));
    const journalIds =
      subjectId !== null || !viewer.wholeSchool
        ? [...journals.values()].filter((journal) => subjects.has(journal.subjectId)).map((journal) => journal.id)
        : null;
    return { period, journals, visible, studentIds, journalIds };
  };

  // ---------------------------------------------------------------- a pupil's line over the years (R87)

  /** Subjects of the journals a teacher teaches or of the classes they lead, in any year (null: every subject). */
  const reachedSubjects = async (viewer: AnalyticsViewer): Promise<Set<number> | null> => {
    if (viewer.wholeSchool) return null;
    const idsIn = (ids: number[] | undefined) => ({ $in: ids && ids.length > 0 ? ids : [0] });
    const rows = (await strapi.db.query(JOURNAL).findMany({
      where: { $or: [{ id: idsIn(viewer.journalIds) }, { schoolClass: { id: idsIn(viewer.ledClassIds) } }] },
      select: ['id'],
      populate: { subject: { select: ['id'] } },
    })) as Array<{ subject: { id: number } | null }>;
    return new Set(rows.filter((row) => row.subject).map((row) => Number(row.subject?.id)));
  };

  /**
   * The pupil's period, annual, exam and final marks of every year up to `until`, in the journals the
   * viewer reaches (a teacher: the journals they teach and those of the classes they lead).
   */
  const attestationMarksOf = async (viewer: AnalyticsViewer, studentId: number, until: LocalDate): Promise<AttestationMarkInput[]> => {
    const rows = (await strapi.db.query(MARK).findMany({
      where: { student: { id: studentId }, kind: { $in: [...ATTESTATION_KINDS] } },
      select: ['id', 'kind', 'value', 'numericValue', 'date'],
      populate: {
        journal: {
          select: ['id'],
          populate: {
            schoolClass: { select: ['id'] },
            subject: { select: ['id', 'documentId', 'name'] },
            academicYear: { select: ['id', 'title', 'endDate'] },
          },
        },
        studyPeriod: { select: ['id', 'title', 'endDate'] },
      },
    })) as Array<
      Row & {
        journal: (Row & { schoolClass: Row | null; subject: Row | null; academicYear: Row | null }) | null;
        studyPeriod: Row | null;
      }
    >;
    const own = new Set(viewer.journalIds ?? []);
    const led = new Set(viewer.ledClassIds ?? []);
    const marks: AttestationMarkInput[] = [];
    for (const row of rows) {
      const journal = row.journal;
      if (!journal?.subject || !journal.academicYear) continue;
      const classId = journal.schoolClass ? Number(journal.schoolClass.id) : null;
      if (!viewer.wholeSchool && !own.has(Number(journal.id)) && !(classId !== null && led.has(classId))) continue;
      const mark: AttestationMarkInput = {
        subjectId: Number(journal.subject.id),
        subject: String(journal.subject.name ?? ''),
        subjectDocumentId: String(journal.subject.documentId),
        kind: row.kind as AttestationKind,
        value: String(row.value ?? ''),
        numericValue: numberOrNull(row.numericValue),
        date: asDate(row.date),
        yearTitle: String(journal.academicYear.title ?? ''),
        yearEndDate: asDate(journal.academicYear.endDate) as LocalDate,
        periodTitle: row.studyPeriod ? String(row.studyPeriod.title ?? '') : null,
        periodEndDate: row.studyPeriod ? asDate(row.studyPeriod.endDate) : null,
      };
      const date = mark.date ?? mark.periodEndDate ?? mark.yearEndDate;
      if (date <= until) marks.push(mark);
    }
    return marks;
  };

  /**
   * The pupil's events up to `until`: approved portfolio entries, external assessments, GIA results.
   * A teacher sees those of the subjects they reach and those without a subject.
   */
  const eventsOf = async (viewer: AnalyticsViewer, studentId: number, until: LocalDate) => {
    const subjects = await reachedSubjects(viewer);
    const shown = (row: Row & { subject: Row | null }) => subjects === null || !row.subject || subjects.has(Number(row.subject.id));
    const subjectName = (row: Row & { subject: Row | null }) => (row.subject ? String(row.subject.name ?? '') : null);
    const numberOrNull = (value: unknown) => (value === null || value === undefined || value === '' ? null : Number(value));
    const subject = { select: ['id', 'name'] };
    const portfolio = (
      (await strapi.db.query(PORTFOLIO_ENTRY).findMany({
        where: { $and: [{ student: { id: studentId } }, APPROVED] },
        select: ['id', 'date', 'title', 'kind', 'level', 'result', 'place'],
        populate: { subject },
      })) as Array<Row & { subject: Row | null }>
    )
      .filter((row) => shown(row) && asDate(row.date) !== null && (asDate(row.date) as LocalDate) <= until)
      .map(
        (row): PortfolioEventInput => ({
          date: asDate(row.date) as LocalDate,
          title: String(row.title ?? ''),
          kind: row.kind as PortfolioKind,
          level: row.level as PortfolioLevel,
          result: row.result as PortfolioResult,
          place: numberOrNull(row.place),
          subject: subjectName(row),
        }),
      );
    const external = (
      (await strapi.db.query(EXTERNAL_ASSESSMENT).findMany({
        where: { student: { id: studentId } },
        select: ['id', 'date', 'kind', 'title', 'score', 'maxScore', 'mark', 'level'],
        populate: { subject },
      })) as Array<Row & { subject: Row | null }>
    )
      .filter((row) => shown(row) && asDate(row.date) !== null && (asDate(row.date) as LocalDate) <= until)
      .map(
        (row): ExternalEventInput => ({
          date: asDate(row.date) as LocalDate,
          kind: row.kind as ExternalKind,
          title: String(row.title ?? ''),
          subject: subjectName(row),
          score: numberOrNull(row.score),
          maxScore: numberOrNull(row.maxScore),
          mark: numberOrNull(row.mark),
          level: text(row.level) ?? null,
        }),
      );
    const exams = (
      (await strapi.db.query(EXAM_RESULT).findMany({
        where: { student: { id: studentId } },
        select: ['id', 'date', 'examKind', 'primaryScore', 'scaledScore', 'mark', 'result'],
        populate: { subject, academicYear: { select: ['id', 'endDate'] } },
      })) as Array<Row & { subject: Row | null; academicYear: Row | null }>
    )
      .map((row): ExamEventInput & { shown: boolean } => ({
        date: asDate(row.date),
        yearEndDate: row.academicYear ? asDate(row.academicYear.endDate) : null,
        examKind: row.examKind as ExamKind,
        subject: subjectName(row),
        primaryScore: numberOrNull(row.primaryScore),
        scaledScore: numberOrNull(row.scaledScore),
        mark: numberOrNull(row.mark),
        result: (row.result as ExamOutcome | null) ?? null,
        shown: shown(row),
      }))
      .filter((exam) => {
        const date = exam.date ?? exam.yearEndDate;
        return exam.shown && date !== null && date <= until;
      })
      .map(({ shown: _shown, ...exam }) => exam);
    return trendEvents({ portfolio, external, exams });
  };

  // ---------------------------------------------------------------- the grouped SQL reads

  /**
   * The weight of a current mark as stored with it (1 when empty): the mark's own, its lesson
   * column's, or the school's weight of its work type when it was given (the record rules fill it
   * in), the weight the journal grid and the diary average with too. Changing the school's weights
   * later does not rewrite marks already given.
   */
  const weightSql = (): { sql: string; bindings: Array<string | number> } => ({
    sql: `COALESCE(m.${col(MARK, 'weight')}, 1)`,
    bindings: [],
  });

  const whereInChunks = async (ids: number[] | null, run: (chunk: number[] | null) => Promise<Row[]>): Promise<Row[]> => {
    if (ids === null) return run(null);
    const rows: Row[] = [];
    for (let index = 0; index < ids.length; index += 500) rows.push(...(await run(ids.slice(index, index + 500))));
    return rows;
  };

  /**
   * The period condition of the mark queries. For a few pupils (a class, a teacher's classes, one
   * pupil) the index on the pupil link is the way in, not the period's tens of thousands of marks:
   * a unary plus on the period column (valid SQL on SQLite and PostgreSQL) keeps SQLite's planner
   * off the period index (250 ms → 6 ms for a class on the 1,000-pupil school).
   */
  const periodIs = (mp: { other: string }, periodId: number, students: number[] | null) => (query: Knex.QueryBuilder) => {
    if (students) query.whereRaw('+?? = ?', [`mp.${mp.other}`, periodId]);
    else query.where(`mp.${mp.other}`, periodId);
  };

  /** Per pupil × journal: weighted sums of the current point marks of the period (all, earlier part, later part). */
  const currentSums = async (scope: Scope): Promise<Row[]> => {
    const { period } = scope;
    const { split, cut } = forecastBounds(period.startDate, period.endDate, today());
    const ms = link(MARK, 'student');
    const mj = link(MARK, 'journal');
    const mp = link(MARK, 'studyPeriod');
    const date = `m.${col(MARK, 'date')}`;
    const value = `m.${col(MARK, 'numericValue')}`;
    const weight = weightSql();
    const w = weight.sql;
    const b = weight.bindings;
    return whereInChunks(scope.studentIds, async (students) => {
      const query = knex()(`${table(MARK)} as m`)
        .join(`${mp.table} as mp`, `mp.${mp.own}`, 'm.id')
        .join(`${ms.table} as ms`, `ms.${ms.own}`, 'm.id')
        .join(`${mj.table} as mj`, `mj.${mj.own}`, 'm.id')
        .where(periodIs(mp, period.id, students))
        .andWhere(`m.${col(MARK, 'kind')}`, 'current')
        .whereNotNull(value)
        .groupBy(`ms.${ms.other}`, `mj.${mj.other}`)
        .select(`ms.${ms.other} as studentId`, `mj.${mj.other} as journalId`)
        .select(
          knex().raw(`SUM(${value} * ${w}) as s`, b),
          knex().raw(`SUM(${w}) as w`, b),
          knex().raw(`SUM(CASE WHEN ${date} < ? THEN ${value} * ${w} ELSE 0 END) as s0`, [split, ...b]),
          knex().raw(`SUM(CASE WHEN ${date} < ? THEN ${w} ELSE 0 END) as w0`, [split, ...b]),
          knex().raw(`SUM(CASE WHEN ${date} >= ? AND ${date} < ? THEN ${value} * ${w} ELSE 0 END) as s1`, [split, cut, ...b]),
          knex().raw(`SUM(CASE WHEN ${date} >= ? AND ${date} < ? THEN ${w} ELSE 0 END) as w1`, [split, cut, ...b]),
          knex().raw(`SUM(CASE WHEN ${date} < ? THEN 1 ELSE 0 END) as n0`, [split]),
          knex().raw(`SUM(CASE WHEN ${date} >= ? AND ${date} < ? THEN 1 ELSE 0 END) as n1`, [split, cut]),
          knex().raw('COUNT(*) as n'),
          knex().raw(`MAX(${date}) as last_date`),
        );
      if (students) query.whereIn(`ms.${ms.other}`, students);
      if (scope.journalIds) query.whereIn(`mj.${mj.other}`, scope.journalIds);
      return (await query) as Row[];
    });
  };

  /** Per pupil × journal: the period mark. */
  const periodMarks = async (scope: Scope): Promise<Row[]> => {
    const ms = link(MARK, 'student');
    const mj = link(MARK, 'journal');
    const mp = link(MARK, 'studyPeriod');
    return whereInChunks(scope.studentIds, async (students) => {
      const query = knex()(`${table(MARK)} as m`)
        .join(`${mp.table} as mp`, `mp.${mp.own}`, 'm.id')
        .join(`${ms.table} as ms`, `ms.${ms.own}`, 'm.id')
        .join(`${mj.table} as mj`, `mj.${mj.own}`, 'm.id')
        .where(periodIs(mp, scope.period.id, students))
        .andWhere(`m.${col(MARK, 'kind')}`, 'periodic')
        .select(`ms.${ms.other} as studentId`, `mj.${mj.other} as journalId`, `m.${col(MARK, 'value')} as value`);
      if (students) query.whereIn(`ms.${ms.other}`, students);
      if (scope.journalIds) query.whereIn(`mj.${mj.other}`, scope.journalIds);
      return (await query) as Row[];
    });
  };

  /** Results of the period: one row per pupil × subject, attributed to a journal the viewer may see. */
  const resultsOf = async (scope: Scope): Promise<ResultRow[]> => {
    const [sums, marks] = await Promise.all([currentSums(scope), periodMarks(scope)]);
    interface Pooled {
      studentId: number;
      subjectId: number;
      s: number;
      w: number;
      s0: number;
      w0: number;
      s1: number;
      w1: number;
      n0: number;
      n1: number;
      n: number;
      lastJournal: number;
      lastDate: string;
      periodMark: string | null;
      markJournal: number | null;
    }
    const pooled = new Map<string, Pooled>();
    const entry = (studentId: number, journal: JournalInfo): Pooled => {
      const key = `${studentId}:${journal.subjectId}`;
      let found = pooled.get(key);
      if (!found) {
        found = {
          studentId,
          subjectId: journal.subjectId,
          s: 0,
          w: 0,
          s0: 0,
          w0: 0,
          s1: 0,
          w1: 0,
          n0: 0,
          n1: 0,
          n: 0,
          lastJournal: journal.id,
          lastDate: '',
          periodMark: null,
          markJournal: null,
        };
        pooled.set(key, found);
      }
      return found;
    };
    for (const row of sums) {
      const journal = scope.journals.get(Number(row.journalId));
      if (!journal) continue;
      const found = entry(Number(row.studentId), journal);
      found.s += num(row.s);
      found.w += num(row.w);
      found.s0 += num(row.s0);
      found.w0 += num(row.w0);
      found.s1 += num(row.s1);
      found.w1 += num(row.w1);
      found.n0 += num(row.n0);
      found.n1 += num(row.n1);
      found.n += num(row.n);
      const last = asDate(row.last_date) ?? '';
      if (last >= found.lastDate) {
        found.lastDate = last;
        found.lastJournal = journal.id;
      }
    }
    for (const row of marks) {
      const journal = scope.journals.get(Number(row.journalId));
      if (!journal) continue;
      const found = entry(Number(row.studentId), journal);
      found.periodMark = String(row.value);
      found.markJournal = journal.id;
    }
    const results: ResultRow[] = [];
    const settings = thresholds();
    for (const found of pooled.values()) {
      const journal = scope.journals.get(found.markJournal ?? found.lastJournal) as JournalInfo;
      if (!scope.visible(journal)) continue;
      const average = averageOf({ sum: found.s, weight: found.w });
      const lowest = journal.scale === 'five-point-with-one' ? 1 : 2;
      results.push({
        studentId: found.studentId,
        subjectId: found.subjectId,
        journal,
        average,
        marks: found.n,
        periodMark: found.periodMark,
        result: resultOf(found.periodMark, average),
        forecast: forecastMark(
          { sum: found.s0, weight: found.w0, count: found.n0 },
          { sum: found.s1, weight: found.w1, count: found.n1 },
          lowest,
          settings,
        ),
      });
    }
    return results;
  };

  /** Per pupil: absences by reason in the period, in journals the viewer may see; lessons held per journal. */
  const attendanceOf = async (scope: Scope) => {
    const { period } = scope;
    const until = [period.endDate, today()].sort()[0];
    const as = link(ATTENDANCE, 'student');
    const aj = link(ATTENDANCE, 'journal');
    const date = `a.${col(ATTENDANCE, 'date')}`;
    const rows = await whereInChunks(scope.studentIds, async (students) => {
      const query = knex()(`${table(ATTENDANCE)} as a`)
        .join(`${as.table} as ast`, `ast.${as.own}`, 'a.id')
        .join(`${aj.table} as aj`, `aj.${aj.own}`, 'a.id')
        .where(date, '>=', period.startDate)
        .andWhere(date, '<=', period.endDate)
        .groupBy(`ast.${as.other}`, `aj.${aj.other}`, `a.${col(ATTENDANCE, 'kind')}`)
        .select(`ast.${as.other} as studentId`, `aj.${aj.other} as journalId`, `a.${col(ATTENDANCE, 'kind')} as kind`)
        .count({ n: '*' });
      if (students) query.whereIn(`ast.${as.other}`, students);
      return (await query) as Row[];
    });
    const lj = link(LESSON, 'journal');
    const lessonDate = `l.${col(LESSON, 'date')}`;
    const lessons = (await knex()(`${table(LESSON)} as l`)
      .join(`${lj.table} as lj`, `lj.${lj.own}`, 'l.id')
      .where(lessonDate, '>=', period.startDate)
      .andWhere(lessonDate, '<=', until)
      .groupBy(`lj.${lj.other}`)
      .select(`lj.${lj.other} as journalId`)
      .count({ n: '*' })) as Row[];
    const lessonsOf = new Map(lessons.map((row) => [Number(row.journalId), num(row.n)]));
    const byPupil = new Map<number, { absent: number; ill: number; excused: number; late: number; journals: Set<number> }>();
    for (const row of rows) {
      const journal = scope.journals.get(Number(row.journalId));
      if (!journal || !scope.visible(journal)) continue;
      const id = Number(row.studentId);
      const found = byPupil.get(id) ?? { absent: 0, ill: 0, excused: 0, late: 0, journals: new Set<number>() };
      const kind = String(row.kind) as 'absent' | 'ill' | 'excused' | 'late';
      if (kind in found) found[kind] += num(row.n);
      found.journals.add(journal.id);
      byPupil.set(id, found);
    }
    return { byPupil, lessonsOf };
  };

  const loadPeriod = async (
    viewer: AnalyticsViewer,
    filters: AnalyticsFilters,
    period: PeriodInfo,
  ): Promise<PeriodData & { scope: Scope }> => {
    const scope = await scopeOf(viewer, filters, period);
    return { period, scope, results: await resultsOf(scope) };
  };

  // ---------------------------------------------------------------- reports

  const keyOf = (groupBy: GroupBy, journal: JournalInfo): Array<{ key: string; label: string; grade?: number }> => {
    switch (groupBy) {
      case 'class':
        return [{ key: journal.classDocumentId, label: journal.className, grade: journal.grade }];
      case 'subject':
        return [{ key: journal.subjectDocumentId, label: journal.subjectName }];
      case 'grade':
        return [{ key: String(journal.grade), label: `${journal.grade} классы`, grade: journal.grade }];
      case 'teacher':
        return journal.teachers.length > 0
          ? journal.teachers.map((teacher) => ({ key: String(teacher.id), label: teacher.name }))
          : [{ key: 'none', label: 'Учитель не указан' }];
      case 'level':
        return [{ key: journal.studyLevel, label: STUDY_LEVEL_GROUPS[journal.studyLevel] ?? journal.studyLevel }];
      case 'profile':
        return journal.classProfile
          ? [{ key: journal.classProfile.toLocaleLowerCase('ru'), label: `Профиль «${journal.classProfile}»` }]
          : [{ key: 'none', label: 'Без профиля' }];
      default:
        return [{ key: 'school', label: 'Школа' }];
    }
  };

  const standingsOf = (results: ResultRow[]) => {
    const byPupil = new Map<number, string[]>();
    for (const row of results) if (row.result) byPupil.set(row.studentId, [...(byPupil.get(row.studentId) ?? []), row.result.value]);
    const counts = { excellent: 0, good: 0, oneFour: 0, oneThree: 0, failing: 0 };
    const reserve = thresholds().leaderReserveMarks;
    for (const values of byPupil.values()) {
      const category = pupilCategory(values, reserve);
      if (category === 'excellent') counts.excellent += 1;
      if (category === 'one-four' || category === 'good') counts.good += 1;
      if (category === 'one-four') counts.oneFour += 1;
      if (category === 'one-three') counts.oneThree += 1;
      if (category === 'failing') counts.failing += 1;
    }
    return counts;
  };

  const measuresOf = (results: ResultRow[]): GroupMeasures =>
    groupMeasures(results.filter((row) => row.result).map((row) => ({ pupil: row.studentId, value: (row.result as PeriodResult).value })));

  /** The result a pupil is expected to end the period with: the period mark when given, else the forecast. */
  const expectedOf = (row: ResultRow): string | null => {
    if (row.periodMark) return row.periodMark === 'осв' ? null : row.periodMark;
    return row.forecast ? String(row.forecast.value) : null;
  };

  const expectedMeasuresOf = (results: ResultRow[]): GroupMeasures =>
    groupMeasures(
      results.flatMap((row) => {
        const value = expectedOf(row);
        return value === null ? [] : [{ pupil: row.studentId, value }];
      }),
    );

  const grouped = (results: ResultRow[], groupBy: GroupBy) => {
    const groups = new Map<string, { key: string; label: string; grade?: number; rows: ResultRow[] }>();
    for (const row of results)
      for (const group of keyOf(groupBy, row.journal)) {
        const found = groups.get(group.key) ?? { ...group, rows: [] };
        found.rows.push(row);
        groups.set(group.key, found);
      }
    return groups;
  };

  const periodView = (period: PeriodInfo | null) =>
    period && {
      documentId: period.documentId,
      title: period.title,
      scheme: period.scheme,
      startDate: period.startDate,
      endDate: period.endDate,
      year: period.yearTitle,
    };

  const collator = new Intl.Collator('ru', { numeric: true });

  /**
   * Measures of the period by group (class, subject, parallel, teacher, level, profile or the whole
   * school) beside the previous period, for each grouping asked: the results of both periods are
   * loaded once, whatever the number of groupings.
   */
  const summariesOf = async (viewer: AnalyticsViewer, filters: AnalyticsFilters, groupBys: readonly GroupBy[]) => {
    const period = await resolvePeriod(filters);
    const previous = await previousPeriod(period, filters.compare);
    const now = await loadPeriod(viewer, filters, period);
    const before = previous ? (await loadPeriod(viewer, filters, previous)).results : [];
    const total = measuresOf(now.results);
    const totalBefore = before.length > 0 ? measuresOf(before) : null;
    return groupBys.map((groupBy) => {
      const nowGroups = grouped(now.results, groupBy);
      const beforeGroups = grouped(before, groupBy);
      const groups = [...nowGroups.values()].map((group) => {
        const current = measuresOf(group.rows);
        const past = beforeGroups.get(group.key);
        const previousMeasures = past ? measuresOf(past.rows) : null;
        return {
          key: group.key,
          label: group.label,
          ...(group.grade !== undefined ? { grade: group.grade } : {}),
          current,
          previous: previousMeasures,
          change: changeOf(current, previousMeasures),
          standing: standingsOf(group.rows),
        };
      });
      groups.sort(
        (a, b) => (groupBy === 'class' || groupBy === 'grade' ? (a.grade ?? 0) - (b.grade ?? 0) : 0) || collator.compare(a.label, b.label),
      );
      return {
        period: periodView(period),
        previousPeriod: periodView(previous),
        groupBy,
        total: { current: total, previous: totalBefore, change: changeOf(total, totalBefore), standing: standingsOf(now.results) },
        groups,
      };
    });
  };

  /**
   * Each listed pupil's open trajectory (R24) of the period's school year, by the pupil's documentId:
   * the latest begun when there are several. One query for the whole list.
   */
  /**
   * What a control work's analysis reads of its lessons: the current marks (in id order, so a pupil's
   * latest comes last) with their pupils, and the absences recorded on them.
   */
  const controlWorkResultsOf = async (lessonIds: number[]) => {
    type Linked = Row & { lesson: Row | null; student: Row | null };
    if (lessonIds.length === 0) return { marks: [] as Linked[], absences: [] as Linked[] };
    const marks = (await strapi.db.query(MARK).findMany({
      where: { lesson: { id: { $in: lessonIds } }, kind: 'current' },
      select: ['id', 'value', 'points'],
      orderBy: { id: 'asc' },
      populate: { lesson: { select: ['id'] }, student: { select: ['id', 'documentId', 'fullName'] } },
    })) as Linked[];
    const absences = (await strapi.db.query(ATTENDANCE).findMany({
      where: { lesson: { id: { $in: lessonIds } }, kind: { $in: [...ABSENCE_KINDS] } },
      select: ['id'],
      populate: { lesson: { select: ['id'] }, student: { select: ['id'] } },
    })) as Linked[];
    return { marks, absences };
  };

  const openTrajectoriesOf = async (period: { documentId: string } | null, pupils: string[]): Promise<Map<string, string>> => {
    if (!period || pupils.length === 0) return new Map();
    const rows = (await strapi.db.query(TRAJECTORY).findMany({
      where: {
        closedOn: { $null: true },
        academicYear: { studyPeriods: { documentId: period.documentId } },
        student: { documentId: { $in: [...new Set(pupils)] } },
      },
      select: ['documentId', 'startsOn'],
      populate: { student: { select: ['documentId'] } },
      orderBy: [{ startsOn: 'desc' }, { id: 'desc' }],
    })) as Array<{ documentId: string; student: { documentId: string } | null }>;
    const open = new Map<string, string>();
    for (const row of rows) if (row.student && !open.has(row.student.documentId)) open.set(row.student.documentId, row.documentId);
    return open;
  };

  /** Per-pupil standing in a period: results by subject, category, absences and why they are at risk. */
  const pupilsReport = async (viewer: AnalyticsViewer, filters: AnalyticsFilters) => {
    const period = await resolvePeriod(filters);
    const previous = await previousPeriod(period, filters.compare);
    const now = await loadPeriod(viewer, filters, period);
    const before = previous ? await resultsOf(await scopeOf(viewer, filters, previous)) : [];
    const previousAverage = new Map(before.map((row) => [`${row.studentId}:${row.subjectId}`, row.average]));
    const attendance = await attendanceOf(now.scope);
    const students = await studentsById([...now.results.map((row) => row.studentId), ...attendance.byPupil.keys()]);
    const settings = thresholds();
    const byPupil = new Map<number, ResultRow[]>();
    for (const row of now.results) byPupil.set(row.studentId, [...(byPupil.get(row.studentId) ?? []), row]);
    for (const id of attendance.byPupil.keys()) if (!byPupil.has(id)) byPupil.set(id, []);
    const pupils = [...byPupil.entries()].map(([studentId, rows]) => {
      const student = students.get(studentId);
      const absences = attendance.byPupil.get(studentId) ?? { absent: 0, ill: 0, excused: 0, late: 0, journals: new Set<number>() };
      const journals = new Set([...rows.map((row) => row.journal.id), ...absences.journals]);
      const lessons = [...journals].reduce((total, id) => total + (attendance.lessonsOf.get(id) ?? 0), 0);
      const missed = ABSENCE_KINDS.reduce((total, kind) => total + absences[kind], 0);
      const subjects = rows
        .map((row) => {
          const previousAvg = previousAverage.get(`${studentId}:${row.subjectId}`) ?? null;
          return {
            subject: row.journal.subjectName,
            subjectDocumentId: row.journal.subjectDocumentId,
            className: row.journal.className,
            average: row.average,
            previousAverage: previousAvg,
            marks: row.marks,
            periodMark: row.periodMark,
            result: row.result,
            forecast: row.forecast,
            risks: subjectRisks(
              {
                result: row.result,
                forecast: row.forecast,
                average: row.average,
                previousAverage: previousAvg,
                marks: row.marks,
                pointScale: row.journal.scale !== 'pass-fail',
              },
              settings,
            ),
          };
        })
        .sort((a, b) => collator.compare(a.subject, b.subject));
      const risks = new Set<RiskReason>(subjects.flatMap((subject) => subject.risks));
      if (absenceRisk(missed, lessons, settings.absentShare)) risks.add('absences');
      const averages = rows.map((row) => row.average).filter((value): value is number => value !== null);
      const latest = rows.reduce<ResultRow | null>(
        (best, row) => (best === null || row.journal.grade >= best.journal.grade ? row : best),
        null,
      );
      return {
        documentId: student?.documentId ?? '',
        fullName: student?.fullName ?? '',
        className: latest?.journal.className ?? null,
        category: pupilCategory(
          rows.filter((row) => row.result).map((row) => (row.result as PeriodResult).value),
          settings.leaderReserveMarks,
        ),
        average: averages.length === 0 ? null : round2(averages.reduce((sum, value) => sum + value, 0) / averages.length),
        subjects,
        attendance: { absent: absences.absent, ill: absences.ill, excused: absences.excused, late: absences.late, missed, lessons },
        risks: [...risks],
      };
    });
    pupils.sort((a, b) => collator.compare(a.className ?? '', b.className ?? '') || collator.compare(a.fullName, b.fullName));
    return { period: periodView(period), previousPeriod: periodView(previous), pupils };
  };

  return {
    resolvePeriod,

    /** Years, periods, classes and subjects to choose from (classes and subjects the viewer may see). */
    async choices(viewer: AnalyticsViewer, filters: AnalyticsFilters = {}) {
      const year = await resolveYear(filters.year);
      const years = (await strapi.db
        .query(YEAR)
        .findMany({ select: ['documentId', 'title', 'state'], orderBy: { startDate: 'desc' } })) as Row[];
      const periods = year ? await periodRows((query) => query.where('y.id', year.id)) : [];
      const journals = year ? [...(await journalsOfYear(year.id)).values()] : [];
      const own = new Set(viewer.journalIds ?? []);
      const led = new Set(viewer.ledClassIds ?? []);
      const visible = journals.filter((journal) => viewer.wholeSchool || own.has(journal.id) || led.has(journal.classId));
      const classes = new Map(
        visible.map((journal) => [
          journal.classDocumentId,
          { documentId: journal.classDocumentId, name: journal.className, grade: journal.grade },
        ]),
      );
      const subjects = new Map(
        visible.map((journal) => [journal.subjectDocumentId, { documentId: journal.subjectDocumentId, name: journal.subjectName }]),
      );
      return {
        year: year ? { documentId: year.documentId, title: year.title } : null,
        years: years.map((row) => ({ documentId: row.documentId, title: row.title, state: row.state })),
        periods: periods.map(periodView),
        classes: [...classes.values()].sort((a, b) => a.grade - b.grade || collator.compare(a.name, b.name)),
        subjects: [...subjects.values()].sort((a, b) => collator.compare(a.name, b.name)),
        grades: [...new Set([...classes.values()].map((item) => item.grade))].sort((a, b) => a - b),
      };
    },

    /**
     * Measures of the period by one grouping (`groupBy`: class, subject, grade, teacher, level, profile or school) beside
     * those of the previous period, the change, and the standing counts (отличники, хорошисты, …).
     */
    async summary(viewer: AnalyticsViewer, filters: AnalyticsFilters & { groupBy?: unknown }) {
      const groupBy = (text(filters.groupBy) ?? 'class') as GroupBy;
      if (!GROUP_BYS.includes(groupBy)) throw fieldError('groupBy', `Группировка: ${GROUP_BYS.join(', ')}`);
      const [summary] = await summariesOf(viewer, filters, [groupBy]);
      return summary;
    },

    /** The summary by several groupings at once (the XLSX export), the period's results loaded once. */
    summaries: summariesOf,

    pupils: pupilsReport,

    /**
     * The forecast for classes, subjects, parallels, teachers or the school (R86): the measures the
     * period is expected to end with — each pupil's result per subject taken as the period mark when
     * it is given, else the forecast of it (`forecastMark`) — beside the measures of the results so
     * far (period marks, else rounded averages) and the expected change.
     */
    async forecast(viewer: AnalyticsViewer, filters: AnalyticsFilters & { groupBy?: unknown }) {
      const groupBy = (text(filters.groupBy) ?? 'class') as GroupBy;
      if (!GROUP_BYS.includes(groupBy)) throw fieldError('groupBy', `Группировка: ${GROUP_BYS.join(', ')}`);
      const period = await resolvePeriod(filters);
      const { results } = await loadPeriod(viewer, filters, period);
      const measure = (rows: ResultRow[]) => {
        const current = measuresOf(rows);
        const expected = expectedMeasuresOf(rows);
        return {
          current,
          expected,
          change: changeOf(expected, current),
          forecasts: rows.filter((row) => !row.periodMark && row.forecast).length,
        };
      };
      const groups = [...grouped(results, groupBy).values()]
        .map((group) => ({
          key: group.key,
          label: group.label,
          ...(group.grade !== undefined ? { grade: group.grade } : {}),
          ...measure(group.rows),
        }))
        .sort(
          (a, b) =>
            (groupBy === 'class' || groupBy === 'grade' ? (a.grade ?? 0) - (b.grade ?? 0) : 0) || collator.compare(a.label, b.label),
        );
      const day = today();
      return {
        period: periodView(period),
        state: day < period.startDate ? 'future' : day > period.endDate ? 'finished' : 'running',
        groupBy,
        total: measure(results),
        groups,
      };
    },

    /**
     * Отличники, pupils with one 4 (and хорошисты), pupils with one 3, by class; each with their
     * results by subject and their open trajectory of the year (`trajectory`, R24), or null.
     */
    async leaders(viewer: AnalyticsViewer, filters: AnalyticsFilters) {
      const report = await pupilsReport(viewer, filters);
      const leaders = report.pupils.filter((pupil) => LEADER_CATEGORIES.includes(pupil.category));
      const trajectories = await openTrajectoriesOf(
        report.period,
        leaders.map((pupil) => pupil.documentId),
      );
      const pick = (category: PupilCategory) =>
        leaders
          .filter((pupil) => pupil.category === category)
          .map((pupil) => ({
            documentId: pupil.documentId,
            fullName: pupil.fullName,
            className: pupil.className,
            average: pupil.average,
            ...(category === 'one-four' || category === 'one-three'
              ? {
                  subject:
                    pupil.subjects.find((subject) => subject.result?.value === (category === 'one-four' ? '4' : '3'))?.subject ?? null,
                }
              : {}),
            subjects: pupil.subjects.map(({ subject, subjectDocumentId, average, result }) => ({
              subject,
              subjectDocumentId,
              average,
              result,
            })),
            trajectory: trajectories.get(pupil.documentId) ?? null,
          }));
      return {
        period: report.period,
        excellent: pick('excellent'),
        oneFour: pick('one-four'),
        good: pick('good'),
        oneThree: pick('one-three'),
      };
    },

    /**
     * Pupils who need help this period: an expected 2 or н/а, too few marks, a falling average, many
     * absences; each with their open trajectory of the year (`trajectory`, R24), or null.
     */
    async atRisk(viewer: AnalyticsViewer, filters: AnalyticsFilters) {
      const report = await pupilsReport(viewer, filters);
      const weights = thresholds().riskWeights;
      const severity = (risks: RiskReason[]) => riskSeverity(risks, weights);
      const listed = report.pupils.filter((pupil) => pupil.risks.length > 0);
      const trajectories = await openTrajectoriesOf(
        report.period,
        listed.map((pupil) => pupil.documentId),
      );
      const pupils = listed
        .map((pupil) => ({
          documentId: pupil.documentId,
          fullName: pupil.fullName,
          className: pupil.className,
          average: pupil.average,
          risks: pupil.risks,
          attendance: pupil.attendance,
          subjects: pupil.subjects
            .filter((subject) => subject.risks.length > 0)
            .map(({ subject, subjectDocumentId, average, previousAverage, marks, result, forecast, risks }) => ({
              subject,
              subjectDocumentId,
              average,
              previousAverage,
              marks,
              result,
              forecast: forecast?.value ?? null,
              risks,
            })),
          trajectory: trajectories.get(pupil.documentId) ?? null,
        }))
        .sort(
          (a, b) =>
            severity(b.risks) - severity(a.risks) ||
            collator.compare(a.className ?? '', b.className ?? '') ||
            collator.compare(a.fullName, b.fullName),
        );
      return { period: report.period, pupils };
    },

    /** Lessons missed by reason, per class and per pupil, in the period. */
    async attendance(viewer: AnalyticsViewer, filters: AnalyticsFilters) {
      const period = await resolvePeriod(filters);
      const scope = await scopeOf(viewer, filters, period);
      const { byPupil, lessonsOf } = await attendanceOf(scope);
      const students = await studentsById([...byPupil.keys()]);
      const classes = new Map<
        string,
        { documentId: string; name: string; grade: number; absent: number; ill: number; excused: number; late: number; pupils: number }
      >();
      const pupils = [...byPupil.entries()].map(([id, counts]) => {
        const journals = [...counts.journals].map((journalId) => scope.journals.get(journalId) as JournalInfo);
        const home = journals.reduce((best, journal) => (journal.grade >= best.grade ? journal : best), journals[0]);
        const lessons = [...counts.journals].reduce((total, journalId) => total + (lessonsOf.get(journalId) ?? 0), 0);
        const missed = ABSENCE_KINDS.reduce((total, kind) => total + counts[kind], 0);
        const found = classes.get(home.classDocumentId) ?? {
          documentId: home.classDocumentId,
          name: home.className,
          grade: home.grade,
          absent: 0,
          ill: 0,
          excused: 0,
          late: 0,
          pupils: 0,
        };
        found.absent += counts.absent;
        found.ill += counts.ill;
        found.excused += counts.excused;
        found.late += counts.late;
        found.pupils += 1;
        classes.set(home.classDocumentId, found);
        return {
          documentId: students.get(id)?.documentId ?? '',
          fullName: students.get(id)?.fullName ?? '',
          className: home.className,
          absent: counts.absent,
          ill: counts.ill,
          excused: counts.excused,
          late: counts.late,
          missed,
          lessons,
          missedShare: lessons === 0 ? null : Math.round((missed / lessons) * 1000) / 10,
        };
      });
      pupils.sort((a, b) => collator.compare(a.className, b.className) || collator.compare(a.fullName, b.fullName));
      return {
        period: periodView(period),
        classes: [...classes.values()]
          .sort((a, b) => a.grade - b.grade || collator.compare(a.name, b.name))
          .map(({ grade: _grade, ...row }) => ({ ...row, missed: row.absent + row.ill + row.excused })),
        pupils,
      };
    },

    /**
     * One pupil's weighted averages and results by subject over the periods of a year, the average
     * of their subject averages per period, and the forecast of the running period; beside them
     * (R87) each subject's attestation marks of every year up to this one (period, annual, exam and
     * final marks) and the events of the same line (approved portfolio entries, external assessments,
     * GIA results), shaped by `src/school/rules/pupil-trend.ts`. For a parent or the pupil (the
     * controller checks the family), or staff who reach the pupil: a teacher sees the marks of the
     * journals they teach or of the classes they lead, and the events of those subjects or with none.
     */
    async pupilTrend(viewer: AnalyticsViewer, studentId: number, filters: AnalyticsFilters = {}) {
      const year = await resolveYear(filters.year);
      if (!year) throw fieldError('year', 'В школе ещё нет учебных годов');
      const periods = (await periodRows((query) => query.where('y.id', year.id))).filter((period) => period.startDate <= today());
      const journals = await journalsOfYear(year.id);
      const own = new Set(viewer.journalIds ?? []);
      const led = new Set(viewer.ledClassIds ?? []);
      const visible = (journal: JournalInfo) => viewer.wholeSchool || own.has(journal.id) || led.has(journal.classId);
      const subjects = new Map<number, { subject: string; subjectDocumentId: string; periods: Array<Record<string, unknown>> }>();
      const overall: Array<{ period: string; title: string; average: number | null }> = [];
      const usedPeriods: PeriodInfo[] = [];
      for (const period of periods) {
        const scope: Scope = { period, journals, visible, studentIds: [studentId], journalIds: null };
        const results = await resultsOf(scope);
        if (results.length === 0) continue;
        usedPeriods.push(period);
        const averages: number[] = [];
        for (const row of results) {
          const found = subjects.get(row.subjectId) ?? {
            subject: row.journal.subjectName,
            subjectDocumentId: row.journal.subjectDocumentId,
            periods: [],
          };
          found.periods.push({
            period: period.documentId,
            title: period.title,
            average: row.average,
            marks: row.marks,
            periodMark: row.periodMark,
            result: row.result,
            ...(period.endDate >= today() ? { forecast: row.forecast?.value ?? null } : {}),
          });
          subjects.set(row.subjectId, found);
          if (row.average !== null) averages.push(row.average);
        }
        overall.push({
          period: period.documentId,
          title: period.title,
          average: averages.length === 0 ? null : round2(averages.reduce((sum, value) => sum + value, 0) / averages.length),
        });
      }
      const student = (await studentsById([studentId])).get(studentId);
      // The line over the years: attestation marks of every year up to this one, and the events.
      const until = (asDate((year as { endDate?: unknown }).endDate) ?? today()) as LocalDate;
      const history = attestationBySubject(await attestationMarksOf(viewer, studentId, until));
      for (const line of history)
        if (!subjects.has(line.subjectId))
          subjects.set(line.subjectId, { subject: line.subject, subjectDocumentId: line.subjectDocumentId, periods: [] });
      const attestationOf = new Map(history.map((line) => [line.subjectId, line.attestation]));
      const withTrend = [...subjects.entries()]
        .map(([subjectId, subject]) => {
          const points = subject.periods.map((entry) => entry.average as number | null).filter((value): value is number => value !== null);
          return {
            ...subject,
            change: points.length >= 2 ? round2(points[points.length - 1] - points[points.length - 2]) : null,
            attestation: attestationOf.get(subjectId) ?? [],
          };
        })
        .sort((a, b) => collator.compare(a.subject, b.subject));
      return {
        student: student ? { documentId: student.documentId, fullName: student.fullName } : null,
        year: { documentId: year.documentId, title: year.title },
        periods: usedPeriods.map(periodView),
        overall,
        subjects: withTrend,
        events: await eventsOf(viewer, studentId, until),
      };
    },

    /**
     * How good the forecast was on the finished periods of a year: for every pupil × subject with a
     * point period mark, the forecast from the marks of the first two thirds of the period against
     * the mark given; beside it the plain rounded average of the same marks, and of all the marks.
     */
    async forecastAccuracy(viewer: AnalyticsViewer, filters: AnalyticsFilters = {}) {
      const year = await resolveYear(filters.year);
      if (!year) throw fieldError('year', 'В школе ещё нет учебных годов');
      const finished = (await periodRows((query) => query.where('y.id', year.id))).filter((period) => period.endDate < today());
      const settings = thresholds();
      const all: { forecast: AccuracyPair[]; soFar: AccuracyPair[]; whole: AccuracyPair[] } = { forecast: [], soFar: [], whole: [] };
      const byPeriod = [];
      for (const period of finished) {
        const { results } = await loadPeriod(viewer, { class: filters.class, subject: filters.subject, grade: filters.grade }, period);
        const pairs: AccuracyPair[] = [];
        for (const row of results) {
          if (!row.periodMark || !isPointResult(row.periodMark) || !row.forecast) continue;
          const actual = Number(row.periodMark);
          pairs.push({ forecast: row.forecast.value, actual });
          all.forecast.push({ forecast: row.forecast.value, actual });
          all.soFar.push({ forecast: roundHalfUp(row.forecast.average), actual });
          if (row.average !== null) all.whole.push({ forecast: roundHalfUp(row.average), actual });
        }
        byPeriod.push({ period: periodView(period), ...accuracyOf(pairs) });
      }
      return {
        year: { documentId: year.documentId, title: year.title },
        method: `weighted average of the first two thirds of the period + ${settings.trendFactor} of its trend (±${settings.trendLimit} at most; each third with ${settings.trendMinMarks} marks or more), rounded half up`,
        forecast: accuracyOf(all.forecast),
        baselines: { averageSoFar: accuracyOf(all.soFar), averageOfWholePeriod: accuracyOf(all.whole) },
        periods: byPeriod,
      };
    },

    /**
     * The analysis of each control work of the period (R91, R98): lessons whose work type is a
     * control work, in the journals the viewer sees after the filters. For each: its class, subject,
     * date, topic and specification, the pupils on the class list that day, those who wrote it (a
     * point mark on the lesson; a pupil's latest mark when there are several) and those absent by
     * the attendance record, the counts of 5/4/3/2, успеваемость and качество against the school's
     * planned rates (gap = actual − planned), and each pupil's level of mastery from the mark
     * (`src/school/rules/control-work.ts`).
     */
    async controlWorks(viewer: AnalyticsViewer, filters: AnalyticsFilters) {
      const period = await resolvePeriod(filters);
      const scope = await scopeOf(viewer, filters, period);
      const lessons = (
        (await strapi.db.query(LESSON).findMany({
          where: { studyPeriod: { id: period.id }, workType: 'control-work' },
          select: ['id', 'documentId', 'date', 'number', 'topic', ...CONTROL_WORK_FIELDS],
          populate: {
            journal: { select: ['id', 'documentId'] },
            assessmentMaterial: { select: ['id', 'documentId', 'title', 'maxPoints', 'basicFromPoints', 'advancedFromPoints'] },
          },
        })) as Array<Row & { journal: Row | null; assessmentMaterial: Row | null }>
      ).filter((lesson) => {
        const journal = lesson.journal ? scope.journals.get(Number(lesson.journal.id)) : undefined;
        return journal !== undefined && scope.visible(journal);
      });
      const lessonIds = lessons.map((lesson) => Number(lesson.id));
      const { marks, absences } = await controlWorkResultsOf(lessonIds);
      const works = [];
      for (const lesson of lessons) {
        const journal = scope.journals.get(Number(lesson.journal?.id)) as JournalInfo;
        const date = asDate(lesson.date) as LocalDate;
        // A pupil's latest point mark on the lesson (marks come in id order).
        const byPupil = new Map<number, { documentId: string; fullName: string; mark: string; points: number | null }>();
        for (const mark of marks) {
          if (Number(mark.lesson?.id) !== Number(lesson.id) || !mark.student || !isPointResult(String(mark.value ?? ''))) continue;
          byPupil.set(Number(mark.student.id), {
            documentId: String(mark.student.documentId),
            fullName: String(mark.student.fullName ?? ''),
            mark: String(mark.value),
            points: numberOrNull(mark.points),
          });
        }
        // The lesson's maximum and thresholds, else those of the КИМ it names (R98).
        const { maxPoints, thresholds } = pointsScaleOf(lesson, lesson.assessmentMaterial);
        const absent = new Set(
          absences
            .filter((absence) => Number(absence.lesson?.id) === Number(lesson.id) && absence.student)
            .map((absence) => Number(absence.student?.id)),
        );
        const onList = await pupilsOfClasses([journal.classId], { ...period, startDate: date, endDate: date });
        const pupils = [...byPupil.values()]
          .sort((a, b) => collator.compare(a.fullName, b.fullName))
          .map((pupil) => {
            const level = masteryLevel(pupil.mark) as MasteryLevel;
            const pointsLevel = levelFromPoints(pupil.points, thresholds);
            return {
              ...pupil,
              level,
              levelLabel: MASTERY_LABELS[level],
              pointsLevel,
              pointsLevelLabel: pointsLevel ? POINTS_LEVEL_LABELS[pointsLevel] : null,
            };
          });
        const pointsLevels = Object.fromEntries(POINTS_LEVELS.map((level) => [level, 0])) as Record<PointsLevel, number>;
        for (const pupil of pupils) if (pupil.pointsLevel) pointsLevels[pupil.pointsLevel] += 1;
        const measures = controlWorkMeasures(pupils.map((pupil) => pupil.mark));
        const planned = { successRate: numberOrNull(lesson.plannedSuccessRate), qualityRate: numberOrNull(lesson.plannedQualityRate) };
        works.push({
          lesson: { documentId: String(lesson.documentId), date, number: Number(lesson.number), topic: String(lesson.topic ?? '') },
          journal: { documentId: String(lesson.journal?.documentId) },
          class: { documentId: journal.classDocumentId, name: journal.className, grade: journal.grade },
          subject: { documentId: journal.subjectDocumentId, name: journal.subjectName },
          teachers: journal.teachers.map((teacher) => teacher.name),
          assessmentSpec: (lesson.assessmentSpec as string | null) ?? null,
          plannedResults: (lesson.plannedResults as string | null) ?? null,
          assessmentMaterial: lesson.assessmentMaterial
            ? { documentId: String(lesson.assessmentMaterial.documentId), title: String(lesson.assessmentMaterial.title ?? '') }
            : null,
          maxPoints,
          thresholds,
          onList: onList.length,
          written: measures.written,
          absent: absent.size,
          counts: measures.counts,
          successRate: measures.successRate,
          qualityRate: measures.qualityRate,
          planned,
          gap: {
            successRate: rateGap(measures.successRate, planned.successRate),
            qualityRate: rateGap(measures.qualityRate, planned.qualityRate),
          },
          levels: measures.levels,
          // By the points against the thresholds: only where both are given.
          pointsLevels: thresholds ? pointsLevels : null,
          pupils,
        });
      }
      works.sort(
        (a, b) =>
          a.lesson.date.localeCompare(b.lesson.date) ||
          a.class.grade - b.class.grade ||
          collator.compare(a.class.name, b.class.name) ||
          collator.compare(a.subject.name, b.subject.name),
      );
      return { period: periodView(period), controlWorks: works };
    },

    /**
     * The results of one КИМ across the classes that wrote it (R98): every control-work lesson naming
     * the КИМ in the journals the viewer reaches (a teacher: the journals they teach and those of the
     * class they lead; the deputy and the director: all), of any year. For each: the class, date and
     * teachers, written (a point mark on the lesson; a pupil's latest) and absent (the attendance
     * record), успеваемость, качество, the average points and the count per level the points reach
     * (the lesson's thresholds, else the КИМ's); and the total over all the classes
     * (`src/school/rules/assessment-material.ts`). 404 for a КИМ that does not exist.
     */
    async assessmentMaterial(viewer: AnalyticsViewer, documentId: string) {
      const material = (await strapi.db.query(ASSESSMENT_MATERIAL).findOne({
        where: { documentId },
        select: ['id', 'documentId', 'title', 'grade', 'kind', 'version', 'approved', 'maxPoints', 'basicFromPoints', 'advancedFromPoints'],
        populate: { subject: { select: ['documentId', 'name'] }, academicYear: { select: ['documentId', 'title'] } },
      })) as (Row & { subject: Row | null; academicYear: Row | null }) | null;
      if (!material) throw new errors.NotFoundError('КИМ не найден');
      const own = new Set(viewer.journalIds ?? []);
      const led = new Set(viewer.ledClassIds ?? []);
      type LessonRow = Row & {
        journal: (Row & { schoolClass: Row | null; academicYear: Row | null; teachers: Row[] | null }) | null;
      };
      const lessons = (
        (await strapi.db.query(LESSON).findMany({
          where: { assessmentMaterial: { id: material.id }, workType: 'control-work' },
          select: ['id', 'documentId', 'date', 'number', 'topic', ...CONTROL_WORK_FIELDS],
          populate: {
            journal: {
              select: ['id', 'documentId'],
              populate: {
                schoolClass: { select: ['id', 'documentId', 'name', 'grade'] },
                academicYear: { select: ['documentId', 'title'] },
                teachers: { select: ['id', 'fullName', 'username'] },
              },
            },
          },
        })) as LessonRow[]
      ).filter((lesson) => {
        const schoolClass = lesson.journal?.schoolClass;
        if (!lesson.journal || !schoolClass) return false;
        return viewer.wholeSchool || own.has(Number(lesson.journal.id)) || led.has(Number(schoolClass.id));
      });
      const lessonIds = lessons.map((lesson) => Number(lesson.id));
      const { marks, absences } = await controlWorkResultsOf(lessonIds);
      const works: Array<MaterialWork & { lesson: LessonRow; maxPoints: number | null }> = lessons.map((lesson) => {
        // A pupil's latest point mark on the lesson (marks come in id order).
        const byPupil = new Map<number, { mark: string; points: number | null }>();
        for (const mark of marks) {
          if (Number(mark.lesson?.id) !== Number(lesson.id) || !mark.student || !isPointResult(String(mark.value ?? ''))) continue;
          byPupil.set(Number(mark.student.id), { mark: String(mark.value), points: numberOrNull(mark.points) });
        }
        const absent = new Set(
          absences
            .filter((absence) => Number(absence.lesson?.id) === Number(lesson.id) && absence.student)
            .map((absence) => Number(absence.student?.id)),
        );
        const { maxPoints, thresholds } = pointsScaleOf(lesson, material);
        return { lesson, marks: [...byPupil.values()], absent: absent.size, thresholds, maxPoints };
      });
      works.sort(
        (a, b) =>
          String(asDate(a.lesson.date)).localeCompare(String(asDate(b.lesson.date))) ||
          Number(a.lesson.journal?.schoolClass?.grade) - Number(b.lesson.journal?.schoolClass?.grade) ||
          collator.compare(String(a.lesson.journal?.schoolClass?.name ?? ''), String(b.lesson.journal?.schoolClass?.name ?? '')),
      );
      const results = materialResults(works);
      return {
        material: {
          documentId: String(material.documentId),
          title: String(material.title ?? ''),
          subject: material.subject ? { documentId: String(material.subject.documentId), name: String(material.subject.name ?? '') } : null,
          grade: numberOrNull(material.grade),
          kind: (material.kind as string | null) ?? null,
          academicYear: material.academicYear
            ? { documentId: String(material.academicYear.documentId), title: String(material.academicYear.title ?? '') }
            : null,
          version: numberOrNull(material.version) ?? 1,
          approved: Boolean(material.approved),
          maxPoints: numberOrNull(material.maxPoints),
          thresholds: thresholdsOf(material),
        },
        levelLabels: POINTS_LEVEL_LABELS,
        classes: works.map((work, index) => {
          const journal = work.lesson.journal as NonNullable<LessonRow['journal']>;
          const schoolClass = journal.schoolClass as Row;
          return {
            lesson: {
              documentId: String(work.lesson.documentId),
              date: asDate(work.lesson.date),
              number: Number(work.lesson.number),
              topic: String(work.lesson.topic ?? ''),
            },
            journal: { documentId: String(journal.documentId) },
            class: { documentId: String(schoolClass.documentId), name: String(schoolClass.name ?? ''), grade: Number(schoolClass.grade) },
            year: journal.academicYear ? String(journal.academicYear.title ?? '') : null,
            teachers: (journal.teachers ?? []).map((teacher) => staffNameOf(teacher)),
            maxPoints: work.maxPoints,
            thresholds: work.thresholds,
            ...results.works[index],
          };
        }),
        total: results.total,
      };
    },

    /**
     * How pupils' self-assessments compare with the teacher's marks (R78), per class and per pupil:
     * the checked works of the period's assignments (by the lesson's day) that carry both, and the
     * self-assessments of the period's control works once the teacher has marked them (`sources`
     * counts each kind), in the journals the viewer sees after the filters — how often the self-assessment matched, was higher
     * or lower, and the mean gap in points (`src/school/rules/self-assessment.ts`).
     */
    async selfAssessment(viewer: AnalyticsViewer, filters: AnalyticsFilters) {
      const period = await resolvePeriod(filters);
      const scope = await scopeOf(viewer, filters, period);
      const works = (await strapi.db.query(SUBMISSION).findMany({
        where: {
          state: 'checked',
          selfAssessment: { $notNull: true },
          assignment: { lesson: { date: { $gte: period.startDate, $lte: period.endDate } } },
        },
        select: ['id', 'selfAssessment'],
        populate: {
          mark: { select: ['value'] },
          student: { select: ['id', 'documentId', 'fullName'] },
          assignment: { select: ['id'], populate: { journal: { select: ['id'] } } },
        },
      })) as Array<Row & { mark: Row | null; student: Row | null; assignment: (Row & { journal: Row | null }) | null }>;
      // Control works written in class (R78): the self-assessment entered before the teacher's mark of that lesson.
      const controlSelves = (await strapi.db.query(CONTROL_SELF).findMany({
        where: { lesson: { date: { $gte: period.startDate, $lte: period.endDate } } },
        select: ['id', 'value'],
        populate: {
          student: { select: ['id', 'documentId', 'fullName'] },
          lesson: { select: ['id'], populate: { journal: { select: ['id'] } } },
        },
      })) as Array<Row & { student: Row | null; lesson: (Row & { journal: Row | null }) | null }>;
      const controlMarks = controlSelves.length
        ? ((await strapi.db.query('api::mark.mark').findMany({
            where: {
              lesson: { id: { $in: [...new Set(controlSelves.map((entry) => Number(entry.lesson?.id)))] } },
              student: { id: { $in: [...new Set(controlSelves.map((entry) => Number(entry.student?.id)))] } },
            },
            select: ['id', 'value'],
            populate: { lesson: { select: ['id'] }, student: { select: ['id'] } },
          })) as Array<Row & { lesson: Row | null; student: Row | null }>)
        : [];
      const markOf = new Map(controlMarks.map((mark) => [`${mark.student?.id}:${mark.lesson?.id}`, String(mark.value)]));
      type Source = 'assignment' | 'control-work';
      const entries: Array<{ source: Source; student: Row | null; journalId: number | null; self: string | null; teacher: string | null }> =
        [
          ...works.map((work) => ({
            source: 'assignment' as const,
            student: work.student,
            journalId: work.assignment?.journal ? Number(work.assignment.journal.id) : null,
            self: String(work.selfAssessment ?? '') || null,
            teacher: (work.mark?.value as string | undefined) ?? null,
          })),
          ...controlSelves.map((entry) => ({
            source: 'control-work' as const,
            student: entry.student,
            journalId: entry.lesson?.journal ? Number(entry.lesson.journal.id) : null,
            self: String(entry.value ?? '') || null,
            teacher: markOf.get(`${entry.student?.id}:${entry.lesson?.id}`) ?? null,
          })),
        ];
      /** How many compared pairs come from assignments and how many from control works. */
      const sourcesOf = (pairs: Pair[]) => ({
        assignment: pairs.filter((pair) => pair.source === 'assignment' && compareSelfAssessment(pair.self, pair.teacher)).length,
        controlWork: pairs.filter((pair) => pair.source === 'control-work' && compareSelfAssessment(pair.self, pair.teacher)).length,
      });
      type Pair = { self: string | null; teacher: string | null; source: Source };
      interface PupilPairs {
        documentId: string;
        fullName: string;
        pairs: Pair[];
      }
      interface ClassPairs {
        documentId: string;
        name: string;
        grade: number;
        pairs: Pair[];
        pupils: Map<number, PupilPairs>;
      }
      const classes = new Map<number, ClassPairs>();
      for (const work of entries) {
        const journal = work.journalId === null ? undefined : scope.journals.get(work.journalId);
        if (!journal || !scope.visible(journal) || !work.student) continue;
        const pair: Pair = { self: work.self, teacher: work.teacher, source: work.source };
        const group: ClassPairs = classes.get(journal.classId) ?? {
          documentId: journal.classDocumentId,
          name: journal.className,
          grade: journal.grade,
          pairs: [],
          pupils: new Map(),
        };
        group.pairs.push(pair);
        const pupilId = Number(work.student.id);
        const pupil: PupilPairs = group.pupils.get(pupilId) ?? {
          documentId: String(work.student.documentId),
          fullName: String(work.student.fullName ?? ''),
          pairs: [],
        };
        pupil.pairs.push(pair);
        group.pupils.set(pupilId, pupil);
        classes.set(journal.classId, group);
      }
      return {
        period: periodView(period),
        classes: [...classes.values()]
          .sort((a, b) => a.grade - b.grade || collator.compare(a.name, b.name))
          .map((group) => ({
            class: { documentId: group.documentId, name: group.name },
            ...summariseSelfAssessment(group.pairs),
            sources: sourcesOf(group.pairs),
            pupils: [...group.pupils.values()]
              .sort((a, b) => collator.compare(a.fullName, b.fullName))
              .map((pupil) => ({
                documentId: pupil.documentId,
                fullName: pupil.fullName,
                ...summariseSelfAssessment(pupil.pairs),
                sources: sourcesOf(pupil.pairs),
              })),
          })),
      };
    },

    /** The teacher's reach for the analytics (journals they teach, classes they lead). */
    async reachOf(accountId: number, leads: boolean): Promise<{ journalIds: number[]; ledClassIds: number[] }> {
      const ledClassIds = leads
        ? (
            (await strapi.db.query(CLASS).findMany({ where: { classTeacher: { id: accountId } }, select: ['id'] })) as Array<{ id: number }>
          ).map((row) => row.id)
        : [];
      const journalIds = (
        (await strapi.db.query(JOURNAL).findMany({ where: { teachers: { id: accountId } }, select: ['id'] })) as Array<{ id: number }>
      ).map((row) => row.id);
      return { journalIds, ledClassIds };
    },

    /** May the viewer see this pupil (whole school, or the pupil is in a class they reach in the year)? */
    async reachesPupil(viewer: AnalyticsViewer, studentId: number, filters: AnalyticsFilters = {}): Promise<boolean> {
      if (viewer.wholeSchool) return true;
      const year = await resolveYear(filters.year);
      if (!year) return false;
      const journals = [...(await journalsOfYear(year.id)).values()];
      const own = new Set(viewer.journalIds ?? []);
      const led = new Set(viewer.ledClassIds ?? []);
      const classIds = [
        ...new Set(journals.filter((journal) => own.has(journal.id) || led.has(journal.classId)).map((journal) => journal.classId)),
      ];
      const periods = await periodRows((query) => query.where('y.id', year.id));
      if (periods.length === 0 || classIds.length === 0) return false;
      const span: PeriodInfo = {
        ...periods[0],
        startDate: periods[0].startDate,
        endDate: periods
          .map((period) => period.endDate)
          .sort()
          .at(-1) as string,
      };
      return (await pupilsOfClasses(classIds, span)).includes(studentId);
    },

    categories: CATEGORY_ORDER,
  };
};

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;

export default createAnalyticsService;
