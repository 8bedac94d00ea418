import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { formatLocalDate, isWithin, parseLocalDate, todayInZone, type LocalDate } from '../calendar';
import { getSchoolSettings } from '../settings';
import { relationId, type RecordDraft, type StoredRecord } from './draft';
import { currentArchiveProcedure } from './procedure';

type Derived = Record<string, unknown>;

export const PERSONAL_FILE = 'api::personal-file.personal-file';
export const YEARLY_RESULT = 'api::yearly-result.yearly-result';

/** Where the paper personal files are kept unless the school records another place (seed 000 §1.9). */
export const PERSONAL_FILE_PLACE = 'Приёмная руководителя';
/** The medical office, where the originals of the medical documents are kept (seed 000 §1.8). */
export const MEDICAL_OFFICE = 'Медицинский кабинет';
/** Admission documents that are health data: read only by the secretary and the administration (152-ФЗ, ст. 10). */
export const MEDICAL_DOCUMENTS = new Set(['medical-policy', 'medical-card']);

/** Where the file is: kept at school, issued to the parents on transfer, or closed (left, graduated). */
export const PERSONAL_FILE_STATES = ['open', 'issued', 'archived'] as const;
export const PERSONAL_FILE_STATE_LABELS: Record<(typeof PERSONAL_FILE_STATES)[number], string> = {
  open: 'ведётся',
  issued: 'выдано',
  archived: 'в архиве',
};

/** The pedagogical council's decision at the end of a year (273-ФЗ art. 58). */
export const YEAR_DECISIONS = ['promoted', 'promoted-with-debt', 'kept-down', 'graduated'] as const;
export type YearDecision = (typeof YEAR_DECISIONS)[number];
export const YEAR_DECISION_LABELS: Record<YearDecision, string> = {
  promoted: 'переведён(а) в следующий класс',
  'promoted-with-debt': 'переведён(а) в следующий класс условно (академическая задолженность)',
  'kept-down': 'оставлен(а) на повторное обучение',
  graduated: 'окончил(а) обучение',
};

/** One subject's final (annual) mark of a year, as carried over from the journal. */
export interface YearSubjectMark {
  subject: string;
  subjectDocumentId: string;
  value: string;
  markDocumentId: string;
  /** Where a credited mark comes from: «Зачтено по результатам …; приказ № …» (src/school/rules/credit-transfer.ts). */
  creditNote?: string;
}

const ISSUE_FIELDS = ['issuedOn', 'applicationNumber', 'orderNumber', 'issuedTo'] as const;
const NUMBER_PATTERN = /^([А-ЯЁA-Z])\/([1-9]\d{0,5})$/;

/** The letter of the alphabetical book: the surname's first letter, capital. */
export const bookLetterOf = (lastName: string): string | null => {
  const first = lastName.trim().charAt(0).toLocaleUpperCase('ru-RU');
  return /^[А-ЯЁA-Z]$/.test(first) ? first : null;
};

/**
 * The personal file (личное дело, seed 000 §1.7-1.9): one per pupil, opened at admission with the
 * number of the alphabetical book — the surname's first letter and the next running number under
 * that letter («К/5»). The number is given once and never changes (a later change of surname keeps
 * it; a pupil who leaves and returns has the same file, reopened). A number may be given by hand on
 * creation to carry over the paper book. Issued on transfer with date, application and order.
 */
