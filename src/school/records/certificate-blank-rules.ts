import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentActor } from '../../access/request-actor';
import { formatLocalDate, todayInZone } from '../calendar';
import { BLANK_STATE_LABELS, blankNumberOf, isBlankNumber, normalBlankNumber, type BlankState } from '../rules/certificate-blanks';
import { CERTIFICATE_LEVELS, type CertificateLevel } from '../rules/final-marks';
import { getSchoolSettings } from '../settings';
import { relationId, type RecordDraft, type StoredRecord } from './draft';

type Derived = Record<string, unknown>;

export const CERTIFICATE_BLANK = 'api::certificate-blank.certificate-blank';

/** Fields the register fills itself: the issue comes from the certificate book, never typed. */
const ISSUE_FIELDS = ['issuedOn', 'certificateEntry', 'annulledOn', 'annulmentEntry'] as const;
const RELATION_FIELDS = new Set<string>(['certificateEntry', 'annulmentEntry']);

/** HTTP 403: a blank given out or written off is a closed line of the register. */
export class CertificateBlankLockedError extends errors.PolicyError {
  constructor(blankNumber: unknown, state: BlankState) {
    super(
      `Бланк ${String(blankNumber ?? '')} ${BLANK_STATE_LABELS[state]}: строка книги учёта бланков закрыта и не исправляется и не удаляется`,
      { code: 'CERTIFICATE_BLANK_LOCKED' },
    );
  }
}

/** The same value as stored (the admin panel sends the whole form back on every save). */
const unchanged = (given: unknown, stored: unknown): boolean => {
  if (given === undefined) return true;
  if ((given === null || given === '') && (stored === null || stored === undefined)) return true;
  return String(given) === String(stored ?? '');
};

/**
 * The register of аттестат blank forms (книга учёта бланков строгой отчётности, seed 002 §3.3.4).
 * - A blank enters the register «в наличии» with its level, series and number, the day it was
 *   received and the receipt document (накладная); its number is unique in the register.
 * - While in the safe its line may be corrected, or it is written off as spoiled (испорчен при
 *   заполнении) by an act, with the day and the reason; a spoiled blank is never used again.
 * - It is given out only by the book of issued аттестаты: registering an аттестат or a duplicate on
 *   this blank marks it «выдан» with that entry and day (`issueBlankOf`), never by a typed state;
 *   annulling that аттестат in the book marks the blank annulled with the annulment entry and day
 *   (`annulBlankOf`): it stays «выдан» — it left the safe — but is no longer a valid document.
 * A blank given out or written off is never changed or deleted.
 */
export const certificateBlankRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const stored = draft.existing;
  const storedState = (stored?.state as BlankState | undefined) ?? 'in-stock';
  if (!draft.isNew && storedState !== 'in-stock') throw new CertificateBlankLockedError(stored?.blankNumber, storedState);
  const today = todayInZone(getSchoolSettings(strapi).timeZone);

  const level = draft.value<string>('level');
  if (!level) draft.report('level', 'Укажите уровень: basic-general (аттестат об основном общем) или secondary-general (о среднем общем)');
  else if (!(CERTIFICATE_LEVELS as readonly string[]).includes(level)) {
    draft.report('level', 'Уровень: basic-general (основное общее, 9 класс) или secondary-general (среднее общее, 11 класс)');
  }
  const series = draft.text('series');
  const number = draft.text('number');
  if (!number) draft.report('number', 'Укажите номер бланка');
  else if (!isBlankNumber(number)) draft.report('number', 'Номер бланка — цифры, как напечатано на бланке (серию укажите отдельно)');
  const blankNumber = number ? blankNumberOf(series, number) : null;
  if (blankNumber && isBlankNumber(number ?? '')) {
    const taken = await strapi.db.query(CERTIFICATE_BLANK).count({ where: { blankNumber, ...draft.notSelf() } });
    if (taken > 0) draft.report('number', `Бланк ${blankNumber} уже записан в книгу учёта бланков`);
  }
  const receivedOn = draft.localDate('receivedOn', 'дату поступления бланка');
  if (!receivedOn) draft.report('receivedOn', 'Укажите дату поступления бланка (ГГГГ-ММ-ДД)');
  else if (receivedOn > today) draft.report('receivedOn', 'Дата поступления не может быть в будущем');
  const receiptDocument = draft.text('receiptDocument');
  if (!receiptDocument)
    draft.report('receiptDocument', 'Укажите документ о поступлении бланков (например, «накладная № 14 от 12.04.2026»)');

  for (const field of ISSUE_FIELDS) {
    const given = draft.data[field];
    const storedValue = RELATION_FIELDS.has(field) ? relationId(stored?.[field]) : stored?.[field];
    const emptyRelation =
      RELATION_FIELDS.has(field) &&
      typeof given === 'object' &&
      given !== null &&
      !Array.isArray(given) &&
      ['connect', 'disconnect', 'set'].every((key) => !(key in given) || (given as Record<string, unknown[]>)[key]?.length === 0);
    if (given !== undefined && given !== null && !emptyRelation && !unchanged(given, storedValue)) {
      draft.report(field, 'Выдача бланка записывается книгой регистрации аттестатов: бланк отмечается выданным при записи аттестата');
    }
  }

  const state = (draft.value<string>('state') ?? 'in-stock') as string;
  if (state === 'issued') {
    draft.report('state', 'Выдача бланка записывается книгой регистрации аттестатов: бланк отмечается выданным при записи аттестата');
  } else if (state !== 'in-stock' && state !== 'spoiled') {
    draft.report('state', 'Состояние бланка: in-stock (в наличии) или spoiled (испорчен, списан по акту)');
  } else if (state === 'spoiled' && draft.isNew) {
    draft.report('state', 'Бланк поступает в книгу в наличии; испорченный бланк списывают изменением его строки');
  }
  const derived: Derived = {
    level,
    series,
    number,
    blankNumber,
    receivedOn,
    receiptDocument,
    state,
    issuedOn: null,
    certificateEntry: null,
  };
  if (state === 'spoiled') {
    const spoiledOn = draft.localDate('spoiledOn', 'дату списания бланка');
    if (!spoiledOn) draft.report('spoiledOn', 'Укажите дату акта о списании испорченного бланка (ГГГГ-ММ-ДД)');
    else if (spoiledOn > today) draft.report('spoiledOn', 'Дата списания не может быть в будущем');
    else if (receivedOn && spoiledOn < receivedOn) {
      draft.report('spoiledOn', `Бланк не может быть списан раньше поступления (${formatLocalDate(receivedOn)})`);
    }
    const spoilageAct = draft.text('spoilageAct');
    if (!spoilageAct) draft.report('spoilageAct', 'Укажите акт о списании (уничтожении) испорченного бланка');
    const spoilageReason = draft.text('spoilageReason');
    if (!spoilageReason) draft.report('spoilageReason', 'Укажите, чем испорчен бланк (например, ошибка при заполнении отметки)');
    Object.assign(derived, { spoiledOn, spoilageAct, spoilageReason });
  } else {
    for (const field of ['spoiledOn', 'spoilageAct', 'spoilageReason'] as const) {
      if (draft.writes(field) && draft.value(field) !== null && draft.value(field) !== '') {
        draft.report(field, 'Данные о списании указываются только для испорченного бланка (состояние spoiled)');
      }
    }
    Object.assign(derived, { spoiledOn: null, spoilageAct: null, spoilageReason: null });
  }
  draft.check();
  const actor = currentActor(strapi);
  if (draft.isNew) derived.registeredBy = actor.kind === 'user' && actor.id !== null ? { id: actor.id } : null;
  return derived;
};

