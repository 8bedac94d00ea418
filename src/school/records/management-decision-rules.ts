import { formatLocalDate, todayInZone } from '../calendar';
import { getSchoolSettings } from '../settings';
import type { RecordDraft } from './draft';

type Derived = Record<string, unknown>;

export const DECISION_KINDS = ['order', 'decision', 'instruction'] as const;

/**
 * The director's management decision on the results of control (seed 002 §3.1.10): its date (not
 * in the future), kind and number (an order has one), title and text, what it is based on — journal
 * remarks, internal-control plan items or a concern about the archive, at least one —, the
 * executor, the due date (not before the decision) and, once executed, the date and a note.
 */
export const managementDecisionRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const decidedOn = draft.localDate('decidedOn', 'дату решения');
  if (!decidedOn) draft.report('decidedOn', 'Укажите дату решения');
  else if (decidedOn > today) draft.report('decidedOn', `Дата решения ${formatLocalDate(decidedOn)} ещё не наступила`);
  const kind = draft.value<string>('kind') ?? 'decision';
  if (!(DECISION_KINDS as readonly string[]).includes(kind)) draft.fail('kind', `Вид: ${DECISION_KINDS.join(', ')}`);
  const number = draft.text('number');
  if (kind === 'order' && !number) draft.report('number', 'У приказа есть номер');
  else if (number && number.length > 60) draft.report('number', 'Номер длиннее 60 символов');
  const title = draft.text('title');
  if (!title) draft.report('title', 'Сформулируйте решение кратко');
  else if (title.length > 300) draft.report('title', 'Заголовок длиннее 300 символов');
  const text = draft.text('text');
  if (text && text.length > 10000) draft.report('text', 'Текст длиннее 10000 символов');
  const remarks = await draft.relatedMany('journalRemarks');
  const planItems = await draft.relatedMany('controlPlanItems');
  const archiveConcern = draft.text('archiveConcern');
  if (archiveConcern && archiveConcern.length > 2000) draft.report('archiveConcern', 'Текст длиннее 2000 символов');
  if (remarks.length === 0 && planItems.length === 0 && !archiveConcern) {
    draft.report('journalRemarks', 'Укажите основание решения: замечания по ведению журналов, пункты плана ВШК или состояние архива');
  }
  const dueOn = draft.localDate('dueOn', 'срок исполнения');
  if (dueOn && decidedOn && dueOn < decidedOn) draft.report('dueOn', 'Срок исполнения не может быть раньше решения');
  const executedOn = draft.localDate('executedOn', 'дату исполнения');
  if (executedOn && decidedOn && executedOn < decidedOn) draft.report('executedOn', 'Решение не исполняется раньше, чем принято');
  if (executedOn && executedOn > today) draft.report('executedOn', `Дата исполнения ${formatLocalDate(executedOn)} ещё не наступила`);
  const executionNote = draft.text('executionNote');
  if (executionNote && executionNote.length > 5000) draft.report('executionNote', 'Текст длиннее 5000 символов');
  draft.check();
  return { decidedOn, kind, number, title, text, archiveConcern, dueOn, executedOn, executionNote };
};
