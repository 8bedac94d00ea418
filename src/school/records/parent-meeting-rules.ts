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

/** A meeting of the class's parents, or a talk with one pupil's parents about the pupil's results (seed 004 §4: обсуждаются с родителями). */
export const PARENT_MEETING_KINDS = ['class', 'individual'] as const;

/**
 * A class's parents' meeting (seed 001 §1.6: at the first meeting of the year the class teacher
 * tells parents the rules of assessment and record keeping), or a talk with a pupil's parents about
 * the pupil's results, with the decisions taken and the date to meet again. The date lies in the
 * class's school year; who attended and the minutes are recorded once the meeting has taken place;
 * attendees are guardians of pupils on the class list that day (of the pupil, for a talk). When the
 * rules were presented, the meeting names the edition of the Положение presented (the current one
 * unless given; never a draft). Through REST the author is the caller and does not change
 * afterwards; who may write for which class is `write-scope.ts`'s.
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

  const kind = draft.value<string>('kind') ?? 'class';
  if (!(PARENT_MEETING_KINDS as readonly string[]).includes(kind)) {
    draft.fail(
      'kind',
      `Недопустимый вид: ${String(kind)}. Допустимо: class (собрание класса), individual (беседа о результатах обучающегося)`,
    );
  }
  const student = await draft.optionalRelated('student', 'Обучающийся задаётся его documentId или id');
  if (kind === 'class' && student)
    draft.report('student', 'Собрание класса не называет обучающегося; для беседы о его результатах выберите вид individual');
  if (kind === 'individual' && !student) draft.report('student', 'Укажите обучающегося, о результатах которого шла беседа');
  if (kind === 'individual' && student) {
    const enrolled = await strapi.db.query('api::enrollment.enrollment').count({
      where: {
        student: { id: student.id },
        schoolClass: { id: schoolClass.id },
        startDate: { $lte: date },
        $or: [{ endDate: { $null: true } }, { endDate: { $gte: date } }],
      },
    });
    if (enrolled === 0) draft.report('student', `Обучающийся не числится в этом классе на ${formatLocalDate(date)}`);
  }

  const participants = draft.text('participants');
  if (participants && participants.length > 500) draft.report('participants', 'Список участников длиннее 500 символов');
  const decisions = draft.text('decisions');
  if (decisions && !held) draft.report('decisions', `Решения записываются после встречи: ${formatLocalDate(date)} ещё не наступило`);
  const givenFollowUp = draft.value('followUpOn');
  let followUpOn: LocalDate | null = null;
  if (givenFollowUp !== null && givenFollowUp !== '') {
    followUpOn = parseLocalDate(givenFollowUp);
    if (!followUpOn) draft.report('followUpOn', 'Укажите срок следующей встречи в формате ГГГГ-ММ-ДД');
    else if (followUpOn <= date)
      draft.report('followUpOn', `Следующая встреча (${formatLocalDate(followUpOn)}) должна быть позже этой (${formatLocalDate(date)})`);
  }

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
    })) as Array<{ student: { id: number; guardians?: StoredRecord[] } | null }>;
    const families = kind === 'individual' && student ? onList.filter((enrollment) => enrollment.student?.id === student.id) : onList;
    const known = new Set(families.flatMap((enrollment) => (enrollment.student?.guardians ?? []).map((guardian) => guardian.id)));
    const strangers = attendees.filter((guardian) => !known.has(guardian.id));
    if (strangers.length > 0) {
      const names = strangers.map((guardian) => String((guardian as StoredRecord & { fullName?: string }).fullName ?? guardian.documentId));
      const whose = kind === 'individual' ? 'этого обучающегося' : 'обучающихся этого класса';
      draft.report('attendees', `Не родители ${whose} на ${formatLocalDate(date)}: ${names.join(', ')}`);
    }
  }

  const presentedInput = draft.value('assessmentRulesPresented');
  if (presentedInput !== null && typeof presentedInput !== 'boolean') {
    draft.fail('assessmentRulesPresented', 'Укажите true (правила оценивания представлены) или false');
  }
  const presented = presentedInput === true;
  const derived: Derived = {
    kind,
    student: kind === 'individual' && student ? { id: student.id } : null,
    date,
    topic,
    participants,
    minutes,
    decisions,
    followUpOn,
    assessmentRulesPresented: presented,
    regulation: null,
  };
  if (presented) {
    const chosen = await draft.optionalRelated('regulation', 'Редакция Положения задаётся её documentId или id');
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