export const personalFileRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const student = await draft.require('student', 'Укажите обучающегося');
  const storedStudent = relationId(draft.existing?.student);
  if (!draft.isNew && storedStudent !== null && storedStudent !== student.id) {
    draft.fail('student', 'Личное дело не передаётся другому обучающемуся');
  }
  const other = (await strapi.db
    .query(PERSONAL_FILE)
    .findOne({ where: { student: { id: student.id }, ...draft.notSelf() }, select: ['number'] })) as StoredRecord | null;
  if (other) {
    draft.fail(
      'student',
      `У обучающегося уже есть личное дело № ${String(other.number)}: при возвращении в школу его открывают снова (состояние «ведётся»)`,
    );
  }

  const derived: Derived = { student: { id: student.id } };
  const givenNumber = draft.text('number');
  if (draft.isNew) {
    if (givenNumber) {
      const match =
        NUMBER_PATTERN.exec(givenNumber) ?? draft.fail('number', 'Номер по алфавитной книге: буква, косая черта, число, например К/5');
      Object.assign(derived, { number: givenNumber, letter: match[1], sequence: Number(match[2]) });
    } else {
      const letter =
        bookLetterOf(String(student.lastName ?? '')) ??
        draft.fail('student', 'Фамилия обучающегося должна начинаться с буквы: по ней ведётся алфавитная книга');
      const last = (await strapi.db
        .query(PERSONAL_FILE)
        .findOne({ where: { letter }, orderBy: { sequence: 'desc' }, select: ['sequence'] })) as StoredRecord | null;
      const sequence = Number(last?.sequence ?? 0) + 1;
      Object.assign(derived, { number: `${letter}/${sequence}`, letter, sequence });
    }
    const taken = await strapi.db.query(PERSONAL_FILE).count({ where: { number: derived.number } });
    if (taken > 0) draft.fail('number', `Номер ${String(derived.number)} уже занят в алфавитной книге`);
  } else {
    const stored = draft.existing as StoredRecord;
    for (const field of ['number', 'letter', 'sequence']) {
      if (draft.writes(field) && draft.data[field] !== null && String(draft.data[field]) !== String(stored[field])) {
        draft.fail(field, `Номер личного дела по алфавитной книге (${String(stored.number)}) присваивается при открытии и не меняется`);
      }
    }
    Object.assign(derived, { number: stored.number, letter: stored.letter, sequence: stored.sequence });
  }

  const openedOn = parseLocalDate(draft.value('openedOn'));
  if (!openedOn) draft.report('openedOn', 'Укажите дату поступления (открытия личного дела) в формате ГГГГ-ММ-ДД');
  else if (typeof student.birthDate === 'string' && openedOn <= student.birthDate) {
    draft.report('openedOn', 'Дата поступления не может быть раньше даты рождения');
  }
  const state = draft.value<string>('state') ?? 'open';
  if (!(PERSONAL_FILE_STATES as readonly string[]).includes(state)) {
    draft.fail('state', `Недопустимое состояние: ${String(state)}. Допустимо: open (ведётся), issued (выдано), archived (в архиве)`);
  }
  derived.state = state;
  derived.admissionOrder = draft.text('admissionOrder');

  // Where the paper file is kept (seed 000 §1.9: the head's reception room unless the school says otherwise).
  derived.storagePlace = draft.text('storagePlace') ?? (draft.isNew ? PERSONAL_FILE_PLACE : null);

  // Each document handed in at admission is kept with its file (a scan or copy), received by today;
  // the originals of the medical policy and card are kept in the medical office (seed 000 §1.8).
  const documents = draft.data.admissionDocuments;
  if (Array.isArray(documents)) {
    const today = todayInZone(getSchoolSettings(strapi).timeZone);
    derived.admissionDocuments = documents.map((document: unknown) => {
      if (!document || typeof document !== 'object') return document;
      const item = document as Record<string, unknown>;
      const place = typeof item.storagePlace === 'string' ? item.storagePlace.trim() : '';
      return { ...item, storagePlace: place || (MEDICAL_DOCUMENTS.has(String(item.kind)) ? MEDICAL_OFFICE : null) };
    });
    documents.forEach((document: unknown, index) => {
      const item = (document && typeof document === 'object' ? document : {}) as Record<string, unknown>;
      const file = item.file;
      const hasFile =
        typeof file === 'number' || (typeof file === 'string' && file.trim() !== '') || (file !== null && typeof file === 'object');
      if (!hasFile) draft.reportAt(['admissionDocuments', String(index), 'file'], 'Приложите файл документа (скан или копию)');
      const receivedOn = parseLocalDate(item.receivedOn);
      if (receivedOn && receivedOn > today) {
        draft.reportAt(['admissionDocuments', String(index), 'receivedOn'], 'Дата получения документа ещё не наступила');
      }
    });
  }

  if (state === 'issued') {
    // Issued to the parents on their written application, with the leaving order (seed 003 §4.9).
    const issuedOn = parseLocalDate(draft.value('issuedOn'));
    if (!issuedOn) draft.report('issuedOn', 'Укажите дату выдачи личного дела (ГГГГ-ММ-ДД)');
    else if (openedOn && issuedOn < openedOn) draft.report('issuedOn', 'Дата выдачи не может быть раньше даты поступления');
    const applicationNumber = draft.text('applicationNumber');
    if (!applicationNumber) draft.report('applicationNumber', 'Укажите номер заявления родителей (законных представителей)');
    const orderNumber = draft.text('orderNumber');
    if (!orderNumber) draft.report('orderNumber', 'Укажите номер приказа о выбытии');
    Object.assign(derived, { issuedOn, applicationNumber, orderNumber, issuedTo: draft.text('issuedTo') });
  } else {
    const stateChanges = !draft.isNew && draft.existing?.state !== state;
    for (const field of ISSUE_FIELDS) {
      const given = draft.data[field];
      if (!stateChanges && given !== undefined && given !== null && given !== '' && draft.writes(field)) {
        draft.report(field, 'Сведения о выдаче заполняют вместе с состоянием «выдано» (issued)');
      }
      // Reopened (the pupil returned) or archived: the file is at school again.
      derived[field] = null;
    }
  }
  draft.check();
  return derived;
};

