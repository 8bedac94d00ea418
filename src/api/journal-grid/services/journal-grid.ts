import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isWithin, todayInZone, type LocalDate } from '../../../school/calendar';
import { weightedAverage } from '../../../school/rules/averages';
import { pointsScaleOf } from '../../../school/rules/assessment-material';
import { levelFromPoints, POINTS_SCALE_FIELDS, thresholdsOf, type PointsLevel } from '../../../school/rules/control-work';
import { parseJournalCell, type AttendanceKind } from '../../../school/rules/journal-cell';
import { allowedMarkValues, normalizeMarkValue, type SubjectScale } from '../../../school/rules/mark-values';
import { schemeForGrade } from '../../../school/rules/study-periods';
import { getSchoolSettings } from '../../../school/settings';
import { columnOf, linkOf, tableOf } from '../../../school/sql/model-tables';
import { staffNameOf } from '../../../access/staff-name';

/**
 * The teacher's journal grid (pupils × lessons of one journal and study period) for the admin
 * page and the REST API: one read for the whole page, and cell writes that go through the
 * document service, so every record rule, the period lock and the audit trail apply to them.
 */

const JOURNAL = 'api::journal.journal';
const LESSON = 'api::lesson.lesson';
const MARK = 'api::mark.mark';
const ATTENDANCE = 'api::attendance.attendance';
const PERIOD = 'api::study-period.study-period';
const STUDENT = 'api::student.student';
const ENROLLMENT = 'api::enrollment.enrollment';
const REMARK = 'api::journal-remark.journal-remark';

/** Who looks at the grid and what they may do; resolved by the REST or the admin controller. */
export interface GridViewer {
  /** The users-permissions account behind the viewer (a teacher's own journals), if any. */
  accountId: number | null;
  readAll: boolean;
  writeAll: boolean;
  /** May write the journals the account teaches. */
  writeOwn: boolean;
  remark: boolean;
}

export interface GridMark {
  documentId: string;
  value: string;
  weight: number | null;
  workType: string | null;
  /** The points of a control work with a maximum (null elsewhere or not given). */
  points: number | null;
  /** The level the points reach against the work's thresholds (src/school/rules/control-work.ts). */
  level: PointsLevel | null;
}

export interface GridCell {
  pupil: string;
  lesson: string;
  marks: GridMark[];
  attendance: { documentId: string; kind: AttendanceKind } | null;
}

export interface GridLesson {
  documentId: string;
  date: LocalDate;
  number: number | null;
  topic: string | null;
  homework: string | null;
  workType: string | null;
  weight: number | null;
  /** A control work's maximum points and the thresholds of the basic and advanced levels (null when not set). */
  maxPoints: number | null;
  basicFromPoints: number | null;
  advancedFromPoints: number | null;
}

export interface GridPupil {
  documentId: string;
  number: number;
  fullName: string;
  /** The pupil joined or left the class inside the period: marks outside the dates are refused. */
  from: LocalDate | null;
  to: LocalDate | null;
  /** The pupil has special learning conditions (ПМПК) in force in the period: a marker only, no details. */
  specialConditions: boolean;
}

export interface GridPeriod {
  documentId: string;
  title: string;
  startDate: LocalDate;
  endDate: LocalDate;
  state: string;
}

export interface JournalGrid {
  journal: {
    documentId: string;
    title: string;
    kind: string;
    className: string | null;
    subjectName: string | null;
    scale: SubjectScale | null;
    yearTitle: string | null;
    teachers: string[];
  };
  period: GridPeriod & { locked: boolean };
  periods: GridPeriod[];
  pupils: GridPupil[];
  lessons: GridLesson[];
  cells: GridCell[];
  periodMarks: Array<{ pupil: string; documentId: string; value: string }>;
  averages: Record<string, number | null>;
  allowedValues: { current: string[]; periodic: string[] };
  remarks: Array<{
    documentId: string;
    inspectedOn: LocalDate | null;
    findings: string | null;
    remarks: string | null;
    state: string;
    fixBy: LocalDate | null;
  }>;
  today: LocalDate;
  access: { write: boolean; remark: boolean };
}

export interface JournalChoice {
  documentId: string;
  title: string;
  className: string | null;
  subjectName: string | null;
  yearTitle: string | null;
  yearDocumentId: string | null;
}

interface StoredJournal {
  id: number;
  documentId: string;
  title: string | null;
  kind: string;
  schoolClass: { id: number; name: string; grade: number } | null;
  subject: { id: number; name: string; scale: SubjectScale } | null;
  academicYear: { id: number; title: string; startDate: string; endDate: string } | null;
  pupils: Array<{ id: number }>;
  teachers: Array<{ id: number; fullName: string | null; username: string; email: string }>;
}

type Row = Record<string, unknown>;

const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

const asNumber = (value: unknown): number | null => (value === null || value === undefined || value === '' ? null : Number(value));
const asDate = (value: unknown): LocalDate | null => {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).slice(0, 10);
};

