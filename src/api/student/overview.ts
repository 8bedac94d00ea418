import type { Core } from '@strapi/strapi';
import { readScopeOf, type Reader } from '../../access/record-scope';
import { todayInZone } from '../../school/calendar';
import { EXTERNAL_KIND_LABELS, type ExternalKind } from '../../school/records/external-assessment-rules';
import { PLATFORM_RESULT } from '../../school/records/platform-result-rules';
import { LEARNING_TRAJECTORY } from '../../school/records/learning-trajectory-rules';
import { SPECIAL_CONDITION } from '../../school/records/special-condition-rules';
import { pointsScaleOf } from '../../school/rules/assessment-material';
import { levelFromPoints, MASTERY_LABELS, masteryLevel, POINTS_LEVEL_LABELS } from '../../school/rules/control-work';
import { compareSelfAssessment, summariseSelfAssessment } from '../../school/rules/self-assessment';
import { getSchoolSettings } from '../../school/settings';
import { competencyGroupsOf, readableJournals, resolveYear, subjectMarksOf, visiblePupil } from '../competency-result/summary';
import { sanitiseAndLog, specialConditionsOf } from '../special-condition/reading';
import { TRAJECTORY_POPULATE, trajectoryView, type TrajectoryRow } from '../learning-trajectory/view';
import { numberOrNull } from '../../school/stored-values';
import { staffNameOrNull } from '../../access/staff-name';

/**
 * The whole pupil on one page (issue 11): a school year's subject marks (averages, period and annual
 * marks, control works with the level of mastery), meta-subject and personal results, external
 * assessments (ВПР and others) beside the journal's average, results on external e-learning platforms (R83, apart
 * from the marks; a teacher those of the journals they may read), self-assessments beside the teacher's
 * marks, the individual trajectories and the special learning conditions — each part under the same
 * access rules as its own route: a teacher sees the journals they may read, the conditions without
 * the diagnosis, and a part closed to the reader is null (its name in `hidden`). Every read of a
 * special-conditions record is audited.
 */

type Row = { id: number; documentId: string; [field: string]: unknown };

/** Parts a reader may be refused, with the type whose read scope decides it. */
const GUARDED_PARTS = {
  externalAssessments: 'api::external-assessment.external-assessment',
  platformResults: PLATFORM_RESULT,
  selfAssessment: 'api::assignment-submission.assignment-submission',
  trajectories: LEARNING_TRAJECTORY,
  specialConditions: SPECIAL_CONDITION,
} as const;

type GuardedPart = keyof typeof GUARDED_PARTS;

/** The class the pupil was on the list of in the year (the latest enrolment that overlaps it). */
const classInYear = async (strapi: Core.Strapi, pupilId: number, year: Row) => {
  const enrollment = (await strapi.db.query('api::enrollment.enrollment').findOne({
    where: {
      student: { id: pupilId },
      schoolClass: { academicYear: { id: year.id } },
    },
    orderBy: [{ startDate: 'desc' }, { id: 'desc' }],
    populate: { schoolClass: { select: ['documentId', 'name'], populate: { classTeacher: { select: ['fullName', 'username'] } } } },
  })) as (Row & { schoolClass: (Row & { classTeacher: { fullName?: string | null; username: string } | null }) | null }) | null;
  const schoolClass = enrollment?.schoolClass;
  return schoolClass
    ? {
        documentId: schoolClass.documentId,
        name: String(schoolClass.name),
        classTeacher: staffNameOrNull(schoolClass.classTeacher),
        onListUntil: (enrollment.endDate as string | null) ?? null,
      }
    : null;
};

