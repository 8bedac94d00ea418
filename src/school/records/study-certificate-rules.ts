import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { currentActor } from '../../access/request-actor';
import { todayInZone, type LocalDate } from '../calendar';
import { getSchoolSettings } from '../settings';
import { relationId, type RecordDraft, type StoredRecord } from './draft';

type Derived = Record<string, unknown>;

export const STUDY_CERTIFICATE_ENTRY = 'api::study-certificate-entry.study-certificate-entry';

export const STUDY_CERTIFICATE_KINDS = ['original', 'annulment'] as const;
export type StudyCertificateKind = (typeof STUDY_CERTIFICATE_KINDS)[number];
export const STUDY_CERTIFICATE_KIND_LABELS: Record<StudyCertificateKind, string> = {
  original: 'справка об обучении',
  annulment: 'аннулирование',
};

/** Why a справка об обучении is issued instead of an аттестат (seed 000 §1.13, 273-ФЗ art. 60 part 12). */
export const STUDY_CERTIFICATE_REASONS = ['gia-failed', 'gia-not-taken', 'part-of-programme', 'expelled'] as const;
export type StudyCertificateReason = (typeof STUDY_CERTIFICATE_REASONS)[number];
export const STUDY_CERTIFICATE_REASON_LABELS: Record<StudyCertificateReason, string> = {
  'gia-failed': 'не прошёл(ла) государственную итоговую аттестацию или получил(а) на ней неудовлетворительные результаты',
  'gia-not-taken': 'не проходил(а) государственную итоговую аттестацию',
  'part-of-programme': 'освоил(а) часть образовательной программы',
  expelled: 'отчислен(а) из образовательной организации',
};
const GIA_REASONS = new Set<string>(['gia-failed', 'gia-not-taken']);

/** The fields the book computes; typed values are replaced by the rules and refused over REST. */
export const STUDY_CERTIFICATE_DERIVED = [
  'bookYear',
  'registrationNumber',
  'fullName',
  'birthDate',
  'periodFrom',
  'periodTo',
  'classes',
  'years',
  'registeredBy',
] as const;

/** One subject's mark of a year in the справка: the annual mark, or the last period's when the year ended without one. */
export interface StudyYearMark {
  subject: string;
  value: string;
  /** `annual`, or `period` when the pupil left before the annual mark (the period named). */
  source: 'annual' | 'period';
  period: string | null;
}

/** One school year the pupil studied: its classes and the subjects with their marks, from the journal. */
export interface StudyYear {
  academicYear: string;
  classes: string;
  grade: number | null;
  subjects: StudyYearMark[];
}

/** HTTP 403: an entry of the book is never edited or deleted. */
export class StudyCertificateLockedError extends errors.PolicyError {
  constructor(number: unknown, year: unknown) {
    super(
      `Запись № ${String(number ?? '')} (${String(year ?? '')}) книги регистрации справок об обучении внесена и не исправляется и не удаляется. Ошибку исправляют записью об аннулировании и новой справкой`,
      { code: 'STUDY_CERTIFICATE_ENTRY_LOCKED' },
    );
  }
}

/**
 * The years a pupil studied up to `until`, from their class enrolments, with each subject's annual
 * mark from the journals of that year — or, for a year left before the annual mark, the mark of the
 * last study period that has one. Never typed.
 */
