import { formatLocalDate, parseLocalDate, todayInZone, type LocalDate } from '../calendar';
import { getSchoolSettings } from '../settings';
import type { RecordDraft } from './draft';

type Derived = Record<string, unknown>;

const REGULATION = 'api::regulation.regulation';

export const REGULATION_STATUSES = ['draft', 'current', 'superseded'] as const;
export type RegulationStatus = (typeof REGULATION_STATUSES)[number];

/** Editions that were adopted: the current one and the history. Drafts were never in force. */
export const ADOPTED_STATUSES: readonly RegulationStatus[] = ['current', 'superseded'];

/** «№ 45/2-ОД» and «45/2-ОД» are the same order number; the page prints the «№» itself. */
const orderNumberOf = (draft: RecordDraft): string | null => draft.text('directorOrderNumber')?.replace(/^№\s*/, '') || null;

const isBlank = (value: unknown): boolean => value === null || value === undefined || value === '';

/** A date field that may be empty; a value that is not a real `YYYY-MM-DD` day is reported. */
const optionalDate = (draft: RecordDraft, field: string, label: string): LocalDate | null => {
  const value = draft.value(field);
  if (isBlank(value)) return null;
  const date = parseLocalDate(value);
  if (!date) draft.report(field, `${label}: укажите дату в формате ГГГГ-ММ-ДД`);
  return date;
};

/** The state the write asks for: new editions and clones start as drafts unless told otherwise. */
const requestedStatus = (draft: RecordDraft): string => {
  const given = draft.data.state;
  if (!isBlank(given)) return String(given);
  return draft.isNew ? 'draft' : String(draft.existing?.state ?? 'draft');
};

/** The highest edition number among the other editions, optionally only the adopted ones. */
const highestEditionNumber = async (draft: RecordDraft, adoptedOnly: boolean): Promise<number> => {
  const [latest] = (await draft.strapi.db.query(REGULATION).findMany({
    where: { editionNumber: { $notNull: true }, ...(adoptedOnly ? { state: { $in: ADOPTED_STATUSES } } : {}), ...draft.notSelf() },
    select: ['editionNumber'],
    orderBy: { editionNumber: 'desc' },
    limit: 1,
  })) as Array<{ editionNumber: number }>;
  return latest?.editionNumber ?? 0;
};

/**
 * An edition of the regulation (Положение). Seed 003 §7.1, 7.4: it is adopted by the pedagogical
 * council, considered by the councils of parents and pupils, approved by the director's order, and a
 * new edition supersedes the previous one. So an edition in force carries its approval data; the
 * history is read-only; edition numbers only grow. Superseding the previous edition happens after
 * the write (`src/api/regulation/supersede.ts`); these rules only refuse or derive.
 */
export const regulationRules = async (draft: RecordDraft): Promise<Derived> => {
  const stored = draft.isNew ? null : draft.existing;
  if (stored?.state === 'superseded') {
    draft.fail('state', `Редакция № ${String(stored.editionNumber)} утратила силу и хранится как история Положения: изменять её нельзя`);
  }

  const state = requestedStatus(draft);
  if (!(REGULATION_STATUSES as readonly string[]).includes(state)) {
    draft.fail('state', `Недопустимый статус редакции: ${state}. Допустимо: draft (черновик), current (действующая)`);
  }
  if (state === 'superseded') {
    draft.fail('state', 'Редакция утрачивает силу только при вступлении в силу новой редакции: сделайте действующей новую редакцию');
  }
  if (stored?.state === 'current' && state === 'draft') {
    draft.fail('state', 'Действующую редакцию нельзя вернуть в черновик: подготовьте и утвердите новую редакцию');
  }
  const becomesCurrent = state === 'current' && stored?.state !== 'current';

  const title = draft.text('title');
  if (!title) draft.report('title', 'Укажите название Положения');

  const given = draft.isNew ? draft.data.editionNumber : draft.value('editionNumber');
  let editionNumber: number;
  if (isBlank(given)) {
    editionNumber = (await highestEditionNumber(draft, false)) + 1;
  } else {
    editionNumber = Number(given);
    if (!Number.isInteger(editionNumber) || editionNumber < 1) draft.fail('editionNumber', 'Номер редакции — целое число от 1');
  }
  const renumbered = draft.isNew || (draft.writes('editionNumber') && stored?.editionNumber !== editionNumber);
  if (renumbered) {
    const twins = await draft.strapi.db.query(REGULATION).count({ where: { editionNumber, ...draft.notSelf() } });
    if (twins > 0) draft.report('editionNumber', `Редакция № ${editionNumber} уже есть`);
  }
  if (renumbered || becomesCurrent) {
    const latestAdopted = await highestEditionNumber(draft, true);
    if (editionNumber <= latestAdopted) {
      draft.report('editionNumber', `Номер новой редакции должен быть больше номера последней принятой редакции (№ ${latestAdopted})`);
    }
  }

  const orderNumber = orderNumberOf(draft);
  const orderDate = optionalDate(draft, 'directorOrderDate', 'Дата приказа директора');
  const effectiveDate = optionalDate(draft, 'effectiveDate', 'Дата вступления в силу');
  const pedagogicalCouncilProtocol = draft.text('pedagogicalCouncilProtocol');

  if (state === 'current') {
    if (!orderNumber) draft.report('directorOrderNumber', 'Укажите номер приказа директора, которым утверждена редакция');
    if (isBlank(draft.value('directorOrderDate'))) draft.report('directorOrderDate', 'Укажите дату приказа директора об утверждении');
    if (!pedagogicalCouncilProtocol) {
      draft.report(
        'pedagogicalCouncilProtocol',
        'Укажите протокол педагогического совета, на котором принято Положение (например, «№ 1 от 30.08.2025»)',
      );
    }
    if (isBlank(draft.value('effectiveDate'))) draft.report('effectiveDate', 'Укажите дату вступления редакции в силу');
    if (!draft.text('body')) draft.report('body', 'Действующая редакция не может быть без текста');
    const today = todayInZone(getSchoolSettings(draft.strapi).timeZone);
    if (orderDate && orderDate > today) {
      draft.report('directorOrderDate', `Приказ об утверждении не может быть датирован будущим числом (${formatLocalDate(orderDate)})`);
    }
  }
  if (orderDate && effectiveDate && effectiveDate < orderDate) {
    draft.report(
      'effectiveDate',
      `Редакция не может вступить в силу (${formatLocalDate(effectiveDate)}) раньше приказа о её утверждении (${formatLocalDate(orderDate)})`,
    );
  }
  draft.check();

  return {
    title,
    state,
    editionNumber,
    directorOrderNumber: orderNumber,
    directorOrderDate: orderDate,
    effectiveDate,
    pedagogicalCouncilProtocol,
    parentsCouncilProtocol: draft.text('parentsCouncilProtocol'),
    pupilsCouncilProtocol: draft.text('pupilsCouncilProtocol'),
    // Only the supersede step (after a new edition comes into force) sets these.
    supersededAt: null,
    supersededBy: null,
  };
};
