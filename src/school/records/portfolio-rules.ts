import { AsyncLocalStorage } from 'async_hooks';
import { currentActor } from '../../access/request-actor';
import { formatLocalDate, parseLocalDate, todayInZone, type LocalDate } from '../calendar';
import { getSchoolSettings } from '../settings';
import { currentRestAccount } from './author';
import { relationId, type RecordDraft, type StoredRecord } from './draft';
import { readToManyInput, readToOneInput } from './relation-input';

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

/** The deputy director's review of portfolio entries and rewards (seed 003 §5.5: «под контролем заместителей директора»). */
export const REVIEW_STATES = ['pending', 'approved', 'returned'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  pending: 'на проверке',
  approved: 'утверждено',
  returned: 'возвращено на доработку',
};
export const REVIEW_DECISIONS = ['approve', 'return'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
/** Who reviews: the deputy director and the director; their own entries are approved at once. */
export const REVIEWER_ROLES: ReadonlySet<string> = new Set(['deputy-director', 'director']);
export const REVIEW_REMARK_MAX = 1000;
const REVIEW_FIELDS = ['reviewState', 'reviewRemark', 'reviewedBy', 'reviewedAt'] as const;

/** A review in progress (set only by the review action). */
interface ReviewInProgress {
  accountId: number;
  decision: ReviewDecision;
  remark: string | null;
}
const REVIEW_KEY = Symbol.for('school-records.portfolio-review');
const reviewRegistry = globalThis as unknown as Record<symbol, AsyncLocalStorage<ReviewInProgress> | undefined>;
const reviewStorage = (reviewRegistry[REVIEW_KEY] ??= new AsyncLocalStorage<ReviewInProgress>());

/** Runs the write that records a deputy director's (or the director's) decision on an entry or a reward. */
export const runReview = <T>(review: ReviewInProgress, work: () => Promise<T>): Promise<T> => reviewStorage.run(review, work);

/**
 * Checks a review decision as the review action receives it: approve or return, a remark (at most
 * 1000 characters) required to return. Pure: the issues by field, empty when it holds.
 */
export const checkReviewDecision = (
  input: unknown,
): { decision: ReviewDecision | null; remark: string | null; issues: Array<{ path: string; message: string }> } => {
  const issues: Array<{ path: string; message: string }> = [];
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return {
      decision: null,
      remark: null,
      issues: [{ path: 'data', message: 'Тело запроса: { "data": { "decision": "approve" | "return", "remark": "…" } }' }],
    };
  }
  const { decision, remark, ...rest } = input as Record<string, unknown>;
  for (const key of Object.keys(rest)) issues.push({ path: key, message: `Неизвестный параметр «${key}»: допустимы decision и remark` });
  const known = typeof decision === 'string' && (REVIEW_DECISIONS as readonly string[]).includes(decision);
  if (!known) issues.push({ path: 'decision', message: 'Решение: approve (утвердить) или return (вернуть на доработку)' });
  let text: string | null = null;
  if (remark !== undefined && remark !== null) {
    if (typeof remark !== 'string') issues.push({ path: 'remark', message: 'Замечание — текст' });
    else if (remark.trim().length > REVIEW_REMARK_MAX)
      issues.push({ path: 'remark', message: `Замечание длиннее ${REVIEW_REMARK_MAX} символов` });
    else text = remark.trim() || null;
  }
  if (known && decision === 'return' && !text && !issues.some((issue) => issue.path === 'remark')) {
    issues.push({ path: 'remark', message: 'Возвращая на доработку, напишите замечание: что исправить' });
  }
  return { decision: known ? (decision as ReviewDecision) : null, remark: text, issues };
};

/**
 * The review state a write leaves: set by the review action only (never from the body: a value
 * that differs from the stored one is refused with a field message); a write by a deputy director
 * or the director, or from the admin panel or a script (the school's administration), that creates
 * or changes the record approves it; anybody else's (a class teacher, the secretary, a token) sends
 * it to review — an approved or returned record changed by them is reviewed again. A write that
 * changes nothing keeps the review as it was.
 */
