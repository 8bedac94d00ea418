import { NOT_PASSED, PASSED, numericMarkValue } from './mark-values';

/**
 * Pupils' self-assessment (R78, seed 001 §1.2–1.3, 003 §3.2.4: самооценка и самоконтроль): the pupil
 * marks their own work on the subject's scale when handing it in, and the diary sets it beside the
 * teacher's mark.
 * - Point marks: the difference self − teacher; «совпала» when equal, «выше»/«ниже» otherwise.
 * - Зачёт: «зачтено» against «не зачтено» is higher, the other way lower.
 * - A self-assessment and a mark of different scales are not compared.
 */

export type SelfAssessmentVerdict = 'matches' | 'higher' | 'lower';
export const SELF_ASSESSMENT_LABELS: Readonly<Record<SelfAssessmentVerdict, string>> = Object.freeze({
  matches: 'совпала с отметкой учителя',
  higher: 'выше отметки учителя',
  lower: 'ниже отметки учителя',
});

export interface SelfAssessmentComparison {
  verdict: SelfAssessmentVerdict;
  label: string;
  /** self − teacher for point marks; null for зачёт. */
  difference: number | null;
}

const verdictOf = (sign: number): SelfAssessmentVerdict => (sign === 0 ? 'matches' : sign > 0 ? 'higher' : 'lower');
const PASS_ORDER: Readonly<Record<string, number>> = { [NOT_PASSED]: 0, [PASSED]: 1 };

/** The pupil's self-assessment beside the teacher's mark; null while either is missing or they are of different scales. */
export const compareSelfAssessment = (self: string | null, teacher: string | null): SelfAssessmentComparison | null => {
  if (!self || !teacher) return null;
  const selfPoints = numericMarkValue(self);
  const teacherPoints = numericMarkValue(teacher);
  if (selfPoints !== null && teacherPoints !== null) {
    const verdict = verdictOf(selfPoints - teacherPoints);
    return { verdict, label: SELF_ASSESSMENT_LABELS[verdict], difference: selfPoints - teacherPoints };
  }
  if (self in PASS_ORDER && teacher in PASS_ORDER) {
    const verdict = verdictOf(PASS_ORDER[self] - PASS_ORDER[teacher]);
    return { verdict, label: SELF_ASSESSMENT_LABELS[verdict], difference: null };
  }
  return null;
};

export interface SelfAssessmentSummary {
  /** Works with both a self-assessment and a comparable teacher's mark. */
  compared: number;
  matches: number;
  higher: number;
  lower: number;
  /** The mean of |self − teacher| over the point-marked works, two decimals; null without any. */
  meanAbsoluteDifference: number | null;
}

/** How well a pupil judges their own work, over their checked works: how often it matched, was higher or lower. */
export const summariseSelfAssessment = (pairs: ReadonlyArray<{ self: string | null; teacher: string | null }>): SelfAssessmentSummary => {
  const summary: SelfAssessmentSummary = { compared: 0, matches: 0, higher: 0, lower: 0, meanAbsoluteDifference: null };
  const differences: number[] = [];
  for (const pair of pairs) {
    const comparison = compareSelfAssessment(pair.self, pair.teacher);
    if (!comparison) continue;
    summary.compared += 1;
    summary[comparison.verdict] += 1;
    if (comparison.difference !== null) differences.push(Math.abs(comparison.difference));
  }
  if (differences.length > 0) {
    summary.meanAbsoluteDifference = Math.round((differences.reduce((sum, value) => sum + value, 0) / differences.length) * 100) / 100;
  }
  return summary;
};