const createJournalGridService = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const today = () => todayInZone(getSchoolSettings(strapi).timeZone);
  const docId = (uid: string) => columnOf(strapi, uid as never, 'documentId');

  const loadJournal = async (documentId: string): Promise<StoredJournal> => {
    const journal = (await strapi.db.query(JOURNAL).findOne({
      where: { documentId },
      populate: {
        schoolClass: { select: ['id', 'name', 'grade'] },
        subject: { select: ['id', 'name', 'scale'] },
        academicYear: { select: ['id', 'title', 'startDate', 'endDate'] },
        pupils: { select: ['id'] },
        teachers: { select: ['id', 'fullName', 'username', 'email'] },
      },
    })) as StoredJournal | null;
    if (!journal) throw new errors.NotFoundError('Журнал не найден');
    return journal;
  };

  const teaches = (journal: StoredJournal, viewer: GridViewer) =>
    viewer.accountId !== null && journal.teachers.some((teacher) => teacher.id === viewer.accountId);

  /** Journals a teacher reaches by leading its class count as readable too. */
  const leadsClassOf = async (journal: StoredJournal, viewer: GridViewer): Promise<boolean> =>
    viewer.accountId !== null &&
    journal.schoolClass !== null &&
    (await strapi.db
      .query('api::school-class.school-class')
      .count({ where: { id: journal.schoolClass.id, classTeacher: { id: viewer.accountId } } })) > 0;

  const mayWrite = (journal: StoredJournal, viewer: GridViewer) => viewer.writeAll || (viewer.writeOwn && teaches(journal, viewer));

  /** The journal, or «not found» for a viewer who may not read it (no hint that it exists). */
  const readableJournal = async (documentId: string, viewer: GridViewer): Promise<StoredJournal> => {
    const journal = await loadJournal(documentId);
    if (viewer.readAll || teaches(journal, viewer) || (await leadsClassOf(journal, viewer))) return journal;
    throw new errors.NotFoundError('Журнал не найден');
  };

  const writableJournal = async (documentId: string, viewer: GridViewer): Promise<StoredJournal> => {
    const journal = await readableJournal(documentId, viewer);
    if (!mayWrite(journal, viewer)) throw new errors.PolicyError('Вы не ведёте этот журнал: записи в нём делают его учителя');
    return journal;
  };

  const periodsOf = async (journal: StoredJournal): Promise<GridPeriod[]> => {
    if (!journal.academicYear) return [];
    const scheme = journal.schoolClass ? schemeForGrade(journal.schoolClass.grade, getSchoolSettings(strapi).periodSchemes) : null;
    const periods = (await strapi.db.query(PERIOD).findMany({
      where: { academicYear: { id: journal.academicYear.id }, ...(scheme ? { scheme } : {}) },
      select: ['documentId', 'title', 'startDate', 'endDate', 'state'],
      orderBy: [{ startDate: 'asc' }],
    })) as GridPeriod[];
    return periods.map((period) => ({
      ...period,
      startDate: asDate(period.startDate) as string,
      endDate: asDate(period.endDate) as string,
    }));
  };

  /** The period asked for, else the one containing today, else the last one begun, else the first. */
  const choosePeriod = (periods: GridPeriod[], wanted: string | undefined): GridPeriod => {
    if (periods.length === 0) throw fieldError('period', 'У учебного года этого журнала нет учебных периодов');
    if (wanted) {
      const found = periods.find((period) => period.documentId === wanted);
      if (!found) throw fieldError('period', 'Такого учебного периода нет в году этого журнала');
      return found;
    }
    const day = today();
    return (
      periods.find((period) => isWithin(day, period.startDate, period.endDate)) ??
      [...periods].reverse().find((period) => period.startDate <= day) ??
      periods[0]
    );
  };

  /** Pupils on the journal's list at some day of the period, alphabetical and numbered. */
  const pupilsOf = async (journal: StoredJournal, period: GridPeriod): Promise<Array<GridPupil & { id: number }>> => {
    const db = knex();
    const students = tableOf(strapi, STUDENT);
    const columns = {
      documentId: docId(STUDENT),
      fullName: columnOf(strapi, STUDENT, 'fullName'),
      lastName: columnOf(strapi, STUDENT, 'lastName'),
      firstName: columnOf(strapi, STUDENT, 'firstName'),
    };
    let rows: Row[];
    if (journal.schoolClass) {
      const enrollments = tableOf(strapi, ENROLLMENT);
      const start = columnOf(strapi, ENROLLMENT, 'startDate');
      const end = columnOf(strapi, ENROLLMENT, 'endDate');
      const es = linkOf(strapi, ENROLLMENT, 'student');
      const ec = linkOf(strapi, ENROLLMENT, 'schoolClass');
      rows = await db(`${enrollments} as e`)
        .join(`${ec.table} as ec`, `ec.${ec.own}`, 'e.id')
        .join(`${es.table} as es`, `es.${es.own}`, 'e.id')
        .join(`${students} as s`, 's.id', `es.${es.other}`)
        .where(`ec.${ec.other}`, journal.schoolClass.id)
        .andWhere(`e.${start}`, '<=', period.endDate)
        .andWhere((where) => where.whereNull(`e.${end}`).orWhere(`e.${end}`, '>=', period.startDate))
        .select(
          's.id as id',
          `s.${columns.documentId} as documentId`,
          `s.${columns.fullName} as fullName`,
          `s.${columns.lastName} as lastName`,
          `s.${columns.firstName} as firstName`,
          `e.${start} as startDate`,
          `e.${end} as endDate`,
        );
    } else {
      rows = [];
    }
    if (journal.pupils.length > 0) {
      const named = new Set(journal.pupils.map((pupil) => pupil.id));
      if (journal.schoolClass) rows = rows.filter((row) => named.has(Number(row.id)));
      else
        rows = await db(students)
          .whereIn('id', [...named])
          .select(
            'id',
            `${columns.documentId} as documentId`,
            `${columns.fullName} as fullName`,
            `${columns.lastName} as lastName`,
            `${columns.firstName} as firstName`,
          );
    }
    // One row per pupil (a pupil may leave and come back): the widest span inside the period.
    const byPupil = new Map<number, GridPupil & { id: number; lastName: string; firstName: string }>();
    for (const row of rows) {
      const id = Number(row.id);
      const from = asDate(row.startDate);
      const to = asDate(row.endDate);
      const known = byPupil.get(id);
      const fromInside = from && from > period.startDate ? from : null;
      const toInside = to && to < period.endDate ? to : null;
      if (known) {
        known.from = known.from && fromInside ? (known.from < fromInside ? known.from : fromInside) : null;
        known.to = known.to && toInside ? (known.to > toInside ? known.to : toInside) : null;
        continue;
      }
      byPupil.set(id, {
        id,
        documentId: String(row.documentId),
        number: 0,
        fullName: String(row.fullName ?? ''),
        lastName: String(row.lastName ?? ''),
        firstName: String(row.firstName ?? ''),
        from: fromInside,
        to: toInside,
        specialConditions: false,
      });
    }
    if (byPupil.size > 0) {
      const conditions = (await strapi.db.query('api::special-condition.special-condition').findMany({
        where: {
          student: { id: { $in: [...byPupil.keys()] } },
          commissionDate: { $lte: period.endDate },
          $or: [{ validUntil: { $null: true } }, { validUntil: { $gte: period.startDate } }],
        },
        select: ['id'],
        populate: { student: { select: ['id'] } },
      })) as Array<{ student: { id: number } | null }>;
      for (const condition of conditions) {
        const pupil = condition.student ? byPupil.get(condition.student.id) : undefined;
        if (pupil) pupil.specialConditions = true;
      }
    }
    const collator = new Intl.Collator('ru');
    return [...byPupil.values()]
      .sort(
        (a, b) =>
          collator.compare(a.lastName, b.lastName) ||
          collator.compare(a.firstName, b.firstName) ||
          collator.compare(a.fullName, b.fullName),
      )
      .map(({ lastName: _lastName, firstName: _firstName, ...pupil }, index) => ({ ...pupil, number: index + 1 }));
  };

  /** The maximum and thresholds a lesson is marked on: its own, else those of the КИМ it names (`pointsScaleOf`). */
  const withMaterialScale = (lesson: Row, material: Row | null) => {
    const { maxPoints, thresholds } = pointsScaleOf(lesson, material);
    return { maxPoints, basicFromPoints: thresholds?.basicFrom ?? null, advancedFromPoints: thresholds?.advancedFrom ?? null };
  };

  const lessonsOf = async (journalId: number, period: GridPeriod): Promise<Array<GridLesson & { id: number }>> => {
    const lessons = tableOf(strapi, LESSON);
    const lj = linkOf(strapi, LESSON, 'journal');
    const date = columnOf(strapi, LESSON, 'date');
    const rows = (await knex()(`${lessons} as l`)
      .join(`${lj.table} as lj`, `lj.${lj.own}`, 'l.id')
      .where(`lj.${lj.other}`, journalId)
      .andWhere(`l.${date}`, '>=', period.startDate)
      .andWhere(`l.${date}`, '<=', period.endDate)
      .select(
        'l.id as id',
        `l.${docId(LESSON)} as documentId`,
        `l.${date} as date`,
        `l.${columnOf(strapi, LESSON, 'number')} as number`,
        `l.${columnOf(strapi, LESSON, 'topic')} as topic`,
        `l.${columnOf(strapi, LESSON, 'homework')} as homework`,
        `l.${columnOf(strapi, LESSON, 'workType')} as workType`,
        `l.${columnOf(strapi, LESSON, 'weight')} as weight`,
        `l.${columnOf(strapi, LESSON, 'maxPoints')} as maxPoints`,
        `l.${columnOf(strapi, LESSON, 'basicFromPoints')} as basicFromPoints`,
        `l.${columnOf(strapi, LESSON, 'advancedFromPoints')} as advancedFromPoints`,
      )
      .orderBy([`l.${date}`, `l.${columnOf(strapi, LESSON, 'number')}`, 'l.id'])) as Row[];
    // A control work that names a КИМ and leaves its scale empty is marked on the КИМ's (R98).
    const named = new Map(
      (
        (await strapi.db.query(LESSON).findMany({
          where: { id: { $in: rows.length > 0 ? rows.map((row) => Number(row.id)) : [0] }, assessmentMaterial: { id: { $notNull: true } } },
          select: ['id'],
          populate: { assessmentMaterial: { select: ['maxPoints', 'basicFromPoints', 'advancedFromPoints'] } },
        })) as Array<{ id: number; assessmentMaterial: Row | null }>
      ).map((lesson) => [Number(lesson.id), lesson.assessmentMaterial]),
    );
    return rows.map((row) => ({
      ...withMaterialScale(row, named.get(Number(row.id)) ?? null),
      id: Number(row.id),
      documentId: String(row.documentId),
      date: asDate(row.date) as string,
      number: asNumber(row.number),
      topic: (row.topic as string | null) ?? null,
      homework: (row.homework as string | null) ?? null,
      workType: (row.workType as string | null) ?? null,
      weight: asNumber(row.weight),
    }));
  };

  /** Marks of the journal in the period, with their pupil and lesson ids. */
  const marksOf = async (journalId: number, period: GridPeriod): Promise<Row[]> => {
    const marks = tableOf(strapi, MARK);
    const mj = linkOf(strapi, MARK, 'journal');
    const ms = linkOf(strapi, MARK, 'student');
    const ml = linkOf(strapi, MARK, 'lesson');
    const mp = linkOf(strapi, MARK, 'studyPeriod');
    const periods = tableOf(strapi, PERIOD);
    return (await knex()(`${marks} as m`)
      .join(`${mj.table} as mj`, `mj.${mj.own}`, 'm.id')
      .join(`${ms.table} as ms`, `ms.${ms.own}`, 'm.id')
      .join(`${mp.table} as mp`, `mp.${mp.own}`, 'm.id')
      .join(`${periods} as p`, 'p.id', `mp.${mp.other}`)
      .leftJoin(`${ml.table} as ml`, `ml.${ml.own}`, 'm.id')
      .where(`mj.${mj.other}`, journalId)
      .andWhere(`p.${docId(PERIOD)}`, period.documentId)
      .whereIn(`m.${columnOf(strapi, MARK, 'kind')}`, ['current', 'periodic'])
      .select(
        'm.id as id',
        `m.${docId(MARK)} as documentId`,
        `m.${columnOf(strapi, MARK, 'kind')} as kind`,
        `m.${columnOf(strapi, MARK, 'value')} as value`,
        `m.${columnOf(strapi, MARK, 'numericValue')} as numericValue`,
        `m.${columnOf(strapi, MARK, 'weight')} as weight`,
        `m.${columnOf(strapi, MARK, 'workType')} as workType`,
        `m.${columnOf(strapi, MARK, 'points')} as points`,
        `ms.${ms.other} as studentId`,
        `ml.${ml.other} as lessonId`,
      )
      .orderBy('m.id')) as Row[];
  };

  const attendanceOf = async (lessonIds: number[]): Promise<Row[]> => {
    if (lessonIds.length === 0) return [];
    const table = tableOf(strapi, ATTENDANCE);
    const al = linkOf(strapi, ATTENDANCE, 'lesson');
    const as = linkOf(strapi, ATTENDANCE, 'student');
    return (await knex()(`${table} as a`)
      .join(`${al.table} as al`, `al.${al.own}`, 'a.id')
      .join(`${as.table} as ast`, `ast.${as.own}`, 'a.id')
      .whereIn(`al.${al.other}`, lessonIds)
      .select(
        `a.${docId(ATTENDANCE)} as documentId`,
        `a.${columnOf(strapi, ATTENDANCE, 'kind')} as kind`,
        `al.${al.other} as lessonId`,
        `ast.${as.other} as studentId`,
      )) as Row[];
  };

  const allowedValuesOf = (journal: StoredJournal) => {
    if (!journal.subject) return { current: [], periodic: [] };
    const context = {
      scale: journal.subject.scale,
      grade: journal.schoolClass?.grade ?? 11,
      pointMarksFromGrade: getSchoolSettings(strapi).pointMarksFromGrade,
    };
    return { current: allowedMarkValues({ ...context, kind: 'current' }), periodic: allowedMarkValues({ ...context, kind: 'periodic' }) };
  };

  const remarksOf = async (journalId: number): Promise<JournalGrid['remarks']> => {
    const rows = (await strapi.db.query(REMARK).findMany({
      where: { journal: { id: journalId } },
      select: ['documentId', 'inspectedOn', 'findings', 'remarks', 'state', 'fixBy'],
      orderBy: [{ inspectedOn: 'desc' }, { id: 'desc' }],
      limit: 20,
    })) as Row[];
    return rows.map((row) => ({
      documentId: String(row.documentId),
      inspectedOn: asDate(row.inspectedOn),
      findings: (row.findings as string | null) ?? null,
      remarks: (row.remarks as string | null) ?? null,
      state: String(row.state),
      fixBy: asDate(row.fixBy),
    }));
  };

  /** A stored mark as the grid shows it, with the level its points reach on the lesson's thresholds. */
  const gridMarkOf = (mark: Row, lesson: { basicFromPoints: unknown; advancedFromPoints: unknown }): GridMark => {
    const points = asNumber(mark.points);
    return {
      documentId: String(mark.documentId),
      value: String(mark.value),
      weight: asNumber(mark.weight),
      workType: (mark.workType as string | null) ?? null,
      points,
      level: levelFromPoints(points, thresholdsOf(lesson)),
    };
  };

  const gridOf = async (journal: StoredJournal, viewer: GridViewer, periodDocumentId?: string): Promise<JournalGrid> => {
    const periods = await periodsOf(journal);
    const period = choosePeriod(periods, periodDocumentId);
    const [pupils, lessons, marks, remarks] = await Promise.all([
      pupilsOf(journal, period),
      lessonsOf(journal.id, period),
      marksOf(journal.id, period),
      remarksOf(journal.id),
    ]);
    const attendance = await attendanceOf(lessons.map((lesson) => lesson.id));
    const pupilById = new Map(pupils.map((pupil) => [pupil.id, pupil.documentId]));
    const lessonById = new Map(lessons.map((lesson) => [lesson.id, lesson]));

    const cells = new Map<string, GridCell>();
    const cellOf = (pupil: string, lesson: string): GridCell => {
      const key = `${pupil}:${lesson}`;
      let cell = cells.get(key);
      if (!cell) {
        cell = { pupil, lesson, marks: [], attendance: null };
        cells.set(key, cell);
      }
      return cell;
    };
    const periodMarks: JournalGrid['periodMarks'] = [];
    const currentMarksOf = new Map<string, Array<{ numericValue: number | null; weight: number | null }>>();
    for (const mark of marks) {
      const pupil = pupilById.get(Number(mark.studentId));
      if (!pupil) continue;
      if (mark.kind === 'periodic') {
        periodMarks.push({ pupil, documentId: String(mark.documentId), value: String(mark.value) });
        continue;
      }
      const lesson = lessonById.get(Number(mark.lessonId));
      if (!lesson) continue;
      cellOf(pupil, lesson.documentId).marks.push(gridMarkOf(mark, lesson));
      const list = currentMarksOf.get(pupil) ?? [];
      list.push({ numericValue: asNumber(mark.numericValue), weight: asNumber(mark.weight) });
      currentMarksOf.set(pupil, list);
    }
    for (const entry of attendance) {
      const pupil = pupilById.get(Number(entry.studentId));
      const lesson = lessonById.get(Number(entry.lessonId))?.documentId;
      if (pupil && lesson) cellOf(pupil, lesson).attendance = { documentId: String(entry.documentId), kind: entry.kind as AttendanceKind };
    }

    const locked = period.state === 'closed';
    return {
      journal: {
        documentId: journal.documentId,
        title: journal.title ?? '',
        kind: journal.kind,
        className: journal.schoolClass?.name ?? null,
        subjectName: journal.subject?.name ?? null,
        scale: journal.subject?.scale ?? null,
        yearTitle: journal.academicYear?.title ?? null,
        teachers: journal.teachers.map((teacher) => staffNameOf(teacher)),
      },
      period: { ...period, locked },
      periods,
      pupils: pupils.map(({ id: _id, ...pupil }) => pupil),
      lessons: lessons.map(({ id: _id, ...lesson }) => lesson),
      cells: [...cells.values()],
      periodMarks,
      averages: Object.fromEntries(pupils.map((pupil) => [pupil.documentId, weightedAverage(currentMarksOf.get(pupil.documentId) ?? [])])),
      allowedValues: allowedValuesOf(journal),
      remarks,
      today: today(),
      access: { write: !locked && mayWrite(journal, viewer), remark: viewer.remark },
    };
  };

  /** The stored lesson of this journal, or a field-level 400. */
  const lessonOfJournal = async (journal: StoredJournal, lessonDocumentId: unknown) => {
    if (typeof lessonDocumentId !== 'string' || lessonDocumentId === '') throw fieldError('lesson', 'Укажите урок');
    const lesson = await strapi.db.query(LESSON).findOne({
      where: { documentId: lessonDocumentId, journal: { id: journal.id } },
      select: ['id', 'documentId', 'date', 'workType', 'weight', 'maxPoints', 'basicFromPoints', 'advancedFromPoints'],
      populate: { assessmentMaterial: { select: ['maxPoints', 'basicFromPoints', 'advancedFromPoints'] } },
    });
    if (!lesson) throw fieldError('lesson', 'Урок не найден в этом журнале');
    return {
      ...lesson,
      ...withMaterialScale(lesson as Row, (lesson as { assessmentMaterial?: Row | null }).assessmentMaterial ?? null),
    } as {
      id: number;
      documentId: string;
      date: string;
      workType: string | null;
      weight: number | null;
      maxPoints: number | null;
      basicFromPoints: number | null;
      advancedFromPoints: number | null;
    };
  };

  const pupilOf = async (pupilDocumentId: unknown) => {
    if (typeof pupilDocumentId !== 'string' || pupilDocumentId === '') throw fieldError('student', 'Укажите обучающегося');
    const pupil = await strapi.db.query(STUDENT).findOne({ where: { documentId: pupilDocumentId }, select: ['id', 'documentId'] });
    if (!pupil) throw fieldError('student', 'Обучающийся не найден');
    return pupil as { id: number; documentId: string };
  };

  const cellOfStored = async (
    lesson: { id: number; basicFromPoints: unknown; advancedFromPoints: unknown },
    studentId: number,
  ): Promise<Omit<GridCell, 'pupil' | 'lesson'>> => {
    const lessonId = lesson.id;
    const marks = (await strapi.db.query(MARK).findMany({
      where: { lesson: { id: lessonId }, student: { id: studentId }, kind: 'current' },
      select: ['documentId', 'value', 'weight', 'workType', 'points'],
      orderBy: { id: 'asc' },
    })) as Row[];
    const attendance = (await strapi.db
      .query(ATTENDANCE)
      .findOne({ where: { lesson: { id: lessonId }, student: { id: studentId } }, select: ['documentId', 'kind'] })) as Row | null;
    return {
      marks: marks.map((mark) => gridMarkOf(mark, lesson)),
      attendance: attendance ? { documentId: String(attendance.documentId), kind: attendance.kind as AttendanceKind } : null,
    };
  };

  /** The weighted average of a pupil's current marks in the journal and the period of a date. */
  const averageOf = async (journal: StoredJournal, studentId: number, lessonDate: LocalDate): Promise<number | null> => {
    const period = (await periodsOf(journal)).find((candidate) => isWithin(lessonDate, candidate.startDate, candidate.endDate));
    if (!period) return null;
    const marks = (await strapi.db.query(MARK).findMany({
      where: { journal: { id: journal.id }, student: { id: studentId }, kind: 'current', studyPeriod: { documentId: period.documentId } },
      select: ['numericValue', 'weight'],
    })) as Array<{ numericValue: number | null; weight: number | null }>;
    return weightedAverage(marks);
  };

  return {
    /** Journals the viewer may open, newest year first, with the one to open by default. */
    async choices(viewer: GridViewer): Promise<{ journals: JournalChoice[]; suggested: string | null }> {
      const where = viewer.readAll
        ? {}
        : viewer.accountId === null
          ? { id: -1 }
          : { $or: [{ teachers: { id: viewer.accountId } }, { schoolClass: { classTeacher: { id: viewer.accountId } } }] };
      const journals = (await strapi.db.query(JOURNAL).findMany({
        where,
        select: ['id', 'documentId', 'title'],
        populate: {
          schoolClass: { select: ['name', 'grade', 'letter'] },
          subject: { select: ['name'] },
          academicYear: { select: ['documentId', 'title', 'startDate'] },
          teachers: { select: ['id'] },
        },
        limit: 2000,
      })) as Array<Row & { schoolClass: Row | null; subject: Row | null; academicYear: Row | null; teachers: Array<{ id: number }> }>;
      const collator = new Intl.Collator('ru', { numeric: true });
      journals.sort(
        (a, b) =>
          String(b.academicYear?.startDate ?? '').localeCompare(String(a.academicYear?.startDate ?? '')) ||
          collator.compare(String(a.schoolClass?.name ?? ''), String(b.schoolClass?.name ?? '')) ||
          collator.compare(String(a.subject?.name ?? ''), String(b.subject?.name ?? '')) ||
          collator.compare(String(a.title ?? ''), String(b.title ?? '')),
      );
      // The default: the viewer's journal with a lesson today, else the one with the latest lesson so far.
      let suggested: string | null = null;
      const own = journals.filter(
        (journal) => viewer.accountId !== null && journal.teachers.some((teacher) => teacher.id === viewer.accountId),
      );
      if (own.length > 0) {
        const lessons = tableOf(strapi, LESSON);
        const lj = linkOf(strapi, LESSON, 'journal');
        const date = columnOf(strapi, LESSON, 'date');
        const latest = (await knex()(`${lessons} as l`)
          .join(`${lj.table} as lj`, `lj.${lj.own}`, 'l.id')
          .whereIn(
            `lj.${lj.other}`,
            own.map((journal) => journal.id as number),
          )
          .andWhere(`l.${date}`, '<=', today())
          .groupBy(`lj.${lj.other}`)
          .select(`lj.${lj.other} as journalId`)
          .max(`l.${date} as lastDate`)) as Row[];
        latest.sort((a, b) => String(b.lastDate ?? '').localeCompare(String(a.lastDate ?? '')));
        const best = latest[0] ? own.find((journal) => journal.id === Number(latest[0].journalId)) : own[0];
        suggested = String((best ?? own[0]).documentId);
      } else if (journals[0]) suggested = String(journals[0].documentId);
      return {
        journals: journals.map((journal) => ({
          documentId: String(journal.documentId),
          title: String(journal.title ?? ''),
          className: (journal.schoolClass?.name as string | undefined) ?? null,
          subjectName: (journal.subject?.name as string | undefined) ?? null,
          yearTitle: (journal.academicYear?.title as string | undefined) ?? null,
          yearDocumentId: (journal.academicYear?.documentId as string | undefined) ?? null,
        })),
        suggested,
      };
    },

    async grid(journalDocumentId: string, viewer: GridViewer, periodDocumentId?: string): Promise<JournalGrid> {
      return gridOf(await readableJournal(journalDocumentId, viewer), viewer, periodDocumentId);
    },

    /**
     * Makes one cell hold what was typed: marks updated in place, added or removed, and the
     * attendance set or cleared, all in one transaction through the document service. `points`
     * (a control work with a maximum) go with the cell's first mark — the teacher types both, no mark
     * is made from points; null clears them, leaving it out keeps the stored ones. The mark rules
     * (journal-entry-rules.ts) judge them, so a bad value is a 400 on `points` and nothing is stored.
     */
    async saveCell(
      journalDocumentId: string,
      viewer: GridViewer,
      input: { lesson?: unknown; student?: unknown; text?: unknown; points?: unknown },
    ) {
      const journal = await writableJournal(journalDocumentId, viewer);
      if (typeof input.text !== 'string') throw fieldError('text', 'Передайте содержимое клетки строкой');
      if (input.text.length > 100) throw fieldError('text', 'Слишком длинная запись для одной клетки');
      const parsed = parseJournalCell(input.text, allowedValuesOf(journal).current);
      if (!parsed.ok) throw fieldError('text', parsed.message);
      const lesson = await lessonOfJournal(journal, input.lesson);
      const pupil = await pupilOf(input.student);
      const pointsGiven = 'points' in input && input.points !== undefined;
      // A number typed as text is read as one; anything else goes to the mark rules as given, and they refuse it.
      const typed = typeof input.points === 'string' ? input.points.trim().replace(',', '.') : input.points;
      const points =
        !pointsGiven || typed === null || typed === ''
          ? null
          : typeof typed === 'string' && Number.isFinite(Number(typed))
            ? Number(typed)
            : typed;
      // A list, an object or a flag would pass `Number()` as a number ([12] → 12) and be stored: refuse it here.
      if (points !== null && typeof points !== 'number' && typeof points !== 'string')
        throw fieldError('points', 'Баллы за работу — число, например 18');
      if (points !== null && parsed.entry.marks.length === 0)
        throw fieldError('points', 'Баллы ставятся вместе с отметкой за работу: введите отметку и баллы, например «5/18»');

      await strapi.db.transaction(async () => {
        const stored = await cellOfStored(lesson, pupil.id);
        const wanted = parsed.entry.marks;
        for (let index = 0; index < Math.max(wanted.length, stored.marks.length); index += 1) {
          const existing = stored.marks[index];
          const value = wanted[index];
          // The points go with the first mark; the others keep theirs.
          const withPoints = index === 0 && pointsGiven;
          const pointsChanged = withPoints && (existing?.points ?? null) !== (points === null ? null : Number(points));
          if (existing && value === undefined) await strapi.documents(MARK).delete({ documentId: existing.documentId });
          else if (existing && (value !== existing.value || pointsChanged))
            await strapi.documents(MARK).update({
              documentId: existing.documentId,
              data: { value, ...(pointsChanged ? { points } : {}) } as never,
            });
          else if (!existing && value !== undefined)
            await strapi.documents(MARK).create({
              data: {
                kind: 'current',
                value,
                journal: journal.id,
                lesson: lesson.id,
                student: pupil.id,
                ...(withPoints && points !== null ? { points } : {}),
              } as never,
            });
        }
        const kind = parsed.entry.attendance;
        if (stored.attendance && !kind) await strapi.documents(ATTENDANCE).delete({ documentId: stored.attendance.documentId });
        else if (stored.attendance && kind && kind !== stored.attendance.kind)
          await strapi.documents(ATTENDANCE).update({ documentId: stored.attendance.documentId, data: { kind } as never });
        else if (!stored.attendance && kind)
          await strapi.documents(ATTENDANCE).create({ data: { kind, lesson: lesson.id, student: pupil.id } as never });
      });

      const cell = await cellOfStored(lesson, pupil.id);
      return {
        cell: { pupil: pupil.documentId, lesson: lesson.documentId, ...cell },
        average: await averageOf(journal, pupil.id, asDate(lesson.date) as string),
      };
    },

    /** Sets, changes or clears (empty value) a pupil's mark for the study period. */
    async savePeriodMark(journalDocumentId: string, viewer: GridViewer, input: { period?: unknown; student?: unknown; value?: unknown }) {
      const journal = await writableJournal(journalDocumentId, viewer);
      const periods = await periodsOf(journal);
      if (typeof input.period !== 'string') throw fieldError('period', 'Укажите учебный период');
      const period = choosePeriod(periods, input.period);
      const pupil = await pupilOf(input.student);
      if (typeof input.value !== 'string') throw fieldError('value', 'Передайте отметку строкой');
      const text = input.value.trim();
      const value = text === '' ? null : normalizeMarkValue(text);
      const allowed = allowedValuesOf(journal).periodic;
      if (text !== '' && (!value || !allowed.includes(value)))
        throw fieldError('value', `Отметка за период «${text}» не предусмотрена: допустимы ${allowed.join(', ')}`);
      const stored = (await strapi.db.query(MARK).findOne({
        where: { journal: { id: journal.id }, student: { id: pupil.id }, kind: 'periodic', studyPeriod: { documentId: period.documentId } },
        select: ['documentId', 'value'],
      })) as Row | null;
      if (stored && value === null) await strapi.documents(MARK).delete({ documentId: String(stored.documentId) });
      else if (stored && value !== stored.value)
        await strapi.documents(MARK).update({ documentId: String(stored.documentId), data: { value } as never });
      else if (!stored && value !== null) {
        const periodId = (await strapi.db.query(PERIOD).findOne({ where: { documentId: period.documentId }, select: ['id'] })) as {
          id: number;
        };
        await strapi.documents(MARK).create({
          data: { kind: 'periodic', value, journal: journal.id, student: pupil.id, studyPeriod: periodId.id } as never,
        });
      }
      const saved = (await strapi.db.query(MARK).findOne({
        where: { journal: { id: journal.id }, student: { id: pupil.id }, kind: 'periodic', studyPeriod: { documentId: period.documentId } },
        select: ['documentId', 'value'],
      })) as Row | null;
      return { pupil: pupil.documentId, periodMark: saved ? { documentId: String(saved.documentId), value: String(saved.value) } : null };
    },

    /**
     * The lesson column's header: topic, homework, work type and weight, and for a control work its
     * maximum points and the thresholds of the basic and advanced levels (R91; judged by the lesson's
     * own rules). A new work type or weight is carried to the column's marks, so the averages follow
     * the column.
     */
    async saveLesson(journalDocumentId: string, viewer: GridViewer, lessonDocumentId: string, input: Record<string, unknown>) {
      const journal = await writableJournal(journalDocumentId, viewer);
      const lesson = await lessonOfJournal(journal, lessonDocumentId);
      const data: Record<string, unknown> = {};
      for (const field of ['topic', 'homework', 'workType', 'weight', ...POINTS_SCALE_FIELDS] as const)
        if (field in input) data[field] = input[field] === '' ? null : input[field];
      if ('weight' in data && data.weight !== null) {
        // Only a number or a number typed as text: `Number()` would read [2] as 2 and true as 1.
        const weight = typeof data.weight === 'number' || typeof data.weight === 'string' ? Number(data.weight) : Number.NaN;
        if (!Number.isFinite(weight) || weight <= 0 || weight > 10)
          throw fieldError('weight', 'Вес отметки — число больше 0 и не больше 10');
        data.weight = weight;
      }
      // Typed in the header as text: a whole number stays a number, anything else goes to the rules as it was typed.
      for (const field of POINTS_SCALE_FIELDS) {
        const value = data[field];
        if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) data[field] = Number(value);
      }
      await strapi.db.transaction(async () => {
        await strapi.documents(LESSON).update({ documentId: lesson.documentId, data: data as never });
        if ('workType' in data || 'weight' in data) {
          const marks = (await strapi.db
            .query(MARK)
            .findMany({ where: { lesson: { id: lesson.id }, kind: 'current' }, select: ['documentId'] })) as Row[];
          // A column without its own weight weighs what the school gives its work type.
          const columnWeight =
            'weight' in data
              ? data.weight
              : lesson.weight === null || lesson.weight === undefined
                ? (getSchoolSettings(strapi).workTypeWeights[String(data.workType)] ?? null)
                : undefined;
          const markData = {
            ...('workType' in data ? { workType: data.workType } : {}),
            ...(columnWeight !== undefined ? { weight: columnWeight } : {}),
          };
          for (const mark of marks) await strapi.documents(MARK).update({ documentId: String(mark.documentId), data: markData as never });
        }
      });
      const saved = await lessonsOf(journal.id, { documentId: '', title: '', state: '', startDate: lesson.date, endDate: lesson.date });
      return saved.find((candidate) => candidate.documentId === lesson.documentId);
    },

    /** The deputy director's remark on the journal, written from the grid. */
    async addRemark(journalDocumentId: string, viewer: GridViewer, input: Record<string, unknown>) {
      if (!viewer.remark) throw new errors.PolicyError('Замечания по ведению журнала пишет заместитель директора');
      const journal = await readableJournal(journalDocumentId, viewer);
      const created = await strapi.documents(REMARK).create({
        data: {
          journal: journal.id,
          inspectedOn: today(),
          findings: input.findings,
          remarks: input.remarks,
          ...(input.fixBy ? { fixBy: input.fixBy } : {}),
        } as never,
      });
      return created;
    },
  };
};

export type JournalGridService = ReturnType<typeof createJournalGridService>;

export default createJournalGridService;
