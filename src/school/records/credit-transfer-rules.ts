import { errors } from '@strapi/utils';
import { formatLocalDate, isWithin, todayInZone, type LocalDate } from '../calendar';
import {
  CREDIT_BASES,
  CREDIT_DECISIONS,
  CREDIT_PROGRAMME_KINDS,
  creditableValues,
  creditNote,
  giftedCreditRefusal,
  type CreditBasis,
  type CreditDecision,
  type CreditProgrammeKind,
} from '../rules/credit-transfer';
import { allowedMarkValues, normalizeMarkValue, type SubjectScale } from '../rules/mark-values';
import { getSchoolSettings } from '../settings';
import { currentRestAccount } from './author';
import { relationId, type RecordDraft, type StoredRecord } from './draft';
import { isEnrolledInClass, JOURNAL_CONTEXT, type JournalContext } from './lookups';

type Derived = Record<string, unknown>;

export const CREDIT_TRANSFER = 'api::credit-transfer.credit-transfer';
const MARK = 'api::mark.mark';

const DECISION_LABELS: Record<CreditDecision, string> = { pending: 'на рассмотрении', credited: 'зачтено', refused: 'не зачтено' };
/** Filled only by the decision: on an application under consideration they stay empty. */
const DECISION_FIELDS = ['creditedValue', 'refusalReason', 'orderNumber', 'orderDate'] as const;
const TEXT_LIMITS: ReadonlyArray<readonly [string, number]> = [
  ['organisation', 300],
  ['programmeTitle', 300],
  ['resultThere', 100],
  ['achievement', 500],
  ['giftedResourceNumber', 60],
  ['documentTitle', 200],
  ['documentNumber', 60],
  ['refusalReason', 1000],
  ['orderNumber', 60],
];

/** A decided application is an order of the school: it is never changed or deleted, the order is corrected by a new one. */
export const assertCreditTransferChangeable = (stored: StoredRecord): void => {
  if (stored.decision === 'pending' || stored.decision === null || stored.decision === undefined) return;
  const order = stored.orderNumber ? `, приказ № ${String(stored.orderNumber)}` : '';
  throw new errors.PolicyError(
    `Решение о зачёте принято («${DECISION_LABELS[stored.decision as CreditDecision] ?? String(stored.decision)}»${order}) и не исправляется: ошибка исправляется новым приказом`,
  );
};

/**
 * An application to credit a result obtained outside the school's lessons (seed 003 §5.4, §1.1),
 * and the decision on it. Kept by the deputy director and the director:
 * - the pupil and the school's journal (subject, class, year) the result counts in — the pupil on
 *   its list that year; one open or credited application per pupil and journal;
 * - another organisation's programme with the document proving it, or a gifted pupil's achievement
 *   from the state resource (ГИР), which in grades 9 and 11 counts only in subjects not taken at the
 *   state exam;
 * - the decision: `credited` with the mark it counts as (a pass on the subject's scale) and the order —
 *   the mark is written as the pupil's annual mark in that journal, saying «Зачтено по результатам …»,
 *   in the same transaction (never typed twice); or `refused` with the reason. Once decided, the
 *   record is read-only (403).
 */
