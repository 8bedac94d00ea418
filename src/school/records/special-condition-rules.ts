import { formatLocalDate, parseLocalDate, todayInZone } from '../calendar';
import { getSchoolSettings } from '../settings';
import type { RecordDraft } from './draft';

export const SPECIAL_CONDITION = 'api::special-condition.special-condition';

const TEXT_MAX = 4000;
const NUMBER_MAX = 100;

const dateOf = (draft: RecordDraft, field: string): string | null => {
  const given = draft.value(field);
  if (given === null || given === '') return null;
  const date = parseLocalDate(given);
  if (!date) draft.report(field, 'Укажите дату в формате ГГГГ-ММ-ДД');
  return date;
};

/**
 * Special learning conditions (ПМПК, ОВЗ): the pupil, the commission's date (not in the future) and
 * number, the conditions; the diagnosis optional; valid until a date after the commission's.
 */
export const specialConditionRules = async (draft: RecordDraft): Promise<Record<string, unknown>> => {
  const derived: Record<string, unknown> = {};
  const student = await draft.related('student');
  if (!student) draft.report('student', 'Укажите обучающегося');
  const commissionDate = dateOf(draft, 'commissionDate');
  if (draft.value('commissionDate') === null || draft.value('commissionDate') === '') {
    draft.report('commissionDate', 'Укажите дату заключения ПМПК');
  } else if (commissionDate && commissionDate > todayInZone(getSchoolSettings(draft.strapi).timeZone)) {
    draft.report('commissionDate', `Дата ${formatLocalDate(commissionDate)} ещё не наступила`);
  }
  const validUntil = dateOf(draft, 'validUntil');
  if (validUntil && commissionDate && validUntil < commissionDate) {
    draft.report('validUntil', 'Срок действия заканчивается раньше даты заключения');
  }
  const texts: Array<[string, number, string | null]> = [
    ['commissionNumber', NUMBER_MAX, 'Укажите номер заключения ПМПК'],
    ['conditions', TEXT_MAX, 'Перечислите специальные условия (например, дополнительное время, адаптированная программа)'],
    ['diagnosis', TEXT_MAX, null],
  ];
  for (const [field, max, requiredMessage] of texts) {
    const text = draft.text(field);
    if (!text) {
      if (requiredMessage) draft.report(field, requiredMessage);
      else if (draft.writes(field)) derived[field] = null;
    } else if (text.length > max) draft.report(field, `Не длиннее ${max} символов`);
    else if (draft.writes(field)) derived[field] = text;
  }
  draft.check();
  return derived;
};
