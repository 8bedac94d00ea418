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
  /** False where the period runs from the day itself (backups, notebooks of one school year). */
  fromNextJanuary?: boolean;
  actionAtExpiry: 'destroy-by-act' | 'hand-over' | 'expert-review';
  expertReviewRequired?: boolean;
  legalBasis: string;
  /** The list of files (номенклатура дел, R62): case index, carrier and where the case is kept. */
  caseIndex?: string;
  carrier?: Carrier;
  storagePlace?: string;
  nomenclatureNote?: string;
}

export type Carrier = 'paper' | 'electronic' | 'both';

/** Where the school keeps what is on paper (seed 002 §3.3.4, 003 §4.8); the school edits them. */
export const STORAGE_PLACES = {
  safe: 'Сейф учебной части',
  office: 'Учебная часть',
  reception: 'Приёмная руководителя',
  teacherRoom: 'Кабинет учителя-предметника',
  classroom: 'Классный кабинет',
  server: 'Сервер школы (две копии)',
} as const;

/** Seed 004 §3.3 names no period: the defaults below say so in their legal basis. */
const DISTANCE_LEARNING_BASIS =
  'Положение, п. 2.1, 3.3 (004): педагогические работники хранят результаты образовательного процесса и внутренний документооборот ' +
  '«в соответствии с требованиями законодательства»; срок в Положении не назван. Срок по умолчанию — 1 год после окончания учебного года, ' +
  'по аналогии с тетрадями контрольных работ и данными мониторингов (003, п. 4.8); школа устанавливает свой срок номенклатурой дел (003, п. 6.2)';

