import { formatLocalDate, parseLocalDate, todayInZone, type LocalDate } from '../calendar';
import { getSchoolSettings } from '../settings';
import { currentRestAccount } from './author';
import { relationId, type RecordDraft } from './draft';
import { readToOneInput } from './relation-input';

type Derived = Record<string, unknown>;

export const PORTFOLIO_ENTRY = 'api::portfolio-entry.portfolio-entry';
export const REWARD = 'api::reward.reward';

/** What an achievement is (seed 003 §3.2.2-3.2.3, 001 §2.2.6). */
export const PORTFOLIO_KINDS = [
  'creative-work',
  'research',
  'project',
  'olympiad',
  'contest',
  'sports-event',
  'gto-norm',
  'volunteering',
  'self-government',
  'conference',
  'other',
] as const;
export type PortfolioKind = (typeof PORTFOLIO_KINDS)[number];

export const PORTFOLIO_KIND_LABELS: Record<PortfolioKind, string> = {
  'creative-work': 'творческая работа',
  research: 'учебно-исследовательская работа',
  project: 'проект',
  olympiad: 'олимпиада',
  contest: 'конкурс',
  'sports-event': 'спортивное соревнование',
  'gto-norm': 'нормы ГТО',
  volunteering: 'волонтёрская деятельность',
  'self-government': 'ученическое самоуправление',
  conference: 'конференция',
  other: 'другое',
};

export const PORTFOLIO_LEVELS = ['school', 'municipal', 'regional', 'federal', 'international'] as const;
export type PortfolioLevel = (typeof PORTFOLIO_LEVELS)[number];
export const PORTFOLIO_LEVEL_LABELS: Record<PortfolioLevel, string> = {
  school: 'школьный',
  municipal: 'муниципальный',
  regional: 'региональный',
  federal: 'всероссийский',
  international: 'международный',
};

export const PORTFOLIO_RESULTS = ['participant', 'prize-winner', 'winner'] as const;
export type PortfolioResult = (typeof PORTFOLIO_RESULTS)[number];
export const PORTFOLIO_RESULT_LABELS: Record<PortfolioResult, string> = {
  participant: 'участник',
  'prize-winner': 'призёр',
  winner: 'победитель',
};

export const PORTFOLIO_SOURCES = ['school', 'other-organisation'] as const;
export const PORTFOLIO_SOURCE_LABELS: Record<(typeof PORTFOLIO_SOURCES)[number], string> = {
  school: 'школа',
  'other-organisation': 'другая организация',
};

export const REWARD_KINDS = ['diploma', 'prize', 'gift', 'letter-of-thanks', 'public-commendation'] as const;
export type RewardKind = (typeof REWARD_KINDS)[number];
export const REWARD_KIND_LABELS: Record<RewardKind, string> = {
  diploma: 'диплом (грамота)',
  prize: 'приз',
  gift: 'подарок',
  'letter-of-thanks': 'благодарственное письмо',
  'public-commendation': 'объявление благодарности',
};

const TITLE_MAX = 300;
const ORGANISER_MAX = 300;
const AREA_MAX = 200;
const HANDED_OVER_TO_MAX = 200;
const REASON_MAX = 1000;
const ORDER_NUMBER_MAX = 100;
const PLACE_MAX = 1000;

const listed = (values: readonly string[], labels: Record<string, string>): string =>
  values.map((value) => `${value} (${labels[value]})`).join(', ');

/** An enumeration field: the written value (or the stored one, or the default) when it is one of the list. */
const enumValue = <T extends string>(
  draft: RecordDraft,
  field: string,
  values: readonly T[],
  labels: Record<T, string>,
  what: string,
  fallback: T | null,
): T | null => {
  const value = draft.value(field);
  if (value === null || value === '') {
    if (fallback === null) draft.report(field, `Укажите ${what}: ${listed(values, labels)}`);
    return fallback;
  }
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    draft.report(
      field,
      `Недопустимое значение (${what}): ${String(typeof value === 'object' ? JSON.stringify(value) : value)}. Допустимо: ${listed(values, labels)}`,
    );
    return fallback;
  }
  return value as T;
};

/** A text field of at most `max` characters; null when empty. */
const boundedText = (draft: RecordDraft, field: string, max: number, label: string): string | null => {
  const text = draft.text(field);
  if (text && text.length > max) draft.report(field, `${label} длиннее ${max} символов`);
  return text;
};