const reviewOf = async (draft: RecordDraft, changed: boolean, what: string): Promise<Record<string, unknown>> => {
  const { strapi } = draft;
  const stored = draft.isNew ? null : draft.existing;
  const review = reviewStorage.getStore();
  const now = new Date().toISOString();
  if (review) {
    if (review.decision === 'return' && !review.remark) draft.fail('remark', 'Возвращая на доработку, напишите замечание: что исправить');
    return {
      reviewState: review.decision === 'approve' ? 'approved' : 'returned',
      reviewRemark: review.remark,
      reviewedBy: { id: review.accountId },
      reviewedAt: now,
    };
  }
  const message = `${what} утверждает или возвращает на доработку заместитель директора (или директор): POST …/:id/review; в записи это поле не задаётся`;
  for (const field of REVIEW_FIELDS) {
    if (!(field in draft.data) || draft.data[field] === undefined) continue;
    const given = draft.data[field];
    const storedValue = stored?.[field] ?? null;
    let same: boolean;
    if (field === 'reviewedBy') {
      const current = (stored?.reviewedBy as StoredRecord | null | undefined) ?? null;
      const ref = readToOneInput(given, current);
      same = ref === undefined || (ref === null ? current === null : current !== null && sameRecord(ref, current));
    } else if (field === 'reviewedAt') {
      same =
        (given === null || given === '') === (storedValue === null) &&
        (storedValue === null || new Date(given as string).getTime() === new Date(storedValue as string).getTime());
    } else {
      same = (given === '' ? null : given) === storedValue;
    }
    if (!same) draft.report(field, message);
  }
  draft.check();
  if (stored && !changed) {
    return {
      reviewState: stored.reviewState ?? 'pending',
      reviewRemark: stored.reviewRemark ?? null,
      reviewedBy: relationId(stored.reviewedBy) === null ? null : { id: relationId(stored.reviewedBy) },
      reviewedAt: stored.reviewedAt ?? null,
    };
  }
  const actor = currentActor(strapi);
  if (actor.kind === 'user' && actor.id !== null && REVIEWER_ROLES.has(actor.roleType ?? '')) {
    return { reviewState: 'approved', reviewRemark: null, reviewedBy: { id: actor.id }, reviewedAt: now };
  }
  if (actor.kind === 'admin' || actor.kind === 'system') {
    return { reviewState: 'approved', reviewRemark: null, reviewedBy: null, reviewedAt: now };
  }
  return { reviewState: 'pending', reviewRemark: null, reviewedBy: null, reviewedAt: null };
};

const sameRecord = (ref: { id: number } | { documentId: string }, item: { id: number; documentId?: string }): boolean =>
  'id' in ref ? ref.id === item.id : ref.documentId === item.documentId;

/** Whether a to-many relation (files, achievements) is written with other items than `current` holds. */
const toManyChanged = (draft: RecordDraft, field: string, current: Array<{ id: number; documentId?: string }>): boolean => {
  if (!(field in draft.data) || draft.data[field] === undefined) return false;
  const refs = readToManyInput(draft.data[field], current);
  if (refs === undefined) return false;
  if (refs.length !== current.length) return true;
  return !refs.every((ref) => current.some((item) => sameRecord(ref, item)));
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

  // Whether the write changes the entry at all (for its review): any field, the files included.
  const more: Record<string, unknown> = {
    addedAtFamilyRequest,
    confirmed,
    handedOverOn,
    handedOverTo: handedOverOn ? handedOverTo : null,
  };
  let anyChange = draft.isNew || changed || Object.entries(more).some(([field, value]) => (stored?.[field] ?? null) !== value);
  if (!anyChange && 'evidence' in draft.data && draft.data.evidence !== undefined && stored) {
    const withFiles = (await strapi.db.query(PORTFOLIO_ENTRY).findOne({
      where: { id: stored.id },
      populate: { evidence: { select: ['id', 'documentId'] } },
    })) as StoredRecord | null;
    anyChange = toManyChanged(draft, 'evidence', (withFiles?.evidence as StoredRecord[] | undefined) ?? []);
  }
  const review = await reviewOf(draft, anyChange, 'Запись портфолио');

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
    ...review,
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
  const stored = draft.isNew ? null : draft.existing;
  const now: Record<string, unknown> = { kind, reason, date, orderNumber };
  const changed =
    draft.isNew ||
    relationId(stored?.student) !== student.id ||
    Object.entries(now).some(([field, value]) => (stored?.[field] ?? null) !== value) ||
    toManyChanged(draft, 'achievements', (stored?.achievements as StoredRecord[] | undefined) ?? []);
  const review = await reviewOf(draft, changed, 'Поощрение');
  return { student: { id: student.id }, kind, reason, date, orderNumber, ...review };
};
