import { formatLocalDate, parseLocalDate, todayInZone, type LocalDate } from '../calendar';
import { getSchoolSettings } from '../settings';
import { currentRestAccount } from './author';
import type { RecordDraft, StoredRecord } from './draft';

type Derived = Record<string, unknown>;

export const JOURNAL_REMARK_STATUSES = ['open', 'acknowledged', 'fixed'] as const;
export type JournalRemarkStatus = (typeof JOURNAL_REMARK_STATUSES)[number];

const refOf = (record: unknown): { id: number } | null => {
  const id = (record as StoredRecord | null | undefined)?.id;
  return typeof id === 'number' ? { id } : null;
};

/**
 * An inspection of a journal by the deputy director (контроль ведения журнала, seed 002 §3.1.9):
 * the journal, the inspection date (not in the future, in the school's time zone), findings and
 * remarks to the teacher, a fix-by date not before the inspection, and the teacher's acknowledgment.
 * Through REST the inspector is the caller, and only a teacher of the journal records their own
 * acknowledgment (`POST /api/journal-remarks/:id/acknowledge`); timestamps are derived.
 */
export const journalRemarkRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const account = currentRestAccount(strapi);
  const journal = await draft.require('journal', 'Укажите проверенный журнал', { teachers: { select: ['id'] } });
  const teachers = (journal.teachers as StoredRecord[] | null) ?? [];

  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const givenDate = draft.value('inspectedOn');
  const inspectedOn: LocalDate =
    givenDate === null || givenDate === ''
      ? today
      : (parseLocalDate(givenDate) ?? draft.fail('inspectedOn', 'Укажите дату проверки в формате ГГГГ-ММ-ДД'));
  if (inspectedOn > today) draft.report('inspectedOn', `Дата проверки ${formatLocalDate(inspectedOn)} ещё не наступила`);

  const givenFixBy = draft.value('fixBy');
  let fixBy: LocalDate | null = null;
  if (givenFixBy !== null && givenFixBy !== '') {
    fixBy = parseLocalDate(givenFixBy);
    if (!fixBy) draft.report('fixBy', 'Укажите срок устранения в формате ГГГГ-ММ-ДД');
    else if (fixBy < inspectedOn) {
      draft.report(
        'fixBy',
        `Срок устранения (${formatLocalDate(fixBy)}) не может быть раньше даты проверки (${formatLocalDate(inspectedOn)})`,
      );
    }
  }

  const findings = draft.text('findings');
  const remarks = draft.text('remarks');
  if (!findings && !remarks) draft.report('remarks', 'Запишите выводы проверки или замечания по ведению журнала');

  const state = draft.value<string>('state') ?? 'open';
  if (!(JOURNAL_REMARK_STATUSES as readonly string[]).includes(state)) {
    draft.fail('state', `Недопустимый статус: ${state}. Допустимо: open (открыто), acknowledged (учитель ознакомлен), fixed (устранено)`);
  }

  const derived: Derived = { inspectedOn, fixBy, findings, remarks, state };
  // Through REST the inspector is whoever records the inspection, and it does not change afterwards.
  if (account) derived.inspector = draft.isNew ? account : refOf(draft.existing?.inspector);

  if (state === 'open') {
    Object.assign(derived, { acknowledgedAt: null, acknowledgedBy: null, fixedAt: null });
  } else {
    const acknowledgedBy = await draft.related('acknowledgedBy');
    if (state === 'acknowledged' && !acknowledgedBy) {
      draft.report('acknowledgedBy', 'Ознакомление с замечаниями отмечает учитель журнала (действие «Ознакомлен»)');
    }
    if (acknowledgedBy) {
      if (!teachers.some((teacher) => teacher.id === acknowledgedBy.id)) {
        draft.report('acknowledgedBy', 'Ознакомиться с замечаниями может только учитель, ведущий этот журнал');
      }
      const changed = refOf(draft.existing?.acknowledgedBy)?.id !== acknowledgedBy.id || draft.isNew;
      if (account && changed && account.id !== acknowledgedBy.id) {
        draft.report('acknowledgedBy', 'Отметку об ознакомлении ставит сам учитель журнала');
      }
      derived.acknowledgedAt = draft.value('acknowledgedAt') ?? new Date().toISOString();
    } else {
      derived.acknowledgedAt = null;
    }
    derived.fixedAt = state === 'fixed' ? (draft.value('fixedAt') ?? new Date().toISOString()) : null;
  }
  draft.check();
  return derived;
};