export const creditTransferRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  if (!draft.isNew && draft.existing) assertCreditTransferChangeable(draft.existing);
  const settings = getSchoolSettings(strapi);
  const today = todayInZone(settings.timeZone);

  const student = await draft.require('student', 'Укажите обучающегося');
  const journal = (await draft.require(
    'journal',
    'Укажите журнал предмета, в котором засчитывается результат',
    JOURNAL_CONTEXT,
  )) as JournalContext;
  if (!journal.subject || !journal.academicYear) draft.fail('journal', 'У журнала не указан предмет или учебный год');
  const year = journal.academicYear;
  if (!draft.isNew && draft.existing) {
    if (relationId(draft.existing.student) !== student.id) draft.fail('student', 'Обучающийся заявления о зачёте не меняется');
    if (relationId(draft.existing.journal) !== journal.id) draft.fail('journal', 'Журнал заявления о зачёте не меняется');
  }
  const onList =
    (journal.pupils.length === 0 || journal.pupils.some((pupil) => pupil.id === student.id)) &&
    (!journal.schoolClass || (await isEnrolledInClass(strapi, student.id, journal.schoolClass.id, year.startDate, year.endDate)));
  if (!onList) draft.fail('journal', `Обучающийся не в списке этого журнала в ${year.title} учебном году`);
  const grade = journal.schoolClass?.grade ?? 11;

  const basis = draft.value<string>('basis');
  if (!basis || !(CREDIT_BASES as readonly string[]).includes(basis)) {
    draft.fail('basis', 'Основание: other-organisation (освоено в другой организации) или gifted-resource (достижения из ГИР)');
  }
  const texts = Object.fromEntries(TEXT_LIMITS.map(([field]) => [field, draft.text(field)])) as Record<string, string | null>;
  for (const [field, max] of TEXT_LIMITS) {
    if ((texts[field]?.length ?? 0) > max) draft.report(field, `Не длиннее ${max} символов`);
  }
  const documentDate = draft.localDate('documentDate', 'дату документа');
  const applicationDate = draft.localDate('applicationDate', 'дату заявления');
  if (applicationDate && applicationDate > today)
    draft.report('applicationDate', `Дата заявления ${formatLocalDate(applicationDate)} ещё не наступила`);
  if (documentDate && documentDate > today)
    draft.report('documentDate', `Дата документа ${formatLocalDate(documentDate)} ещё не наступила`);
  const hours = draft.value('hours');
  if (hours !== null && hours !== '' && !(Number.isInteger(hours) && (hours as number) >= 1 && (hours as number) <= 2000)) {
    draft.report('hours', 'Объём в часах — целое число от 1 до 2000');
  }

  const programmeKind = draft.value<string>('programmeKind');
  if (basis === 'other-organisation') {
    if (!texts.organisation) draft.report('organisation', 'Укажите организацию, в которой освоена программа');
    if (!programmeKind || !(CREDIT_PROGRAMME_KINDS as readonly string[]).includes(programmeKind)) {
      draft.report(
        'programmeKind',
        `Что освоено: ${CREDIT_PROGRAMME_KINDS.join(', ')} (предмет, курс, модуль, практика, дополнительная программа)`,
      );
    }
    if (!texts.programmeTitle) draft.report('programmeTitle', 'Укажите название освоенного предмета, курса, модуля или программы');
    if (!texts.documentTitle)
      draft.report('documentTitle', 'Укажите документ, подтверждающий освоение (справка, свидетельство, сертификат)');
    if (!texts.documentNumber) draft.report('documentNumber', 'Укажите номер документа');
    if (!documentDate) draft.report('documentDate', 'Укажите дату документа');
  } else {
    if (!texts.achievement)
      draft.report(
        'achievement',
        'Укажите достижение из государственного информационного ресурса (например, «победитель регионального этапа ВсОШ»)',
      );
    if (!texts.giftedResourceNumber) draft.report('giftedResourceNumber', 'Укажите номер записи в государственном информационном ресурсе');
    const takenAtExam =
      (await strapi.db.query(MARK).count({
        where: {
          student: { id: student.id },
          kind: 'exam',
          journal: { subject: { id: journal.subject.id }, academicYear: { id: year.id } },
        },
      })) > 0;
    const refusal = giftedCreditRefusal({ grade, subjectName: journal.subject.name, takenAtExam });
    if (refusal) draft.report('journal', refusal);
  }

  const duplicate = await strapi.db.query(CREDIT_TRANSFER).count({
    where: { student: { id: student.id }, journal: { id: journal.id }, decision: { $in: ['pending', 'credited'] }, ...draft.notSelf() },
  });
  if (duplicate > 0)
    draft.report('journal', 'По этому журналу у обучающегося уже есть заявление о зачёте на рассмотрении или зачтённый результат');

  const decision = (draft.value<string>('decision') ?? 'pending') as CreditDecision;
  if (!(CREDIT_DECISIONS as readonly string[]).includes(decision)) {
    draft.fail('decision', 'Решение: pending (на рассмотрении), credited (зачтено) или refused (не зачтено)');
  }
  const orderDate = draft.localDate('orderDate', 'дату приказа');
  const derived: Derived = {
    basis: basis as CreditBasis,
    programmeKind: basis === 'other-organisation' ? programmeKind : (programmeKind ?? null),
    ...texts,
    documentDate,
    applicationDate,
    decision,
  };
  if (decision === 'pending') {
    for (const field of DECISION_FIELDS) {
      const given = draft.value(field);
      if (given !== null && given !== '') draft.report(field, 'Заполняется при решении о зачёте (decision: credited или refused)');
    }
    draft.check();
    return { ...derived, decidedBy: null, decidedAt: null, mark: null };
  }

  if (orderDate && orderDate > today) draft.report('orderDate', `Дата приказа ${formatLocalDate(orderDate)} ещё не наступила`);
  if (orderDate && applicationDate && orderDate < applicationDate) {
    draft.report(
      'orderDate',
      `Приказ (${formatLocalDate(orderDate)}) не может быть раньше заявления (${formatLocalDate(applicationDate)})`,
    );
  }
  let value: string | null = null;
  if (decision === 'credited') {
    if (!texts.orderNumber) draft.report('orderNumber', 'Укажите номер приказа о зачёте');
    if (!orderDate) draft.report('orderDate', 'Укажите дату приказа о зачёте');
    const allowed = creditableValues(
      allowedMarkValues({
        scale: journal.subject.scale as SubjectScale,
        kind: 'annual',
        grade,
        pointMarksFromGrade: settings.pointMarksFromGrade,
      }),
    );
    value = normalizeMarkValue(draft.value('creditedValue'));
    if (!value || !allowed.includes(value)) {
      draft.report(
        'creditedValue',
        `Засчитываемая отметка — положительная по шкале предмета «${journal.subject.name}»: ${allowed.join(', ')}`,
      );
    }
    const annual = (await strapi.db.query(MARK).findOne({
      where: { student: { id: student.id }, journal: { id: journal.id }, kind: 'annual' },
      select: ['value'],
    })) as StoredRecord | null;
    if (annual) {
      draft.report(
        'creditedValue',
        `В журнале уже есть годовая отметка обучающегося («${String(annual.value)}»): результат засчитывается вместо неё, а не поверх`,
      );
    }
    if (texts.refusalReason) draft.report('refusalReason', 'Причина отказа указывается только при решении «не зачтено»');
  } else {
    if (!texts.refusalReason) draft.report('refusalReason', 'Укажите, почему результат не засчитан');
    const given = draft.value('creditedValue');
    if (given !== null && given !== '') draft.report('creditedValue', 'Отметка указывается только при решении «зачтено»');
  }
  draft.check();

  const decidedAt = new Date().toISOString();
  const decidedBy = currentRestAccount(strapi);
  if (decision === 'refused') return { ...derived, orderDate, creditedValue: null, mark: null, decidedAt, decidedBy };

  // The annual mark, through the journal's own rules (list, scale, one annual mark per journal); the
  // record rules middleware runs this write in one transaction with the decision.
  const note = creditNote({
    basis: basis as CreditBasis,
    programmeKind: (programmeKind as CreditProgrammeKind | null) ?? null,
    programmeTitle: texts.programmeTitle,
    organisation: texts.organisation,
    achievement: texts.achievement,
    giftedResourceNumber: texts.giftedResourceNumber,
    documentTitle: texts.documentTitle,
    documentNumber: texts.documentNumber,
    documentDate,
    orderNumber: texts.orderNumber as string,
    orderDate: orderDate as LocalDate,
  });
  const mark = (await strapi.documents(MARK).create({
    data: {
      student: { id: student.id },
      journal: { id: journal.id },
      kind: 'annual',
      value,
      comment: note,
      ...(orderDate && isWithin(orderDate, year.startDate, year.endDate) ? { date: orderDate } : {}),
    },
  } as never)) as unknown as StoredRecord;
  return { ...derived, orderDate, creditedValue: value, refusalReason: null, mark: { id: mark.id }, decidedAt, decidedBy };
};
