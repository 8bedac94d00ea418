import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { loadTeacherReach } from '../../access/record-scope';
import { actorFromState, currentActor, type Actor, type RequestState } from '../../access/request-actor';
import { logReads } from '../../audit/audit-trail';
import { SPECIAL_CONDITION } from '../../school/records/special-condition-rules';

/**
 * Special learning conditions are health data, a special category of personal data (152-ФЗ ст. 10).
 * Who reads them: the deputy and the director (everything), the class teacher of the pupil's class
 * (everything), the pupil's other teachers (the conditions, never the diagnosis), the family (its own
 * child, through the diary). Every read, on every route and in the admin panel, leaves an audit
 * entry with action `read`.
 */

type Row = { id: number; documentId: string; [field: string]: unknown };

/** Fields of a record that carry the diagnosis; hidden from teachers. */
export const DIAGNOSIS_FIELDS = ['diagnosis'] as const;

const FULL_READERS = new Set(['deputy-director', 'director']);

/** The pupils (ids) whose diagnosis the caller may read; `all` for the deputy, the director and admins. */
type DiagnosisReader = Pick<Actor, 'kind' | 'id' | 'roleType'>;

const diagnosisReachOf = async (strapi: Core.Strapi, actor: DiagnosisReader): Promise<'all' | Set<number>> => {
  if (actor.kind === 'admin') return 'all';
  if (actor.kind === 'user' && FULL_READERS.has(actor.roleType ?? '')) return 'all';
  if (actor.kind === 'user' && actor.roleType === 'class-teacher' && actor.id !== null) {
    const { ledClassIds } = await loadTeacherReach(strapi, actor.id, true);
    if (ledClassIds.length === 0) return new Set();
    const enrollments = (await strapi.db.query('api::enrollment.enrollment').findMany({
      where: { schoolClass: { id: { $in: ledClassIds } } },
      populate: { student: { select: ['id'] } },
    })) as Row[];
    return new Set(enrollments.map((enrollment) => (enrollment.student as Row | null)?.id).filter((id): id is number => !!id));
  }
  return new Set();
};

/** Refuses a filter or sort on the diagnosis by a caller who may not read every diagnosis (it would leak it). */
export const assertNoDiagnosisQuery = async (ctx: Context): Promise<void> => {
  const actor = actorFromState(ctx.state as RequestState);
  if (actor.kind === 'admin' || (actor.kind === 'user' && FULL_READERS.has(actor.roleType ?? ''))) return;
  const { filters, sort } = ctx.query as { filters?: unknown; sort?: unknown };
  if (DIAGNOSIS_FIELDS.some((field) => JSON.stringify([filters ?? null, sort ?? null]).includes(field))) {
    throw new errors.PolicyError('Отбор и сортировка по диагнозу вам недоступны (152-ФЗ: сведения о здоровье)');
  }
};

type Item = Record<string, unknown> & { id?: number; documentId?: string };

const SHOWN_FIELDS = ['documentId', 'commissionDate', 'commissionNumber', 'conditions', 'diagnosis', 'validUntil'] as const;

/** A pupil's records as plain items (newest commission first), to pass through `sanitiseAndLog` before showing. */
export const specialConditionsOf = async (strapi: Core.Strapi, studentId: number): Promise<Item[]> => {
  const rows = (await strapi.db.query(SPECIAL_CONDITION).findMany({
    where: { student: { id: studentId } },
    select: [...SHOWN_FIELDS],
    orderBy: [{ commissionDate: 'desc' }, { id: 'desc' }],
  })) as Item[];
  return rows.map((row) => Object.fromEntries(SHOWN_FIELDS.map((field) => [field, row[field] ?? null])));
};

/**
 * Takes the diagnosis out of the items the caller may not see it in and writes one `read` entry per
 * item shown. Items are the REST answer's `data` (one or a list), or the diary's rows of the family's
 * own child (`ownChild`). `viewer`: whose reach decides the diagnosis when it is not the caller's own
 * (an admin-panel page acting for the staff member's school account); the audit names the caller.
 */
export const sanitiseAndLog = async (
  strapi: Core.Strapi,
  items: Item[],
  route: string,
  options: { ownChild?: boolean; viewer?: DiagnosisReader } = {},
): Promise<void> => {
  if (items.length === 0) return;
  const actor = currentActor(strapi);
  const documentIds = items.map((item) => item.documentId).filter((id): id is string => typeof id === 'string');
  const stored = (await strapi.db.query(SPECIAL_CONDITION).findMany({
    where: { documentId: { $in: documentIds } },
    select: ['id', 'documentId'],
    populate: { student: { select: ['id', 'documentId'] } },
  })) as Row[];
  const byDocument = new Map(stored.map((row) => [row.documentId, row]));
  // The family reads all of its own child's record (the diary has checked the child is theirs).
  const reach = options.ownChild ? 'all' : await diagnosisReachOf(strapi, options.viewer ?? actor);
  const reads: Array<{ id: number; documentId: string; fields: string[]; student: string | null }> = [];
  for (const item of items) {
    const row = byDocument.get(String(item.documentId));
    if (!row) continue;
    const student = row.student as Row | null;
    const seesDiagnosis = reach === 'all' || (student !== null && reach.has(student.id));
    if (!seesDiagnosis) for (const field of DIAGNOSIS_FIELDS) delete item[field];
    reads.push({
      id: row.id,
      documentId: row.documentId,
      fields: Object.keys(item).filter((key) => !['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale'].includes(key)),
      student: student?.documentId ?? null,
    });
  }
  await logReads(strapi, SPECIAL_CONDITION, reads, route);
};

const READ_ACTIONS = new Set(['findOne', 'findMany', 'findFirst']);

/**
 * Document-service middleware: reads in the admin panel (content manager) are logged too; REST reads
 * are logged by the controller, which knows what it showed.
 */
export const adminReadLogMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== SPECIAL_CONDITION || !READ_ACTIONS.has(context.action)) return next();
    const result = await next();
    if (currentActor(strapi).kind !== 'admin') return result;
    const items = (Array.isArray(result) ? result : result ? [result] : []) as Item[];
    const documentIds = items.map((item) => item.documentId).filter((id): id is string => typeof id === 'string');
    if (documentIds.length === 0) return result;
    const stored = (await strapi.db.query(SPECIAL_CONDITION).findMany({
      where: { documentId: { $in: documentIds } },
      select: ['id', 'documentId'],
      populate: { student: { select: ['documentId'] } },
    })) as Row[];
    await logReads(
      strapi,
      SPECIAL_CONDITION,
      stored.map((row) => ({
        id: row.id,
        documentId: row.documentId,
        fields: ['*'],
        student: (row.student as Row | null)?.documentId ?? null,
      })),
      'admin-panel',
    );
    return result;
  };
