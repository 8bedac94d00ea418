import type { Core, UID } from '@strapi/strapi';
import { actorFromState, type RequestState } from './request-actor';

/**
 * Row-level access for REST reads. Coarse permissions (role-permissions.ts) say which actions a role
 * may call; this says which rows it may see and how far `populate` and relation filters may reach.
 *
 * - deputy director, director, secretary, archivist: the whole school;
 * - teacher: the journals they teach, and their lessons, marks, attendance and pupils; no guardians;
 * - class teacher: as a teacher, plus everything of the class they lead (pupils, class list, guardians);
 * - methodologist: journals and lessons, never pupils' personal data;
 * - API tokens: a read-only token reads only what the school publishes; custom and full-access tokens
 *   are granted explicitly by the administrator and read what they were granted.
 * Parents and pupils read through the diary only; they hold no permission on these routes.
 */

export type Filter = Record<string, unknown>;

export type ReadScope = { kind: 'all' } | { kind: 'deny' } | { kind: 'rows'; filter: Filter };

export interface Reader {
  kind: 'user' | 'api-token' | 'admin' | 'none';
  id: number | null;
  roleType?: string;
  tokenType?: string;
}

/** The caller of a request as the row rules see it, read the same way as the audit trail reads it. */
export const readerFromState = (state: RequestState | undefined): Reader => {
  const actor = actorFromState(state);
  return { kind: actor.kind === 'system' ? 'none' : actor.kind, id: actor.id, roleType: actor.roleType, tokenType: actor.tokenType };
};

/** Types that carry pupils' personal data (152-ФЗ). */
export const PERSONAL_TYPES = new Set<string>([
  'api::student.student',
  'api::guardian.guardian',
  'api::enrollment.enrollment',
  'api::mark.mark',
  'api::attendance.attendance',
  'api::lesson.lesson',
  'api::journal.journal',
  'api::journal-remark.journal-remark',
  'api::diary-entry.diary-entry',
  'api::portfolio-entry.portfolio-entry',
  'api::reward.reward',
  'api::mark-acknowledgment.mark-acknowledgment',
  'api::audit-entry.audit-entry',
  'api::personal-file.personal-file',
  'api::yearly-result.yearly-result',
  'api::certificate-entry.certificate-entry',
  'api::study-certificate-entry.study-certificate-entry',
  'api::medal-entry.medal-entry',
  // The register of аттестат blanks names the entries (and so the pupils) each blank was issued to.
  'api::certificate-blank.certificate-blank',
  // аттестаты accepted into safekeeping at admission to grade 10 (R48).
  'api::certificate-acceptance.certificate-acceptance',
  'api::external-assessment.external-assessment',
  'api::exam-result.exam-result',
  'api::special-condition.special-condition',
  'api::credit-transfer.credit-transfer',
  'api::parent-meeting.parent-meeting',
  'api::rules-acknowledgment.rules-acknowledgment',
  'api::results-request.results-request',
  // A teacher's work programme and the schedule of journal checks name staff accounts and journals: scoped like the journal.
  'api::work-programme.work-programme',
  'api::journal-check.journal-check',
  // Appointments by order and the internal-control plan name staff accounts; individual work plans name pupils.
  'api::duty-appointment.duty-appointment',
  'api::support-contact.support-contact',
  'api::support-plan.support-plan',
  'api::learning-trajectory.learning-trajectory',
  'api::control-plan-item.control-plan-item',
  'api::management-decision.management-decision',
  // Distance learning: a teacher's lesson plans (named staff, journals).
  'api::lesson-plan.lesson-plan',
  'api::daily-report.daily-report',
  // Meta-subject and personal results of pupils (R77).
  'api::competency-result.competency-result',
  'api::assignment.assignment',
  'api::assignment-submission.assignment-submission',
  'api::control-self-assessment.control-self-assessment',
  // Pupils' results on external e-learning platforms (R83).
  'api::platform-result.platform-result',
  // Meetings on results name staff accounts (chair, secretary, speakers, executors).
  'api::results-meeting.results-meeting',
  'plugin::users-permissions.user',
]);

