import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import { formatLocalDate, todayInZone, type LocalDate } from '../calendar';
import {
  ADMISSION_KINDS,
  admissionKindOf,
  defaultPassingScore,
  egeIsMarked,
  EXAM_FORM_LABELS,
  EXAM_GRADES,
  EXAM_KIND_LABELS,
  EXAM_KINDS,
  EXAM_OUTCOMES,
  examPassed,
  FORMS_OF_KIND,
  giaSubjectOf,
  type ExamForm,
  type ExamKind,
  type ExamOutcome,
} from '../rules/gia';
import { getSchoolSettings } from '../settings';
import { currentRestAccount } from './author';
import type { RecordDraft, StoredRecord } from './draft';
import { readNumber } from './external-assessment-rules';

type Derived = Record<string, unknown>;

export const EXAM_RESULT = 'api::exam-result.exam-result';

const PROTOCOL_NUMBER_MAX = 100;
const SCORE_MAX = 100;

/** The fields of the result itself: changing any of them (an appeal, a correction) asks the pupil to acknowledge again. */
export const EXAM_CONTENT_FIELDS = [
  'student',
  'examKind',
  'form',
  'date',
  'subject',
  'primaryScore',
  'scaledScore',
  'passingScore',
  'mark',
  'result',
] as const;

const ACKNOWLEDGE_KEY = Symbol.for('school-records.exam-result-acknowledge');
const acknowledgeRegistry = globalThis as unknown as Record<symbol, AsyncLocalStorage<{ accountId: number | null }> | undefined>;
const acknowledgeStorage = (acknowledgeRegistry[ACKNOWLEDGE_KEY] ??= new AsyncLocalStorage<{ accountId: number | null }>());

/** Runs the write of the acknowledgment action: who showed the pupil the result is the action's caller. */
export const runAcknowledge = <T>(accountId: number | null, work: () => Promise<T>): Promise<T> =>
  acknowledgeStorage.run({ accountId }, work);

const PROTOCOL_MARK_KEY = Symbol.for('school-records.exam-protocol-mark');
const protocolMarkRegistry = globalThis as unknown as Record<symbol, AsyncLocalStorage<true> | undefined>;
const protocolMarkStorage = (protocolMarkRegistry[PROTOCOL_MARK_KEY] ??= new AsyncLocalStorage<true>());

/** Runs the write of a 9th-grade exam mark made from a GIA protocol (src/api/exam-result/journal-mark.ts). */
export const runProtocolMark = <T>(work: () => Promise<T>): Promise<T> => protocolMarkStorage.run(true, work);
/** Whether the current write of an exam mark comes from a GIA protocol. */
export const isProtocolMarkWrite = (): boolean => protocolMarkStorage.getStore() === true;

/** The class (with its grade) a pupil was in during an academic year, else the last class of an earlier year. */
export const classOfPupil = async (
  strapi: Core.Strapi,
  studentId: number,
  year: { id: number; startDate: string },
): Promise<StoredRecord | null> => {
  const enrollments = (await strapi.db.query('api::enrollment.enrollment').findMany({
    where: { student: { id: studentId } },
    orderBy: [{ startDate: 'desc' }, { id: 'desc' }],
    populate: {
      schoolClass: { select: ['id', 'documentId', 'name', 'grade'], populate: { academicYear: { select: ['id', 'startDate'] } } },
    },
  })) as StoredRecord[];
  const classes = enrollments.map((enrollment) => enrollment.schoolClass as StoredRecord | null).filter((item) => item !== null);
  const ofYear = classes.find((item) => (item?.academicYear as StoredRecord | null)?.id === year.id);
  if (ofYear) return ofYear;
  return classes.find((item) => String((item?.academicYear as StoredRecord | null)?.startDate ?? '9999') < year.startDate) ?? null;
};

/** The classroom journal of a class in a subject, where the 9th grade's exam mark is kept. */
export const examJournalOf = async (strapi: Core.Strapi, classId: number, subjectId: number): Promise<StoredRecord | null> =>
  (await strapi.db.query('api::journal.journal').findOne({
    where: { schoolClass: { id: classId }, subject: { id: subjectId }, kind: 'classroom' },
    select: ['id', 'documentId'],
  })) as StoredRecord | null;

