import { errors } from '@strapi/utils';
import { formatLocalDate, todayInZone, type LocalDate } from '../calendar';
import { getSchoolSettings } from '../settings';
import { currentRestAccount } from './author';
import { componentInputOf } from './component-input';
import { boundedText, termOf } from './control-plan-rules';
import type { RecordDraft } from './draft';

type Derived = Record<string, unknown>;

export const LEARNING_TRAJECTORY = 'api::learning-trajectory.learning-trajectory';

/** How a trajectory came about: by hand, or from the analytics' «at risk» or leaders list of a study period (R24). */
export const TRAJECTORY_ORIGINS = ['manual', 'at-risk', 'leader'] as const;
export type TrajectoryOrigin = (typeof TRAJECTORY_ORIGINS)[number];

const GOAL_FIELDS = new Set(['subject', 'goal', 'measures', 'expectedResult', 'dueOn']);
const REVIEW_FIELDS = new Set(['reviewedOn', 'findings', 'changes']);

/** HTTP 403: a closed trajectory is the record of what was done for the pupil and stays as it was closed. */
export class TrajectoryClosedError extends errors.PolicyError {
  constructor(closedOn: unknown) {
    super(
      `Траектория закрыта ${formatLocalDate(String(closedOn))} с итогом: она не изменяется. Для нового этапа составьте новую траекторию`,
      {
        code: 'LEARNING_TRAJECTORY_CLOSED',
      },
    );
  }
}

/**
 * A pupil's individual educational trajectory (индивидуальная образовательная траектория, seed 003
 * §5.6: results are used in the pupil's interest to draw it up and adjust it) for a school year:
 * - the basis (the parents' application, the commission's recommendation, the choice of a profile,
 *   the analysis of results), the goals — each with its subject where it has one, the measures, the
 *   expected result and its term inside the year —, the responsible member of staff (the author by
 *   default), the start and the next review;
 * - the agreement with the parents (day and who agreed), the reviews that adjust it (day, what the
 *   results show, what is changed; none in the future), and the outcome when it is closed;
 * - its origin: drawn up by hand (`manual`, the default) or from the analytics' «at risk» or leaders
 *   list (`at-risk`, `leader`) of a study period of the trajectory's year (`originPeriod`, required then);
 * - a closed trajectory is never changed (403).
 */