/**
 * Types without personal data that the school does not publish: the bank of КИМ (R98) — a pupil must
 * not read a test paper before writing it. Staff read them; a read-only token (the school's site) does not.
 */
export const STAFF_ONLY_TYPES = new Set<string>(['api::assessment-material.assessment-material']);

const WHOLE_SCHOOL_ROLES = new Set(['deputy-director', 'director', 'secretary', 'archivist']);

/** What a teacher (or class teacher) reaches: the journals they teach or, leading a class, its journals. */
export interface TeacherReach {
  journalIds: number[];
  /** Classes of the journals they teach. */
  taughtClassIds: number[];
  /** Classes they lead as class teacher. */
  ledClassIds: number[];
}

/**
 * Resolved to ids first, so the row filters only follow relations the caller may read (Strapi's
 * query validation refuses filters through login accounts, which teachers may not list).
 */
export const loadTeacherReach = async (strapi: Core.Strapi, userId: number, leads: boolean): Promise<TeacherReach> => {
  const ledClassIds = leads
    ? (
        (await strapi.db
          .query('api::school-class.school-class')
          .findMany({ where: { classTeacher: { id: userId } }, select: ['id'] })) as Array<{ id: number }>
      ).map((schoolClass) => schoolClass.id)
    : [];
  const journals = (await strapi.db.query('api::journal.journal').findMany({
    where: { $or: [{ teachers: { id: userId } }, ...(ledClassIds.length > 0 ? [{ schoolClass: { id: { $in: ledClassIds } } }] : [])] },
    select: ['id'],
    populate: { teachers: { select: ['id'] }, schoolClass: { select: ['id'] } },
  })) as Array<{ id: number; teachers: Array<{ id: number }>; schoolClass: { id: number } | null }>;
  const taughtClassIds = journals
    .filter((journal) => journal.teachers.some((teacher) => teacher.id === userId) && journal.schoolClass)
    .map((journal) => (journal.schoolClass as { id: number }).id);
  return { journalIds: journals.map((journal) => journal.id), taughtClassIds: [...new Set(taughtClassIds)], ledClassIds };
};

/**
 * An `$in` over ids that is never empty: Strapi drops an empty `$in` from REST filters, which would
 * then match every row (a teacher with no journal would read the whole school). Ids start at 1.
 */
const idIn = (ids: number[]): { $in: number[] } => ({ $in: ids.length > 0 ? ids : [0] });