/** A blank is deleted only while it is in the safe (a line written by mistake); never once given out or written off. */
export const assertCertificateBlankDeletable = (stored: StoredRecord): void => {
  const state = (stored.state as BlankState | undefined) ?? 'in-stock';
  if (state !== 'in-stock') throw new CertificateBlankLockedError(stored.blankNumber, state);
};

/**
 * The blank an аттестат or duplicate is written on, checked against the register. When the school
 * keeps the register for the level (it holds any blank of it), the blank must be in it and in the
 * safe; a problem is a Russian message for the entry's `blankNumber`. Null when the register is not
 * kept for the level, so a school that still keeps it on paper registers аттестаты as before.
 */
export const blankForIssue = async (
  strapi: Core.Strapi,
  level: CertificateLevel,
  blankText: string,
): Promise<{ blank: StoredRecord | null; problem: string | null }> => {
  const kept = await strapi.db.query(CERTIFICATE_BLANK).count({ where: { level } });
  if (kept === 0) return { blank: null, problem: null };
  const blankNumber = normalBlankNumber(blankText);
  const blank = (await strapi.db.query(CERTIFICATE_BLANK).findOne({ where: { blankNumber } })) as StoredRecord | null;
  if (!blank) return { blank: null, problem: `Бланк ${blankNumber} не числится в книге учёта бланков: сначала запишите его поступление` };
  if (blank.level !== level) return { blank, problem: `Бланк ${blankNumber} — бланк аттестата другого уровня` };
  const state = blank.state as BlankState;
  if (state !== 'in-stock') return { blank, problem: `Бланк ${blankNumber} ${BLANK_STATE_LABELS[state]} и не может быть выдан` };
  return { blank, problem: null };
};

/**
 * Marks the blank of a just-registered аттестат or duplicate as given out, with the entry and day, in
 * the entry's own transaction. Written past the record rules: this is the only way a blank is issued.
 */
export const issueBlankOf = async (strapi: Core.Strapi, entry: StoredRecord): Promise<void> => {
  if (entry.kind !== 'original' && entry.kind !== 'duplicate') return;
  if (!entry.blankNumber) return;
  const { blank, problem } = await blankForIssue(strapi, entry.level as CertificateLevel, String(entry.blankNumber));
  if (!blank || problem) return;
  await strapi.db.query(CERTIFICATE_BLANK).update({
    where: { id: blank.id },
    data: { state: 'issued', issuedOn: entry.issuedOn, certificateEntry: entry.id, blankNumber: blank.blankNumber },
  });
};

/**
 * Marks the blank of an аттестат or duplicate that an annulment entry cancels: the annulment carries
 * the cancelled entry's blank number. In the annulment's own transaction, past the record rules.
 */
export const annulBlankOf = async (strapi: Core.Strapi, entry: StoredRecord): Promise<void> => {
  if (entry.kind !== 'annulment' || !entry.blankNumber) return;
  const blank = (await strapi.db
    .query(CERTIFICATE_BLANK)
    .findOne({ where: { blankNumber: normalBlankNumber(String(entry.blankNumber)), state: 'issued' } })) as StoredRecord | null;
  if (!blank) return;
  await strapi.db.query(CERTIFICATE_BLANK).update({
    where: { id: blank.id },
    data: { annulledOn: entry.issuedOn, annulmentEntry: entry.id, blankNumber: blank.blankNumber },
  });
};
