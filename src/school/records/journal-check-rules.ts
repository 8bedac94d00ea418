import { parseLocalDate } from '../calendar';
import { currentRestAccount } from './author';
import type { RecordDraft, StoredRecord } from './draft';

type Derived = Record<string, unknown>;

/**
 * A planned check of journal keeping (график контроля, seed 002 §3.1.8, seed 004 §3.12.1): a journal
 * or a whole class (one of them), the planned date, the inspector (the REST caller unless named),
 * the purpose; and, once carried out, the remark (`journal-remark`) that recorded it — on that
 * journal, or on a journal of that class.
 */
export const journalCheckRules = async (draft: RecordDraft): Promise<Derived> => {
  const account = currentRestAccount(draft.strapi);
  const journal = await draft.optionalRelated('journal', 'Укажите журнал одной записью', { schoolClass: { select: ['id'] } });
  const schoolClass = await draft.optionalRelated('schoolClass', 'Укажите класс одной записью');
  if (!journal && !schoolClass) draft.report('journal', 'Укажите журнал или класс, журналы которого будут проверены');

  const givenDate = draft.value('plannedOn');
  const plannedOn = givenDate === null || givenDate === '' ? null : parseLocalDate(givenDate);
  if (givenDate === null || givenDate === '') draft.report('plannedOn', 'Укажите плановую дату проверки');
  else if (!plannedOn) draft.report('plannedOn', 'Плановая дата в формате ГГГГ-ММ-ДД');

  const purpose = draft.text('purpose');
  if (!purpose) draft.report('purpose', 'Запишите цель проверки');
  else if (purpose.length > 1000) draft.report('purpose', 'Цель проверки не длиннее 1000 знаков');

  const derived: Derived = { plannedOn, purpose };
  const inspector = await draft.optionalRelated('inspector', 'Укажите проверяющего одной записью');
  if (!inspector) {
    if (account) derived.inspector = account;
    else draft.report('inspector', 'Укажите проверяющего');
  }

  const remark = await draft.optionalRelated('remark', 'Укажите запись о проверке одной записью', {
    journal: { select: ['id'], populate: { schoolClass: { select: ['id'] } } },
  });
  if (remark) {
    const remarkJournal = remark.journal as StoredRecord | null;
    const remarkClassId = (remarkJournal?.schoolClass as StoredRecord | null)?.id ?? null;
    const matches = journal ? remarkJournal?.id === journal.id : schoolClass ? remarkClassId === schoolClass.id : false;
    if (!matches) {
      draft.report(
        'remark',
        journal ? 'Запись о проверке сделана по другому журналу' : 'Запись о проверке сделана по журналу другого класса',
      );
    }
  }
  if (journal && schoolClass && (journal.schoolClass as StoredRecord | null)?.id !== schoolClass.id) {
    draft.report('schoolClass', 'Журнал относится к другому классу: укажите журнал или класс');
  }
  draft.check();
  return derived;
};
