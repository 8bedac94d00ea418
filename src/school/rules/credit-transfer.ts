/**
 * Зачёт результатов (seed 003 §5.4 and §1.1): a result obtained outside the school's lessons is
 * credited as the pupil's annual mark in one of the school's journals, by the director's order.
 *
 * - `other-organisation`: a subject, course, module, practice or additional programme completed in
 *   another organisation, proved by its document (R75);
 * - `gifted-resource`: an achievement of a gifted pupil listed in the state information resource on
 *   outstanding pupils (ГИР), credited in intermediate or final attestation only in subjects the
 *   pupil does not take at the state exam (R76).
 */
import { formatLocalDate, type LocalDate } from '../calendar';
import { EXEMPT, NOT_ASSESSED, NOT_PASSED } from './mark-values';

export const CREDIT_BASES = ['other-organisation', 'gifted-resource'] as const;
export type CreditBasis = (typeof CREDIT_BASES)[number];

export const CREDIT_PROGRAMME_KINDS = ['subject', 'course', 'module', 'practice', 'additional-programme'] as const;
export type CreditProgrammeKind = (typeof CREDIT_PROGRAMME_KINDS)[number];

/** Genitive, as the note says it: «по результатам освоения <учебного курса> …». */
export const CREDIT_PROGRAMME_KIND_LABELS: Record<CreditProgrammeKind, string> = {
  subject: 'учебного предмета',
  course: 'учебного курса',
  module: 'модуля',
  practice: 'практики',
  'additional-programme': 'дополнительной образовательной программы',
};

export const CREDIT_DECISIONS = ['pending', 'credited', 'refused'] as const;
export type CreditDecision = (typeof CREDIT_DECISIONS)[number];

/** Grades whose annual marks become the final marks of a certificate, next to the state exam (ГИА). */
export const GIA_GRADES: readonly number[] = [9, 11];

/** Russian and mathematics (with its algebra and geometry) are taken at the state exam by every graduate. */
export const isMandatoryGiaSubject = (subjectName: string): boolean =>
  /^(русский язык|математика|алгебра|геометрия)(\s|$|\.|,|\()/i.test(subjectName.trim().toLowerCase());

/**
 * Why a gifted pupil's achievement may not be credited in this subject, or null when it may: in the
 * graduating grades (9 and 11) only subjects not taken at the state exam — never Russian or
 * mathematics, nor a subject the pupil has an exam mark in that year.
 */
export const giftedCreditRefusal = (input: { grade: number; subjectName: string; takenAtExam: boolean }): string | null => {
  if (!GIA_GRADES.includes(input.grade)) return null;
  if (isMandatoryGiaSubject(input.subjectName)) {
    return `«${input.subjectName}» сдаётся на государственной итоговой аттестации всеми выпускниками ${input.grade} класса: достижения из ГИР в нём не засчитываются`;
  }
  if (input.takenAtExam) {
    return `Обучающийся сдаёт «${input.subjectName}» на ГИА (в журнале есть экзаменационная отметка): достижения из ГИР засчитываются только по предметам, не выносимым на ГИА`;
  }
  return null;
};

/** A credited result counts as a pass: never a failing mark, «н/а» or «осв». */
export const creditableValues = (allowed: readonly string[]): string[] =>
  allowed.filter((value) => !['1', '2', NOT_PASSED, NOT_ASSESSED, EXEMPT].includes(value));

export interface CreditNoteInput {
  basis: CreditBasis;
  programmeKind: CreditProgrammeKind | null;
  programmeTitle: string | null;
  organisation: string | null;
  achievement: string | null;
  giftedResourceNumber: string | null;
  documentTitle: string | null;
  documentNumber: string | null;
  documentDate: LocalDate | null;
  orderNumber: string;
  orderDate: LocalDate;
}

/**
 * What the annual mark says of where it comes from, in the journal, the diary and the personal file:
 * «Зачтено по результатам освоения учебного курса «…» в «…» (свидетельство № 12 от 20.05.2026); приказ № 45 от 25.05.2026».
 */
export const creditNote = (input: CreditNoteInput): string => {
  const order = `приказ № ${input.orderNumber} от ${formatLocalDate(input.orderDate)}`;
  if (input.basis === 'gifted-resource') {
    const record = input.giftedResourceNumber ? ` (запись ГИР № ${input.giftedResourceNumber})` : '';
    return `Зачтено по результатам индивидуальных достижений: ${input.achievement ?? ''}${record}; ${order}`;
  }
  const kind = input.programmeKind ? CREDIT_PROGRAMME_KIND_LABELS[input.programmeKind] : 'программы';
  const document = [
    input.documentTitle ?? 'документ',
    input.documentNumber ? `№ ${input.documentNumber}` : null,
    input.documentDate ? `от ${formatLocalDate(input.documentDate)}` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return `Зачтено по результатам освоения ${kind} «${input.programmeTitle ?? ''}» в ${input.organisation ?? ''} (${document}); ${order}`;
};