export const DEFAULT_RETENTION_RULES: DefaultRetentionRule[] = [
  {
    recordType: 'personal-file',
    caseIndex: '02-01',
    carrier: 'paper',
    storagePlace: STORAGE_PLACES.reception,
    title: 'Личное дело обучающегося',
    periodKind: 'fixed',
    periodYears: 3,
    countsFrom: 'pupil-leaves',
    actionAtExpiry: 'destroy-by-act',
    legalBasis: 'Положение об индивидуальном учёте, п. 2.2.3: в течение всего периода обучения и 3 года после окончания обучения',
  },
  {
    recordType: 'exam-protocol',
    caseIndex: '02-07',
    carrier: 'paper',
    storagePlace: STORAGE_PLACES.safe,
    title: 'Протоколы результатов ГИА',
    periodKind: 'fixed',
    periodYears: 1,
    countsFrom: 'exam-date',
    // «хранятся … 1 год»: from the exam itself, not from the next 1 January (which would keep them some 18 months).
    fromNextJanuary: false,
    actionAtExpiry: 'destroy-by-act',
    legalBasis: 'Положение об индивидуальном учёте, п. 2.2.4: протоколы ГИА хранятся в школе 1 год',
  },
  // R54: the admission to the GIA (003 §4.3.1): the 11th grade's essays and both admission protocols.
  {
    recordType: 'final-essay',
    caseIndex: '02-15',
    carrier: 'paper',
    storagePlace: STORAGE_PLACES.safe,
    title: 'Итоговые сочинения (изложения) выпускников 11 классов',
    periodKind: 'fixed',
    periodYears: 1,
    countsFrom: 'exam-date',
    fromNextJanuary: false,
    actionAtExpiry: 'destroy-by-act',
    nomenclatureNote: 'Срок по умолчанию; школа устанавливает свой номенклатурой дел',
    legalBasis:
      'Положение, п. 4.3.1 (003): итоговые сочинения (изложения) выпускников 11 классов — обязательный бумажный носитель; ' +
      'срок хранения определяется номенклатурой дел (п. 6.2, 003). По умолчанию — 1 год с даты написания, как протоколы ГИА (п. 2.2.4, 001)',
  },
  {
    recordType: 'gia-admission-protocol',
    caseIndex: '02-16',
    carrier: 'paper',
    storagePlace: STORAGE_PLACES.safe,
    title: 'Протоколы итогового сочинения (11 кл.) и итогового собеседования по русскому языку (9 кл.) — допуск к ГИА',
    periodKind: 'fixed',
    periodYears: 1,
    countsFrom: 'exam-date',
    fromNextJanuary: false,
    actionAtExpiry: 'destroy-by-act',
    nomenclatureNote: 'Срок по умолчанию; школа устанавливает свой номенклатурой дел',
    legalBasis:
      'Положение, п. 4.3.1 (003): протоколы результатов сочинения (допуск к ЕГЭ) и устного собеседования (допуск к ОГЭ) — обязательный ' +
      'бумажный носитель; срок хранения определяется номенклатурой дел (п. 6.2, 003). По умолчанию — 1 год с даты проведения, как протоколы ГИА (п. 2.2.4, 001)',
  },
  {
    recordType: 'certificate-book',
    caseIndex: '02-02',
    carrier: 'paper',
    storagePlace: STORAGE_PLACES.safe,
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
    caseIndex: '02-06',
    carrier: 'both',
    storagePlace: STORAGE_PLACES.office,
    title: 'Сводные ведомости успеваемости',
    periodKind: 'fixed',
    periodYears: 25,
    countsFrom: 'end-of-school-year',
    actionAtExpiry: 'destroy-by-act',
    legalBasis: 'Положение, п. 3.1.9 (002), п. 3.11 (004): 25 лет, затем уничтожение по акту',
  },
  {
    recordType: 'journal-export',
    caseIndex: '03-01',
    carrier: 'electronic',
    storagePlace: STORAGE_PLACES.server,
    title: 'Электронный журнал в виде файлов электронных таблиц на двух носителях',
    periodKind: 'fixed',
    periodYears: 5,
    countsFrom: 'end-of-school-year',
    actionAtExpiry: 'destroy-by-act',
    legalBasis: 'Положение, п. 3.1.9 (002): на двух электронных носителях в течение 5 лет',
  },
  {
    recordType: 'paper-journal',
    caseIndex: '02-05',
    carrier: 'paper',
    storagePlace: STORAGE_PLACES.office,
    title: 'Классные журналы на бумажном носителе',
    periodKind: 'fixed',
    periodYears: 5,
    countsFrom: 'end-of-school-year',
    actionAtExpiry: 'destroy-by-act',
    legalBasis: 'Положение, п. 3.11 (004): 5 лет после окончания учебного года',
  },
  {
    recordType: 'stored-basic-certificate',
    caseIndex: '02-08',
    carrier: 'paper',
    storagePlace: STORAGE_PLACES.safe,
    title: 'Аттестаты об основном общем образовании, принятые на хранение',
    periodKind: 'while-studying',
    countsFrom: 'pupil-leaves',
    actionAtExpiry: 'hand-over',
    legalBasis: 'Положение, п. 3.4.3–3.4.4 (002): хранятся в сейфе весь период обучения, выдаются сразу после приказа об отчислении',
  },
  {
    recordType: 'portfolio',
    caseIndex: '02-14',
    carrier: 'paper',
    storagePlace: STORAGE_PLACES.classroom,
    title: 'Портфолио обучающегося',
    periodKind: 'while-studying',
    countsFrom: 'pupil-leaves',
    actionAtExpiry: 'hand-over',
    legalBasis: 'Положение, п. 3.5.4–3.5.5 (002): хранится весь период обучения, при переводе выдаётся родителям под роспись',
  },
  {
    recordType: 'diary',
    title: 'Личные дневники обучающихся',
    periodKind: 'not-archived',
    countsFrom: 'end-of-school-year',
    actionAtExpiry: 'hand-over',
    carrier: 'paper',
    legalBasis: 'Положение, п. 2.2.2, 2.4 (001): в архиве не хранятся',
  },
  {
    recordType: 'messages',
    caseIndex: '03-02',
    carrier: 'electronic',
    storagePlace: STORAGE_PLACES.server,
    title: 'Переписка учителей с обучающимися и родителями (сообщения и объявления)',
    periodKind: 'fixed',
    periodYears: 5,
    countsFrom: 'end-of-school-year',
    actionAtExpiry: 'destroy-by-act',
    legalBasis: 'Положение, п. 3.1.9 (002), по аналогии с электронным журналом: 5 лет после окончания учебного года',
  },
  // R66: what is not archived, and what covers one school year only (001 §2.2.1, §2.4; 003 §4.8).
  {
    recordType: 'work-notebook',
    title: 'Рабочие тетради обучающихся',
    periodKind: 'not-archived',
    countsFrom: 'end-of-school-year',
    actionAtExpiry: 'hand-over',
    carrier: 'paper',
    legalBasis:
      'Положение, п. 2.4 (001): тетради обучающихся не подлежат обязательному хранению; в архиве не хранятся, остаются у обучающихся',
  },
  {
    recordType: 'test-notebook',
    title: 'Тетради для контрольных, практических и лабораторных работ',
    periodKind: 'fixed',
    periodYears: 1,
    countsFrom: 'record-created',
    fromNextJanuary: false,
    actionAtExpiry: 'hand-over',
    caseIndex: '02-09',
    carrier: 'paper',
    storagePlace: STORAGE_PLACES.teacherRoom,
    nomenclatureNote: 'Обязательному хранению не подлежат; по окончании учебного года выдаются обучающимся',
    legalBasis:
      'Положение, п. 4.8 (003): тетради контрольных работ рассчитаны на один учебный год и хранятся в кабинетах педагогов-предметников; ' +
      'п. 2.2.1, 2.4 (001): не подлежат обязательному хранению',
  },
  {
    recordType: 'monitoring-data',
    title: 'Материалы мониторингов и диагностик',
    periodKind: 'fixed',
    periodYears: 1,
    countsFrom: 'record-created',
    fromNextJanuary: false,
    actionAtExpiry: 'destroy-by-act',
    caseIndex: '02-10',
    carrier: 'both',
    storagePlace: STORAGE_PLACES.teacherRoom,
    legalBasis: 'Положение, п. 4.8 (003): данные мониторингов рассчитаны на один учебный год и хранятся в кабинетах педагогов-предметников',
  },
  // R67: distance learning (seed 004 §2.1, §3.3): the period is a default the school edits.
  {
    recordType: 'distance-lesson-plan',
    title: 'Конспекты (технологические карты) уроков при дистанционном обучении',
    periodKind: 'fixed',
    periodYears: 1,
    countsFrom: 'end-of-school-year',
    actionAtExpiry: 'destroy-by-act',
    caseIndex: '02-11',
    carrier: 'electronic',
    storagePlace: STORAGE_PLACES.server,
    nomenclatureNote: 'Срок по умолчанию, установите срок школы',
    legalBasis: DISTANCE_LEARNING_BASIS,
  },
  {
    recordType: 'distance-daily-report',
    title: 'Ежедневные отчёты учителей о проведённых дистанционных занятиях (с аудио- и видеофайлами)',
    periodKind: 'fixed',
    periodYears: 1,
    countsFrom: 'end-of-school-year',
    actionAtExpiry: 'destroy-by-act',
    caseIndex: '02-12',
    carrier: 'electronic',
    storagePlace: STORAGE_PLACES.server,
    nomenclatureNote: 'Срок по умолчанию, установите срок школы',
    legalBasis: DISTANCE_LEARNING_BASIS,
  },
  {
    recordType: 'distance-pupil-work',
    title: 'Работы обучающихся при дистанционном обучении, включая аудио- и видеозаписи устных ответов',
    periodKind: 'fixed',
    periodYears: 1,
    countsFrom: 'end-of-school-year',
    actionAtExpiry: 'destroy-by-act',
    caseIndex: '02-13',
    carrier: 'electronic',
    storagePlace: STORAGE_PLACES.server,
    nomenclatureNote: 'Срок по умолчанию, установите срок школы',
    legalBasis: DISTANCE_LEARNING_BASIS + '; 004, п. 1.6: аудио- и видеозаписи устных ответов — носители индивидуального учёта',
  },
  // R83: results on external e-learning platforms, an optional carrier of individual results (000 §3, 001 §2.2.1, 004 §1.6).
  {
    recordType: 'platform-result',
    title: 'Результаты обучающихся на электронных образовательных ресурсах (платформах) с подтверждающими файлами',
    periodKind: 'fixed',
    periodYears: 1,
    countsFrom: 'end-of-school-year',
    actionAtExpiry: 'destroy-by-act',
    caseIndex: '02-17',
    carrier: 'electronic',
    storagePlace: STORAGE_PLACES.server,
    nomenclatureNote: 'Срок по умолчанию, установите срок школы',
    legalBasis:
      'Положение, п. 3 (000): результаты выполнения заданий, контрольных работ и тестов на электронных образовательных ресурсах ' +
      '(платформах) — необязательный носитель результатов; п. 2.2.1, 2.4 (001): такие работы не подлежат обязательному хранению. ' +
      'Срок в Положении не назван; по умолчанию — 1 год после окончания учебного года, как тетради контрольных работ (003, п. 4.8)',
  },
  // Books of strict accountability (seed 002 §3.3.4: kept in a designated safe).
  {
    recordType: 'study-certificate-book',
    title: 'Книга регистрации выданных справок об обучении',
    periodKind: 'fixed',
    periodYears: 50,
    countsFrom: 'book-closed',
    actionAtExpiry: 'expert-review',
    expertReviewRequired: true,
    caseIndex: '02-03',
    carrier: 'paper',
    storagePlace: STORAGE_PLACES.safe,
    legalBasis:
      'Положение, п. 3.3.4 (002): книги регистрации хранятся в сейфе как документы строгой отчётности. Срок в Положениях не назван; ' +
      'по умолчанию — как у книги выдачи аттестатов (50 лет, 001, п. 2.2.5), с экспертизой ценности — срок настраивается школой',
  },
  {
    recordType: 'medals-book',
    title: 'Книга учёта выдачи медалей «За особые успехи в учении»',
    periodKind: 'fixed',
    periodYears: 50,
    countsFrom: 'book-closed',
    actionAtExpiry: 'expert-review',
    expertReviewRequired: true,
    caseIndex: '02-04',
    carrier: 'paper',
    storagePlace: STORAGE_PLACES.safe,
    legalBasis:
      'Положение, п. 3.3.4 (002): книги регистрации хранятся в сейфе как документы строгой отчётности. Срок в Положениях не назван; ' +
      'по умолчанию — как у книги выдачи аттестатов (50 лет, 001, п. 2.2.5), с экспертизой ценности — срок настраивается школой',
  },
  // The archive's own records.
  {
    recordType: 'audit-trail',
    title: 'Журнал изменений записей (журнал аудита)',
    periodKind: 'fixed',
    periodYears: 5,
    countsFrom: 'record-created',
    fromNextJanuary: true,
    actionAtExpiry: 'expert-review',
    expertReviewRequired: true,
    caseIndex: '03-03',
    carrier: 'electronic',
    storagePlace: STORAGE_PLACES.server,
    legalBasis:
      'Положение, п. 3.11 (004): контроль целостности и достоверности учётных данных на протяжении всего срока хранения. Срок в Положениях не назван; ' +
      'по умолчанию — как у электронного журнала, изменения которого он подтверждает (5 лет, 002, п. 3.1.9) — срок настраивается школой',
  },
  {
    recordType: 'backup',
    title: 'Резервные копии базы данных и загруженных файлов',
    periodKind: 'fixed',
    periodYears: 1,
    countsFrom: 'record-created',
    fromNextJanuary: false,
    actionAtExpiry: 'destroy-by-act',
    caseIndex: '03-04',
    carrier: 'electronic',
    storagePlace: STORAGE_PLACES.server,
    legalBasis:
      'Положение, п. 3.1.8 (002), п. 3.12.2 (004): ежедневное резервное копирование для восстановления данных после сбоя. ' +
      'Плановые копии хранятся по правилу ротации (7 ежедневных, 4 еженедельных, 12 ежемесячных), ручные — 1 год, затем уничтожаются по акту',
  },
  {
    recordType: 'destruction-act',
    title: 'Акты о выделении к уничтожению документов, не подлежащих хранению',
    periodKind: 'permanent',
    countsFrom: 'record-created',
    actionAtExpiry: 'expert-review',
    caseIndex: '03-05',
    carrier: 'both',
    storagePlace: STORAGE_PLACES.office,
    legalBasis: 'Положение, п. 3.1.9 (002): уничтожение только по акту; акт подтверждает законность уничтожения и хранится постоянно',
  },
  {
    recordType: 'inventory-check-act',
    title: 'Акты проверки наличия и состояния документов',
    periodKind: 'permanent',
    countsFrom: 'record-created',
    actionAtExpiry: 'expert-review',
    caseIndex: '03-06',
    carrier: 'both',
    storagePlace: STORAGE_PLACES.office,
    legalBasis:
      'Положение, п. 3.11 (004): контроль целостности и достоверности архивных данных на бумаге на протяжении всего срока хранения; акты проверок хранятся постоянно',
  },
];
