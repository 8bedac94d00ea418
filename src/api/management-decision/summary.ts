import type { Core } from '@strapi/strapi';
import { todayInZone } from '../../school/calendar';
import { getSchoolSettings } from '../../school/settings';
import { overdueMeetingDecisionCount } from '../results-meeting/decisions';
import { staffNameOrNull } from '../../access/staff-name';

/**
 * What the director controls (seed 002 §3.1.9–3.1.10: общий контроль ведения и хранения журналов,
 * управленческие решения): the state of journal keeping (open and overdue remarks, the journals
 * behind, overdue planned checks), the archive's state (periods awaiting closing, the last backup
 * and fixity check, the paper archive's inspection), the internal-control plan's items due, and
 * the decisions taken — open ones and those past their due date — each with what it was based on.
 * The journal and archive parts are the staff home's own reads (records-archive plugin).
 */

type Row = Record<string, unknown> & { id: number; documentId: string };

interface StaffHome {
  deputy(): Promise<{ openRemarks: Array<{ overdue: boolean }>; behind: unknown[]; overdueChecks?: unknown[] }>;
  archivist(): Promise<Record<string, unknown>>;
}

export const directorSummary = async (strapi: Core.Strapi) => {
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const home = strapi.plugin('records-archive').service('staff-home') as unknown as StaffHome;
  const control = await home.deputy();
  const archive = await home.archivist();
  const planDue = (await strapi.db.query('api::control-plan-item.control-plan-item').findMany({
    where: { doneOn: { $null: true }, plannedTo: { $lt: today } },
    select: ['documentId', 'topic', 'plannedFrom', 'plannedTo'],
    orderBy: { plannedTo: 'asc' },
    limit: 20,
  })) as Row[];
  const open = (await strapi.db.query('api::management-decision.management-decision').findMany({
    where: { executedOn: { $null: true } },
    orderBy: [{ dueOn: 'asc' }, { decidedOn: 'asc' }],
    limit: 50,
    populate: {
      journalRemarks: { select: ['documentId', 'inspectedOn', 'state'] },
      controlPlanItems: { select: ['documentId', 'topic'] },
      executor: { select: ['fullName', 'username'] },
    },
  })) as Row[];
  return {
    today,
    journalControl: {
      openRemarks: control.openRemarks.length,
      overdueRemarks: control.openRemarks.filter((remark) => remark.overdue).length,
      remarks: control.openRemarks,
      journalsBehind: control.behind,
      overdueChecks: control.overdueChecks ?? [],
    },
    archive,
    // Decisions of the pedagogical council, administrative and methodical meetings on results past their due date (R93).
    overdueMeetingDecisions: await overdueMeetingDecisionCount(strapi),
    controlPlanOverdue: planDue.map((item) => ({
      documentId: item.documentId,
      topic: item.topic,
      plannedFrom: item.plannedFrom,
      plannedTo: item.plannedTo,
    })),
    openDecisions: open.map((decision) => ({
      documentId: decision.documentId,
      kind: decision.kind,
      number: decision.number ?? null,
      title: decision.title,
      decidedOn: decision.decidedOn,
      dueOn: decision.dueOn ?? null,
      overdue: Boolean(decision.dueOn) && (decision.dueOn as string) < today,
      executor: staffNameOrNull(decision.executor as Row | null),
      basedOn: {
        journalRemarks: ((decision.journalRemarks as Row[] | null) ?? []).map((remark) => remark.documentId),
        controlPlanItems: ((decision.controlPlanItems as Row[] | null) ?? []).map((item) => item.documentId),
        archiveConcern: decision.archiveConcern ?? null,
      },
    })),
  };
};
