import { AsyncLocalStorage } from 'async_hooks';
import { currentActor } from '../../access/request-actor';
import { formatLocalDate, todayInZone } from '../calendar';
import { getSchoolSettings } from '../settings';
import { currentRestAccount } from './author';
import { relationId, type RecordDraft, type StoredRecord } from './draft';

type Derived = Record<string, unknown>;

export const REQUEST_FORMS = ['oral', 'written', 'electronic'] as const;
export const REQUESTER_KINDS = ['guardian', 'pupil'] as const;
export const REQUEST_TEXT_MAX_LENGTH = 2000;

const FAMILY_ROLES = new Set(['parent', 'pupil']);

const refOf = (record: unknown): { id: number } | null => {
  const id = (record as StoredRecord | null | undefined)?.id;
  return typeof id === 'number' ? { id } : null;
};

/** The fields of a document issued in answer: written only by the answer action (`runIssue`). */
export const ISSUED_DOCUMENT_FIELDS = ['issuedDocumentKind', 'issuedDocumentName', 'issuedDocumentSha256', 'issuedDocumentPdf'] as const;
/** What a request answered with a document keeps as it was issued. */
const ANSWER_FIELDS = ['issuedOn', 'issued', 'refusalReason', 'requesterKind'] as const;

const ISSUE_KEY = Symbol.for('school-records.results-request-issue');
const issueRegistry = globalThis as unknown as Record<symbol, AsyncLocalStorage<true> | undefined>;
const issueStorage = (issueRegistry[ISSUE_KEY] ??= new AsyncLocalStorage<true>());

/** Runs the write that attaches an issued document to a request (the answer action's). */
export const runIssue = <T>(work: () => Promise<T>): Promise<T> => issueStorage.run(true, work);

/** A scalar as given in a body and as stored (dates as `YYYY-MM-DD`), equal when both say the same. */
const sameValue = (given: unknown, stored: unknown): boolean => {
  const norm = (value: unknown) => (value === undefined || value === null || value === '' ? '' : String(value).trim());
  return norm(given) === norm(stored);
};

/**
 * A request for information on a pupil's results, made orally, in writing or through the diary by
 * the pupil or a legal representative (seed 003 §5.3: also on a personal request). The requester is
 * checked: a guardian must be recorded as the pupil's legal representative; a pupil asks for
 * themself. The answer (what was issued, or why it was refused) carries its date, not before the
 * request and not in the future. Requests are numbered in the register by calendar year, and the
 * member of staff who registers one is recorded; they are never deleted.
 */