/** The rows of each type a teacher (or class teacher) may read; null when the type is closed to them. */
export const teacherRows = (uid: string, reach: TeacherReach, leads: boolean): Filter | null => {
  const inJournals = { id: idIn(reach.journalIds) };
  const classes = { id: idIn([...new Set([...reach.taughtClassIds, ...reach.ledClassIds])]) };
  const ledClasses = { id: idIn(reach.ledClassIds) };
  switch (uid) {
    case 'api::journal.journal':
      return inJournals;
    case 'api::lesson.lesson':
    case 'api::mark.mark':
    case 'api::attendance.attendance':
    case 'api::journal-remark.journal-remark':
      return { journal: inJournals };
    case 'api::assignment.assignment':
    case 'api::platform-result.platform-result':
      // Assignments and results on external platforms (R83): those of the journals they teach or, leading a class, its journals.
      return { journal: inJournals };
    case 'api::assignment-submission.assignment-submission':
      return { assignment: { journal: inJournals } };
    case 'api::control-self-assessment.control-self-assessment':
      // Self-assessments of control works: like the marks of the lessons beside them.
      return { lesson: { journal: inJournals } };
    case 'api::work-programme.work-programme':
      // The class's staff: the programmes of the journals they teach and of the classes they teach or lead.
      return { $or: [{ journal: inJournals }, { journal: { schoolClass: classes } }] };
    case 'api::student.student':
      return { enrollments: { schoolClass: classes } };
    case 'api::enrollment.enrollment':
      return { schoolClass: classes };
    case 'api::diary-entry.diary-entry':
      // Entries on the journals they keep; a class teacher also those written to their class's pupils.
      return leads
        ? { $or: [{ journal: inJournals }, { student: { enrollments: { schoolClass: ledClasses } } }] }
        : { journal: inJournals };
    case 'api::personal-file.personal-file':
      // Personal files: a class teacher reads those of the pupils of their class; a teacher none.
      return leads ? { student: { enrollments: { schoolClass: ledClasses } } } : null;
    case 'api::yearly-result.yearly-result':
      return leads ? { personalFile: { student: { enrollments: { schoolClass: ledClasses } } } } : null;
    case 'api::portfolio-entry.portfolio-entry':
    case 'api::support-plan.support-plan':
    case 'api::learning-trajectory.learning-trajectory':
    case 'api::reward.reward':
    case 'api::external-assessment.external-assessment':
    case 'api::exam-result.exam-result':
    case 'api::special-condition.special-condition':
    case 'api::credit-transfer.credit-transfer':
    case 'api::competency-result.competency-result':
      // A pupil's portfolio, rewards, external results and special conditions (the diagnosis is sanitised out
      // for all but the class teacher, src/api/special-condition): pupils of the classes they teach or lead.
      return { student: { enrollments: { schoolClass: classes } } };
    case 'api::guardian.guardian':
      return leads ? { children: { enrollments: { schoolClass: ledClasses } } } : null;
    case 'api::results-request.results-request':
      // The requests about the pupils of the class they lead.
      return leads ? { student: { enrollments: { schoolClass: ledClasses } } } : null;
    case 'api::parent-meeting.parent-meeting':
      // The meetings (with the parents who attended) of the class they lead.
      return leads ? { schoolClass: ledClasses } : null;
    default:
      return PERSONAL_TYPES.has(uid) ? null : {};
  }
};

/** Ids of the methodical associations the account heads or curates. */
const associationIdsOf = async (strapi: Core.Strapi, role: 'head' | 'curator', userId: number): Promise<number[]> =>
  (
    (await strapi.db
      .query('api::methodical-association.methodical-association')
      .findMany({ where: { [role]: { id: userId } }, select: ['id'] })) as Array<{ id: number }>
  ).map((association) => association.id);

/**
 * Lesson plans (seed 004 §2.1): a teacher reads their own; the head of a methodical association the
 * plans sent to it (not drafts); the curating deputy director the approved plans of the associations
 * they curate; the director every approved plan. Null: no narrowing rule here.
 */
const lessonPlanRows = async (strapi: Core.Strapi, reader: Reader & { id: number }): Promise<ReadScope> => {
  switch (reader.roleType) {
    case 'teacher':
    case 'class-teacher': {
      // Resolved to ids: a filter through the login accounts is refused to teachers, who may not list them.
      const own = (await strapi.db
        .query('api::lesson-plan.lesson-plan')
        .findMany({ where: { teacher: { id: reader.id } }, select: ['id'] })) as Array<{ id: number }>;
      return { kind: 'rows', filter: { id: idIn(own.map((plan) => plan.id)) } };
    }
    case 'methodologist':
      return {
        kind: 'rows',
        filter: { association: { id: idIn(await associationIdsOf(strapi, 'head', reader.id)) }, state: { $ne: 'draft' } },
      };
    case 'deputy-director':
      return {
        kind: 'rows',
        filter: { association: { id: idIn(await associationIdsOf(strapi, 'curator', reader.id)) }, state: 'approved' },
      };
    case 'director':
      return { kind: 'rows', filter: { state: 'approved' } };
    default:
      return { kind: 'deny' };
  }
};

