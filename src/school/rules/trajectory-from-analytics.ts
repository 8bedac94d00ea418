import { RISK_LABELS, type PeriodResult, type RiskReason } from './analytics';
import { numericMarkValue } from './mark-values';

/**
 * What a trajectory drawn up from the analytics' lists says (R24): the basis — why the pupil is on
 * the list — and one goal per subject concerned. Pure: the analytics' entries in, Russian texts out.
 */

/** The analytics' list a trajectory is drawn up from. */
export type AnalyticsList = 'at-risk' | 'leader';
export const ANALYTICS_LISTS: readonly AnalyticsList[] = ['at-risk', 'leader'];
/** «в списке …»: the lists as a school user names them (the refusal «not on the list», the basis). */
export const ANALYTICS_LIST_OF: Record<AnalyticsList, string> = { 'at-risk': '«группы риска»', leader: 'лидеров' };

/** The groups of the leaders list, as `leaders()` answers them. */
export type LeaderGroup = 'excellent' | 'oneFour' | 'good' | 'oneThree';
export const LEADER_GROUPS: readonly LeaderGroup[] = ['excellent', 'oneFour', 'good', 'oneThree'];
const LEADER_GROUP_TITLES: Record<LeaderGroup, string> = {
  excellent: 'отличник',
  oneFour: 'с одной «4»',
  good: 'хорошист',
  oneThree: 'с одной «3»',
};

export interface SubjectStandingEntry {
  subject: string;
  subjectDocumentId: string;
  average: number | null;
  result: PeriodResult | null;
}

export interface AtRiskEntry {
  average: number | null;
  risks: RiskReason[];
  attendance: { missed: number; lessons: number };
  subjects: Array<SubjectStandingEntry & { risks: RiskReason[]; forecast: number | null; marks: number }>;
}

export interface LeaderEntry {
  group: LeaderGroup;
  average: number | null;
  subjects: SubjectStandingEntry[];
}

export interface DraftGoal {
  /** The subject's documentId; null for a goal without a subject. */
  subject: string | null;
  goal: string;
  measures: string;
  expectedResult: string;
}

export interface TrajectoryDraft {
  basis: string;
  goals: DraftGoal[];
}

/** What the basis says of the analysed period, e.g. «2 четверть 2025/2026 учебного года». */
export interface PeriodLabel {
  title: string;
  year: string;
}

const BASIS_MAX = 2000;
const PASS_LINE: readonly RiskReason[] = ['expected-fail', 'not-assessed'];

const decimal = (value: number) =>
  value
    .toFixed(2)
    .replace(/\.?0+$/, '')
    .replace('.', ',');
const bounded = (text: string) => (text.length <= BASIS_MAX ? text : `${text.slice(0, BASIS_MAX - 1)}…`);
const periodText = (period: PeriodLabel) => `${period.title} ${period.year} учебного года`;

/**
 * From the «at risk» list: each reason as the analytics gives it, with the subjects it concerns; one
 * goal «ликвидировать пробелы» per subject below the pass line (an expected 2 or н/а) — or, when no
 * subject is below it, per subject with another reason; a pupil at risk only for absences gets one
 * goal without a subject.
 */
export const atRiskTrajectory = (period: PeriodLabel, pupil: AtRiskEntry): TrajectoryDraft => {
  const reasons = pupil.risks.map((reason) => {
    if (reason === 'absences')
      return `${RISK_LABELS.absences} (пропущено ${pupil.attendance.missed} из ${pupil.attendance.lessons} уроков)`;
    const subjects = pupil.subjects
      .filter((subject) => subject.risks.includes(reason))
      .map((subject) => {
        const details: string[] = [];
        if (subject.average !== null) details.push(`средний балл ${decimal(subject.average)}`);
        if (reason === 'expected-fail' && subject.forecast !== null) details.push(`прогноз «${subject.forecast}»`);
        if (reason === 'few-marks') details.push(`отметок: ${subject.marks}`);
        return details.length > 0 ? `${subject.subject} (${details.join(', ')})` : subject.subject;
      });
    return subjects.length > 0 ? `${RISK_LABELS[reason]} — ${subjects.join(', ')}` : RISK_LABELS[reason];
  });
  const basis = `Итоги анализа результатов за ${periodText(period)}: обучающийся в списке ${ANALYTICS_LIST_OF['at-risk']}. Причины: ${reasons.join('; ')}.`;
  const belowPassLine = pupil.subjects.filter((subject) => subject.risks.some((reason) => PASS_LINE.includes(reason)));
  const concerned = belowPassLine.length > 0 ? belowPassLine : pupil.subjects.filter((subject) => subject.risks.length > 0);
  const goals: DraftGoal[] = concerned.map((subject) => ({
    subject: subject.subjectDocumentId,
    goal: `ликвидировать пробелы по предмету ${subject.subject}`,
    measures: 'консультации',
    expectedResult: 'положительная отметка за учебный период',
  }));
  if (goals.length === 0) {
    goals.push({
      subject: null,
      goal: 'восполнить материал, пропущенный на уроках',
      measures: 'консультации',
      expectedResult: 'положительные отметки по всем предметам за учебный период',
    });
  }
  return { basis: bounded(basis), goals };
};

const numeric = (result: PeriodResult | null) => (result ? numericMarkValue(result.value) : null);

/**
 * From the leaders list: the group (отличник, с одной «4», хорошист, с одной «3») and the average,
 * and the strong subjects — those with the pupil's best result of the period (a «5» wherever there
 * is one) — with their averages; one goal «подготовка к олимпиаде» per strong subject.
 */
export const leaderTrajectory = (period: PeriodLabel, pupil: LeaderEntry): TrajectoryDraft => {
  const best = Math.max(0, ...pupil.subjects.map((subject) => numeric(subject.result) ?? 0));
  const strong = best === 0 ? [] : pupil.subjects.filter((subject) => numeric(subject.result) === best);
  const average = pupil.average === null ? '' : `, средний балл ${decimal(pupil.average)}`;
  const subjects = strong.map(
    (subject) => `${subject.subject} — «${best}»${subject.average === null ? '' : ` (средний балл ${decimal(subject.average)})`}`,
  );
  const basis =
    `Итоги анализа результатов за ${periodText(period)}: обучающийся в списке ${ANALYTICS_LIST_OF.leader} — ${LEADER_GROUP_TITLES[pupil.group]}${average}.` +
    (subjects.length > 0 ? ` Сильные предметы: ${subjects.join('; ')}.` : '');
  const goals: DraftGoal[] = strong.map((subject) => ({
    subject: subject.subjectDocumentId,
    goal: `подготовка к олимпиаде по предмету ${subject.subject}`,
    measures: 'задания повышенной сложности, участие в школьном этапе олимпиады',
    expectedResult: 'участие в олимпиаде по предмету',
  }));
  if (goals.length === 0) {
    goals.push({
      subject: null,
      goal: 'подготовка к олимпиадам и конкурсам',
      measures: 'задания повышенной сложности',
      expectedResult: 'участие в олимпиадах и конкурсах',
    });
  }
  return { basis: bounded(basis), goals };
};
