import type { LocalDate } from '../calendar';
import { EXTERNAL_KIND_LABELS, type ExternalKind } from '../records/external-assessment-rules';
import {
  PORTFOLIO_KIND_LABELS,
  PORTFOLIO_LEVEL_LABELS,
  PORTFOLIO_RESULT_LABELS,
  type PortfolioKind,
  type PortfolioLevel,
  type PortfolioResult,
} from '../records/portfolio-rules';
import { EXAM_KIND_LABELS, EXAM_OUTCOME_LABELS, type ExamKind, type ExamOutcome } from './gia';

/**
 * The long line of a pupil's results (R87), as pure shaping, no Strapi: the attestation marks of
 * every year (period marks of the intermediate attestation, annual, exam and final marks) per
 * subject, and the events beside them (approved portfolio entries, external assessments, GIA
 * results), each with its date and a Russian label, in date order.
 */

export const ATTESTATION_KINDS = ['periodic', 'annual', 'exam', 'final'] as const;
export type AttestationKind = (typeof ATTESTATION_KINDS)[number];

/** One attestation mark as read from the journals of any year. */
export interface AttestationMarkInput {
  subjectId: number;
  subject: string;
  subjectDocumentId: string;
  kind: AttestationKind;
  value: string;
  numericValue: number | null;
  date: LocalDate | null;
  yearTitle: string;
  /** The year's last day: the date of an annual mark stored without one. */
  yearEndDate: LocalDate;
  /** The study period of a period mark. */
  periodTitle: string | null;
  periodEndDate: LocalDate | null;
}

export interface AttestationPoint {
  date: LocalDate;
  kind: AttestationKind;
  label: string;
  year: string;
  value: string;
  mark: number | null;
}

export interface SubjectAttestation {
  subjectId: number;
  subject: string;
  subjectDocumentId: string;
  attestation: AttestationPoint[];
}