/** A date field in the past or today (school time zone); null when empty. */
const pastDate = (draft: RecordDraft, field: string, today: LocalDate): LocalDate | null => {
  const given = draft.value(field);
  if (given === null || given === '') return null;
  const date = parseLocalDate(given);
  if (!date) {
    draft.report(field, 'Укажите дату в формате ГГГГ-ММ-ДД');
    return null;
  }
  if (date > today) draft.report(field, `Дата ${formatLocalDate(date)} ещё не наступила`);
  return date;
};

/** A yes/no field: true, false, or (empty) the default. */
const flag = (draft: RecordDraft, field: string): boolean => {
  const value = draft.value(field);
  if (value === null) return false;
  if (typeof value !== 'boolean') {
    draft.report(field, 'Ожидается true или false');
    return false;
  }
  return value;
};

/**
 * An entry of a pupil's portfolio (портфолио): what was achieved (kind, title, level, result and —
 * for a winner or prize-winner only — the place), when (not in the future), who organised it and in
 * which subject or area. Achievements obtained in another organisation are recorded only on the
 * family's wish (seed 003 §5.3): `addedAtFamilyRequest` must be set. A staff member confirms an
 * entry by setting `confirmed`; who confirmed it and when are then recorded here (a REST account,
 * or none for the admin panel) and never taken from the input. The portfolio is handed to the
 * parents under signature on transfer (seed 002 §3.5.4): the day and to whom.
 */
export const portfolioEntryRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const student = await draft.require('student', 'Укажите обучающегося');
  const today = todayInZone(getSchoolSettings(strapi).timeZone);

  const title = boundedText(draft, 'title', TITLE_MAX, 'Название');
  if (!title) draft.report('title', 'Укажите название работы, олимпиады или мероприятия');
  const kind = enumValue(draft, 'kind', PORTFOLIO_KINDS, PORTFOLIO_KIND_LABELS, 'вид достижения', null);
  const level = enumValue(draft, 'level', PORTFOLIO_LEVELS, PORTFOLIO_LEVEL_LABELS, 'уровень', 'school');
  const result = enumValue(draft, 'result', PORTFOLIO_RESULTS, PORTFOLIO_RESULT_LABELS, 'результат', 'participant');

  const placeInput = draft.value('place');
  let place: number | null = null;
  if (placeInput !== null && placeInput !== '') {
    if (typeof placeInput !== 'number' || !Number.isInteger(placeInput) || placeInput < 1 || placeInput > PLACE_MAX) {
      draft.report('place', `Место — целое число от 1 до ${PLACE_MAX}`);
    } else if (result === 'participant') {
      draft.report('place', 'Место указывается только для победителя или призёра');
    } else {
      place = placeInput;
    }
  }

  const given = draft.value('date');
  let date: LocalDate | null = null;
  if (given === null || given === '') draft.report('date', 'Укажите дату достижения');
  else date = pastDate(draft, 'date', today);

  const organiser = boundedText(draft, 'organiser', ORGANISER_MAX, 'Организатор');
  const area = boundedText(draft, 'area', AREA_MAX, 'Направление');
  // An optional relation: a value that names no record (a filter object, true) is refused, not read as «none».
  const subjectInput = draft.data.subject;
  if (
    typeof subjectInput === 'boolean' ||
    (typeof subjectInput === 'object' &&
      subjectInput !== null &&
      !Array.isArray(subjectInput) &&
      !['set', 'connect', 'disconnect'].some((key) => key in subjectInput) &&
      readToOneInput(subjectInput, null) === null)
  ) {
    draft.fail('subject', 'Предмет задаётся его documentId или id');
  }
  const subject = await draft.related('subject');
  if (kind === 'olympiad' && !subject && !area) {
    draft.report('subject', 'Для олимпиады укажите предмет (или направление в поле area)');
  }

  const source = enumValue(draft, 'source', PORTFOLIO_SOURCES, PORTFOLIO_SOURCE_LABELS, 'где получено', 'school');
  const addedAtFamilyRequest = flag(draft, 'addedAtFamilyRequest');
  if (source === 'other-organisation' && !addedAtFamilyRequest) {
    draft.report(
      'addedAtFamilyRequest',
      'Достижения, полученные в других организациях, вносятся только по желанию обучающегося или родителей (законных представителей): отметьте, что запись внесена по их просьбе',
    );
  }

  const handedOverOn = pastDate(draft, 'handedOverOn', today);
  const handedOverTo = boundedText(draft, 'handedOverTo', HANDED_OVER_TO_MAX, 'Кому выдано');
  if (handedOverOn && date && handedOverOn < date) {
    draft.report('handedOverOn', `Портфолио не может быть выдано раньше даты достижения (${formatLocalDate(date)})`);
  }
  if (handedOverOn && !handedOverTo)
    draft.report('handedOverTo', 'Укажите, кому из родителей (законных представителей) выдано портфолио под роспись');
  if (!handedOverOn && handedOverTo) draft.report('handedOverOn', 'Укажите дату выдачи портфолио');

  let confirmed = flag(draft, 'confirmed');
  draft.check();

  // Who confirmed and when: set by the rules only, when a staff member confirms; cleared when the
  // confirmation is withdrawn, or when what was confirmed changes without being confirmed again.
  const stored = draft.isNew ? null : draft.existing;
  const wasConfirmed = stored?.confirmed === true;
  const confirmsNow = draft.isNew || (draft.data.confirmed !== undefined && draft.data.confirmed !== null);
  const now: Record<string, unknown> = { title, kind, level, result, place, date, organiser, area, source };
  const changed =
    stored !== null &&
    (relationId(stored.student) !== student.id ||
      relationId(stored.subject) !== (subject?.id ?? null) ||
      Object.entries(now).some(([field, value]) => (stored[field] ?? null) !== value));
  if (wasConfirmed && confirmed && changed && !confirmsNow) confirmed = false;
  let confirmedBy: { id: number } | null = null;
  let confirmedAt: unknown = null;
  if (confirmed && wasConfirmed && !(changed && confirmsNow)) {
    const storedBy = relationId(stored?.confirmedBy);
    confirmedBy = storedBy === null ? null : { id: storedBy };
    confirmedAt = stored?.confirmedAt ?? new Date().toISOString();
  } else if (confirmed) {
    confirmedBy = currentRestAccount(strapi);
    confirmedAt = new Date().toISOString();
  }

  return {
    student: { id: student.id },
    title,
    kind,
    level,
    result,
    place,
    date,
    organiser,
    area,
    subject: subject ? { id: subject.id } : null,
    source,
    addedAtFamilyRequest,
    confirmed,
    confirmedBy,
    confirmedAt,
    handedOverOn,
    handedOverTo: handedOverOn ? handedOverTo : null,
  };
};

