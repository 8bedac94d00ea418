import type { Core } from '@strapi/strapi';
import { pupilsOfJournalOn } from '../api/assignment/distance';
import {
  lessonPlanApprovedLetter,
  lessonPlanReviewedLetter,
  lessonPlanSubmittedLetter,
  newAssignmentLetter,
  workCheckedLetter,
  workHandedInLetter,
  type Letter,
  type PlanAbout,
} from './templates';
import { staffNameOf } from '../access/staff-name';

/**
 * The letters of the distance-learning flow (seed 004 §2.1, §2.2; R79–R82, R84): a lesson plan sent
 * to the head of the methodical association, approved (to the curating deputy and the author) or
 * returned (to the author); a new assignment to the journal's pupils who have an account e-mail and to
 * their parents; work handed in to the teacher who set the assignment; work checked or returned to
 * the pupil's parents. A pupil is named only to staff and to their own family; blocked accounts get
 * nothing.
 */

type Row = { id: number; [field: string]: unknown };

export interface Addressed {
  email: string;
  userId: number | null;
  letter: Letter;
}

export type DistanceEvent =
  | { kind: 'lesson-plan'; planId: number; action: 'submit' | 'approve' | 'return' }
  | { kind: 'assignment'; assignmentId: number }
  | { kind: 'submission'; submissionId: number; event: 'handed-in' | 'checked' | 'returned' };

export const DISTANCE_CAUSES = {
  'lesson-plan': 'lesson-plan',
  assignment: 'assignment',
  submission: 'assignment-submission',
} as const;

const ACCOUNT = { select: ['id', 'email', 'fullName', 'username', 'blocked'] };

/** An account's address, unless it is blocked or has none. */
const accountAddress = (user: Row | null | undefined): { email: string; userId: number } | null => {
  const email = String(user?.email ?? '').trim();
  return user && !user.blocked && email.includes('@') ? { email, userId: user.id } : null;
};

const nameOf = (user: Row | null | undefined, fallback: string): string => staffNameOf(user) || fallback;

/** The parents of a pupil: the guardian's own address, else their account's (a blocked account: none). */
const guardianAddresses = (student: Row): Array<{ email: string; userId: number | null }> =>
  ((student.guardians as Row[] | undefined) ?? []).flatMap((guardian) => {
    const user = guardian.user as Row | null;
    if (user?.blocked) return [];
    const email = String(guardian.email || user?.email || '').trim();
    return email.includes('@') ? [{ email, userId: user?.id ?? null }] : [];
  });

const planLetters = async (strapi: Core.Strapi, planId: number, action: 'submit' | 'approve' | 'return'): Promise<Addressed[]> => {
  const plan = (await strapi.db.query('api::lesson-plan.lesson-plan').findOne({
    where: { id: planId },
    populate: {
      teacher: ACCOUNT,
      reviewedBy: ACCOUNT,
      journal: { select: ['id', 'title'] },
      association: { select: ['id'], populate: { head: ACCOUNT, curator: ACCOUNT } },
    },
  })) as Row | null;
  if (!plan) return [];
  const teacher = plan.teacher as Row | null;
  const association = plan.association as Row | null;
  const about: PlanAbout = {
    teacher: String(plan.teacherName || nameOf(teacher, 'учитель')),
    kind: String(plan.kind),
    lessonDate: String(plan.lessonDate),
    topic: String(plan.topic ?? ''),
    journal: ((plan.journal as Row | null)?.title as string | undefined) ?? null,
  };
  const reviewer = nameOf(plan.reviewedBy as Row | null, 'Руководитель методического объединения');
  const out: Addressed[] = [];
  if (action === 'submit') {
    const head = accountAddress(association?.head as Row | null);
    if (head) out.push({ ...head, letter: lessonPlanSubmittedLetter(about) });
    return out;
  }
  const author = accountAddress(teacher);
  const approved = action === 'approve';
  if (approved) {
    const curator = accountAddress(association?.curator as Row | null);
    if (curator) out.push({ ...curator, letter: lessonPlanApprovedLetter({ ...about, reviewer }) });
  }
  if (author) {
    const comment = (plan.reviewComment as string | null) ?? null;
    out.push({ ...author, letter: lessonPlanReviewedLetter({ ...about, reviewer, approved, comment }) });
  }
  return out;
};