export const pupilOverview = async (strapi: Core.Strapi, reader: Reader, input: { student: unknown; year?: unknown }, route: string) => {
  const pupil = await visiblePupil(strapi, reader, input.student);
  const year = await resolveYear(strapi, input.year);
  const journals = await readableJournals(strapi, reader);
  const open = new Map<GuardedPart, boolean>();
  for (const [part, uid] of Object.entries(GUARDED_PARTS) as Array<[GuardedPart, string]>) {
    open.set(part, (await readScopeOf(strapi, reader, uid)).kind !== 'deny');
  }
  const inYear = { $gte: year.startDate as string, $lte: year.endDate as string };

  const subjectMarks = await subjectMarksOf(strapi, pupil, year, journals);
  // The control works with their points and the lesson's thresholds (one read for the whole year).
  const controlMarks = (await strapi.db.query('api::mark.mark').findMany({
    where: { student: { id: pupil.id }, kind: 'current', workType: 'control-work', date: inYear },
    select: ['id', 'value', 'points', 'date'],
    orderBy: [{ date: 'asc' }, { id: 'asc' }],
    populate: {
      journal: { select: ['documentId'] },
      lesson: {
        select: ['topic', 'plannedResults', 'maxPoints', 'basicFromPoints', 'advancedFromPoints'],
        populate: { assessmentMaterial: { select: ['maxPoints', 'basicFromPoints', 'advancedFromPoints'] } },
      },
    },
  })) as Array<Row & { journal: Row | null; lesson: (Row & { assessmentMaterial?: Row | null }) | null }>;
  const controlWorksOf = (journal: string) =>
    controlMarks
      .filter((mark) => mark.journal?.documentId === journal)
      .map((mark) => {
        const level = masteryLevel(String(mark.value));
        const points = numberOrNull(mark.points);
        // The work's own scale, or its КИМ's when the work leaves it empty.
        const scale = mark.lesson ? pointsScaleOf(mark.lesson, mark.lesson.assessmentMaterial) : null;
        const pointsLevel = levelFromPoints(points, scale?.thresholds ?? null);
        return {
          date: mark.date as string,
          topic: (mark.lesson?.topic as string | null) ?? null,
          plannedResults: (mark.lesson?.plannedResults as string | null) ?? null,
          value: mark.value as string,
          mastery: level,
          masteryLabel: level ? MASTERY_LABELS[level] : null,
          points,
          maxPoints: scale?.maxPoints ?? null,
          pointsLevel,
          pointsLevelLabel: pointsLevel ? POINTS_LEVEL_LABELS[pointsLevel] : null,
        };
      });
  const subjects = subjectMarks.map((subject) => ({
    subject: subject.subject,
    journal: subject.journal,
    studyLevel: subject.studyLevel,
    average: subject.average,
    marksCount: subject.marks.length,
    latestMarks: subject.marks.slice(-5).map((mark) => ({ date: mark.date, value: mark.value })),
    summaryMarks: subject.summaryMarks.map((mark) => ({ kind: mark.kind, period: mark.period, value: mark.value })),
    controlWorks: controlWorksOf(subject.journal),
  }));
  const averageBySubject = new Map(subjects.map((subject) => [subject.subject, subject.average]));

  const competency = await competencyGroupsOf(strapi, pupil, year);

  const externalAssessments = open.get('externalAssessments')
    ? (
        (await strapi.db.query('api::external-assessment.external-assessment').findMany({
          where: { student: { id: pupil.id }, date: inYear },
          orderBy: [{ date: 'asc' }, { id: 'asc' }],
          populate: { subject: { select: ['name'] } },
        })) as Array<Row & { subject: { name: string } | null }>
      ).map((row) => ({
        documentId: row.documentId,
        kind: row.kind as string,
        kindLabel: EXTERNAL_KIND_LABELS[row.kind as ExternalKind] ?? String(row.kind),
        title: row.title as string,
        date: row.date as string,
        subject: row.subject?.name ?? null,
        score: numberOrNull(row.score),
        maxScore: numberOrNull(row.maxScore),
        mark: (row.mark as number | null) ?? null,
        level: (row.level as string | null) ?? null,
        // The journal's weighted average of the same subject this year, for the question of objectivity.
        journalAverage: row.subject ? (averageBySubject.get(row.subject.name) ?? null) : null,
      }))
    : null;

  const platformScope = await readScopeOf(strapi, reader, PLATFORM_RESULT);
  const platformResults =
    platformScope.kind === 'deny'
      ? null
      : (
          (await strapi.db.query(PLATFORM_RESULT).findMany({
            where: { $and: [{ student: { id: pupil.id }, date: inYear }, platformScope.kind === 'rows' ? platformScope.filter : {}] },
            orderBy: [{ date: 'asc' }, { id: 'asc' }],
            populate: {
              journal: { select: ['documentId'], populate: { subject: { select: ['name'] } } },
              mark: { select: ['documentId', 'value'] },
              assignment: { select: ['documentId', 'title'] },
            },
          })) as Array<Row & { journal: (Row & { subject: { name: string } | null }) | null; mark: Row | null; assignment: Row | null }>
        ).map((row) => ({
          documentId: row.documentId,
          platform: row.platform as string,
          activity: row.activity as string,
          date: row.date as string,
          subject: row.journal?.subject?.name ?? null,
          journal: row.journal?.documentId ?? null,
          score: numberOrNull(row.score),
          maxScore: numberOrNull(row.maxScore),
          percent: numberOrNull(row.percent),
          url: (row.url as string | null) ?? null,
          assignment: row.assignment ? { documentId: row.assignment.documentId, title: row.assignment.title as string } : null,
          mark: row.mark ? { documentId: row.mark.documentId, value: row.mark.value as string } : null,
        }));

  let selfAssessment: { summary: ReturnType<typeof summariseSelfAssessment>; works: unknown[] } | null = null;
  if (open.get('selfAssessment')) {
    const works = (await strapi.db.query('api::assignment-submission.assignment-submission').findMany({
      where: { student: { id: pupil.id }, selfAssessment: { $notNull: true }, assignment: { lesson: { date: inYear } } },
      select: ['id', 'selfAssessment', 'selfAssessmentNote', 'state', 'submittedAt'],
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      populate: {
        mark: { select: ['value'] },
        assignment: {
          select: ['title', 'workType'],
          populate: { lesson: { select: ['date'] }, journal: { select: ['documentId'], populate: { subject: { select: ['name'] } } } },
        },
      },
    })) as Array<
      Row & {
        mark: { value: string } | null;
        assignment: (Row & { lesson: { date: string } | null; journal: (Row & { subject: { name: string } | null }) | null }) | null;
      }
    >;
    const seen = works
      .filter((work) => work.assignment?.journal && (journals === null || journals.has(work.assignment.journal.documentId)))
      .map((work) => {
        // The teacher's mark only once the work is checked: never before, as the pupil saw it.
        const teacher = work.state === 'checked' ? (work.mark?.value ?? null) : null;
        const comparison = compareSelfAssessment(String(work.selfAssessment), teacher);
        return {
          source: 'assignment' as const,
          assignment: String(work.assignment?.title ?? ''),
          subject: work.assignment?.journal?.subject?.name ?? null,
          lessonDate: work.assignment?.lesson?.date ?? null,
          selfAssessment: String(work.selfAssessment),
          note: (work.selfAssessmentNote as string | null) ?? null,
          teacherMark: teacher,
          verdict: comparison?.verdict ?? null,
          verdictLabel: comparison?.label ?? null,
        };
      });
    // Control works written in class (R78): entered before the teacher's mark, shown beside it once it exists.
    const controlSelves = (await strapi.db.query('api::control-self-assessment.control-self-assessment').findMany({
      where: { student: { id: pupil.id }, lesson: { date: inYear } },
      select: ['id', 'value', 'note'],
      populate: {
        lesson: {
          select: ['id', 'date', 'topic'],
          populate: { journal: { select: ['documentId'], populate: { subject: { select: ['name'] } } } },
        },
      },
    })) as Array<
      Row & { lesson: (Row & { date: string; topic: string | null; journal: (Row & { subject: { name: string } | null }) | null }) | null }
    >;
    const visibleControl = controlSelves
      .filter((entry) => entry.lesson?.journal && (journals === null || journals.has(entry.lesson.journal.documentId)))
      .sort((a, b) => String(a.lesson?.date).localeCompare(String(b.lesson?.date)) || a.id - b.id);
    const controlMarks = visibleControl.length
      ? ((await strapi.db.query('api::mark.mark').findMany({
          where: { student: { id: pupil.id }, lesson: { id: { $in: visibleControl.map((entry) => Number(entry.lesson?.id)) } } },
          select: ['id', 'value'],
          populate: { lesson: { select: ['id'] } },
        })) as Array<Row & { lesson: Row | null }>)
      : [];
    const controlSeen = visibleControl.map((entry) => {
      const teacher = (controlMarks.find((mark) => mark.lesson?.id === entry.lesson?.id)?.value as string | undefined) ?? null;
      const comparison = compareSelfAssessment(String(entry.value), teacher);
      return {
        source: 'control-work' as const,
        // The work's title as the page shows it: the control work's lesson topic.
        assignment: entry.lesson?.topic ? `Контрольная работа: ${entry.lesson.topic}` : 'Контрольная работа',
        subject: entry.lesson?.journal?.subject?.name ?? null,
        lessonDate: entry.lesson?.date ?? null,
        selfAssessment: String(entry.value),
        note: (entry.note as string | null) ?? null,
        teacherMark: teacher,
        verdict: comparison?.verdict ?? null,
        verdictLabel: comparison?.label ?? null,
      };
    });
    const all = [...seen, ...controlSeen];
    selfAssessment = {
      summary: summariseSelfAssessment(all.map((work) => ({ self: work.selfAssessment, teacher: work.teacherMark }))),
      works: all,
    };
  }

  const trajectories = open.get('trajectories')
    ? (
        (await strapi.db.query(LEARNING_TRAJECTORY).findMany({
          where: { student: { id: pupil.id }, academicYear: { id: year.id } },
          orderBy: [{ startsOn: 'desc' }, { id: 'desc' }],
          populate: TRAJECTORY_POPULATE,
        })) as TrajectoryRow[]
      ).map(trajectoryView)
    : null;

  let specialConditions: Array<Record<string, unknown>> | null = null;
  if (open.get('specialConditions')) {
    const items = await specialConditionsOf(strapi, pupil.id);
    // The diagnosis follows the reader's reach (an admin page reads as the staff member's school account).
    const viewer = reader.kind === 'user' ? { kind: 'user' as const, id: reader.id, roleType: reader.roleType } : undefined;
    await sanitiseAndLog(strapi, items, route, { viewer });
    const today = todayInZone(getSchoolSettings(strapi).timeZone);
    specialConditions = items.map((item) => ({ ...item, current: !item.validUntil || String(item.validUntil) >= today }));
  }

  return {
    data: {
      student: { documentId: pupil.documentId, fullName: pupil.fullName, schoolClass: await classInYear(strapi, pupil.id, year) },
      academicYear: { documentId: year.documentId, title: year.title, startDate: year.startDate, endDate: year.endDate },
      subjects,
      levels: competency.levels,
      metaSubject: competency.metaSubject,
      personal: competency.personal,
      externalAssessments,
      platformResults,
      selfAssessment,
      trajectories,
      specialConditions,
    },
    meta: { hidden: [...open.entries()].filter(([, allowed]) => !allowed).map(([part]) => part) },
  };
};