export const resultsRequestRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const student = await draft.require('student', 'Укажите обучающегося, о результатах которого обращение');

  const receivedOn = draft.localDate('receivedOn', 'дату обращения') ?? today;
  if (receivedOn > today) draft.report('receivedOn', `Дата обращения ${formatLocalDate(receivedOn)} ещё не наступила`);

  const requesterKind = draft.value<string>('requesterKind') ?? 'guardian';
  if (!(REQUESTER_KINDS as readonly string[]).includes(requesterKind)) {
    draft.fail(
      'requesterKind',
      `Недопустимый заявитель: ${String(requesterKind)}. Допустимо: guardian (законный представитель), pupil (обучающийся)`,
    );
  }
  const guardian = await draft.optionalRelated('guardian', 'Законный представитель задаётся его documentId или id', {
    children: { select: ['id'] },
  });
  if (requesterKind === 'guardian') {
    if (!guardian) draft.report('guardian', 'Укажите законного представителя, который обратился');
    else if (!((guardian.children as StoredRecord[] | null) ?? []).some((child) => child.id === student.id)) {
      draft.report('guardian', 'Заявитель не записан законным представителем этого обучающегося: сведения ему не выдаются');
    }
  } else if (guardian) {
    draft.report('guardian', 'Обучающийся обращается сам: законного представителя не указывают');
  }

  const form = draft.value<string>('form') ?? 'written';
  if (!(REQUEST_FORMS as readonly string[]).includes(form)) {
    draft.fail('form', `Недопустимая форма: ${String(form)}. Допустимо: oral (устно), written (письменно), electronic (через дневник)`);
  }

  const request = draft.text('request');
  if (!request) draft.report('request', 'Запишите, какие сведения запрошены');
  else if (request.length > REQUEST_TEXT_MAX_LENGTH) draft.report('request', `Текст длиннее ${REQUEST_TEXT_MAX_LENGTH} символов`);

  const issued = draft.text('issued');
  const refusalReason = draft.text('refusalReason');
  for (const [field, text] of [
    ['issued', issued],
    ['refusalReason', refusalReason],
  ] as const) {
    if (text && text.length > REQUEST_TEXT_MAX_LENGTH) draft.report(field, `Текст длиннее ${REQUEST_TEXT_MAX_LENGTH} символов`);
  }
  if (issued && refusalReason) draft.report('refusalReason', 'Ответ — либо выданные сведения, либо отказ с причиной, не то и другое');
  const issuedOn = draft.localDate('issuedOn', 'дату ответа');
  if (issuedOn) {
    if (issuedOn < receivedOn)
      draft.report('issuedOn', `Ответ (${formatLocalDate(issuedOn)}) не может быть раньше обращения (${formatLocalDate(receivedOn)})`);
    if (issuedOn > today) draft.report('issuedOn', `Дата ответа ${formatLocalDate(issuedOn)} ещё не наступила`);
    if (!issued && !refusalReason) draft.report('issued', 'Запишите, какие сведения выданы (или причину отказа)');
  } else if (issued || refusalReason) {
    draft.report('issuedOn', 'Укажите дату ответа');
  }

  // A document issued in answer is attached by the answer action only, and once issued the answer stands.
  const issuing = issueStorage.getStore() === true;
  if (!issuing) {
    for (const field of ISSUED_DOCUMENT_FIELDS) {
      if (field in draft.data && draft.data[field] !== undefined && !sameValue(draft.data[field], draft.existing?.[field])) {
        draft.report(field, 'Выданный документ прикладывается действием «Ответить документом» (POST /api/results-requests/:id/answer)');
      }
    }
    if (draft.existing?.issuedDocumentKind) {
      for (const field of ANSWER_FIELDS) {
        if (field in draft.data && draft.data[field] !== undefined && !sameValue(draft.data[field], draft.existing[field])) {
          draft.report(field, `Ответ выдан документом «${String(draft.existing.issuedDocumentName ?? '')}» и не изменяется`);
        }
      }
      if (student.id !== relationId(draft.existing.student)) {
        draft.report('student', 'Ответ выдан документом об этом обучающемся: обращение не переносится на другого');
      }
    }
  }

  const derived: Derived = {
    receivedOn,
    requesterKind,
    form,
    request,
    issued,
    refusalReason,
    issuedOn,
    guardian: requesterKind === 'guardian' && guardian ? { id: guardian.id } : null,
  };
  if (draft.isNew) {
    const yearStart = `${receivedOn.slice(0, 4)}-01-01`;
    const yearEnd = `${receivedOn.slice(0, 4)}-12-31`;
    const [last] = (await strapi.db.query('api::results-request.results-request').findMany({
      where: { receivedOn: { $gte: yearStart, $lte: yearEnd } },
      orderBy: { number: 'desc' },
      limit: 1,
      select: ['number'],
    })) as Array<{ number: number | null }>;
    derived.number = (last?.number ?? 0) + 1;
  } else {
    derived.number = draft.existing?.number ?? null;
    if (
      draft.writes('receivedOn') &&
      draft.existing?.receivedOn &&
      String(draft.existing.receivedOn).slice(0, 4) !== receivedOn.slice(0, 4)
    ) {
      draft.report('receivedOn', 'Обращение не переносится в другой год: его номер в журнале годовой');
    }
  }
  const givenNumber = draft.data.number;
  if (givenNumber !== undefined && givenNumber !== null && givenNumber !== derived.number) {
    draft.report(
      'number',
      `Номер присваивается журналом по порядку в году${derived.number ? ` (у этой записи — ${String(derived.number)})` : ''}`,
    );
  }
  // The member of staff who registered it; a request sent through the diary waits for one.
  const actor = currentActor(strapi);
  const account = FAMILY_ROLES.has(actor.roleType ?? '') ? null : currentRestAccount(strapi);
  if (account) derived.handledBy = draft.isNew ? account : (refOf(draft.existing?.handledBy) ?? account);
  else if (!draft.isNew) derived.handledBy = refOf(draft.existing?.handledBy);
  draft.check();
  return derived;
};