export const learningTrajectoryRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  if (!draft.isNew && draft.existing?.closedOn) throw new TrajectoryClosedError(draft.existing.closedOn);
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const input = componentInputOf(draft);

  const student = await draft.require('student', 'Укажите обучающегося');
  const year = await draft.require('academicYear', 'Укажите учебный год траектории');
  const yearStart = String(year.startDate) as LocalDate;
  const yearEnd = String(year.endDate) as LocalDate;
  const enrolled = await strapi.db.query('api::enrollment.enrollment').count({
    where: {
      student: { id: student.id },
      startDate: { $lte: yearEnd },
      $or: [{ endDate: { $null: true } }, { endDate: { $gte: yearStart } }],
    },
  });
  if (enrolled === 0)
    draft.report('student', `${String(student.fullName)} не числится ни в одном классе в ${String(year.title)} учебном году`);

  const basis = boundedText(
    draft,
    'basis',
    2000,
    'Запишите основание: заявление родителей, рекомендации ПМПК, выбор профиля, итоги анализа результатов',
  );
  const { start: startsOn, end: nextReviewOn } = termOf(
    draft,
    'startsOn',
    'начало траектории',
    'nextReviewOn',
    'дату следующего рассмотрения',
  );
  const inYear = (date: LocalDate | null) => date === null || (date >= yearStart && date <= yearEnd);
  const yearSpan = `${formatLocalDate(yearStart)} – ${formatLocalDate(yearEnd)}`;
  if (startsOn && !inYear(startsOn)) draft.report('startsOn', `Начало траектории — в пределах учебного года (${yearSpan})`);

  const agreedWithParentsOn = draft.localDate('agreedWithParentsOn', 'дату согласования с родителями');
  const agreedWith = boundedText(draft, 'agreedWith', 200, null);
  if (agreedWithParentsOn && agreedWithParentsOn > today) draft.report('agreedWithParentsOn', 'Дата согласования ещё не наступила');
  if (agreedWithParentsOn && !agreedWith)
    draft.report('agreedWith', 'Укажите, кто из родителей (законных представителей) согласовал траекторию');

  const origin = draft.value<unknown>('origin') ?? 'manual';
  if (!TRAJECTORY_ORIGINS.includes(origin as TrajectoryOrigin))
    draft.report('origin', 'Происхождение траектории: manual (вручную), at-risk (список «группы риска») или leader (список лидеров)');
  const originPeriod = await draft.optionalRelated('originPeriod', 'Учебный период задаётся его documentId или id', {
    academicYear: { select: ['id'] },
  });
  if (origin !== 'manual' && TRAJECTORY_ORIGINS.includes(origin as TrajectoryOrigin) && !originPeriod)
    draft.report('originPeriod', 'Укажите учебный период, по анализу которого составлена траектория');
  if (originPeriod && (originPeriod.academicYear as { id?: number } | null)?.id !== year.id)
    draft.report('originPeriod', `Учебный период анализа — из ${String(year.title)} учебного года траектории`);

  const derived: Derived = {
    origin,
    originPeriod: originPeriod ? { id: originPeriod.id } : null,
    basis,
    startsOn,
    nextReviewOn,
    agreedWithParentsOn,
    agreedWith,
  };
  const responsible = await draft.optionalRelated('responsible', 'Ответственный задаётся его documentId или id');
  derived.responsible = responsible ? { id: responsible.id } : currentRestAccount(strapi);

  const goalsInput = input.listOf('goals');
  if (goalsInput) {
    if (goalsInput.length === 0) draft.report('goals', 'Укажите хотя бы одну цель траектории');
    const goals: Derived[] = [];
    for (const [index, item] of goalsInput.entries()) {
      const path = ['goals', String(index)];
      const goal = input.itemAt(path, item, GOAL_FIELDS, 'Цель — { "goal": "…", "subject", "measures", "expectedResult", "dueOn" }');
      if (!goal) continue;
      const subject = await input.relationAt(
        [...path, 'subject'],
        goal.subject,
        'api::subject.subject',
        'Предмет — ссылка на запись предмета',
      );
      const dueOn = input.dateAt([...path, 'dueOn'], goal.dueOn, 'срок цели');
      if (dueOn && !inYear(dueOn)) draft.reportAt([...path, 'dueOn'], `Срок цели — в пределах учебного года (${yearSpan})`);
      else if (dueOn && startsOn && dueOn < startsOn) draft.reportAt([...path, 'dueOn'], 'Срок цели не раньше начала траектории');
      goals.push({
        subject: subject ? { id: subject.id } : null,
        goal: input.textAt([...path, 'goal'], goal.goal, 'цель', 1000, true),
        measures: input.textAt([...path, 'measures'], goal.measures, 'меры', 2000, false),
        expectedResult: input.textAt([...path, 'expectedResult'], goal.expectedResult, 'ожидаемый результат', 300, false),
        dueOn,
      });
    }
    derived.goals = goals;
  } else if (draft.isNew) {
    draft.report('goals', 'Укажите хотя бы одну цель траектории');
  }

  const reviewsInput = input.listOf('reviews');
  if (reviewsInput) {
    const reviews: Derived[] = [];
    for (const [index, item] of reviewsInput.entries()) {
      const path = ['reviews', String(index)];
      const review = input.itemAt(path, item, REVIEW_FIELDS, 'Корректировка — { "reviewedOn": "ГГГГ-ММ-ДД", "findings": "…", "changes" }');
      if (!review) continue;
      const reviewedOn = input.dateAt([...path, 'reviewedOn'], review.reviewedOn, 'дату рассмотрения', true);
      if (reviewedOn && reviewedOn > today) draft.reportAt([...path, 'reviewedOn'], `${formatLocalDate(reviewedOn)} ещё не наступило`);
      else if (reviewedOn && startsOn && reviewedOn < startsOn)
        draft.reportAt([...path, 'reviewedOn'], 'Рассмотрение не раньше начала траектории');
      reviews.push({
        reviewedOn,
        findings: input.textAt([...path, 'findings'], review.findings, 'что показали результаты обучения', 2000, true),
        changes: input.textAt([...path, 'changes'], review.changes, 'изменения траектории', 2000, false),
      });
    }
    derived.reviews = reviews;
  }

  const closedOn = draft.localDate('closedOn', 'дату закрытия траектории');
  const outcome = boundedText(draft, 'outcome', 5000, null);
  if (closedOn && !outcome) draft.report('outcome', 'Закрывая траекторию, запишите её итог');
  if (closedOn && closedOn > today) draft.report('closedOn', 'Дата закрытия ещё не наступила');
  if (closedOn && startsOn && closedOn < startsOn) draft.report('closedOn', 'Траектория не закрывается раньше, чем начата');
  draft.check();
  return { ...derived, closedOn, outcome };
};
