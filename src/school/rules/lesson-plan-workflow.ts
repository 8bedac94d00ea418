/**
 * The review of a lesson plan (конспект урока / технологическая карта, seed 004 §2.1): the teacher
 * writes a draft and submits it to the head of their methodical association, who approves it (it
 * then goes to the curating deputy director) or returns it with a comment; a returned plan is
 * corrected and submitted again. Pure: no Strapi.
 */

export const LESSON_PLAN_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type LessonPlanState = (typeof LESSON_PLAN_STATES)[number];

export const LESSON_PLAN_ACTIONS = ['submit', 'approve', 'return'] as const;
export type LessonPlanAction = (typeof LESSON_PLAN_ACTIONS)[number];

export const LESSON_PLAN_STATE_LABELS: Record<LessonPlanState, string> = {
  draft: 'черновик',
  submitted: 'на проверке',
  returned: 'возвращён на доработку',
  approved: 'согласован',
};

const ACTION_LABELS: Record<LessonPlanAction, string> = {
  submit: 'отправить на проверку',
  approve: 'согласовать',
  return: 'вернуть на доработку',
};

/** Which state each action leads to, from which states. */
const TRANSITIONS: Record<LessonPlanAction, { from: readonly LessonPlanState[]; to: LessonPlanState }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
};

/** The state an action leads to, or the Russian reason it is refused in this state. */
export const nextLessonPlanState = (
  state: LessonPlanState,
  action: LessonPlanAction,
): { ok: true; state: LessonPlanState } | { ok: false; message: string } => {
  const transition = TRANSITIONS[action];
  if (transition.from.includes(state)) return { ok: true, state: transition.to };
  const allowed = transition.from.map((from) => `«${LESSON_PLAN_STATE_LABELS[from]}»`).join(' или ');
  return {
    ok: false,
    message: `Конспект в состоянии «${LESSON_PLAN_STATE_LABELS[state]}» нельзя ${ACTION_LABELS[action]}: это можно только из состояния ${allowed}`,
  };
};

/** The teacher changes the plan's content only while it is theirs to work on: a draft or a returned plan. */
export const isLessonPlanEditable = (state: LessonPlanState): boolean => state === 'draft' || state === 'returned';

/** One step of the review as kept on the plan: what was done, by whom, when, with what comment. */
export interface LessonPlanStep {
  action: 'create' | LessonPlanAction;
  state: LessonPlanState;
  by: number | null;
  byName: string;
  at: string;
  comment: string | null;
}