/** Daily reports (seed 004 §2.1): a teacher's own; the deputy director the reports sent to them; the director every one. */
const dailyReportRows = async (strapi: Core.Strapi, reader: Reader & { id: number }): Promise<ReadScope> => {
  if (reader.roleType === 'director') return { kind: 'all' };
  if (!['teacher', 'class-teacher', 'deputy-director'].includes(reader.roleType ?? '')) return { kind: 'deny' };
  const field = reader.roleType === 'deputy-director' ? 'deputy' : 'teacher';
  const rows = (await strapi.db
    .query('api::daily-report.daily-report')
    .findMany({ where: { [field]: { id: reader.id } }, select: ['id'] })) as Array<{ id: number }>;
  return { kind: 'rows', filter: { id: idIn(rows.map((row) => row.id)) } };
};

/**
 * Meetings on results (seed 001 §3.1): the director and the deputy director read every one; the head of a
 * methodical association their association's meetings; a teacher their association's meetings and those
 * where they execute a decision. Resolved to ids (teachers may not filter through login accounts).
 */
const resultsMeetingRows = async (strapi: Core.Strapi, reader: Reader & { id: number }): Promise<ReadScope> => {
  const MEETING = 'api::results-meeting.results-meeting';
  if (reader.roleType === 'director' || reader.roleType === 'deputy-director') return { kind: 'all' };
  if (reader.roleType === 'methodologist') {
    return { kind: 'rows', filter: { association: { id: idIn(await associationIdsOf(strapi, 'head', reader.id)) } } };
  }
  if (reader.roleType !== 'teacher' && reader.roleType !== 'class-teacher') return { kind: 'deny' };
  const rows = (await strapi.db.query(MEETING).findMany({
    where: { $or: [{ association: { members: { id: reader.id } } }, { decisions: { executor: { id: reader.id } } }] },
    select: ['id'],
  })) as Array<{ id: number }>;
  return { kind: 'rows', filter: { id: idIn(rows.map((row) => row.id)) } };
};

export const readScopeOf = async (strapi: Core.Strapi, reader: Reader, uid: string): Promise<ReadScope> => {
  if (reader.kind === 'admin') return { kind: 'all' };
  if (uid === 'api::daily-report.daily-report' && reader.kind === 'user' && reader.id !== null) {
    return dailyReportRows(strapi, { ...reader, id: reader.id });
  }
  if (uid === 'api::lesson-plan.lesson-plan' && reader.kind === 'user' && reader.id !== null) {
    return lessonPlanRows(strapi, { ...reader, id: reader.id });
  }
  if (uid === 'api::results-meeting.results-meeting' && reader.kind === 'user' && reader.id !== null) {
    return resultsMeetingRows(strapi, { ...reader, id: reader.id });
  }
  if (reader.kind === 'api-token') {
    return reader.tokenType === 'read-only' && (PERSONAL_TYPES.has(uid) || STAFF_ONLY_TYPES.has(uid)) ? { kind: 'deny' } : { kind: 'all' };
  }
  if (reader.kind !== 'user' || reader.id === null) return PERSONAL_TYPES.has(uid) ? { kind: 'deny' } : { kind: 'all' };
  if (WHOLE_SCHOOL_ROLES.has(reader.roleType ?? '')) return { kind: 'all' };
  if (reader.roleType === 'teacher' || reader.roleType === 'class-teacher') {
    if (!PERSONAL_TYPES.has(uid)) return { kind: 'all' };
    const leads = reader.roleType === 'class-teacher';
    const filter = teacherRows(uid, await loadTeacherReach(strapi, reader.id, leads), leads);
    return filter === null ? { kind: 'deny' } : { kind: 'rows', filter };
  }
  if (reader.roleType === 'methodologist') {
    return uid === 'api::journal.journal' || uid === 'api::lesson.lesson' || !PERSONAL_TYPES.has(uid) ? { kind: 'all' } : { kind: 'deny' };
  }
  return PERSONAL_TYPES.has(uid) ? { kind: 'deny' } : { kind: 'all' };
};