/**
 * A reward (поощрение, seed 003 §3.3): its kind, the reason, the date (not in the future) and the
 * director's order; the portfolio entries that caused it must be the same pupil's.
 */
export const rewardRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const student = await draft.require('student', 'Укажите обучающегося');
  const today = todayInZone(getSchoolSettings(strapi).timeZone);

  const kind = enumValue(draft, 'kind', REWARD_KINDS, REWARD_KIND_LABELS, 'вид поощрения', null);
  const reason = boundedText(draft, 'reason', REASON_MAX, 'Основание');
  if (!reason) draft.report('reason', 'Укажите, за что поощрён обучающийся');
  const given = draft.value('date');
  let date: LocalDate | null = null;
  if (given === null || given === '') draft.report('date', 'Укажите дату поощрения');
  else date = pastDate(draft, 'date', today);
  const orderNumber = boundedText(draft, 'orderNumber', ORDER_NUMBER_MAX, 'Номер приказа');

  // Every item must name a record: a filter object or `true` is refused, not read as «none».
  const achievementsInput = draft.data.achievements;
  if (
    achievementsInput !== undefined &&
    achievementsInput !== null &&
    !(
      typeof achievementsInput === 'object' &&
      !Array.isArray(achievementsInput) &&
      ['set', 'connect', 'disconnect'].some((key) => key in achievementsInput)
    ) &&
    (Array.isArray(achievementsInput) ? achievementsInput : [achievementsInput]).some((item) => readToOneInput(item, null) === null)
  ) {
    draft.fail('achievements', 'Достижения задаются списком их documentId или id');
  }
  const achievements = await draft.relatedMany('achievements');
  if (achievements.length > 0) {
    const own = await strapi.db.query(PORTFOLIO_ENTRY).count({
      where: { id: { $in: achievements.map((entry) => entry.id) }, student: { id: student.id } },
    });
    if (own < achievements.length) draft.report('achievements', 'Достижения-основания должны быть из портфолио этого же обучающегося');
  }
  draft.check();
  return { student: { id: student.id }, kind, reason, date, orderNumber };
};
