import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentActor } from '../../access/request-actor';
import { formatLocalDate, parseLocalDate, todayInZone } from '../calendar';
import {
  awardOf,
  basicFinalMark,
  CERTIFICATE_LEVELS,
  LEVEL_GRADE,
  secondaryFinalMark,
  type CertificateLevel,
  type CertificateSubject,
  type FinalMark,
  type FinalMarkRounding,
} from '../rules/final-marks';
import { giaOutcome, giaSubjectOf, type ExamKind, type FinalGrade, type GiaResult } from '../rules/gia';
import { getSchoolSettings } from '../settings';
import { blankForIssue } from './certificate-blank-rules';
import { relationId, type RecordDraft, type StoredRecord } from './draft';

type Derived = Record<string, unknown>;

export const CERTIFICATE_ENTRY = 'api::certificate-entry.certificate-entry';

export const CERTIFICATE_KINDS = ['original', 'duplicate', 'annulment'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];
export const CERTIFICATE_KIND_LABELS: Record<CertificateKind, string> = {
  original: 'аттестат',
  duplicate: 'дубликат',
  annulment: 'аннулирование',
};
export const DUPLICATE_REASONS = ['loss', 'damage', 'error', 'name-change', 'other'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];
export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  loss: 'утрата',
  damage: 'порча',
  error: 'ошибка при заполнении',
  'name-change': 'смена фамилии (имени, отчества)',
  other: 'иная причина',
};

/** HTTP 403: a registered entry of the book is never edited or deleted. */
export class CertificateEntryLockedError extends errors.PolicyError {
  constructor(number: unknown) {
    super(
      `Запись № ${String(number ?? '')} книги регистрации аттестатов внесена и не исправляется и не удаляется. Ошибку исправляют записью об аннулировании и новой записью, утрату — выдачей дубликата`,
      { code: 'CERTIFICATE_ENTRY_LOCKED' },
    );
  }
}

interface MarkRow {
  kind: string;
  value: string;
  subject: { documentId: string; name: string; sortOrder: number };
  yearStart: string;
  grade: number | null;
  period: number | null;
}

/**
 * The final marks of a pupil for a level, computed from the journals' stored marks (never typed):
 * 11th grade from the period and annual marks of the years of grades 10 and 11; 9th grade from the
 * annual marks of grades 5–9 (per subject the last year it was studied) and the 9th grade's exam marks.
 */