/** HTTP 403: the year's page of the personal file has been certified by the class teacher. */
export class YearCertifiedError extends errors.PolicyError {
  constructor(yearTitle: string) {
    super(
      `Итоги ${yearTitle} учебного года заверены классным руководителем: страница личного дела только для чтения. Исправление возможно только через процедуру исправления с указанием причины`,
      { code: 'YEAR_CERTIFIED' },
    );
  }
}

/** The class teacher's certification in progress (set only by the certify action). */
const CERTIFICATION_KEY = Symbol.for('school-records.year-certification');
const registry = globalThis as unknown as Record<symbol, AsyncLocalStorage<{ accountId: number }> | undefined>;
const certificationStorage = (registry[CERTIFICATION_KEY] ??= new AsyncLocalStorage<{ accountId: number }>());

/** Runs the write that certifies a year on behalf of the class teacher's account. */
export const runYearCertification = <T>(accountId: number, work: () => Promise<T>): Promise<T> =>
  certificationStorage.run({ accountId }, work);

const yearTitleOf = async (strapi: Core.Strapi, yearRef: unknown): Promise<string> => {
  const id = relationId(yearRef);
  const year = id ? ((await strapi.db.query('api::academic-year.academic-year').findOne({ where: { id } })) as StoredRecord | null) : null;
  return String(year?.title ?? '');
};

/** Refuses to delete a certified year (the correction procedure aside). */
export const assertYearResultDeletable = async (strapi: Core.Strapi, stored: StoredRecord): Promise<void> => {
  if (stored.certifiedAt && currentArchiveProcedure()?.kind !== 'correction') {
    throw new YearCertifiedError(await yearTitleOf(strapi, stored.academicYear));
  }
};

/** The pupil's class in a year: the last class list they were on. */
export const classOfYear = async (strapi: Core.Strapi, studentId: number, yearId: number): Promise<StoredRecord | null> => {
  const enrollment = (await strapi.db.query('api::enrollment.enrollment').findOne({
    where: { student: { id: studentId }, schoolClass: { academicYear: { id: yearId } } },
    orderBy: { startDate: 'desc' },
    populate: { schoolClass: { select: ['id', 'documentId', 'name', 'grade'], populate: { classTeacher: { select: ['id'] } } } },
  })) as StoredRecord | null;
  return (enrollment?.schoolClass as StoredRecord | null | undefined) ?? null;
};

/** The pupil's annual marks of the year from the journals, one per subject, in the curriculum's order. */
export const annualMarksOf = async (strapi: Core.Strapi, studentId: number, yearId: number): Promise<YearSubjectMark[]> => {
  const marks = (await strapi.db.query('api::mark.mark').findMany({
    where: { student: { id: studentId }, kind: 'annual', journal: { academicYear: { id: yearId } } },
    populate: { journal: { select: ['id'], populate: { subject: { select: ['documentId', 'name', 'sortOrder'] } } } },
    orderBy: { id: 'asc' },
  })) as StoredRecord[];
  const credited = new Set(
    marks.length === 0
      ? []
      : (
          (await strapi.db.query('api::credit-transfer.credit-transfer').findMany({
            where: { mark: { id: { $in: marks.map((mark) => mark.id) } } },
            populate: { mark: { select: ['id'] } },
          })) as StoredRecord[]
        ).map((credit) => relationId(credit.mark)),
  );
  const bySubject = new Map<string, { mark: YearSubjectMark; sortOrder: number }>();
  for (const mark of marks) {
    const subject = (mark.journal as StoredRecord | null)?.subject as StoredRecord | null | undefined;
    if (!subject || bySubject.has(subject.documentId)) continue;
    bySubject.set(subject.documentId, {
      mark: {
        subject: String(subject.name),
        subjectDocumentId: subject.documentId,
        value: String(mark.value),
        markDocumentId: mark.documentId,
        ...(credited.has(mark.id) && mark.comment ? { creditNote: String(mark.comment) } : {}),
      },
      sortOrder: Number(subject.sortOrder ?? 0),
    });
  }
  return [...bySubject.values()]
    .sort((a, b) => a.sortOrder - b.sortOrder || a.mark.subject.localeCompare(b.mark.subject, 'ru'))
    .map(({ mark }) => mark);
};

/**
 * One school year in the personal file (seed 001 §2.2.3, 003 §4.9): the final (annual) mark of
 * each subject, taken from the journal's annual marks on every write (never typed: what is typed
 * into `marks` is replaced), the class and grade of that year, the pedagogical council's decision
 * and protocol. The class teacher certifies it through the certify action; from then on it is
 * read-only (403) except inside the correction procedure.
 */
