/**
 * Final marks for the аттестат and the certificate registration book (domain.md §6), and the
 * distinction and medal criteria. Pure functions, no Strapi.
 *
 * - Secondary general (11th grade): the arithmetic mean of the half-year and annual marks of grades
 *   10 and 11, rounded to a whole number. The half-year marks are the period marks of those grades
 *   (a school that divides grades 10–11 into quarters or trimesters has those period marks taken
 *   instead, as they are).
 * - Basic general (9th grade): for a subject with an exam mark (ОГЭ, GVE) the mean of the annual
 *   mark and the exam mark, rounded; otherwise the annual mark (of the 9th grade, or of the last
 *   year the subject was studied).
 * - Rounding is a school setting (`finalMarkRounding`): «half-up» (default, 3.5 → 4, 4.5 → 5) or
 *   «half-down» (3.5 → 3).
 * - «зачтено» / «не зачтено» (pass-fail subjects) take no part in a mean: a subject without any point
 *   mark gets the last annual mark as its final one («зачтено»). «осв» (exempt) is no result: it is
 *   left out of the mean; a subject with nothing but «осв» is final «осв» («освобождён(а)»). Any
 *   point mark mixed with «зачтено» makes the subject a point subject; the pass-fail ones are left out.
 * - A final mark that is not a pass (below 3, «не зачтено», «н/а», no annual mark) is a problem: the
 *   аттестат is not issued (273-ФЗ art. 60 — a справка об обучении instead).
 */

export type FinalMarkRounding = 'half-up' | 'half-down';
export const FINAL_MARK_ROUNDINGS: readonly FinalMarkRounding[] = ['half-up', 'half-down'];
export const DEFAULT_FINAL_MARK_ROUNDING: FinalMarkRounding = 'half-up';

export type CertificateLevel = 'basic-general' | 'secondary-general';
export const CERTIFICATE_LEVELS: readonly CertificateLevel[] = ['basic-general', 'secondary-general'];
export const CERTIFICATE_LEVEL_LABELS: Record<CertificateLevel, string> = {
  'basic-general': 'аттестат об основном общем образовании',
  'secondary-general': 'аттестат о среднем общем образовании',
};
/** The grade a level ends with. */
export const LEVEL_GRADE: Record<CertificateLevel, number> = { 'basic-general': 9, 'secondary-general': 11 };

export const PASSED = 'зачтено';
export const NOT_PASSED = 'не зачтено';
export const NOT_ASSESSED = 'н/а';
export const EXEMPT = 'осв';

/** Rounds a mean to a whole mark; a small tolerance keeps 3.4999999 (float sums) at 3.5. */
export const roundMark = (mean: number, rounding: FinalMarkRounding = DEFAULT_FINAL_MARK_ROUNDING): number => {
  const epsilon = 1e-9;
  return rounding === 'half-down' ? Math.ceil(mean - 0.5 - epsilon) : Math.floor(mean + 0.5 + epsilon);
};

const pointOf = (value: string | null | undefined): number | null => {
  if (value === null || value === undefined) return null;
  const trimmed = String(value).trim();
  return /^[1-5]$/.test(trimmed) ? Number(trimmed) : null;
};

export interface FinalMark {
  /** «5», «4», «3», «2», «зачтено», «осв», or null when there is nothing to compute from. */
  value: string | null;
  /** The mean the point mark was rounded from (null for a pass-fail or copied mark). */
  mean: number | null;
  /** The marks it was computed from, in order. */
  from: string[];
  /** Why this subject bars the аттестат, in Russian; null when it is a pass. */
  problem: string | null;
}

const problemOf = (value: string | null, subject = 'предмету'): string | null => {
  if (value === null) return `нет годовой отметки по ${subject}`;
  const point = pointOf(value);
  if (point !== null) return point < 3 ? `итоговая отметка ${point} по ${subject}` : null;
  if (value === PASSED || value === EXEMPT) return null;
  return `итоговая отметка «${value}» по ${subject}`;
};

/** The mean of the point marks among `values`, rounded; pass-fail subjects and «осв» as described above. */
const finalOf = (values: Array<string | null | undefined>, lastAnnual: string | null, rounding: FinalMarkRounding): FinalMark => {
  const from = values.filter((value): value is string => typeof value === 'string' && value.trim() !== '').map((value) => value.trim());
  const failing = from.find((value) => value === NOT_ASSESSED || value === NOT_PASSED);
  const points = from.map(pointOf).filter((point): point is number => point !== null);
  if (lastAnnual === null) return { value: null, mean: null, from, problem: problemOf(null) };
  if (points.length > 0) {
    const mean = points.reduce((sum, point) => sum + point, 0) / points.length;
    const value = String(roundMark(mean, rounding));
    const annualFails = lastAnnual === NOT_ASSESSED || lastAnnual === NOT_PASSED;
    return { value, mean: Math.round(mean * 100) / 100, from, problem: annualFails ? problemOf(lastAnnual) : problemOf(value) };
  }
  if (failing) return { value: failing, mean: null, from, problem: problemOf(failing) };
  const value = from.includes(PASSED) ? PASSED : from.includes(EXEMPT) ? EXEMPT : lastAnnual;
  return { value, mean: null, from, problem: problemOf(value) };
};