/** Types a reader may not reach through `populate` or relation filters from a row it may read. */
export const unreachableTypesOf = (reader: Reader): Set<string> => {
  if (reader.kind === 'admin') return new Set();
  if (reader.kind === 'user' && WHOLE_SCHOOL_ROLES.has(reader.roleType ?? '')) return new Set();
  if (reader.kind === 'api-token' && reader.tokenType !== 'read-only') return new Set();
  if (reader.kind === 'user' && (reader.roleType === 'teacher' || reader.roleType === 'class-teacher')) {
    // Guardians and login accounts only through their own routes, where the rows are scoped.
    return new Set(['api::guardian.guardian', 'plugin::users-permissions.user', 'api::audit-entry.audit-entry']);
  }
  if (reader.kind === 'user' && reader.roleType === 'methodologist') {
    // The head of a methodical association reads the plans' journals and lessons, which they may read anyway.
    return new Set([...PERSONAL_TYPES].filter((uid) => uid !== 'api::journal.journal' && uid !== 'api::lesson.lesson'));
  }
  return PERSONAL_TYPES;
};

type Attributes = Record<string, { type: string; target?: string; relation?: string }>;

/**
 * Every content type a `populate` or `filters` parameter reaches from `uid`, following relations and
 * media the way Strapi's query parser does (strings, comma lists, dotted paths, arrays, objects, `*`).
 */
export const reachedTypes = (strapi: Core.Strapi, uid: string, populate: unknown, filters: unknown): Set<string> => {
  const reached = new Set<string>();
  const attributesOf = (model: string): Attributes => (strapi.getModel(model as UID.Schema)?.attributes ?? {}) as Attributes;
  const relationTarget = (model: string, name: string): string | null => {
    const attribute = attributesOf(model)[name];
    if (!attribute) return null;
    if (attribute.type === 'relation' && attribute.target) return attribute.target;
    if (attribute.type === 'media') return 'plugin::upload.file';
    return null;
  };
  const visitPath = (model: string, path: string[]) => {
    if (path.length === 0) return;
    const [head, ...rest] = path;
    if (head === '*') {
      for (const name of Object.keys(attributesOf(model))) {
        const target = relationTarget(model, name);
        if (target) reached.add(target);
      }
      return;
    }
    const target = relationTarget(model, head);
    if (!target) return;
    reached.add(target);
    visitPath(target, rest);
  };
  const visitPopulate = (model: string, value: unknown): void => {
    if (value === undefined || value === null || value === false || value === 'false') return;
    if (value === true || value === 'true') return;
    if (typeof value === 'string') {
      for (const path of value.split(',')) visitPath(model, path.trim().split('.'));
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) visitPopulate(model, item);
      return;
    }
    if (typeof value === 'object') {
      for (const [name, nested] of Object.entries(value as Record<string, unknown>)) {
        if (name === '*') {
          visitPath(model, ['*']);
          continue;
        }
        const target = relationTarget(model, name);
        if (!target) continue;
        reached.add(target);
        if (nested && typeof nested === 'object') {
          const options = nested as { populate?: unknown; filters?: unknown; on?: Record<string, unknown> };
          visitPopulate(target, options.populate);
          visitFilters(target, options.filters);
        }
      }
    }
  };
  const visitFilters = (model: string, value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) visitFilters(model, item);
      return;
    }
    for (const [key, nested] of Object.entries(value as Record<string, unknown>)) {
      if (key.startsWith('$')) {
        visitFilters(model, nested);
        continue;
      }
      const target = relationTarget(model, key);
      if (target) {
        reached.add(target);
        visitFilters(target, nested);
      }
    }
  };
  visitPopulate(uid, populate);
  visitFilters(uid, filters);
  return reached;
};
