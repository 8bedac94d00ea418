import type { PeriodKind } from './retention';

/**
 * The periods stated by the school's regulations (shared/seeds, domain.md §3). Seeded once; the
 * school edits them afterwards, so these are defaults, not the truth.
 */
export interface DefaultRetentionRule {
  recordType: string;
  title: string;
  periodKind: PeriodKind;
  periodYears?: number;
  countsFrom: 'end-of-school-year' | 'pupil-leaves' | 'book-closed' | 'exam-date' | 'record-created';
  actionAtExpiry: 'destroy-by-act' | 'hand-over' | 'expert-review';
  expertReviewRequired?: boolean;
  legalBasis: string;
}

export const DEFAULT_RETENTION_RULES: DefaultRetentionRule[] = [
  {
    recordType: 'personal-file',
    title: 'Личное дело обучающегося',
    periodKind: 'fixed',
    periodYears: 3,
    countsFrom: 'pupil-leaves',
    actionAtExpiry: 'destroy-by-act',
    legalBasis: 'Положение об индивидуальном учёте, п. 2.2.3: в течение всего периода обучения и 3 года после окончания обучения',
  },
  {
    recordType: 'exam-protocol',
    title: 'Протоколы результатов ГИА',
    periodKind: 'fixed',
    periodYears: 1,
    countsFrom: 'exam-date',
    actionAtExpiry: 'destroy-by-act',
    legalBasis: 'Положение об индивидуальном учёте, п. 2.2.4: протоколы ГИА хранятся в школе 1 год',
  },
  {
    recordType: 'certificate-book',
    title: 'Книга регистрации выданных документов об образовании',
    periodKind: 'fixed',
    periodYears: 50,
    countsFrom: 'book-closed',
    actionAtExpiry: 'expert-review',
    expertReviewRequired: true,
    legalBasis:
      'Положение об индивидуальном учёте, п. 2.2.5: 50 лет. Федеральные перечни типовых документов называют 75 лет или постоянное хранение — срок настраивается школой',
  },
  {
    recordType: 'summary-sheet',
    title: 'Сводные ведомости успеваемости',
    periodKind: 'fixed',
    periodYears: 25,
    countsFrom: 'end-of-school-year',
    actionAtExpiry: 'destroy-by-act',
    legalBasis: 'Положение, п. 3.1.9 (002), п. 3.11 (004): 25 лет, затем уничтожение по акту',
  },
  {
    recordType: 'journal-export',
    title: 'Электронный журнал в виде файлов электронных таблиц на двух носителях',
    periodKind: 'fixed',
    periodYears: 5,
    countsFrom: 'end-of-school-year',
    actionAtExpiry: 'destroy-by-act',
    legalBasis: 'Положение, п. 3.1.9 (002): на двух электронных носителях в течение 5 лет',
  },
  {
    recordType: 'paper-journal',
    title: 'Классные журналы на бумажном носителе',
    periodKind: 'fixed',
    periodYears: 5,
    countsFrom: 'end-of-school-year',
    actionAtExpiry: 'destroy-by-act',
    legalBasis: 'Положение, п. 3.11 (004): 5 лет после окончания учебного года',
  },
  {
    recordType: 'stored-basic-certificate',
    title: 'Аттестаты об основном общем образовании, принятые на хранение',
    periodKind: 'while-studying',
    countsFrom: 'pupil-leaves',
    actionAtExpiry: 'hand-over',
    legalBasis: 'Положение, п. 3.4.3–3.4.4 (002): хранятся в сейфе весь период обучения, выдаются сразу после приказа об отчислении',
  },
  {
    recordType: 'portfolio',
    title: 'Портфолио обучающегося',
    periodKind: 'while-studying',
    countsFrom: 'pupil-leaves',
    actionAtExpiry: 'hand-over',
    legalBasis: 'Положение, п. 3.5.4–3.5.5 (002): хранится весь период обучения, при переводе выдаётся родителям под роспись',
  },
  {
    recordType: 'diary',
    title: 'Дневники, рабочие тетради',
    periodKind: 'not-archived',
    countsFrom: 'end-of-school-year',
    actionAtExpiry: 'hand-over',
    legalBasis: 'Положение, п. 2.2.2, 2.4 (001): в архиве не хранятся',
  },
  {
    recordType: 'messages',
    title: 'Переписка учителей с обучающимися и родителями (сообщения и объявления)',
    periodKind: 'fixed',
    periodYears: 5,
    countsFrom: 'end-of-school-year',
    actionAtExpiry: 'destroy-by-act',
    legalBasis: 'Положение, п. 3.1.9 (002), по аналогии с электронным журналом: 5 лет после окончания учебного года',
  },
];