export const studyYearsOf = async (
  strapi: Core.Strapi,
  studentId: number,
  until: LocalDate,
): Promise<{ years: StudyYear[]; periodFrom: LocalDate | null; periodTo: LocalDate | null; lastGrade: number | null }> => {
  const enrollments = (await strapi.db.query('api::enrollment.enrollment').findMany({
    where: { student: { id: studentId }, startDate: { $lte: until } },
    orderBy: [{ startDate: 'asc' }, { id: 'asc' }],
    populate: {
      schoolClass: { select: ['id', 'name', 'grade'], populate: { academicYear: { select: ['id', 'title', 'startDate'] } } },
    },
  })) as StoredRecord[];
  const byYear = new Map<number, { title: string; startDate: string; classes: string[]; grade: number | null }>();
  let periodFrom: LocalDate | null = null;
  let periodTo: LocalDate | null = null;
  let lastGrade: number | null = null;
  for (const enrollment of enrollments) {
    const schoolClass = enrollment.schoolClass as StoredRecord | null;
    const year = schoolClass?.academicYear as StoredRecord | null | undefined;
    if (!schoolClass || !year) continue;
    const start = String(enrollment.startDate);
    const end = enrollment.endDate ? String(enrollment.endDate) : until;
    if (periodFrom === null || start < periodFrom) periodFrom = start;
    const to = end > until ? until : end;
    if (periodTo === null || to > periodTo) periodTo = to;
    const grade = typeof schoolClass.grade === 'number' ? schoolClass.grade : null;
    lastGrade = grade ?? lastGrade;
    const entry = byYear.get(year.id) ?? { title: String(year.title), startDate: String(year.startDate), classes: [], grade };
    if (!entry.classes.includes(String(schoolClass.name))) entry.classes.push(String(schoolClass.name));
    entry.grade = grade ?? entry.grade;
    byYear.set(year.id, entry);
  }
  if (byYear.size === 0) return { years: [], periodFrom, periodTo, lastGrade };
  const marks = (await strapi.db.query('api::mark.mark').findMany({
    where: {
      student: { id: studentId },
      kind: { $in: ['annual', 'periodic'] },
      journal: { academicYear: { id: { $in: [...byYear.keys()] } } },
    },
    select: ['kind', 'value'],
    populate: {
      journal: {
        select: ['id'],
        populate: { subject: { select: ['documentId', 'name', 'sortOrder'] }, academicYear: { select: ['id'] } },
      },
      studyPeriod: { select: ['title', 'number', 'startDate'] },
    },
    orderBy: { id: 'asc' },
  })) as StoredRecord[];
  const years: StudyYear[] = [...byYear.entries()]
    .sort(([, a], [, b]) => a.startDate.localeCompare(b.startDate))
    .map(([yearId, year]) => {
      const bySubject = new Map<string, { name: string; sortOrder: number; annual: string | null; periods: StoredRecord[] }>();
      for (const mark of marks) {
        const journal = mark.journal as StoredRecord | null;
        const subject = journal?.subject as StoredRecord | null | undefined;
        if (!subject || relationId(journal?.academicYear) !== yearId) continue;
        const line = bySubject.get(subject.documentId) ?? {
          name: String(subject.name),
          sortOrder: Number(subject.sortOrder ?? 0),
          annual: null,
          periods: [],
        };
        if (mark.kind === 'annual') line.annual ??= String(mark.value);
        else if (mark.studyPeriod) line.periods.push(mark);
        bySubject.set(subject.documentId, line);
      }
      const subjects = [...bySubject.values()]
        .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'ru'))
        .map((line): StudyYearMark => {
          if (line.annual !== null) return { subject: line.name, value: line.annual, source: 'annual', period: null };
          const last = [...line.periods].sort((a, b) =>
            String((a.studyPeriod as StoredRecord).startDate).localeCompare(String((b.studyPeriod as StoredRecord).startDate)),
          )[line.periods.length - 1];
          return {
            subject: line.name,
            value: String(last.value),
            source: 'period',
            period: String((last.studyPeriod as StoredRecord).title),
          };
        });
      return { academicYear: year.title, classes: year.classes.join(', '), grade: year.grade, subjects };
    });
  return { years, periodFrom, periodTo, lastGrade };
};

/**
 * The book of study certificates (книга регистрации справок об обучении, seed 000 §1.13): an
 * append-only register. A справка об обучении is registered as it is issued, so an entry is never
 * updated or deleted (403). Derived, never typed (what is typed is replaced): the running number per
 * calendar year of issue, the pupil's name and birth date as of issue, the period of study and the
 * classes from the class enrolments, each year's subjects with their marks from the journal, who
 * registered it.
 * - original: a pupil who studied here, the reason (for the state final attestation: a pupil of the
 *   9th or 11th grade without a valid аттестат of that level), the date of issue and the receiver;
 * - annulment: names the справка it annuls and why; it carries that справка's pupil and marks.
 */