const ATTESTATION_KIND_LABELS: Record<Exclude<AttestationKind, 'periodic'>, string> = {
  annual: 'годовая отметка',
  exam: 'экзаменационная отметка',
  final: 'итоговая отметка',
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** «1 четверть 2025/2026», «Годовая отметка 2025/2026», «Экзаменационная отметка 2025/2026». */
export const attestationLabel = (mark: Pick<AttestationMarkInput, 'kind' | 'periodTitle' | 'yearTitle'>): string =>
  mark.kind === 'periodic'
    ? `${mark.periodTitle ?? 'Учебный период'} ${mark.yearTitle}`.trim()
    : `${capitalised(ATTESTATION_KIND_LABELS[mark.kind])} ${mark.yearTitle}`.trim();

const KIND_ORDER: Record<AttestationKind, number> = { periodic: 0, annual: 1, exam: 2, final: 3 };

/**
 * Attestation marks grouped by subject, each subject's marks in date order (on one day: period,
 * annual, exam, final). A mark without a date takes its period's or its year's last day.
 */
export const attestationBySubject = (marks: AttestationMarkInput[]): SubjectAttestation[] => {
  const subjects = new Map<number, SubjectAttestation>();
  const order = new Map<AttestationPoint, number>();
  for (const mark of marks) {
    const found = subjects.get(mark.subjectId) ?? {
      subjectId: mark.subjectId,
      subject: mark.subject,
      subjectDocumentId: mark.subjectDocumentId,
      attestation: [],
    };
    const point: AttestationPoint = {
      date: mark.date ?? (mark.kind === 'periodic' ? mark.periodEndDate : null) ?? mark.yearEndDate,
      kind: mark.kind,
      label: attestationLabel(mark),
      year: mark.yearTitle,
      value: mark.value,
      mark: mark.numericValue,
    };
    order.set(point, KIND_ORDER[mark.kind]);
    found.attestation.push(point);
    subjects.set(mark.subjectId, found);
  }
  for (const subject of subjects.values())
    subject.attestation.sort((a, b) => a.date.localeCompare(b.date) || (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return [...subjects.values()];
};

export interface PortfolioEventInput {
  date: LocalDate;
  title: string;
  kind: PortfolioKind;
  level: PortfolioLevel;
  result: PortfolioResult;
  place: number | null;
  subject: string | null;
}

export interface ExternalEventInput {
  date: LocalDate;
  kind: ExternalKind;
  title: string;
  subject: string | null;
  score: number | null;
  maxScore: number | null;
  mark: number | null;
  level: string | null;
}

export interface ExamEventInput {
  date: LocalDate | null;
  yearEndDate: LocalDate | null;
  examKind: ExamKind;
  subject: string | null;
  primaryScore: number | null;
  scaledScore: number | null;
  mark: number | null;
  result: ExamOutcome | null;
}

export type TrendEventType = 'portfolio' | 'external-assessment' | 'exam';

export interface TrendEvent {
  date: LocalDate;
  type: TrendEventType;
  /** What happened: «Олимпиада: …», «ВПР по предмету «Математика»: …», «ОГЭ по предмету «Математика»». */
  label: string;
  /** The outcome in words: «победитель, региональный уровень», «14 из 20 баллов, отметка 4», «отметка 5, 72 балла». */
  outcome: string;
  subject: string | null;
  /** The portfolio level (school … international) or the external assessment's level as given. */
  level: string | null;
  result: string | null;
  score: number | null;
  maxScore: number | null;
  mark: number | null;
  /** The place taken (portfolio). */
  place: number | null;
}

const TYPE_ORDER: Record<TrendEventType, number> = { exam: 0, 'external-assessment': 1, portfolio: 2 };

const bySubject = (subject: string | null) => (subject ? ` по предмету «${subject}»` : '');
const score = (value: number) => String(value).replace('.', ',');
/** 1 балл, 2 балла, 5 баллов, 11 баллов, 21 балл. */
export const pointsWord = (value: number): string => {
  if (!Number.isInteger(value)) return 'балла';
  const tens = value % 100;
  const units = value % 10;
  if (tens >= 11 && tens <= 14) return 'баллов';
  if (units === 1) return 'балл';
  if (units >= 2 && units <= 4) return 'балла';
  return 'баллов';
};

const portfolioEvent = (entry: PortfolioEventInput): TrendEvent => {
  const kind = PORTFOLIO_KIND_LABELS[entry.kind] ?? entry.kind;
  const level = PORTFOLIO_LEVEL_LABELS[entry.level] ?? entry.level;
  const result = PORTFOLIO_RESULT_LABELS[entry.result] ?? entry.result;
  return {
    date: entry.date,
    type: 'portfolio',
    label: `${capitalised(kind)}${bySubject(entry.subject)}: ${entry.title}`,
    outcome: [result, entry.place ? `${entry.place} место` : null, `${level} уровень`].filter(Boolean).join(', '),
    subject: entry.subject,
    level: entry.level,
    result: entry.result,
    score: null,
    maxScore: null,
    mark: null,
    place: entry.place,
  };
};

const externalEvent = (entry: ExternalEventInput): TrendEvent => {
  const parts: string[] = [];
  if (entry.score !== null)
    parts.push(
      entry.maxScore !== null
        ? `${score(entry.score)} из ${score(entry.maxScore)} ${pointsWord(entry.maxScore)}`
        : `${score(entry.score)} ${pointsWord(entry.score)}`,
    );
  if (entry.mark !== null) parts.push(`отметка ${entry.mark}`);
  if (entry.level) parts.push(`уровень: ${entry.level}`);
  return {
    date: entry.date,
    type: 'external-assessment',
    label: `${EXTERNAL_KIND_LABELS[entry.kind] ?? entry.kind}${bySubject(entry.subject)}: ${entry.title}`,
    outcome: parts.join(', ') || 'результат не внесён',
    subject: entry.subject,
    level: entry.level,
    result: null,
    score: entry.score,
    maxScore: entry.maxScore,
    mark: entry.mark,
    place: null,
  };
};

const examEvent = (entry: ExamEventInput): TrendEvent | null => {
  const date = entry.date ?? entry.yearEndDate;
  if (!date) return null;
  const parts: string[] = [];
  if (entry.mark !== null) parts.push(`отметка ${entry.mark}`);
  if (entry.scaledScore !== null) parts.push(`${entry.scaledScore} ${pointsWord(entry.scaledScore)}`);
  else if (entry.primaryScore !== null)
    parts.push(
      `${entry.primaryScore} ${pointsWord(entry.primaryScore) === 'балл' ? 'первичный' : 'первичных'} ${pointsWord(entry.primaryScore)}`,
    );
  if (entry.result) parts.push(EXAM_OUTCOME_LABELS[entry.result]);
  return {
    date,
    type: 'exam',
    label: `${EXAM_KIND_LABELS[entry.examKind] ?? entry.examKind}${bySubject(entry.subject)}`,
    outcome: parts.join(', ') || 'результат не внесён',
    subject: entry.subject,
    level: null,
    result: entry.result,
    score: entry.scaledScore ?? entry.primaryScore,
    maxScore: null,
    mark: entry.mark,
    place: null,
  };
};

/** The events of a pupil's line in date order (on one day: exams, external assessments, the portfolio; then by label). */
export const trendEvents = (input: {
  portfolio: PortfolioEventInput[];
  external: ExternalEventInput[];
  exams: ExamEventInput[];
}): TrendEvent[] =>
  [
    ...input.portfolio.map(portfolioEvent),
    ...input.external.map(externalEvent),
    ...input.exams.map(examEvent).filter((event): event is TrendEvent => event !== null),
  ].sort((a, b) => a.date.localeCompare(b.date) || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.label.localeCompare(b.label, 'ru'));
