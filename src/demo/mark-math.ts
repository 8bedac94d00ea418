/**
 * How the demo school turns a pupil's ability into marks, and current marks into period and
 * annual marks (weighted mean rounded half up; «н/а» without marks).
 */
import { NOT_ASSESSED, NOT_PASSED, PASSED } from '../school/rules/mark-values';
import type { DemoScale } from './curriculum';
import type { Random } from './random';

/** 3.5 → 4, 4.49 → 4 (the school rounds halves up, never to even). */
export const roundHalfUp = (value: number): number => Math.floor(value + 0.5 + 1e-9);

export interface WeightedMark {
  value: number;
  weight: number;
}

export const weightedAverage = (marks: readonly WeightedMark[]): number | null => {
  const weight = marks.reduce((sum, mark) => sum + mark.weight, 0);
  if (weight === 0) return null;
  return marks.reduce((sum, mark) => sum + mark.value * mark.weight, 0) / weight;
};

/** A pupil's general ability: mostly 3.3–4.4, so that 4s and 3s dominate, 5s are common, 2s rare. */
export const drawAbility = (rng: Random): number => Math.min(4.95, Math.max(2.4, rng.normal(3.85, 0.5)));

/** One current mark on the subject's scale. */
export const drawMark = (rng: Random, scale: DemoScale, ability: number, hardWork: boolean): string => {
  if (scale === 'pass-fail') return rng.chance(Math.min(0.99, Math.max(0.6, 0.85 + 0.1 * (ability - 3.5)))) ? PASSED : NOT_PASSED;
  const lowest = scale === 'five-point-with-one' ? 1 : 2;
  const raw = roundHalfUp(ability + rng.normal(0, 0.7) - (hardWork ? 0.2 : 0));
  return String(Math.min(5, Math.max(lowest, raw)));
};

/** The mark for a period from its current marks (`value` is «5» … «2», «зачтено», «не зачтено»). */
export const periodMark = (scale: DemoScale, marks: ReadonlyArray<{ value: string; weight: number }>): string => {
  if (marks.length === 0) return NOT_ASSESSED;
  if (scale === 'pass-fail') {
    const passed = marks.filter((mark) => mark.value === PASSED).length;
    return passed * 2 >= marks.length ? PASSED : NOT_PASSED;
  }
  const points = marks.map((mark) => ({ value: Number(mark.value), weight: mark.weight })).filter((mark) => Number.isFinite(mark.value));
  const average = weightedAverage(points);
  return average === null ? NOT_ASSESSED : String(roundHalfUp(average));
};

/** The annual mark from the period marks: their mean rounded half up; «н/а» when none was given. */
export const annualMark = (scale: DemoScale, periodMarks: readonly string[]): string => {
  const given = periodMarks.filter((mark) => mark !== NOT_ASSESSED);
  if (given.length === 0) return NOT_ASSESSED;
  if (scale === 'pass-fail') {
    const passed = given.filter((mark) => mark === PASSED).length;
    return passed * 2 >= given.length ? PASSED : NOT_PASSED;
  }
  const points = given.map(Number).filter((value) => Number.isFinite(value));
  if (points.length === 0) return NOT_ASSESSED;
  return String(roundHalfUp(points.reduce((sum, value) => sum + value, 0) / points.length));
};

export const numericOf = (value: string): number | null => (/^[1-5]$/.test(value) ? Number(value) : null);
