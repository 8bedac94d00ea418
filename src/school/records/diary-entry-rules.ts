import { formatLocalDate, parseLocalDate, todayInZone, type LocalDate } from '../calendar';
import { getSchoolSettings } from '../settings';
import { currentRestAccount } from './author';
import type { RecordDraft, StoredRecord } from './draft';
import { isEnrolledInClass } from './lookups';

type Derived = Record<string, unknown>;

/** What a teacher writes to the pupil and parents (seed 001 §2.2.2: замечания, поощрения, пожелания). */
export const DIARY_ENTRY_KINDS = ['remark', 'praise', 'wish'] as const;
export type DiaryEntryKind = (typeof DIARY_ENTRY_KINDS)[number];

export const DIARY_ENTRY_KIND_LABELS: Record<DiaryEntryKind, string> = {
  remark: 'замечание',
  praise: 'поощрение',
  wish: 'пожелание',
};

export const DIARY_ENTRY_MAX_LENGTH = 2000;

const refOf = (record: unknown): { id: number } | null => {
  const id = (record as StoredRecord | null | undefined)?.id;
  return typeof id === 'number' ? { id } : null;
};

/**
 * A teacher's entry in a pupil's diary: a remark, praise or wish with its text and date (not in the
 * future; today by default), for a pupil on a class list that day; the journal (the teacher's
 * subject), when given, must have the pupil on its list that day. Through REST the author is the
 * caller and does not change afterwards. Who may write for which pupil is `write-scope.ts`'s.
 */
export const diaryEntryRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const student = await draft.require('student', 'Укажите обучающегося');

  const kind = draft.value<string>('kind') ?? 'remark';
  if (!(DIARY_ENTRY_KINDS as readonly string[]).includes(kind)) {
    draft.report('kind', `Недопустимый вид записи: ${String(kind)}. Допустимо: remark (замечание), praise (поощрение), wish (пожелание)`);
  }

  const text = draft.text('text');
  if (!text) draft.report('text', 'Напишите текст записи');
  else if (text.length > DIARY_ENTRY_MAX_LENGTH) draft.report('text', `Текст записи длиннее ${DIARY_ENTRY_MAX_LENGTH} символов`);

  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const given = draft.value('date');
  const date: LocalDate =
    given === null || given === '' ? today : (parseLocalDate(given) ?? draft.fail('date', 'Укажите дату в формате ГГГГ-ММ-ДД'));
  if (date > today) draft.fail('date', `Дата ${formatLocalDate(date)} ещё не наступила`);

  const journal = await draft.optionalRelated('journal', 'Журнал задаётся его documentId или id', {
    schoolClass: { select: ['id', 'name'] },
    pupils: { select: ['id'] },
  });
  if (journal) {
    const pupils = (journal.pupils as StoredRecord[] | null) ?? [];
    const schoolClass = journal.schoolClass as (StoredRecord & { name: string }) | null;
    if (pupils.length > 0 && !pupils.some((pupil) => pupil.id === student.id)) {
      draft.report('student', 'Обучающийся не входит в список журнала');
    } else if (schoolClass && !(await isEnrolledInClass(strapi, student.id, schoolClass.id, date))) {
      draft.report('student', `Обучающийся не числится в классе ${schoolClass.name} на ${formatLocalDate(date)}`);
    }
  } else {
    const enrolled = await strapi.db.query('api::enrollment.enrollment').count({
      where: {
        student: { id: student.id },
        startDate: { $lte: date },
        $or: [{ endDate: { $null: true } }, { endDate: { $gte: date } }],
      },
    });
    if (enrolled === 0) draft.report('student', `Обучающийся не числится ни в одном классе на ${formatLocalDate(date)}`);
  }
  draft.check();

  const derived: Derived = { kind, text, date, student: { id: student.id }, journal: journal ? { id: journal.id } : null };
  const account = currentRestAccount(strapi);
  // Through REST the author is whoever writes the entry, and it does not change afterwards.
  if (account) derived.author = draft.isNew ? account : refOf(draft.existing?.author);
  return derived;
};