/** Whether this ОГЭ/ГВЭ result is the 9th grade's exam mark the journal holds (mark kind `exam`, src/api/exam-result/journal-mark.ts). */
export const writesJournalExamMark = (kind: unknown, grade: unknown): boolean => (kind === 'oge' || kind === 'gve') && Number(grade) === 9;

/**
 * A result of the GIA (ОГЭ, ЕГЭ, ГВЭ) or of its admission exams (итоговое сочинение, собеседование)
 * as the protocol states it (seed 001 §2.2.4, R52, R54):
 * - the pupil, the kind, the date (not in the future) and, from the date, the academic year; the
 *   grade from the pupil's class of that year — ОГЭ and собеседование in the 9th, ЕГЭ and сочинение in
 *   the 11th, ГВЭ in either;
 * - the subject (required for the exams; for сочинение and собеседование Russian or none), the form
 *   allowed for the kind (ЕГЭ mathematics: base or profile);
 * - ОГЭ, ГВЭ, basic ЕГЭ mathematics: a mark 2–5; other ЕГЭ: a scaled score 0–100 and the minimum
 *   score (Russian 24 and profile mathematics 27 unless the protocol says otherwise); сочинение and
 *   собеседование: зачёт or незачёт; a primary score 0–100 for any; `passed` derived, never typed;
 * - ОГЭ, ЕГЭ, ГВЭ need admission (R54): a «зачёт» in the собеседование (9th grade) or сочинение (11th) dated before;
 * - one result per pupil × kind × subject × date;
 * - the acknowledgment: its date not before the exam nor in the future; `acknowledgedBy` the member of
 *   staff who records it (the REST caller), never typed over REST; a change of the result clears it.
 */
