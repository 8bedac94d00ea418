import type { Core } from '@strapi/strapi';
import { todayInZone } from '../../school/calendar';
import { getSchoolSettings } from '../../school/settings';
import type { StoredRecord } from '../../school/records/draft';
import { RESULTS_MEETING } from '../../school/records/results-meeting-rules';
import { staffNameOrNull } from '../../access/staff-name';

export const DECISION_FILTERS = ['open', 'overdue', 'all'] as const;
export type DecisionFilter = (typeof DECISION_FILTERS)[number];

export interface MeetingDecisionRow {
  meeting: { documentId: string; kind: string; protocolNumber: string; heldOn: string; association: string | null; signed: boolean };
  number: number;
  text: string;
  executor: string | null;
  dueOn: string | null;
  doneOn: string | null;
  overdue: boolean;
}

/**
 * The decisions of the meetings on results within `where` (the reader's rows): open ones (not done),
 * overdue ones (not done, past their due date) or all, the earliest due first; `number` is the
 * decision's number in its protocol (from 1), as `POST /results-meetings/:id/decisions/:n/done` takes it.
 */
export const meetingDecisions = async (
  strapi: Core.Strapi,
  filter: DecisionFilter,
  where: Record<string, unknown>,
): Promise<MeetingDecisionRow[]> => {
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const meetings = (await strapi.db.query(RESULTS_MEETING).findMany({
    where,
    orderBy: [{ heldOn: 'asc' }, { id: 'asc' }],
    populate: { association: { select: ['name'] }, decisions: { populate: { executor: { select: ['fullName', 'username'] } } } },
  })) as StoredRecord[];
  const rows: MeetingDecisionRow[] = [];
  for (const meeting of meetings) {
    ((meeting.decisions as StoredRecord[] | undefined) ?? []).forEach((decision, index) => {
      const dueOn = (decision.dueOn as string | null) ?? null;
      const doneOn = (decision.doneOn as string | null) ?? null;
      const overdue = !doneOn && dueOn !== null && dueOn < today;
      if (filter === 'open' && doneOn) return;
      if (filter === 'overdue' && !overdue) return;
      rows.push({
        meeting: {
          documentId: meeting.documentId,
          kind: String(meeting.kind),
          protocolNumber: String(meeting.protocolNumber),
          heldOn: String(meeting.heldOn),
          association: ((meeting.association as StoredRecord | null)?.name as string | undefined) ?? null,
          signed: Boolean(meeting.signedAt),
        },
        number: index + 1,
        text: String(decision.text),
        executor: staffNameOrNull(decision.executor as StoredRecord | null),
        dueOn,
        doneOn,
        overdue,
      });
    });
  }
  return rows.sort((a, b) => (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31'));
};

/** How many decisions of meetings on results are past their due date and not done (the director's summary). */
export const overdueMeetingDecisionCount = async (strapi: Core.Strapi): Promise<number> =>
  (await meetingDecisions(strapi, 'overdue', {})).length;