const assignmentLetters = async (strapi: Core.Strapi, assignmentId: number): Promise<Addressed[]> => {
  const assignment = (await strapi.db.query('api::assignment.assignment').findOne({
    where: { id: assignmentId },
    populate: {
      journal: {
        select: ['id'],
        populate: { subject: { select: ['name'] }, pupils: { select: ['id'] }, schoolClass: { select: ['id'] } },
      },
      lesson: { select: ['id', 'date'] },
      materials: { select: ['id'] },
    },
  })) as Row | null;
  const journal = assignment?.journal as Row | null;
  const lesson = assignment?.lesson as Row | null;
  if (!assignment || !journal || !lesson) return [];
  const pupils = await pupilsOfJournalOn(strapi, journal as Row & { documentId: string }, String(lesson.date));
  if (pupils.length === 0) return [];
  const students = (await strapi.db.query('api::student.student').findMany({
    where: { id: { $in: pupils.map((pupil) => pupil.id) } },
    select: ['id', 'fullName'],
    populate: { user: ACCOUNT, guardians: { select: ['id', 'email'], populate: { user: ACCOUNT } } },
  })) as Row[];
  const about = {
    subject: String((journal.subject as Row | null)?.name ?? ''),
    title: String(assignment.title ?? ''),
    lessonDate: String(lesson.date),
    dueOn: String(assignment.dueOn),
    description: (assignment.description as string | null) ?? null,
    sources: (assignment.sources as string | null) ?? null,
    materials: ((assignment.materials as Row[] | undefined) ?? []).length,
  };
  // One letter per address: a parent of two pupils of the journal reads both names in one letter.
  const byEmail = new Map<string, { userId: number | null; children: string[] }>();
  const add = (email: string, userId: number | null, child: string | null) => {
    const key = email.toLowerCase();
    const entry = byEmail.get(key) ?? { userId, children: [] };
    if (child && !entry.children.includes(child)) entry.children.push(child);
    byEmail.set(key, entry);
  };
  for (const student of students) {
    const own = accountAddress(student.user as Row | null);
    if (own) add(own.email, own.userId, null);
    for (const parent of guardianAddresses(student)) add(parent.email, parent.userId, String(student.fullName ?? ''));
  }
  return [...byEmail].map(([email, entry]) => ({
    email,
    userId: entry.userId,
    letter: newAssignmentLetter({ ...about, children: entry.children }),
  }));
};

const submissionLetters = async (
  strapi: Core.Strapi,
  submissionId: number,
  event: 'handed-in' | 'checked' | 'returned',
): Promise<Addressed[]> => {
  const submission = (await strapi.db.query('api::assignment-submission.assignment-submission').findOne({
    where: { id: submissionId },
    populate: {
      assignment: {
        select: ['id', 'title', 'dueOn'],
        populate: { teacher: ACCOUNT, journal: { select: ['id'], populate: { subject: { select: ['name'] } } } },
      },
      student: {
        select: ['id', 'fullName'],
        populate: { guardians: { select: ['id', 'email'], populate: { user: ACCOUNT } } },
      },
      mark: { select: ['id', 'value'] },
      files: { select: ['id'] },
    },
  })) as Row | null;
  const assignment = submission?.assignment as Row | null;
  const student = submission?.student as Row | null;
  if (!submission || !assignment || !student) return [];
  const subject = String(((assignment.journal as Row | null)?.subject as Row | null)?.name ?? '');
  const pupil = String(student.fullName ?? '');
  const title = String(assignment.title ?? '');
  if (event === 'handed-in') {
    const teacher = accountAddress(assignment.teacher as Row | null);
    if (!teacher) return [];
    const letter = workHandedInLetter({
      subject,
      title,
      dueOn: String(assignment.dueOn),
      pupil,
      attempt: Number(submission.attempt ?? 1),
      late: submission.late === true,
      files: ((submission.files as Row[] | undefined) ?? []).length,
    });
    return [{ ...teacher, letter }];
  }
  const letter = workCheckedLetter({
    subject,
    title,
    pupil,
    checked: event === 'checked',
    mark: ((submission.mark as Row | null)?.value as string | undefined) ?? null,
    comment: (submission.checkComment as string | null) ?? null,
  });
  return guardianAddresses(student).map((parent) => ({ ...parent, letter }));
};

/** Who hears of a step of the distance-learning flow, and what each reads. */
export const distanceLetters = (strapi: Core.Strapi, event: DistanceEvent): Promise<Addressed[]> => {
  if (event.kind === 'lesson-plan') return planLetters(strapi, event.planId, event.action);
  if (event.kind === 'assignment') return assignmentLetters(strapi, event.assignmentId);
  return submissionLetters(strapi, event.submissionId, event.event);
};
