/**
 * The state final attestation (ГИА) and its admission exams as pure rules, no Strapi (seed 001
 * §2.2.4, 273-ФЗ art. 59–60):
 *
 * - exam kinds: ОГЭ and ГВЭ-9 (9th grade), ЕГЭ and ГВЭ-11 (11th grade), итоговое сочинение
 *   (изложение) — the 11th grade's admission to the GIA, итоговое собеседование по русскому языку —
 *   the 9th grade's admission;
 * - what a result holds for each kind (mark 2–5, scaled score, зачёт/незачёт) and whether it is
 *   passed (`examPassed`);
 * - admission (R54: зачёт → допущен) and the GIA passed for the аттестат (R39: `giaOutcome`).
 */

export const EXAM_KINDS = ['oge', 'ege', 'gve', 'final-essay', 'final-interview'] as const;
export type ExamKind = (typeof EXAM_KINDS)[number];
export const EXAM_KIND_LABELS: Record<ExamKind, string> = {
  oge: 'ОГЭ',
  ege: 'ЕГЭ',
  gve: 'ГВЭ',
  'final-essay': 'итоговое сочинение (изложение)',
  'final-interview': 'итоговое собеседование по русскому языку',
};

export const EXAM_FORMS = ['written', 'oral', 'base', 'profile', 'essay', 'statement'] as const;
export type ExamForm = (typeof EXAM_FORMS)[number];
export const EXAM_FORM_LABELS: Record<ExamForm, string> = {
  written: 'письменная',
  oral: 'устная',
  base: 'базовый уровень',
  profile: 'профильный уровень',
  essay: 'сочинение',
  statement: 'изложение',
};

export const EXAM_OUTCOMES = ['pass', 'fail'] as const;
export type ExamOutcome = (typeof EXAM_OUTCOMES)[number];
export const EXAM_OUTCOME_LABELS: Record<ExamOutcome, string> = { pass: 'зачёт', fail: 'незачёт' };

/** Exams that admit to the GIA: зачёт / незачёт, Russian language or no subject. */
export const ADMISSION_KINDS: readonly ExamKind[] = ['final-essay', 'final-interview'];
/** Exams of the GIA itself. */
export const GIA_KINDS: readonly ExamKind[] = ['oge', 'ege', 'gve'];

/** The grades each kind is taken in: ГВЭ in both final grades. */
export const EXAM_GRADES: Record<ExamKind, readonly number[]> = {
  oge: [9],
  ege: [11],
  gve: [9, 11],
  'final-essay': [11],
  'final-interview': [9],
};

/** The forms allowed for each kind (none given is allowed unless `FORM_REQUIRED`). */
export const FORMS_OF_KIND: Record<ExamKind, readonly ExamForm[]> = {
  oge: ['written', 'oral'],
  ege: ['base', 'profile'],
  gve: ['written', 'oral'],
  'final-essay': ['essay', 'statement'],
  'final-interview': ['oral'],
};

export type GiaSubject = 'russian' | 'math' | 'other';

const normalise = (text: string): string => text.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');

/** Which of the mandatory GIA subjects a subject is, by its name. */
export const giaSubjectOf = (name: string | null | undefined): GiaSubject => {
  const wanted = normalise(name ?? '');
  if (wanted === 'русский язык' || wanted === 'русский') return 'russian';
  if (wanted === 'математика' || wanted === 'алгебра') return 'math';
  return 'other';
};

/**
 * The lowest ЕГЭ scaled scores that confirm mastering the programme for the аттестат (Rosobrnadzor):
 * Russian 24, profile mathematics 27. Other subjects' minimum scores are given with the protocol.
 */
export const EGE_CERTIFICATE_MINIMUM: Record<'russian' | 'math', number> = { russian: 24, math: 27 };

/** The ЕГЭ minimum score of a subject when the protocol gives none: null when it is not known. */
export const defaultPassingScore = (subject: GiaSubject, form: ExamForm | null): number | null => {
  if (subject === 'russian') return EGE_CERTIFICATE_MINIMUM.russian;
  if (subject === 'math' && form === 'profile') return EGE_CERTIFICATE_MINIMUM.math;
  return null;
};

/** Whether a ЕГЭ result is marked 2–5 (basic mathematics) rather than scored 0–100. */
export const egeIsMarked = (subject: GiaSubject, form: ExamForm | null): boolean => subject === 'math' && form === 'base';

