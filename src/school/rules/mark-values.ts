/**
 * What a mark may say. The school's scale depends on the subject (points or зачёт), on the kind of
 * mark (н/а and осв only close a period, they are not marks for an answer) and on the grade
 * (grade 1 is assessed without point marks).
 */

export type SubjectScale = 'five-point' | 'five-point-with-one' | 'pass-fail';
export type MarkKind = 'current' | 'periodic' | 'annual' | 'exam' | 'final';

export const MARK_KINDS: MarkKind[] = ['current', 'periodic', 'annual', 'exam', 'final'];

export const PASSED = 'зачтено';
export const NOT_PASSED = 'не зачтено';
export const NOT_ASSESSED = 'н/а';
export const EXEMPT = 'осв';

/** Kinds that sum up a period or a year: they may also be «н/а» or «осв». */
export const isSummaryKind = (kind: MarkKind): boolean => kind !== 'current';

const SPELLINGS: Record<string, string> = {
  зачтено: PASSED,
  зачет: PASSED,
  зачёт: PASSED,
  зач: PASSED,
  'не зачтено': NOT_PASSED,
  незачтено: NOT_PASSED,
  незачет: NOT_PASSED,
  незачёт: NOT_PASSED,
  'не зачет': NOT_PASSED,
  'не зачёт': NOT_PASSED,
  'н/а': NOT_ASSESSED,
  на: NOT_ASSESSED,
  'не аттестован': NOT_ASSESSED,
  осв: EXEMPT,
  освобожден: EXEMPT,
  освобождён: EXEMPT,
};

/** Brings the usual spellings to one canonical form: `5` → «5», «Зачёт» → «зачтено», «на» → «н/а». */
export const normalizeMarkValue = (raw: unknown): string | null => {
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  const text = String(raw).trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^[1-5]$/.test(text)) return text;
  return SPELLINGS[text] ?? null;
};

export interface ScaleContext {
  scale: SubjectScale;
  kind: MarkKind;
  grade: number;
  pointMarksFromGrade: number;
}

/** Every value a mark may take in this context, in the order a teacher would read them. */
export const allowedMarkValues = ({ scale, kind, grade, pointMarksFromGrade }: ScaleContext): string[] => {
  const withoutPoints = grade < pointMarksFromGrade;
  let values: string[];
  if (scale === 'pass-fail' || withoutPoints) values = [PASSED, NOT_PASSED];
  else if (scale === 'five-point-with-one') values = ['1', '2', '3', '4', '5'];
  else values = ['2', '3', '4', '5'];
  return isSummaryKind(kind) ? [...values, NOT_ASSESSED, EXEMPT] : values;
};

/** The number a point mark counts as in averages; null for зачёт, н/а, осв. */
export const numericMarkValue = (value: string): number | null => (/^[1-5]$/.test(value) ? Number(value) : null);