export const examResultRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  const today = todayInZone(getSchoolSettings(strapi).timeZone);
  const derived: Derived = {};

  const kindInput = draft.value('examKind');
  if (kindInput === null || kindInput === '') draft.fail('examKind', 'Укажите вид экзамена');
  if (!(EXAM_KINDS as readonly unknown[]).includes(kindInput)) {
    draft.fail('examKind', `Вид экзамена: ${EXAM_KINDS.map((kind) => `${kind} (${EXAM_KIND_LABELS[kind]})`).join(', ')}`);
  }
  const kind = kindInput as ExamKind;
  const student = await draft.require('student', 'Укажите обучающегося');

  const date = draft.localDate('date', 'дату экзамена');
  if (!date) draft.fail('date', 'Укажите дату экзамена');
  if (date > today) draft.fail('date', `Дата экзамена ${formatLocalDate(date)} ещё не наступила`);
  const year = (await strapi.db.query('api::academic-year.academic-year').findOne({
    where: { startDate: { $lte: date }, endDate: { $gte: date } },
    select: ['id', 'documentId', 'title', 'startDate'],
  })) as StoredRecord | null;
  if (!year) draft.fail('date', `Дата ${formatLocalDate(date)} не входит ни в один учебный год`);
  derived.academicYear = { id: year.id };
  if (draft.data.academicYear !== undefined && draft.data.academicYear !== null) {
    const given = await draft.related('academicYear');
    if (given && given.id !== year.id) draft.report('academicYear', `Дата экзамена относится к ${String(year.title)} учебному году`);
  }

  const schoolClass = await classOfPupil(strapi, student.id, { id: year.id, startDate: String(year.startDate) });
  const grade = schoolClass ? Number(schoolClass.grade) : null;
  const grades = EXAM_GRADES[kind];
  if (grade === null || !grades.includes(grade)) {
    draft.fail(
      'student',
      `${EXAM_KIND_LABELS[kind]} сдают в ${grades.join(' или ')} классе, а обучающийся в ${String(year.title)} учебном году ${grade === null ? 'не числится ни в одном классе' : `в ${grade} классе`}`,
    );
  }
  derived.grade = grade;

  const formInput = draft.value<string>('form');
  let form: ExamForm | null = null;
  if (formInput !== null && formInput !== '') {
    if (!(FORMS_OF_KIND[kind] as readonly string[]).includes(formInput)) {
      draft.report(
        'form',
        `Форма для вида «${EXAM_KIND_LABELS[kind]}»: ${FORMS_OF_KIND[kind].map((item) => `${item} (${EXAM_FORM_LABELS[item]})`).join(', ')}`,
      );
    } else form = formInput as ExamForm;
  }
  derived.form = form;

  const admission = (ADMISSION_KINDS as readonly string[]).includes(kind);
  const subject = await draft.optionalRelated('subject', 'Предмет задаётся его documentId или id');
  const subjectKind = giaSubjectOf(subject ? String(subject.name) : null);
  if (admission) {
    if (subject && subjectKind !== 'russian')
      draft.report('subject', `${EXAM_KIND_LABELS[kind]}: предмет — русский язык или не указывается`);
  } else if (!subject) draft.report('subject', 'Укажите предмет экзамена');
  if (kind === 'ege' && subjectKind === 'math' && !form)
    draft.report('form', 'ЕГЭ по математике: укажите уровень — base (базовый) или profile (профильный)');
  if (kind === 'ege' && subjectKind !== 'math' && (form === 'base' || form === 'profile')) {
    draft.report('form', 'Базовый и профильный уровень бывают только у ЕГЭ по математике');
  }

  const integerIn = (field: string, label: string, min: number, max: number): number | null => {
    const value = readNumber(draft.value(field));
    if (value === undefined) return null;
    if (Number.isNaN(value) || !Number.isInteger(value) || value < min || value > max) {
      draft.report(field, `${label} — целое число от ${min} до ${max}`);
      return null;
    }
    return value;
  };
  const present = (field: string) => readNumber(draft.value(field)) !== undefined;
  const primaryScore = integerIn('primaryScore', 'Первичный балл', 0, SCORE_MAX);
  derived.primaryScore = primaryScore;

  const marked = kind === 'oge' || kind === 'gve' || (kind === 'ege' && egeIsMarked(subjectKind, form));
  const scored = kind === 'ege' && !marked;
  let mark: number | null = null;
  if (marked) {
    mark = integerIn('mark', 'Отметка', 2, 5);
    if (mark === null && !present('mark')) draft.report('mark', `Укажите отметку (2–5) по протоколу ${EXAM_KIND_LABELS[kind]}`);
  } else if (present('mark'))
    draft.report('mark', `У результата вида «${EXAM_KIND_LABELS[kind]}»${scored ? ' (тестовый балл)' : ''} отметки нет`);
  derived.mark = mark;

  let scaledScore: number | null = null;
  let passingScore: number | null = null;
  if (scored) {
    scaledScore = integerIn('scaledScore', 'Тестовый балл', 0, SCORE_MAX);
    if (scaledScore === null && !present('scaledScore')) draft.report('scaledScore', 'Укажите тестовый (100-балльный) балл ЕГЭ');
    passingScore = present('passingScore')
      ? integerIn('passingScore', 'Минимальный балл', 0, SCORE_MAX)
      : defaultPassingScore(subjectKind, form);
    if (passingScore === null && !present('passingScore') && !(subjectKind === 'math' && !form)) {
      draft.report('passingScore', 'Укажите минимальный балл ЕГЭ по предмету (из протокола)');
    }
  } else {
    if (present('scaledScore')) draft.report('scaledScore', 'Тестовый балл бывает только у ЕГЭ (кроме базовой математики)');
    if (present('passingScore')) draft.report('passingScore', 'Минимальный балл бывает только у ЕГЭ (кроме базовой математики)');
  }
  derived.scaledScore = scaledScore;
  derived.passingScore = passingScore;

  const resultInput = draft.value<string>('result');
  let result: ExamOutcome | null = null;
  if (admission) {
    if (resultInput === null || resultInput === '') draft.report('result', 'Укажите результат: pass (зачёт) или fail (незачёт)');
    else if (!(EXAM_OUTCOMES as readonly string[]).includes(resultInput))
      draft.report('result', 'Результат: pass (зачёт) или fail (незачёт)');
    else result = resultInput as ExamOutcome;
  } else if (resultInput !== null && resultInput !== '') {
    draft.report('result', 'Зачёт или незачёт ставится только за итоговое сочинение (изложение) и итоговое собеседование');
  }
  derived.result = result;
  derived.passed = examPassed({ kind, form, subject: subjectKind, mark, scaledScore, passingScore, result }) ?? false;

  const protocolNumber = draft.text('protocolNumber');
  if (protocolNumber && protocolNumber.length > PROTOCOL_NUMBER_MAX) {
    draft.report('protocolNumber', `Номер протокола не длиннее ${PROTOCOL_NUMBER_MAX} символов`);
  }
  derived.protocolNumber = protocolNumber;
  const protocolDate = draft.localDate('protocolDate', 'дату протокола');
  if (protocolDate && protocolDate < date) draft.report('protocolDate', 'Протокол не может быть датирован раньше экзамена');
  if (protocolDate && protocolDate > today)
    draft.report('protocolDate', `Дата протокола ${formatLocalDate(protocolDate)} ещё не наступила`);

  draft.check();

  // R54: the exams of the GIA need admission by the сочинение (11th grade) or собеседование (9th grade).
  if (!admission && (grade === 9 || grade === 11)) {
    const admittedBy = admissionKindOf(grade);
    const admitted = await strapi.db.query(EXAM_RESULT).count({
      where: { student: { id: student.id }, examKind: admittedBy, passed: true, date: { $lte: date } },
    });
    if (admitted === 0) {
      draft.report(
        'student',
        `Обучающийся не допущен к ГИА: нет зачёта по ${grade === 9 ? 'итоговому собеседованию по русскому языку' : 'итоговому сочинению (изложению)'} до ${formatLocalDate(date)}`,
      );
    }
  }

  const duplicate = await strapi.db.query(EXAM_RESULT).count({
    where: {
      student: { id: student.id },
      examKind: kind,
      date,
      subject: subject ? { id: subject.id } : { id: { $null: true } },
      ...draft.notSelf(),
    },
  });
  if (duplicate > 0) {
    draft.report(
      'date',
      `Результат «${EXAM_KIND_LABELS[kind]}»${subject ? ` по предмету «${String(subject.name)}»` : ''} за ${formatLocalDate(date)} у обучающегося уже есть: исправьте его, а не добавляйте второй`,
    );
  }

  // The 9th grade's ОГЭ/ГВЭ mark is the journal's exam mark: the pupil's class journal of the subject must exist.
  if (subject && schoolClass && writesJournalExamMark(kind, grade) && !(await examJournalOf(strapi, schoolClass.id, subject.id))) {
    draft.report(
      'subject',
      `В ${String(schoolClass.name ?? `${grade} классе`)} нет журнала по предмету «${String(subject.name)}»: отметка ${EXAM_KIND_LABELS[kind]} записывается в него как экзаменационная`,
    );
  }

  // The acknowledgment under signature.
  const changed =
    !draft.isNew &&
    EXAM_CONTENT_FIELDS.some((field) => {
      if (!draft.writes(field)) return false;
      const stored = draft.existing?.[field];
      const now = field === 'student' || field === 'subject' ? null : (derived[field] ?? draft.value(field));
      if (field === 'student') return student.id !== (stored as StoredRecord | null)?.id;
      if (field === 'subject') return (subject?.id ?? null) !== ((stored as StoredRecord | null)?.id ?? null);
      return String(now ?? '') !== String(stored ?? '');
    });
  const acknowledgedOn = draft.localDate('acknowledgedOn', 'дату ознакомления');
  const action = acknowledgeStorage.getStore();
  const acknowledging =
    draft.writes('acknowledgedOn') && acknowledgedOn !== null && acknowledgedOn !== (draft.existing?.acknowledgedOn ?? null);
  if (acknowledgedOn !== null) {
    if (acknowledgedOn < date) draft.report('acknowledgedOn', 'Ознакомить с результатом можно не раньше дня экзамена');
    if (acknowledgedOn > today)
      draft.report('acknowledgedOn', `Дата ознакомления ${formatLocalDate(acknowledgedOn as LocalDate)} ещё не наступила`);
  }
  draft.check();
  if (changed && !acknowledging) {
    derived.acknowledgedOn = null;
    derived.acknowledgedBy = null;
  } else if (acknowledgedOn === null) {
    derived.acknowledgedOn = null;
    derived.acknowledgedBy = null;
  } else if (acknowledging) {
    derived.acknowledgedOn = acknowledgedOn;
    // Over REST the one who records it is the one who showed it; the admin panel and scripts may name the member of staff.
    const account = action?.accountId ? { id: action.accountId } : currentRestAccount(strapi);
    const named =
      account || currentRestAccount(strapi) || draft.data.acknowledgedBy === undefined ? null : await draft.related('acknowledgedBy');
    derived.acknowledgedBy = account ?? (named ? { id: named.id } : null);
  } else {
    // Neither changed nor newly acknowledged: who acknowledged stays as stored.
    delete draft.data.acknowledgedBy;
  }
  return derived;
};
