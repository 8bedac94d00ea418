import { DUTIES } from '../../access/duty-appointments';
import { formatLocalDate, todayInZone } from '../calendar';
import { getSchoolSettings } from '../settings';
import type { RecordDraft } from './draft';

type Derived = Record<string, unknown>;

/**
 * An appointment by the director's order: the duty, the person (a staff account), the order's
 * number and date (not in the future), and the term — from a day not before the order, until a day
 * not before the start (open-ended when empty).
 */
export const dutyAppointmentRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const duty = draft.value<string>('duty');
  if (duty === null || !(DUTIES as readonly string[]).includes(duty)) {
    draft.report('duty', `Укажите обязанность: ${DUTIES.join(', ')}`);
  }
  const person = await draft.related('person', { role: { select: ['type'] } });
  if (!person) draft.report('person', 'Укажите сотрудника, которому поручена обязанность');
  else if (['parent', 'pupil'].includes(String((person.role as { type?: string } | null)?.type))) {
    draft.report('person', 'Обязанность поручается сотруднику школы, а не родителю или обучающемуся');
  }
  const orderNumber = draft.text('orderNumber');
  if (!orderNumber) draft.report('orderNumber', 'Укажите номер приказа');
  else if (orderNumber.length > 60) draft.report('orderNumber', 'Номер приказа длиннее 60 символов');
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const orderDate = draft.localDate('orderDate', 'дату приказа');
  if (!orderDate) draft.report('orderDate', 'Укажите дату приказа');
  else if (orderDate > today) draft.report('orderDate', `Дата приказа ${formatLocalDate(orderDate)} ещё не наступила`);
  const validFrom = draft.localDate('validFrom', 'начало срока') ?? orderDate;
  if (!validFrom) draft.report('validFrom', 'Укажите, с какого дня действует назначение');
  else if (orderDate && validFrom < orderDate) {
    draft.report('validFrom', `Назначение не действует раньше приказа (${formatLocalDate(orderDate)})`);
  }
  const validUntil = draft.localDate('validUntil', 'окончание срока');
  if (validUntil && validFrom && validUntil < validFrom) {
    draft.report(
      'validUntil',
      `Срок не может кончиться (${formatLocalDate(validUntil)}) раньше, чем начался (${formatLocalDate(validFrom)})`,
    );
  }
  const note = draft.text('note');
  draft.check();
  return { duty, orderNumber, orderDate, validFrom, validUntil, note };
};