const STUDENT = 'api::student.student';
const CLASS = 'api::school-class.school-class';

/** The school years (newest first) and the classes of the chosen year the reader may open pupils of. */
export const pupilChoices = async (strapi: Core.Strapi, reader: Reader, yearInput?: unknown) => {
  const year = await resolveYear(strapi, yearInput);
  const years = (await strapi.db
    .query('api::academic-year.academic-year')
    .findMany({ select: ['documentId', 'title'], orderBy: [{ startDate: 'desc' }] })) as Row[];
  const scope = await readScopeOf(strapi, reader, 'api::enrollment.enrollment');
  let classes: Row[] = [];
  if (scope.kind === 'all') {
    classes = (await strapi.db.query(CLASS).findMany({
      where: { academicYear: { id: year.id } },
      select: ['documentId', 'name', 'grade', 'letter'],
    })) as Row[];
  } else if (scope.kind === 'rows') {
    const enrollments = (await strapi.db.query('api::enrollment.enrollment').findMany({
      where: { $and: [scope.filter, { schoolClass: { academicYear: { id: year.id } } }] },
      select: ['id'],
      populate: { schoolClass: { select: ['documentId', 'name', 'grade', 'letter'] } },
    })) as Array<Row & { schoolClass: Row | null }>;
    classes = [...new Map(enrollments.flatMap((row) => (row.schoolClass ? [[row.schoolClass.id, row.schoolClass]] : []))).values()];
  }
  const collator = new Intl.Collator('ru');
  return {
    academicYear: { documentId: year.documentId, title: year.title },
    years: years.map((row) => ({ documentId: row.documentId, title: String(row.title) })),
    classes: classes
      .sort((a, b) => Number(a.grade) - Number(b.grade) || collator.compare(String(a.letter), String(b.letter)))
      .map((row) => ({ documentId: row.documentId, name: String(row.name) })),
  };
};

