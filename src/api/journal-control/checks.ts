import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseLocalDate, todayInZone, type LocalDate } from '../../school/calendar';
import { getSchoolSettings } from '../../school/settings';
import { staffNameOrNull } from '../../access/staff-name';

/**
 * The schedule of journal checks (R28, seed 002 §3.1.8, seed 004 §3.12.1): each planned check
 * (`api::journal-check.journal-check`) is done once a remark records it, overdue when its date has
 * passed without one, planned otherwise. The deputy director answers for late checks, so the
 * overdue ones come first.
 */

export type CheckState = 'done' | 'overdue' | 'planned';

export const CHECK_STATE_LABELS: Record<CheckState, string> = {
  done: 'проведена',
  overdue: 'просрочена: плановая дата прошла, записи о проверке нет',
  planned: 'запланирована',
};

interface Row {
  id: number;
  documentId: string;
  [field: string]: unknown;
}

const STATE_ORDER: Record<CheckState, number> = { overdue: 0, planned: 1, done: 2 };

const fieldError = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

/** The state of a planned check on `day`. */
export const checkStateOf = (check: { plannedOn: string | null; remark: unknown }, day: LocalDate): CheckState =>
  check.remark ? 'done' : check.plannedOn !== null && check.plannedOn < day ? 'overdue' : 'planned';

export interface CheckView {
  documentId: string;
  plannedOn: string | null;
  journal: { documentId: string; title: string } | null;
  schoolClass: { documentId: string; name: string } | null;
  inspector: string | null;
  purpose: string | null;
  state: CheckState;
  stateLabel: string;
  remark: { documentId: string; inspectedOn: string | null } | null;
}

const viewOf = (check: Row, day: LocalDate): CheckView => {
  const journal = check.journal as Row | null;
  const schoolClass = check.schoolClass as Row | null;
  const remark = check.remark as Row | null;
  const state = checkStateOf({ plannedOn: (check.plannedOn as string | null) ?? null, remark }, day);
  return {
    documentId: check.documentId,
    plannedOn: (check.plannedOn as string | null) ?? null,
    journal: journal ? { documentId: journal.documentId, title: String(journal.title ?? '') } : null,
    schoolClass: schoolClass ? { documentId: schoolClass.documentId, name: String(schoolClass.name ?? '') } : null,
    inspector: staffNameOrNull(check.inspector as Row | null),
    purpose: (check.purpose as string | null) ?? null,
    state,
    stateLabel: CHECK_STATE_LABELS[state],
    remark: remark ? { documentId: remark.documentId, inspectedOn: (remark.inspectedOn as string | null) ?? null } : null,
  };
};

const CHECK_POPULATE = {
  journal: { select: ['documentId', 'title'] },
  schoolClass: { select: ['documentId', 'name'] },
  inspector: { select: ['id', 'fullName', 'username'] },
  remark: { select: ['documentId', 'inspectedOn'] },
};

/**
 * The planned checks of [from, to] (the school year containing `date` by default; `date` is today
 * by default and decides what is overdue), overdue first, then by date.
 */
export const checkSchedule = async (strapi: Core.Strapi, query: { date?: unknown; from?: unknown; to?: unknown }) => {
  const read = (name: 'date' | 'from' | 'to'): LocalDate | null => {
    const value = query[name];
    if (value === undefined || value === '') return null;
    return (
      parseLocalDate(value) ??
      (() => {
        throw fieldError(name, 'Дата в формате ГГГГ-ММ-ДД');
      })()
    );
  };
  const day = read('date') ?? todayInZone(getSchoolSettings(strapi).timeZone);
  let from = read('from');
  let to = read('to');
  if (from && to && from > to) throw fieldError('to', 'Конец периода раньше его начала');
  if (!from && !to) {
    const year = (await strapi.db.query('api::academic-year.academic-year').findOne({
      where: { startDate: { $lte: day }, endDate: { $gte: day } },
      select: ['startDate', 'endDate'],
    })) as Row | null;
    from = (year?.startDate as string | undefined) ?? null;
    to = (year?.endDate as string | undefined) ?? null;
  }
  const where = { plannedOn: { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) } };
  const checks = (await strapi.db.query('api::journal-check.journal-check').findMany({
    where,
    populate: CHECK_POPULATE,
    orderBy: [{ plannedOn: 'asc' }, { id: 'asc' }],
  })) as Row[];
  const views = checks
    .map((check) => viewOf(check, day))
    .sort((a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || String(a.plannedOn).localeCompare(String(b.plannedOn)));
  return {
    date: day,
    from,
    to,
    overdue: views.filter((view) => view.state === 'overdue').length,
    planned: views.filter((view) => view.state === 'planned').length,
    done: views.filter((view) => view.state === 'done').length,
    checks: views,
  };
};

/** Every overdue check on `day` (for the deputy's part of the staff home), oldest first. */
export const overdueChecks = async (strapi: Core.Strapi, day: LocalDate, limit = 50): Promise<CheckView[]> => {
  const checks = (await strapi.db.query('api::journal-check.journal-check').findMany({
    where: { plannedOn: { $lt: day } },
    populate: CHECK_POPULATE,
    orderBy: [{ plannedOn: 'asc' }, { id: 'asc' }],
  })) as Row[];
  return checks
    .map((check) => viewOf(check, day))
    .filter((view) => view.state === 'overdue')
    .slice(0, limit);
};