export const yearlyResultRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const correcting = currentArchiveProcedure()?.kind === 'correction';
  if (draft.existing?.certifiedAt && !draft.isNew && !correcting) {
    throw new YearCertifiedError(await yearTitleOf(strapi, draft.existing.academicYear));
  }
  const file = await draft.require('personalFile', 'Укажите личное дело', { student: { select: ['id', 'fullName'] } });
  const year = await draft.require('academicYear', 'Укажите учебный год');
  if (!draft.isNew && draft.existing) {
    if (relationId(draft.existing.personalFile) !== file.id) draft.fail('personalFile', 'Итоги года не переносятся в другое личное дело');
    if (relationId(draft.existing.academicYear) !== year.id) draft.fail('academicYear', 'Учебный год итогов не меняется');
  }
  const duplicate = await strapi.db
    .query(YEARLY_RESULT)
    .count({ where: { personalFile: { id: file.id }, academicYear: { id: year.id }, ...draft.notSelf() } });
  if (duplicate > 0) draft.fail('academicYear', `Итоги ${String(year.title)} учебного года уже есть в этом личном деле`);

  const student = file.student as StoredRecord | null;
  if (!student) draft.fail('personalFile', 'В личном деле не указан обучающийся');
  const schoolClass = await classOfYear(strapi, student.id, year.id);
  if (!schoolClass) {
    draft.fail('academicYear', `${String(student.fullName)} не числится ни в одном классе в ${String(year.title)} учебном году`);
  }
  const grade = Number(schoolClass.grade);
  const marks = await annualMarksOf(strapi, student.id, year.id);

  const decision = draft.value<string>('decision');
  if (decision !== null && decision !== '' && !(YEAR_DECISIONS as readonly string[]).includes(decision)) {
    draft.report('decision', 'Решение: promoted (переведён), promoted-with-debt (условно), kept-down (оставлен), graduated (окончил)');
  } else if (decision === 'graduated' && grade !== 9 && grade !== 11) {
    draft.report('decision', `Обучение оканчивают в 9 и 11 классах, а это ${grade} класс`);
  }
  const decisionNote = draft.text('decisionNote');
  if (decision === 'promoted-with-debt' && !decisionNote) {
    draft.report('decisionNote', 'Укажите предметы академической задолженности и срок её ликвидации');
  }
  const protocolNumber = draft.text('councilProtocolNumber');
  const protocolInput = draft.value('councilProtocolDate');
  const protocolDate =
    protocolInput === null || protocolInput === ''
      ? null
      : (parseLocalDate(protocolInput) ?? draft.fail('councilProtocolDate', 'Укажите дату протокола в формате ГГГГ-ММ-ДД'));
  if (protocolDate && !isWithin(protocolDate, year.startDate as LocalDate, year.endDate as LocalDate)) {
    draft.report(
      'councilProtocolDate',
      `Протокол педагогического совета ${String(year.title)} учебного года датируется ${formatLocalDate(year.startDate as LocalDate)}–${formatLocalDate(year.endDate as LocalDate)}`,
    );
  }

  const certification = certificationStorage.getStore();
  const derived: Derived = {
    schoolClass: { id: schoolClass.id },
    grade,
    marks,
    decision: decision || null,
    decisionNote,
    councilProtocolNumber: protocolNumber,
    councilProtocolDate: protocolDate,
  };
  if (certification) {
    if (!decision) draft.report('decision', 'Перед заверением укажите решение педагогического совета');
    if (!protocolNumber) draft.report('councilProtocolNumber', 'Перед заверением укажите номер протокола педагогического совета');
    if (!protocolDate) draft.report('councilProtocolDate', 'Перед заверением укажите дату протокола педагогического совета');
    if (marks.length === 0 && grade > 1) draft.report('marks', 'В журналах нет годовых отметок обучающегося за этот год');
    draft.check();
    return { ...derived, certifiedAt: new Date().toISOString(), certifiedBy: { id: certification.accountId } };
  }
  const givenAt = draft.data.certifiedAt;
  const certifiedBy = await draft.related('certifiedBy');
  const keeps = correcting && draft.existing;
  if (
    (givenAt !== undefined && givenAt !== null && givenAt !== '' && !keeps) ||
    (certifiedBy && certifiedBy.id !== relationId(draft.existing?.certifiedBy))
  ) {
    draft.report('certifiedAt', 'Итоги года заверяет классный руководитель действием «Заверить» (POST /api/yearly-results/:id/certify)');
  }
  draft.check();
  return keeps ? { ...derived, certifiedAt: draft.existing?.certifiedAt ?? null } : { ...derived, certifiedAt: null, certifiedBy: null };
};