export const computeCertificateMarks = async (
  strapi: Core.Strapi,
  studentId: number,
  level: CertificateLevel,
  rounding: FinalMarkRounding,
): Promise<{ subjects: CertificateSubject[]; problems: string[]; classOfIssue: StoredRecord | null }> => {
  const finalGrade = LEVEL_GRADE[level];
  const firstGrade = level === 'secondary-general' ? 10 : 5;
  const enrollments = (await strapi.db.query('api::enrollment.enrollment').findMany({
    where: { student: { id: studentId } },
    orderBy: { startDate: 'asc' },
    populate: { schoolClass: { select: ['id', 'name', 'grade'], populate: { academicYear: { select: ['id', 'startDate', 'title'] } } } },
  })) as StoredRecord[];
  const gradeOfYear = new Map<number, number>();
  let classOfIssue: StoredRecord | null = null;
  for (const enrollment of enrollments) {
    const schoolClass = enrollment.schoolClass as StoredRecord | null;
    const year = schoolClass?.academicYear as StoredRecord | null | undefined;
    if (!schoolClass || !year) continue;
    const grade = Number(schoolClass.grade);
    if (grade >= firstGrade && grade <= finalGrade) gradeOfYear.set(year.id, grade);
    if (grade === finalGrade) classOfIssue = schoolClass;
  }
  if (!classOfIssue) return { subjects: [], problems: [`обучающийся не числился в ${finalGrade} классе`], classOfIssue };
  const rows = (
    (await strapi.db.query('api::mark.mark').findMany({
      where: {
        student: { id: studentId },
        kind: { $in: ['periodic', 'annual', 'exam'] },
        journal: { academicYear: { id: { $in: [...gradeOfYear.keys()] } } },
      },
      populate: {
        journal: {
          select: ['id'],
          populate: { subject: { select: ['documentId', 'name', 'sortOrder'] }, academicYear: { select: ['id', 'startDate'] } },
        },
        studyPeriod: { select: ['number', 'startDate'] },
      },
    })) as StoredRecord[]
  ).flatMap((mark): MarkRow[] => {
    const journal = mark.journal as StoredRecord | null;
    const subject = journal?.subject as StoredRecord | null | undefined;
    const year = journal?.academicYear as StoredRecord | null | undefined;
    if (!subject || !year) return [];
    return [
      {
        kind: String(mark.kind),
        value: String(mark.value),
        subject: { documentId: subject.documentId, name: String(subject.name), sortOrder: Number(subject.sortOrder ?? 0) },
        yearStart: String(year.startDate),
        grade: gradeOfYear.get(year.id) ?? null,
        period: mark.studyPeriod ? Number((mark.studyPeriod as StoredRecord).number) : null,
      },
    ];
  });
  const bySubject = new Map<string, MarkRow[]>();
  for (const row of rows) bySubject.set(row.subject.documentId, [...(bySubject.get(row.subject.documentId) ?? []), row]);
  const order = (a: MarkRow, b: MarkRow) => a.yearStart.localeCompare(b.yearStart) || (a.period ?? 0) - (b.period ?? 0);
  const subjects: Array<CertificateSubject & { sortOrder: number; result: FinalMark }> = [];
  for (const marks of bySubject.values()) {
    const { subject } = marks[0];
    marks.sort(order);
    let result: FinalMark;
    let exam = false;
    if (level === 'secondary-general') {
      const annual = marks.filter((mark) => mark.kind === 'annual').map((mark) => mark.value);
      // A subject of grade 10 only (finished earlier) still counts; one studied only before grade 10 is not here.
      result = secondaryFinalMark(
        { periods: marks.filter((mark) => mark.kind === 'periodic').map((mark) => mark.value), annual },
        rounding,
      );
    } else {
      const annual = marks.filter((mark) => mark.kind === 'annual');
      const examMark = marks.find((mark) => mark.kind === 'exam' && mark.grade === finalGrade) ?? null;
      exam = examMark !== null;
      if (annual.length === 0 && !examMark) continue;
      result = basicFinalMark({ annual: annual.length ? annual[annual.length - 1].value : null, exam: examMark?.value ?? null }, rounding);
    }
    if (result.value === null && result.from.length === 0) continue;
    subjects.push({
      subject: subject.name,
      subjectDocumentId: subject.documentId,
      value: result.value ?? '',
      mean: result.mean,
      from: result.from,
      exam,
      sortOrder: subject.sortOrder,
      result,
    });
  }
  subjects.sort((a, b) => a.sortOrder - b.sortOrder || a.subject.localeCompare(b.subject, 'ru'));
  const problems = subjects.flatMap(({ result, subject }) =>
    result.problem ? [result.problem.replace('по предмету', `по предмету «${subject}»`)] : [],
  );
  if (subjects.length === 0) problems.push(`в журналах нет годовых отметок обучающегося за ${firstGrade}–${finalGrade} классы`);
  return {
    subjects: subjects.map(({ subject, subjectDocumentId, value, mean, from, exam }) => ({
      subject,
      subjectDocumentId,
      value,
      mean,
      from,
      exam,
    })),
    problems,
    classOfIssue,
  };
};

/** A pupil's GIA results (exam results, src/api/exam-result) as the GIA rules weigh them. */
export const giaResultsOf = async (strapi: Core.Strapi, studentId: number): Promise<GiaResult[]> =>
  (
    (await strapi.db.query('api::exam-result.exam-result').findMany({
      where: { student: { id: studentId } },
      select: ['examKind', 'passed'],
      populate: { subject: { select: ['documentId', 'name'] } },
    })) as StoredRecord[]
  ).map((row) => {
    const subject = row.subject as StoredRecord | null;
    return {
      kind: row.examKind as ExamKind,
      subject: giaSubjectOf(subject ? String(subject.name) : null),
      subjectKey: subject?.documentId ?? null,
      passed: row.passed === true,
    };
  });

/**
 * The certificate registration book (книга регистрации выданных аттестатов, order № 546 of
 * 05.10.2020; domain.md §6): an append-only register per level. Every entry is issued as it is
 * registered, so nothing is ever updated or deleted (403). Derived, never typed (what is typed is
 * replaced): the running number per level and calendar year of issue, the pupil's name and birth date
 * as of issue, the final marks computed from the journal, distinction and medal, who registered it.
 * - original: the pupil's final marks must all be passes; one valid original per pupil and level;
 * - duplicate: names an original (or an earlier duplicate) of the same level that is not annulled and
 *   a reason; a new blank and a new number; the marks are the original's (recomputed for an error);
 * - annulment: names the entry it annuls and why; it carries that entry's pupil, blank and marks.
 */
