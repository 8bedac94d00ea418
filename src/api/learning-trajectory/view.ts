import { staffNameOrNull } from '../../access/staff-name';
/**
 * How a learning trajectory is shown to a reader (the family's diary, the staff's pupil overview):
 * the year, the basis, the goals with their subjects, the reviews in date order, the outcome.
 */

export interface TrajectoryRow {
  documentId: string;
  basis: string;
  startsOn: string;
  nextReviewOn: string | null;
  agreedWithParentsOn: string | null;
  agreedWith: string | null;
  closedOn: string | null;
  outcome: string | null;
  academicYear: { title: string } | null;
  responsible: { fullName?: string | null; username: string } | null;
  goals: Array<{
    goal: string;
    measures: string | null;
    expectedResult: string | null;
    dueOn: string | null;
    subject: { name: string } | null;
  }>;
  reviews: Array<{ reviewedOn: string; findings: string; changes: string | null }>;
}

/** The relations `trajectoryView` reads. */
export const TRAJECTORY_POPULATE = {
  academicYear: { select: ['title'] },
  responsible: { select: ['fullName', 'username'] },
  goals: { populate: { subject: { select: ['name'] } } },
  reviews: true,
} as const;

export const trajectoryView = (row: TrajectoryRow) => ({
  documentId: row.documentId,
  year: row.academicYear?.title ?? null,
  basis: row.basis,
  startsOn: row.startsOn,
  nextReviewOn: row.nextReviewOn,
  agreedWithParentsOn: row.agreedWithParentsOn,
  agreedWith: row.agreedWith,
  responsible: staffNameOrNull(row.responsible),
  goals: (row.goals ?? []).map((goal) => ({
    subject: goal.subject?.name ?? null,
    goal: goal.goal,
    measures: goal.measures,
    expectedResult: goal.expectedResult,
    dueOn: goal.dueOn,
  })),
  reviews: [...(row.reviews ?? [])]
    .sort((a, b) => a.reviewedOn.localeCompare(b.reviewedOn))
    .map((review) => ({ reviewedOn: review.reviewedOn, findings: review.findings, changes: review.changes })),
  closedOn: row.closedOn,
  outcome: row.outcome,
});