export interface ExamScores {
  kind: ExamKind;
  form: ExamForm | null;
  subject: GiaSubject;
  mark: number | null;
  scaledScore: number | null;
  passingScore: number | null;
  result: ExamOutcome | null;
}

/** Passed: ОГЭ, ГВЭ and basic ЕГЭ mathematics with 3 and above; ЕГЭ at the minimum score or above; сочинение and собеседование with «зачёт». */
export const examPassed = (scores: ExamScores): boolean | null => {
  if (scores.kind === 'final-essay' || scores.kind === 'final-interview') return scores.result === null ? null : scores.result === 'pass';
  if (scores.kind === 'ege' && !egeIsMarked(scores.subject, scores.form)) {
    if (scores.scaledScore === null || scores.passingScore === null) return null;
    return scores.scaledScore >= scores.passingScore;
  }
  return scores.mark === null ? null : scores.mark >= 3;
};

/** One result as the GIA rules weigh it. */
export interface GiaResult {
  kind: ExamKind;
  subject: GiaSubject;
  /** The subject's documentId (or name) so that optional subjects are counted once each. */
  subjectKey: string | null;
  passed: boolean;
}

export type FinalGrade = 9 | 11;

/** R54: admitted to the GIA with «зачёт» for the итоговое собеседование (9th grade) or сочинение (11th grade). */
export const admissionKindOf = (grade: FinalGrade): ExamKind => (grade === 9 ? 'final-interview' : 'final-essay');

export const isAdmitted = (grade: FinalGrade, results: readonly GiaResult[]): boolean =>
  results.some((result) => result.kind === admissionKindOf(grade) && result.passed);

export interface GiaOutcome {
  passed: boolean;
  /** What is missing, in Russian, for the refusal of the аттестат; empty when passed. */
  missing: string[];
}

/** Optional exams a 9th-grade pupil passes at the ОГЭ besides Russian and mathematics. */
export const OPTIONAL_OGE_REQUIRED = 2;

/**
 * R39: the GIA passed, as the аттестат requires it.
 * - 9th grade: admitted (собеседование «зачёт»); Russian and mathematics passed at the ОГЭ or ГВЭ;
 *   two optional subjects passed at the ОГЭ — unless the pupil took both mandatory subjects as ГВЭ,
 *   which is then the whole GIA.
 * - 11th grade: admitted (сочинение «зачёт»); Russian and mathematics (ЕГЭ base or profile, or ГВЭ) passed.
 * Any passing result of a subject counts (a retake after a failure).
 */
export const giaOutcome = (grade: FinalGrade, results: readonly GiaResult[]): GiaOutcome => {
  const missing: string[] = [];
  if (!isAdmitted(grade, results)) {
    missing.push(
      grade === 9
        ? 'нет зачёта по итоговому собеседованию по русскому языку (допуск к ГИА)'
        : 'нет зачёта по итоговому сочинению (изложению) (допуск к ГИА)',
    );
  }
  const examKinds: readonly ExamKind[] = grade === 9 ? ['oge', 'gve'] : ['ege', 'gve'];
  const exams = results.filter((result) => examKinds.includes(result.kind));
  const examWord = grade === 9 ? 'ОГЭ или ГВЭ' : 'ЕГЭ или ГВЭ';
  const passedIn = (subject: GiaSubject) => exams.filter((result) => result.subject === subject && result.passed);
  const russian = passedIn('russian');
  const math = passedIn('math');
  if (russian.length === 0) missing.push(`не сдан ${examWord} по русскому языку`);
  if (math.length === 0) missing.push(`не сдан ${examWord} по математике`);
  if (grade === 9) {
    const onlyGve = russian.length > 0 && math.length > 0 && russian.every((r) => r.kind === 'gve') && math.every((r) => r.kind === 'gve');
    if (!onlyGve) {
      const optional = new Set(
        exams.filter((result) => result.subject === 'other' && result.kind === 'oge' && result.passed).map((result) => result.subjectKey),
      );
      if (optional.size < OPTIONAL_OGE_REQUIRED) {
        missing.push(`сдано ОГЭ по предметам по выбору: ${optional.size} из ${OPTIONAL_OGE_REQUIRED}`);
      }
    }
  }
  return { passed: missing.length === 0, missing };
};