/** Marks of one subject over grades 10 and 11 (secondary general). */
export interface SecondarySubjectMarks {
  /** Period (half-year) marks of grades 10 and 11, in order. */
  periods: string[];
  /** Annual marks of grades 10 and 11, in order (the 11th grade's last). */
  annual: string[];
}

/** 11th grade: the mean of the half-year and annual marks of grades 10 and 11, rounded. */
export const secondaryFinalMark = (marks: SecondarySubjectMarks, rounding: FinalMarkRounding = DEFAULT_FINAL_MARK_ROUNDING): FinalMark =>
  finalOf([...marks.periods, ...marks.annual], marks.annual.length ? marks.annual[marks.annual.length - 1] : null, rounding);

/** Marks of one subject for basic general education. */
export interface BasicSubjectMarks {
  /** The annual mark of the 9th grade, or of the last year the subject was studied. */
  annual: string | null;
  /** The exam mark (ОГЭ / ГВЭ) when the subject was taken at the state exam. */
  exam?: string | null;
}

/** 9th grade: exam subjects — the mean of the annual and exam marks, rounded; other subjects — the annual mark. */
export const basicFinalMark = (marks: BasicSubjectMarks, rounding: FinalMarkRounding = DEFAULT_FINAL_MARK_ROUNDING): FinalMark => {
  const annual = marks.annual?.trim() || null;
  const exam = marks.exam?.trim() || null;
  if (exam !== null && pointOf(exam) !== null && pointOf(annual) !== null) return finalOf([annual, exam], annual, rounding);
  if (exam !== null && pointOf(exam) !== null && annual !== null && pointOf(annual) === null) {
    // An exam passed in a subject whose year ended without a point mark: the annual mark still decides.
    return { value: annual, mean: null, from: [annual, exam], problem: problemOf(annual) };
  }
  if (annual === null) return { value: null, mean: null, from: exam ? [exam] : [], problem: problemOf(null) };
  const point = pointOf(annual);
  return { value: annual, mean: point, from: [annual], problem: problemOf(annual) };
};

/** One line of the certificate: a subject and its final mark. */
export interface CertificateSubject {
  subject: string;
  subjectDocumentId: string;
  value: string;
  /** The mean it was rounded from, when it is a mean. */
  mean: number | null;
  /** The marks it was computed from. */
  from: string[];
  /** Taken at the state exam (9th grade). */
  exam: boolean;
}

export type Medal = 'first-degree' | 'second-degree';
export const MEDAL_LABELS: Record<Medal, string> = {
  'first-degree': 'медаль «За особые успехи в учении» I степени',
  'second-degree': 'медаль «За особые успехи в учении» II степени',
};

export interface Award {
  withDistinction: boolean;
  medal: Medal | null;
  /** The version of the criteria applied. */
  rule: string;
}

/**
 * The criteria of distinction and medals, versioned: they changed in 2023 (the medal «За особые
 * успехи в учении» of two degrees returned, order of the Ministry of Education of 2023 amending the
 * order of 05.10.2020 № 546) and may change again; a new version is appended, never edited.
 *
 * Implemented from the final marks only. The exam conditions (the state exams passed at the required
 * level: for the medals the ЕГЭ in Russian and in mathematics at 70 points and more, or basic
 * mathematics at «5») are not in scope here: exam protocols are not yet recorded, so the secretary
 * checks them before issuing; the book records what the marks allow.
 *
 * - аттестат «с отличием» (both levels): every final mark «5» («зачтено» and «осв» neither help nor hinder);
 * - medal I degree (11th grade only): аттестат с отличием, i.e. every final mark «5»;
 * - medal II degree (11th grade only): final marks «5» with at most two «4» (and none lower);
 * - 9th grade: no medals.
 */
export const AWARD_RULES = [{ version: '2023-09-01', maxFoursForSecondDegree: 2 }] as const;
export const CURRENT_AWARD_RULE = AWARD_RULES[AWARD_RULES.length - 1];

export const awardOf = (
  level: CertificateLevel,
  subjects: ReadonlyArray<{ value: string }>,
  rule: (typeof AWARD_RULES)[number] = CURRENT_AWARD_RULE,
): Award => {
  const points = subjects.map((subject) => pointOf(subject.value)).filter((point): point is number => point !== null);
  const allPass = subjects.every((subject) => pointOf(subject.value) !== null || subject.value === PASSED || subject.value === EXEMPT);
  const fives = points.filter((point) => point === 5).length;
  const fours = points.filter((point) => point === 4).length;
  const onlyFives = allPass && points.length > 0 && fives === points.length;
  const secondDegree =
    allPass && points.length > 0 && fives + fours === points.length && fours >= 1 && fours <= rule.maxFoursForSecondDegree;
  if (level === 'basic-general') return { withDistinction: onlyFives, medal: null, rule: rule.version };
  return { withDistinction: onlyFives, medal: onlyFives ? 'first-degree' : secondDegree ? 'second-degree' : null, rule: rule.version };
};

/** The final mark as written in the аттестат: «5 (отлично)», «зачтено», «освобождён(а)». */
export const markInWords = (value: string): string => {
  const words: Record<string, string> = {
    '5': '5 (отлично)',
    '4': '4 (хорошо)',
    '3': '3 (удовлетворительно)',
    '2': '2 (неудовлетворительно)',
  };
  if (words[value]) return words[value];
  if (value === EXEMPT) return 'освобождён(а)';
  return value;
};