/**
 * The pupils the reader may open: of one class (its list in the year), or whose name contains every
 * word of `q` (two letters at least); at most 50, by name.
 */
export const findPupils = async (strapi: Core.Strapi, reader: Reader, input: { schoolClass?: unknown; q?: unknown }) => {
  const scope = await readScopeOf(strapi, reader, STUDENT);
  if (scope.kind === 'deny') return [];
  const words = typeof input.q === 'string' ? input.q.trim().split(/\s+/).filter(Boolean) : [];
  const byClass = typeof input.schoolClass === 'string' && input.schoolClass ? input.schoolClass : null;
  if (!byClass && words.join('').length < 2) return [];
  const conditions: Array<Record<string, unknown>> = words.map((word) => ({ fullName: { $containsi: word } }));
  if (byClass) conditions.push({ enrollments: { schoolClass: { documentId: byClass } } });
  if (scope.kind === 'rows') conditions.push(scope.filter);
  const pupils = (await strapi.db.query(STUDENT).findMany({
    where: { $and: conditions },
    select: ['id', 'documentId', 'fullName', 'birthDate'],
    orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }],
    limit: 50,
    populate: {
      enrollments: {
        select: ['startDate', 'endDate'],
        orderBy: [{ startDate: 'desc' }],
        populate: { schoolClass: { select: ['documentId', 'name'] } },
      },
    },
  })) as Array<Row & { enrollments: Array<Row & { schoolClass: Row | null }> }>;
  return pupils.map((pupil) => {
    const latest = pupil.enrollments.find((enrollment) => enrollment.schoolClass) ?? null;
    return {
      documentId: pupil.documentId,
      fullName: String(pupil.fullName),
      birthDate: (pupil.birthDate as string | null) ?? null,
      className: latest?.schoolClass ? String(latest.schoolClass.name) : null,
    };
  });
};
