import { formatLocalDate, parseLocalDate, todayInZone, type LocalDate } from '../calendar';
import { getSchoolSettings } from '../settings';
import { currentRestAccount } from './author';
import type { RecordDraft, StoredRecord } from './draft';

type Derived = Record<string, unknown>;

export const PARENT_MEETING_TOPIC_MAX_LENGTH = 300;

const refOf = (record: unknown): { id: number } | null => {
  const id = (record as StoredRecord | null | undefined)?.id;
  return typeof id === 'number' ? { id } : null;
};

/**
 * A class's parents' meeting (seed 001 §1.6: at the first meeting of the year the class teacher
 * tells parents the rules of assessment and record keeping). The date lies in the class's school
 * year; who attended and the minutes are recorded once the meeting has taken place; attendees are
 * guardians of pupils on the class list that day. When the rules were presented, the meeting names
 * the edition of the Положение presented (the current one unless given; never a draft). Through REST
 * the author is the caller and does not change afterwards; who may write for which class is
 * `write-scope.ts`'s.
 */
export const parentMeetingRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const schoolClass = await draft.require('schoolClass', 'Укажите класс', {
    academicYear: { select: ['id', 'title', 'startDate', 'endDate'] },
  });
  const year = schoolClass.academicYear as (StoredRecord & { title: string; startDate: string; endDate: string }) | null;

  const given = draft.value('date');
  const date: LocalDate =
    given === null || given === ''
      ? draft.fail('date', 'Укажите дату собрания')
      : (parseLocalDate(given) ?? draft.fail('date', 'Укажите дату в формате ГГГГ-ММ-ДД'));
  if (year && (date < year.startDate || date > year.endDate)) {
    draft.report(
      'date',
      `Дата ${formatLocalDate(date)} вне учебного года ${year.title} (${formatLocalDate(year.startDate)} — ${formatLocalDate(year.endDate)})`,
    );
  }
  const held = date <= todayInZone(getSchoolSettings(strapi).timeZone);

  const topic = draft.text('topic');
  if (!topic) draft.report('topic', 'Укажите тему собрания');
  else if (topic.length > PARENT_MEETING_TOPIC_MAX_LENGTH)
    draft.report('topic', `Тема длиннее ${PARENT_MEETING_TOPIC_MAX_LENGTH} символов`);

  const minutes = draft.text('minutes');
  if (minutes && !held) draft.report('minutes', `Протокол записывается после собрания: ${formatLocalDate(date)} ещё не наступило`);

  const attendees = await draft.relatedMany('attendees');
  if (attendees.length > 0 && !held) {
    draft.report('attendees', `Присутствовавших отмечают после собрания: ${formatLocalDate(date)} ещё не наступило`);
  } else if (attendees.length > 0) {
    const onList = (await strapi.db.query('api::enrollment.enrollment').findMany({
      where: {
        schoolClass: { id: schoolClass.id },
        startDate: { $lte: date },
        $or: [{ endDate: { $null: true } }, { endDate: { $gte: date } }],
      },
      populate: { student: { select: ['id'], populate: { guardians: { select: ['id'] } } } },
    })) as Array<{ student: { guardians?: StoredRecord[] } | null }>;
    const known = new Set(onList.flatMap((enrollment) => (enrollment.student?.guardians ?? []).map((guardian) => guardian.id)));
    const strangers = attendees.filter((guardian) => !known.has(guardian.id));
    if (strangers.length > 0) {
      const names = strangers.map((guardian) => String((guardian as StoredRecord & { fullName?: string }).fullName ?? guardian.documentId));
      draft.report('attendees', `Не родители обучающихся этого класса на ${formatLocalDate(date)}: ${names.join(', ')}`);
    }
  }

  const presentedInput = draft.value('assessmentRulesPresented');
  if (presentedInput !== null && typeof presentedInput !== 'boolean') {
    draft.fail('assessmentRulesPresented', 'Укажите true (правила оценивания представлены) или false');
  }
  const presented = presentedInput === true;
  const derived: Derived = { date, topic, minutes, assessmentRulesPresented: presented, regulation: null };
  if (presented) {
    const chosen = await draft.related('regulation');
    const edition =
      chosen ??
      ((await strapi.db.query('api::regulation.regulation').findOne({ where: { state: 'current' }, select: ['id', 'state'] })) as
        | (StoredRecord & { state: string })
        | null);
    if (!edition) draft.report('regulation', 'Нет действующей редакции Положения: опубликуйте её, прежде чем отмечать ознакомление');
    else if ((edition as StoredRecord & { state?: string }).state === 'draft') {
      draft.report('regulation', 'Родителей знакомят с утверждённой редакцией Положения, а не с проектом');
    } else derived.regulation = { id: edition.id };
  }

  const account = currentRestAccount(strapi);
  if (account) derived.author = draft.isNew ? account : refOf(draft.existing?.author);
  draft.check();
  return derived;
};