export const certificateEntryRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  if (!draft.isNew) throw new CertificateEntryLockedError(draft.existing?.registrationNumber);
  const settings = getSchoolSettings(strapi);
  const kind = (draft.value<string>('kind') ?? 'original') as CertificateKind;
  if (!(CERTIFICATE_KINDS as readonly string[]).includes(kind)) {
    draft.fail('kind', 'Вид записи: original (аттестат), duplicate (дубликат) или annulment (аннулирование)');
  }
  const levelInput = draft.value<string>('level');
  if (levelInput !== null && !(CERTIFICATE_LEVELS as readonly string[]).includes(levelInput)) {
    draft.fail('level', 'Уровень: basic-general (основное общее, 9 класс) или secondary-general (среднее общее, 11 класс)');
  }

  const originalRef = kind === 'original' ? null : await draft.related('original', { student: { select: ['id'] } });
  if (kind !== 'original' && !originalRef) draft.fail('original', 'Укажите запись книги, к которой относится дубликат или аннулирование');
  if (kind === 'original' && draft.data.original !== undefined && draft.data.original !== null && (await draft.related('original'))) {
    draft.report('original', 'Исходную запись указывают только для дубликата или аннулирования');
  }
  const level = (originalRef ? String(originalRef.level) : levelInput) as CertificateLevel | null;
  if (!level) draft.fail('level', 'Укажите уровень: basic-general (9 класс) или secondary-general (11 класс)');
  if (originalRef && levelInput && levelInput !== originalRef.level) draft.report('level', 'Уровень записи — уровень исходной записи');

  const issuedOn = parseLocalDate(draft.value('issuedOn') ?? (kind === 'annulment' ? todayInZone(settings.timeZone) : null));
  if (!issuedOn) draft.fail('issuedOn', 'Укажите дату выдачи в формате ГГГГ-ММ-ДД');
  if (issuedOn > todayInZone(settings.timeZone)) draft.report('issuedOn', 'Дата выдачи не может быть в будущем');

  const derived: Derived = { kind, level, issuedOn, bookYear: Number(issuedOn.slice(0, 4)) };
  for (const field of ['receivedBy', 'proxyData', 'postData', 'blankNumber', 'orderNumber', 'reasonNote'] as const) {
    derived[field] = draft.text(field);
  }

  if (originalRef) {
    if (originalRef.kind === 'annulment') draft.fail('original', 'Запись об аннулировании не может быть исходной записью');
    const annulled = (await strapi.db.query(CERTIFICATE_ENTRY).findOne({
      where: { kind: 'annulment', original: { id: originalRef.id } },
      select: ['registrationNumber', 'bookYear'],
    })) as StoredRecord | null;
    if (annulled) {
      draft.fail(
        'original',
        `Запись № ${String(originalRef.registrationNumber)} (${String(originalRef.bookYear)}) аннулирована записью № ${String(annulled.registrationNumber)} (${String(annulled.bookYear)})`,
      );
    }
    if (issuedOn < String(originalRef.issuedOn)) draft.report('issuedOn', 'Дата не может быть раньше даты исходной записи');
  }

  let student: StoredRecord;
  if (kind === 'annulment') {
    const original = originalRef as StoredRecord;
    if (!derived.reasonNote) draft.report('reasonNote', 'Укажите причину аннулирования (например, ошибка в отметке по предмету)');
    student = (await strapi.db.query('api::student.student').findOne({ where: { id: relationId(original.student) } })) as StoredRecord;
    Object.assign(derived, {
      student: { id: student.id },
      fullName: original.fullName,
      birthDate: original.birthDate,
      blankNumber: original.blankNumber,
      marks: original.marks,
      withDistinction: original.withDistinction,
      medal: original.medal,
      awardRule: original.awardRule,
      reason: null,
    });
  } else {
    student = await draft.require('student', 'Укажите обучающегося');
    if (originalRef && relationId(originalRef.student) !== student.id) draft.fail('student', 'Дубликат выдаётся тому же обучающемуся');
    if (!derived.blankNumber) draft.report('blankNumber', 'Укажите серию и номер бланка');
    else {
      const taken = await strapi.db
        .query(CERTIFICATE_ENTRY)
        .count({ where: { blankNumber: derived.blankNumber, kind: { $in: ['original', 'duplicate'] } } });
      if (taken > 0) draft.report('blankNumber', `Бланк ${String(derived.blankNumber)} уже записан в книгу`);
      else if (level) {
        // R43: a school that keeps the register of blanks issues only a blank it holds in the safe.
        const { blank, problem } = await blankForIssue(strapi, level, String(derived.blankNumber));
        if (problem) draft.report('blankNumber', problem);
        else if (blank) derived.blankNumber = blank.blankNumber;
      }
    }
    if (!derived.orderNumber) draft.report('orderNumber', 'Укажите номер приказа о выдаче');
    const orderDate = parseLocalDate(draft.value('orderDate'));
    if (!orderDate) draft.report('orderDate', 'Укажите дату приказа о выдаче (ГГГГ-ММ-ДД)');
    else if (orderDate > issuedOn)
      draft.report('orderDate', `Приказ о выдаче датируется не позже дня выдачи (${formatLocalDate(issuedOn)})`);
    derived.orderDate = orderDate;
    if (!derived.receivedBy && !derived.proxyData && !derived.postData) {
      draft.report('receivedBy', 'Укажите, кто получил аттестат, или данные доверенности, или данные заказного почтового отправления');
    }
    let reason: string | null = null;
    if (kind === 'duplicate') {
      reason = draft.value<string>('reason');
      if (!reason || !(DUPLICATE_REASONS as readonly string[]).includes(reason)) {
        draft.report(
          'reason',
          'Причина выдачи дубликата: loss (утрата), damage (порча), error (ошибка), name-change (смена фамилии), other (иная)',
        );
      } else if (reason === 'other' && !derived.reasonNote) draft.report('reasonNote', 'Опишите причину выдачи дубликата');
    } else {
      const valid = (await strapi.db.query(CERTIFICATE_ENTRY).findMany({
        where: { student: { id: student.id }, level, kind: 'original' },
        select: ['id', 'registrationNumber', 'bookYear'],
      })) as StoredRecord[];
      for (const entry of valid) {
        const annulled = await strapi.db.query(CERTIFICATE_ENTRY).count({ where: { kind: 'annulment', original: { id: entry.id } } });
        if (annulled === 0) {
          draft.fail(
            'student',
            `Аттестат уже выдан: запись № ${String(entry.registrationNumber)} (${String(entry.bookYear)}). Выдайте дубликат или аннулируйте запись`,
          );
        }
      }
    }
    derived.reason = reason;
    derived.student = { id: student.id };
    derived.fullName = student.fullName;
    derived.birthDate = student.birthDate ?? null;
    if (kind === 'duplicate' && reason !== 'error') {
      const original = originalRef as StoredRecord;
      Object.assign(derived, {
        marks: original.marks,
        withDistinction: original.withDistinction,
        medal: original.medal,
        awardRule: original.awardRule,
      });
    } else {
      const computed = await computeCertificateMarks(strapi, student.id, level, settings.finalMarkRounding);
      if (computed.problems.length > 0) {
        draft.fail('student', `Аттестат не выдаётся: ${computed.problems.join('; ')}`);
      }
      if (kind === 'original') {
        // R39: the final marks go into the аттестат only when the pupil passed the GIA.
        const gia = giaOutcome(LEVEL_GRADE[level] as FinalGrade, await giaResultsOf(strapi, student.id));
        if (!gia.passed) draft.fail('student', `Аттестат не выдаётся: ГИА не пройдена — ${gia.missing.join('; ')}`);
      }
      const award = awardOf(level, computed.subjects);
      Object.assign(derived, {
        marks: computed.subjects,
        withDistinction: award.withDistinction,
        medal: award.medal,
        awardRule: award.rule,
      });
    }
  }
  // An annulment may name the order it rests on.
  if (kind === 'annulment') derived.orderDate = parseLocalDate(draft.value('orderDate'));
  draft.check();

  const last = (await strapi.db.query(CERTIFICATE_ENTRY).findOne({
    where: { level, bookYear: derived.bookYear },
    orderBy: { registrationNumber: 'desc' },
    select: ['registrationNumber'],
  })) as StoredRecord | null;
  const actor = currentActor(strapi);
  return {
    ...derived,
    registrationNumber: Number(last?.registrationNumber ?? 0) + 1,
    issuedBy: draft.text('issuedBy') ?? (actor.name || null),
    registeredBy: actor.kind === 'user' && actor.id !== null ? { id: actor.id } : null,
  };
};

/** A registered entry is never deleted. */
export const assertCertificateEntryDeletable = (stored: StoredRecord): never => {
  throw new CertificateEntryLockedError(stored.registrationNumber);
};
