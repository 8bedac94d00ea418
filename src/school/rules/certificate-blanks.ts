/**
 * The register of аттестат blank forms (книга учёта бланков, seed 002 §3.3.4: documents of strict
 * accountability). A blank is named by its series (older blanks, e.g. «02 АБ») and its number (the
 * printing house's digits, e.g. the 14 digits of today's blanks); the book of issued аттестаты names
 * it as one text, «серия и номер бланка». Both sides are compared by one normal form.
 */

/** Where a blank is: in the safe, given out with an аттестат, or written off as spoiled by an act. */
export type BlankState = 'in-stock' | 'issued' | 'spoiled';
export const BLANK_STATES: readonly BlankState[] = ['in-stock', 'issued', 'spoiled'];
export const BLANK_STATE_LABELS: Record<BlankState, string> = {
  'in-stock': 'в наличии',
  issued: 'выдан',
  spoiled: 'испорчен, списан',
};

/** The most blanks one receipt (one накладная) may register at once. */
export const MAX_BLANKS_PER_RECEIPT = 1000;

/** «02  аб», «0012345» → «02 АБ 0012345»: upper case, single spaces; the number alone when there is no series. */
export const blankNumberOf = (series: string | null, number: string): string =>
  [series ?? '', number].join(' ').replace(/\s+/g, ' ').trim().toLocaleUpperCase('ru-RU');

/** A blank number as the certificate book writes it, in the same normal form. */
export const normalBlankNumber = (text: string): string => text.replace(/\s+/g, ' ').trim().toLocaleUpperCase('ru-RU');

/** The printed number of a blank: digits only. */
export const isBlankNumber = (number: string): boolean => /^[0-9]{1,20}$/.test(number);

/**
 * The numbers of a receipt «from … to …», keeping the printed width (leading zeros): 0012345 to
 * 0012347 gives 0012345, 0012346, 0012347. A problem is returned as a Russian message.
 */
export const blankRange = (from: string, to: string): { numbers: string[] } | { problem: string } => {
  if (!isBlankNumber(from)) return { problem: 'Номер первого бланка — цифры, как напечатано на бланке' };
  if (!isBlankNumber(to)) return { problem: 'Номер последнего бланка — цифры, как напечатано на бланке' };
  if (from.length !== to.length) return { problem: 'Первый и последний номера одной партии записываются одинаковым числом цифр' };
  const first = BigInt(from);
  const last = BigInt(to);
  if (last < first) return { problem: 'Номер последнего бланка не может быть меньше номера первого' };
  const count = last - first + 1n;
  if (count > BigInt(MAX_BLANKS_PER_RECEIPT)) {
    return { problem: `За один раз записывается не более ${MAX_BLANKS_PER_RECEIPT} бланков; разбейте партию на части` };
  }
  const numbers: string[] = [];
  for (let value = first; value <= last; value += 1n) numbers.push(value.toString().padStart(from.length, '0'));
  return { numbers };
};

export interface BlankCounts {
  received: number;
  issued: number;
  spoiled: number;
  inStock: number;
}

/** The balance of the register: what was received, given out, written off and is left in the safe. */
export const blankBalance = (states: readonly BlankState[]): BlankCounts => {
  const counts: BlankCounts = { received: states.length, issued: 0, spoiled: 0, inStock: 0 };
  for (const state of states) {
    if (state === 'issued') counts.issued += 1;
    else if (state === 'spoiled') counts.spoiled += 1;
    else counts.inStock += 1;
  }
  return counts;
};

/** A blank's line as the printed register names it: an issued blank whose аттестат was annulled is «аннулирован». */
export type RegisterState = 'in-stock' | 'issued' | 'spoiled' | 'annulled';
export const REGISTER_STATES: readonly RegisterState[] = ['in-stock', 'issued', 'spoiled', 'annulled'];
export const REGISTER_STATE_LABELS: Record<RegisterState, string> = {
  'in-stock': 'в сейфе',
  issued: 'выдан',
  spoiled: 'списан',
  annulled: 'аннулирован',
};

export const registerStateOf = (state: BlankState, annulled: boolean): RegisterState =>
  state === 'issued' && annulled ? 'annulled' : state;

/** The order of the printed register: by series, then by number as printed (shorter numbers first, then digit by digit). */
export const compareBlanks = (
  left: { series: string | null; number: string },
  right: { series: string | null; number: string },
): number => {
  const bySeries = normalBlankNumber(left.series ?? '').localeCompare(normalBlankNumber(right.series ?? ''), 'ru');
  if (bySeries !== 0) return bySeries;
  if (left.number.length !== right.number.length) return left.number.length - right.number.length;
  return left.number < right.number ? -1 : left.number > right.number ? 1 : 0;
};
