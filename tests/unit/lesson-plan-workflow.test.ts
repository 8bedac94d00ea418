import { isLessonPlanEditable, LESSON_PLAN_STATES, nextLessonPlanState } from '../../src/school/rules/lesson-plan-workflow';

describe('the review of a lesson plan', () => {
  it('goes draft → submitted → approved, and returned → submitted again', () => {
    expect(nextLessonPlanState('draft', 'submit')).toEqual({ ok: true, state: 'submitted' });
    expect(nextLessonPlanState('submitted', 'approve')).toEqual({ ok: true, state: 'approved' });
    expect(nextLessonPlanState('submitted', 'return')).toEqual({ ok: true, state: 'returned' });
    expect(nextLessonPlanState('returned', 'submit')).toEqual({ ok: true, state: 'submitted' });
  });

  it('refuses every other step with the state it is in and the states it needs, in Russian', () => {
    const refused = LESSON_PLAN_STATES.flatMap((state) =>
      (['submit', 'approve', 'return'] as const).map((action) => ({ state, action, result: nextLessonPlanState(state, action) })),
    ).filter(({ result }) => !result.ok);
    expect(refused.map(({ state, action }) => `${state}:${action}`)).toEqual([
      'draft:approve',
      'draft:return',
      'submitted:submit',
      'returned:approve',
      'returned:return',
      'approved:submit',
      'approved:approve',
      'approved:return',
    ]);
    expect(nextLessonPlanState('approved', 'submit')).toEqual({
      ok: false,
      message:
        'Конспект в состоянии «согласован» нельзя отправить на проверку: это можно только из состояния «черновик» или «возвращён на доработку»',
    });
  });

  it('lets the teacher change only a draft or a returned plan', () => {
    expect(LESSON_PLAN_STATES.filter(isLessonPlanEditable)).toEqual(['draft', 'returned']);
  });
});