export const studyCertificateEntryRules = async (draft: RecordDraft): Promise<Derived> => {
  const { strapi } = draft;
  if (!draft.isNew) throw new StudyCertificateLockedError(draft.existing?.registrationNumber, draft.existing?.bookYear);
  const settings = getSchoolSettings(strapi);
  const today = todayInZone(settings.timeZone);
  const kind = (draft.value<string>('kind') ?? 'original') as StudyCertificateKind;
  if (!(STUDY_CERTIFICATE_KINDS as readonly string[]).includes(kind)) {
    draft.fail('kind', 'Вид записи: original (справка об обучении) или annulment (аннулирование)');
  }
  const issuedOn = kind === 'annulment' && !draft.value('issuedOn') ? today : draft.localDate('issuedOn', 'дату выдачи');
  if (!issuedOn) draft.fail('issuedOn', 'Укажите дату выдачи в формате ГГГГ-ММ-ДД');
  if (issuedOn > today) draft.report('issuedOn', 'Дата выдачи не может быть в будущем');
  const reasonNote = draft.text('reasonNote');
  const derived: Derived = { kind, issuedOn, bookYear: Number(issuedOn.slice(0, 4)), reasonNote };

  if (kind === 'annulment') {
    const original = await draft.require('original', 'Укажите справку, которая аннулируется', { student: { select: ['id'] } });
    if (original.kind !== 'original') draft.fail('original', 'Запись об аннулировании не может быть аннулирована');
    const annulled = (await strapi.db.query(STUDY_CERTIFICATE_ENTRY).findOne({
      where: { kind: 'annulment', original: { id: original.id } },
      select: ['registrationNumber', 'bookYear'],
    })) as StoredRecord | null;
    if (annulled) {
      draft.fail(
        'original',
        `Справка № ${String(original.registrationNumber)} (${String(original.bookYear)}) уже аннулирована записью № ${String(annulled.registrationNumber)} (${String(annulled.bookYear)})`,
      );
    }
    if (issuedOn < String(original.issuedOn)) draft.report('issuedOn', 'Дата аннулирования не может быть раньше даты выдачи справки');
    if (!reasonNote) draft.report('reasonNote', 'Укажите причину аннулирования (например, ошибка в отметке)');
    Object.assign(derived, {
      student: { id: relationId(original.student) },
      fullName: original.fullName,
      birthDate: original.birthDate,
      reason: original.reason,
      periodFrom: original.periodFrom,
      periodTo: original.periodTo,
      classes: original.classes,
      years: original.years,
      receivedBy: null,
    });
  } else {
    if (draft.data.original !== undefined && draft.data.original !== null && (await draft.related('original'))) {
      draft.report('original', 'Исходную запись указывают только для аннулирования');
    }
    const student = await draft.require('student', 'Укажите обучающегося');
    const reason = draft.value<string>('reason');
    if (!reason || !(STUDY_CERTIFICATE_REASONS as readonly string[]).includes(reason)) {
      draft.report(
        'reason',
        'Укажите основание: gia-failed (не прошёл ГИА), gia-not-taken (не проходил ГИА), part-of-programme (освоил часть программы), expelled (отчислен)',
      );
    }
    const receivedBy = draft.text('receivedBy');
    if (!receivedBy) draft.report('receivedBy', 'Укажите, кто получил справку (обучающийся, родитель или законный представитель)');
    const study = await studyYearsOf(strapi, student.id, issuedOn);
    if (study.years.length === 0) {
      draft.fail('student', 'Обучающийся не числился ни в одном классе школы до дня выдачи: справку об обучении не из чего составить');
    }
    if (reason && GIA_REASONS.has(reason)) {
      const level = study.lastGrade === 9 ? 'basic-general' : study.lastGrade === 11 ? 'secondary-general' : null;
      if (!level) {
        draft.report('reason', 'Государственную итоговую аттестацию проходят в 9 и 11 классах: выберите другое основание');
      } else {
        const certificates = (await strapi.db.query('api::certificate-entry.certificate-entry').findMany({
          where: { student: { id: student.id }, level, kind: { $in: ['original', 'duplicate'] } },
          select: ['id', 'registrationNumber', 'bookYear'],
        })) as StoredRecord[];
        for (const certificate of certificates) {
          const annulled = await strapi.db
            .query('api::certificate-entry.certificate-entry')
            .count({ where: { kind: 'annulment', original: { id: certificate.id } } });
          if (annulled === 0) {
            draft.report(
              'reason',
              `Обучающемуся выдан аттестат (запись № ${String(certificate.registrationNumber)} (${String(certificate.bookYear)}) книги аттестатов): ГИА пройдена`,
            );
            break;
          }
        }
      }
    }
    Object.assign(derived, {
      student: { id: student.id },
      fullName: student.fullName,
      birthDate: student.birthDate ?? null,
      reason,
      periodFrom: study.periodFrom,
      periodTo: study.periodTo,
      classes: study.years.map((year) => year.classes).join(', '),
      years: study.years,
      receivedBy,
      original: null,
    });
  }
  draft.check();

  const last = (await strapi.db.query(STUDY_CERTIFICATE_ENTRY).findOne({
    where: { bookYear: derived.bookYear },
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

/** A registered справка is never deleted. */
export const assertStudyCertificateDeletable = (stored: StoredRecord): never => {
  throw new StudyCertificateLockedError(stored.registrationNumber, stored.bookYear);
};
