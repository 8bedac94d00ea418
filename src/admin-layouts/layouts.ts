/**
 * How the content manager shows each of our record types: Russian field labels, list columns,
 * default sort, the field that names a record in relation pickers (`mainField`) and the edit form
 * grouped into rows. Data only; `apply-layouts.ts` writes it into the content manager's
 * configuration at bootstrap. `tests/unit/admin-layout-labels.test.ts` checks that every attribute
 * of every schema under `src/api` has a label here, so a new field cannot be forgotten.
 *
 * Bump `ADMIN_LAYOUTS_VERSION` whenever this file changes: installs whose configuration is still
 * ours (or Strapi's generated default) then get the new version at the next start.
 */

export const ADMIN_LAYOUTS_VERSION = 34;

/** Widths on the content manager's 12-column grid. */
export type FieldSize = 4 | 6 | 8 | 12;

export interface TypeLayout {
  /** Russian label of every attribute of the schema. */
  labels: Record<string, string>;
  /** The field that names a record (list links, relation pickers of other types). */
  mainField: string;
  /** Columns of the list view, in order. */
  list: string[];
  defaultSort: { field: string; order: 'ASC' | 'DESC' };
  /** Rows of the edit view: [field, width]; visible fields left out are appended at the end. */
  edit: Array<Array<[string, FieldSize]>>;
  pageSize?: number;
}

/** Labels of the attributes Strapi adds to every type. */
export const SYSTEM_LABELS: Record<string, string> = {
  id: 'ID',
  createdAt: 'Создано',
  updatedAt: 'Изменено',
  publishedAt: 'Опубликовано',
  createdBy: 'Кем создано',
  updatedBy: 'Кем изменено',
  locale: 'Язык',
  localizations: 'Переводы',
};

/** Main fields of relation targets that have no layout here (neither ours nor in PLUGIN_LAYOUTS). */
export const FOREIGN_MAIN_FIELDS: Record<string, string> = {
  'plugin::upload.file': 'name',
  'admin::user': 'firstname',
  'plugin::records-archive.paper-carrier': 'title',
};

const WORK_TYPE = 'Вид работы';

export const ADMIN_LAYOUTS: Record<string, TypeLayout> = {
  'api::academic-year.academic-year': {
    labels: {
      title: 'Учебный год',
      startDate: 'Дата начала',
      endDate: 'Дата окончания',
      state: 'Состояние',
      studyPeriods: 'Учебные периоды',
      schoolClasses: 'Классы',
    },
    mainField: 'title',
    list: ['title', 'startDate', 'endDate', 'state'],
    defaultSort: { field: 'startDate', order: 'DESC' },
    edit: [
      [
        ['title', 4],
        ['startDate', 4],
        ['endDate', 4],
      ],
      [['state', 6]],
      [
        ['studyPeriods', 6],
        ['schoolClasses', 6],
      ],
    ],
  },

  'api::study-period.study-period': {
    labels: {
      title: 'Название',
      academicYear: 'Учебный год',
      scheme: 'Система периодов',
      number: 'Номер периода',
      startDate: 'Дата начала',
      endDate: 'Дата окончания',
      state: 'Состояние',
      closedAt: 'Закрыт',
    },
    mainField: 'title',
    list: ['title', 'academicYear', 'scheme', 'startDate', 'endDate', 'state'],
    defaultSort: { field: 'startDate', order: 'ASC' },
    edit: [
      [
        ['academicYear', 6],
        ['scheme', 6],
      ],
      [
        ['number', 4],
        ['startDate', 4],
        ['endDate', 4],
      ],
      [
        ['title', 6],
        ['state', 6],
      ],
      [['closedAt', 6]],
    ],
  },

  'api::subject.subject': {
    labels: {
      name: 'Название',
      shortName: 'Краткое название',
      scale: 'Шкала отметок',
      sortOrder: 'Порядок в списке',
    },
    mainField: 'name',
    list: ['name', 'shortName', 'scale', 'sortOrder'],
    defaultSort: { field: 'sortOrder', order: 'ASC' },
    edit: [
      [
        ['name', 6],
        ['shortName', 6],
      ],
      [
        ['scale', 6],
        ['sortOrder', 4],
      ],
    ],
  },

  'api::school-class.school-class': {
    labels: {
      name: 'Класс',
      grade: 'Параллель',
      letter: 'Литера',
      profile: 'Профиль',
      academicYear: 'Учебный год',
      classTeacher: 'Классный руководитель',
      enrollments: 'Зачисления',
      journals: 'Журналы',
    },
    mainField: 'name',
    list: ['name', 'academicYear', 'classTeacher', 'profile'],
    defaultSort: { field: 'grade', order: 'ASC' },
    edit: [
      [
        ['grade', 4],
        ['letter', 4],
        ['name', 4],
      ],
      [
        ['academicYear', 6],
        ['profile', 6],
      ],
      [['classTeacher', 6]],
      [
        ['enrollments', 6],
        ['journals', 6],
      ],
    ],
    pageSize: 50,
  },

  'api::student.student': {
    labels: {
      fullName: 'ФИО',
      lastName: 'Фамилия',
      firstName: 'Имя',
      patronymic: 'Отчество',
      birthDate: 'Дата рождения',
      gender: 'Пол',
      enrollments: 'Зачисления в классы',
      guardians: 'Родители (законные представители)',
      user: 'Учётная запись дневника',
    },
    mainField: 'fullName',
    list: ['fullName', 'birthDate', 'gender'],
    defaultSort: { field: 'fullName', order: 'ASC' },
    edit: [
      [
        ['lastName', 4],
        ['firstName', 4],
        ['patronymic', 4],
      ],
      [
        ['birthDate', 4],
        ['gender', 4],
        ['fullName', 4],
      ],
      [
        ['enrollments', 6],
        ['guardians', 6],
      ],
      [['user', 6]],
    ],
    pageSize: 50,
  },

  'api::enrollment.enrollment': {
    labels: {
      student: 'Обучающийся',
      schoolClass: 'Класс',
      startDate: 'Дата зачисления',
      endDate: 'Дата выбытия',
      admissionOrder: 'Приказ о зачислении',
      transferOrder: 'Приказ о переводе',
      leavingOrder: 'Приказ о выбытии',
      leavingReason: 'Причина выбытия',
    },
    mainField: 'startDate',
    list: ['student', 'schoolClass', 'startDate', 'endDate', 'leavingReason'],
    defaultSort: { field: 'startDate', order: 'DESC' },
    edit: [
      [
        ['student', 6],
        ['schoolClass', 6],
      ],
      [
        ['startDate', 4],
        ['endDate', 4],
      ],
      [
        ['admissionOrder', 4],
        ['transferOrder', 4],
        ['leavingOrder', 4],
      ],
      [['leavingReason', 6]],
    ],
  },

  'api::guardian.guardian': {
    labels: {
      fullName: 'ФИО',
      lastName: 'Фамилия',
      firstName: 'Имя',
      patronymic: 'Отчество',
      kinship: 'Кем приходится',
      phone: 'Телефон',
      email: 'Электронная почта',
      children: 'Дети',
      user: 'Учётная запись дневника',
      marksDigest: 'Ежедневная сводка новых отметок на e-mail',
    },
    mainField: 'fullName',
    list: ['fullName', 'kinship', 'phone', 'email'],
    defaultSort: { field: 'fullName', order: 'ASC' },
    edit: [
      [
        ['lastName', 4],
        ['firstName', 4],
        ['patronymic', 4],
      ],
      [
        ['kinship', 6],
        ['fullName', 6],
      ],
      [
        ['phone', 4],
        ['email', 4],
        ['marksDigest', 4],
      ],
      [
        ['children', 6],
        ['user', 6],
      ],
    ],
    pageSize: 50,
  },

  'api::journal.journal': {
    labels: {
      title: 'Журнал',
      kind: 'Вид журнала',
      schoolClass: 'Класс',
      subject: 'Предмет',
      academicYear: 'Учебный год',
      subgroup: 'Подгруппа',
      studyLevel: 'Уровень изучения (basic — базовый, advanced — углублённый)',
      teachers: 'Учителя',
      pupils: 'Обучающиеся (для индивидуальных и групповых журналов)',
      lessons: 'Уроки',
    },
    mainField: 'title',
    list: ['title', 'kind', 'schoolClass', 'subject', 'academicYear'],
    defaultSort: { field: 'title', order: 'ASC' },
    edit: [
      [
        ['academicYear', 6],
        ['kind', 6],
      ],
      [
        ['schoolClass', 6],
        ['subject', 6],
      ],
      [
        ['subgroup', 6],
        ['studyLevel', 6],
      ],
      [['title', 12]],
      [
        ['teachers', 6],
        ['pupils', 6],
      ],
      [['lessons', 6]],
    ],
    pageSize: 50,
  },

  'api::lesson.lesson': {
    labels: {
      journal: 'Журнал',
      date: 'Дата',
      number: 'Номер урока',
      studyPeriod: 'Учебный период',
      topic: 'Тема урока',
      homework: 'Домашнее задание',
      workType: WORK_TYPE,
      weight: 'Вес отметок за урок',
      assessmentSpec: 'Спецификация контрольной работы (КИМ, критерии оценивания)',
      plannedSuccessRate: 'Планируемая успеваемость, %',
      plannedQualityRate: 'Планируемое качество, %',
      plannedResults: 'Планируемые результаты (что проверяет работа по программе)',
      maxPoints: 'Максимальный балл работы',
      basicFromPoints: 'Базовый уровень — от (баллов)',
      advancedFromPoints: 'Повышенный уровень — от (баллов)',
      assessmentMaterial: 'КИМ из банка (если баллы и пороги не указаны — берутся из КИМ)',
      materials: 'Материалы',
    },
    mainField: 'date',
    list: ['date', 'number', 'journal', 'topic'],
    defaultSort: { field: 'date', order: 'DESC' },
    edit: [
      [['journal', 6]],
      [
        ['date', 4],
        ['number', 4],
      ],
      [['topic', 12]],
      [['homework', 12]],
      [
        ['workType', 6],
        ['weight', 4],
      ],
      [['assessmentSpec', 12]],
      [
        ['plannedSuccessRate', 4],
        ['plannedQualityRate', 4],
      ],
      [['plannedResults', 12]],
      [['assessmentMaterial', 6]],
      [
        ['maxPoints', 4],
        ['basicFromPoints', 4],
        ['advancedFromPoints', 4],
      ],
      [
        ['studyPeriod', 6],
        ['materials', 6],
      ],
    ],
    pageSize: 50,
  },

  'api::mark.mark': {
    labels: {
      student: 'Обучающийся',
      journal: 'Журнал',
      lesson: 'Урок',
      studyPeriod: 'Учебный период',
      kind: 'Вид отметки',
      value: 'Отметка',
      points: 'Баллы за контрольную работу',
      numericValue: 'Балл',
      weight: 'Вес',
      workType: WORK_TYPE,
      date: 'Дата',
      comment: 'Комментарий',
      setBy: 'Кто выставил',
      setAt: 'Когда выставлена',
    },
    mainField: 'value',
    list: ['student', 'value', 'kind', 'date', 'journal'],
    defaultSort: { field: 'date', order: 'DESC' },
    edit: [
      [
        ['journal', 6],
        ['student', 6],
      ],
      [
        ['kind', 6],
        ['lesson', 6],
      ],
      [['studyPeriod', 6]],
      [
        ['value', 4],
        ['weight', 4],
        ['numericValue', 4],
      ],
      [
        ['workType', 6],
        ['date', 4],
      ],
      [['points', 4]],
      [['comment', 12]],
      [
        ['setBy', 6],
        ['setAt', 6],
      ],
    ],
    pageSize: 50,
  },

  'api::attendance.attendance': {
    labels: {
      student: 'Обучающийся',
      lesson: 'Урок',
      journal: 'Журнал',
      kind: 'Отметка о посещаемости',
      minutesLate: 'Опоздание, минут',
      date: 'Дата',
      comment: 'Комментарий',
      setBy: 'Кто отметил',
      setAt: 'Когда отмечено',
    },
    mainField: 'date',
    list: ['student', 'kind', 'date', 'journal', 'minutesLate'],
    defaultSort: { field: 'date', order: 'DESC' },
    edit: [
      [
        ['lesson', 6],
        ['student', 6],
      ],
      [
        ['kind', 6],
        ['minutesLate', 4],
      ],
      [
        ['journal', 6],
        ['date', 4],
      ],
      [['comment', 12]],
      [
        ['setBy', 6],
        ['setAt', 6],
      ],
    ],
    pageSize: 50,
  },

  'api::journal-remark.journal-remark': {
    labels: {
      journal: 'Журнал',
      inspectedOn: 'Дата проверки',
      findings: 'Результаты проверки',
      remarks: 'Замечания',
      inspector: 'Проверяющий',
      state: 'Состояние',
      fixBy: 'Устранить до',
      acknowledgedAt: 'Учитель ознакомлен',
      acknowledgedBy: 'Кто ознакомлен',
      fixedAt: 'Устранено',
    },
    mainField: 'inspectedOn',
    list: ['journal', 'inspectedOn', 'state', 'fixBy'],
    defaultSort: { field: 'inspectedOn', order: 'DESC' },
    edit: [
      [
        ['journal', 6],
        ['inspectedOn', 4],
      ],
      [['findings', 12]],
      [['remarks', 12]],
      [
        ['inspector', 6],
        ['fixBy', 4],
      ],
      [
        ['state', 6],
        ['fixedAt', 6],
      ],
      [
        ['acknowledgedBy', 6],
        ['acknowledgedAt', 6],
      ],
    ],
  },

  'api::regulation.regulation': {
    labels: {
      title: 'Название',
      body: 'Текст',
      editionNumber: 'Номер редакции',
      state: 'Состояние',
      pedagogicalCouncilProtocol: 'Протокол педагогического совета',
      parentsCouncilProtocol: 'Протокол совета родителей',
      pupilsCouncilProtocol: 'Протокол совета обучающихся',
      directorOrderNumber: 'Номер приказа директора',
      directorOrderDate: 'Дата приказа директора',
      effectiveDate: 'Вступает в силу',
      supersededAt: 'Утратила силу',
      supersededBy: 'Заменена редакцией',
    },
    mainField: 'title',
    list: ['editionNumber', 'title', 'state', 'effectiveDate'],
    defaultSort: { field: 'editionNumber', order: 'DESC' },
    edit: [
      [['title', 12]],
      [
        ['editionNumber', 4],
        ['state', 6],
      ],
      [
        ['pedagogicalCouncilProtocol', 4],
        ['parentsCouncilProtocol', 4],
        ['pupilsCouncilProtocol', 4],
      ],
      [
        ['directorOrderNumber', 4],
        ['directorOrderDate', 4],
        ['effectiveDate', 4],
      ],
      [['body', 12]],
      [
        ['supersededAt', 6],
        ['supersededBy', 6],
      ],
    ],
  },

  'api::audit-entry.audit-entry': {
    labels: {
      sequence: 'Номер записи',
      occurredAt: 'Когда',
      action: 'Действие',
      recordType: 'Тип записи',
      recordDocumentId: 'Идентификатор записи',
      recordId: 'Номер записи в базе',
      actorKind: 'Кто: вид',
      actorId: 'Кто: номер',
      actorName: 'Кто',
      origin: 'Откуда',
      procedure: 'Процедура',
      reason: 'Основание',
      before: 'Было',
      after: 'Стало',
      previousHash: 'Хеш предыдущей записи',
      hash: 'Хеш записи',
    },
    mainField: 'recordType',
    list: ['sequence', 'occurredAt', 'action', 'recordType', 'actorName', 'origin'],
    defaultSort: { field: 'sequence', order: 'DESC' },
    edit: [
      [
        ['sequence', 4],
        ['occurredAt', 6],
      ],
      [
        ['action', 6],
        ['origin', 6],
      ],
      [
        ['recordType', 6],
        ['recordDocumentId', 6],
      ],
      [['recordId', 4]],
      [
        ['actorKind', 6],
        ['actorName', 6],
      ],
      [['actorId', 4]],
      [
        ['procedure', 6],
        ['reason', 6],
      ],
      [['before', 12]],
      [['after', 12]],
      [
        ['previousHash', 6],
        ['hash', 6],
      ],
    ],
    pageSize: 50,
  },

  'api::diary-confirmation.diary-confirmation': {
    labels: {
      student: 'Обучающийся',
      guardian: 'Родитель (законный представитель)',
      weekStart: 'Неделя (понедельник)',
      confirmedAt: 'Когда подтверждено',
    },
    mainField: 'weekStart',
    list: ['student', 'guardian', 'weekStart', 'confirmedAt'],
    defaultSort: { field: 'weekStart', order: 'DESC' },
    edit: [
      [
        ['student', 6],
        ['guardian', 6],
      ],
      [
        ['weekStart', 4],
        ['confirmedAt', 6],
      ],
    ],
  },

  'api::diary-entry.diary-entry': {
    labels: {
      student: 'Обучающийся',
      journal: 'Журнал (предмет)',
      kind: 'Вид записи',
      text: 'Текст',
      date: 'Дата',
      author: 'Автор',
    },
    mainField: 'date',
    list: ['date', 'student', 'kind', 'journal', 'author'],
    defaultSort: { field: 'date', order: 'DESC' },
    edit: [
      [
        ['student', 6],
        ['journal', 6],
      ],
      [
        ['kind', 6],
        ['date', 4],
      ],
      [['text', 12]],
      [['author', 6]],
    ],
  },
  'api::message-thread.message-thread': {
    labels: {
      kind: 'Вид переписки',
      subject: 'Тема',
      student: 'Обучающийся',
      schoolClass: 'Класс (объявление)',
      participants: 'Участники',
      startedBy: 'Кто начал',
      lastMessageAt: 'Последнее сообщение',
    },
    mainField: 'subject',
    list: ['lastMessageAt', 'subject', 'kind', 'student', 'schoolClass', 'startedBy'],
    defaultSort: { field: 'lastMessageAt', order: 'DESC' },
    edit: [
      [
        ['kind', 6],
        ['subject', 6],
      ],
      [
        ['student', 6],
        ['schoolClass', 6],
      ],
      [['participants', 12]],
      [
        ['startedBy', 6],
        ['lastMessageAt', 6],
      ],
    ],
  },
  'api::message.message': {
    labels: { thread: 'Переписка', author: 'Автор', text: 'Текст сообщения', sentAt: 'Отправлено' },
    mainField: 'sentAt',
    list: ['sentAt', 'thread', 'author', 'text'],
    defaultSort: { field: 'sentAt', order: 'DESC' },
    edit: [
      [
        ['thread', 6],
        ['author', 6],
      ],
      [['text', 12]],
      [['sentAt', 6]],
    ],
  },
  'api::notification.notification': {
    labels: {
      recipient: 'Кому (e-mail)',
      recipientUser: 'Учётная запись получателя',
      cause: 'Повод',
      subject: 'Тема письма',
      text: 'Текст письма',
      state: 'Состояние отправки',
      attempts: 'Попыток',
      queuedAt: 'Поставлено в очередь',
      lastError: 'Последняя ошибка',
      nextAttemptAt: 'Следующая попытка',
      sentAt: 'Отправлено',
    },
    mainField: 'subject',
    list: ['queuedAt', 'recipient', 'subject', 'state', 'attempts', 'lastError'],
    defaultSort: { field: 'queuedAt', order: 'DESC' },
    edit: [
      [
        ['recipient', 6],
        ['recipientUser', 6],
      ],
      [
        ['cause', 6],
        ['state', 6],
      ],
      [['subject', 12]],
      [['text', 12]],
      [
        ['queuedAt', 6],
        ['attempts', 6],
      ],
      [
        ['nextAttemptAt', 6],
        ['sentAt', 6],
      ],
      [['lastError', 12]],
    ],
  },

  'api::mark-acknowledgment.mark-acknowledgment': {
    labels: {
      student: 'Обучающийся',
      guardian: 'Родитель (законный представитель)',
      kind: 'Отметки за',
      studyPeriod: 'Учебный период',
      academicYear: 'Учебный год',
      marks: 'Отметки, с которыми ознакомлен',
      acknowledgedAt: 'Когда ознакомлен',
    },
    mainField: 'acknowledgedAt',
    list: ['student', 'guardian', 'kind', 'studyPeriod', 'acknowledgedAt'],
    defaultSort: { field: 'acknowledgedAt', order: 'DESC' },
    edit: [
      [
        ['student', 6],
        ['guardian', 6],
      ],
      [
        ['kind', 4],
        ['studyPeriod', 4],
        ['academicYear', 4],
      ],
      [['acknowledgedAt', 6]],
      [['marks', 12]],
    ],
  },

  'api::parent-meeting.parent-meeting': {
    labels: {
      kind: 'Вид (собрание класса или беседа об успеваемости ученика)',
      schoolClass: 'Класс',
      student: 'Обучающийся (для беседы)',
      participants: 'Другие участники',
      decisions: 'Принятые решения',
      followUpOn: 'Следующая встреча',
      date: 'Дата собрания',
      topic: 'Тема',
      assessmentRulesPresented: 'Представлены правила оценивания и учёта (Положение)',
      regulation: 'Редакция Положения',
      attendees: 'Присутствовали родители',
      minutes: 'Протокол',
      author: 'Кто записал',
    },
    mainField: 'topic',
    list: ['date', 'kind', 'schoolClass', 'student', 'topic', 'assessmentRulesPresented'],
    defaultSort: { field: 'date', order: 'DESC' },
    edit: [
      [
        ['kind', 4],
        ['schoolClass', 4],
        ['date', 4],
      ],
      [
        ['student', 6],
        ['assessmentRulesPresented', 6],
      ],
      [
        ['topic', 8],
        ['regulation', 4],
      ],
      [
        ['attendees', 8],
        ['participants', 4],
      ],
      [['minutes', 12]],
      [
        ['decisions', 8],
        ['followUpOn', 4],
      ],
      [['author', 6]],
    ],
  },

  'api::rules-acknowledgment.rules-acknowledgment': {
    labels: {
      student: 'Обучающийся',
      guardian: 'Родитель (законный представитель)',
      account: 'Учётная запись',
      regulation: 'Редакция Положения',
      academicYear: 'Учебный год',
      acknowledgedAt: 'Когда ознакомлен',
    },
    mainField: 'acknowledgedAt',
    list: ['student', 'guardian', 'academicYear', 'regulation', 'acknowledgedAt'],
    defaultSort: { field: 'acknowledgedAt', order: 'DESC' },
    edit: [
      [
        ['student', 6],
        ['guardian', 6],
      ],
      [
        ['academicYear', 4],
        ['regulation', 4],
        ['acknowledgedAt', 4],
      ],
      [['account', 6]],
    ],
  },

  'api::results-request.results-request': {
    labels: {
      number: 'Номер в журнале',
      receivedOn: 'Дата обращения',
      student: 'Обучающийся',
      requesterKind: 'Заявитель (законный представитель или сам обучающийся)',
      guardian: 'Законный представитель',
      form: 'Форма обращения',
      request: 'Какие сведения запрошены',
      issuedOn: 'Дата ответа',
      issued: 'Что выдано',
      refusalReason: 'Причина отказа',
      issuedDocumentKind: 'Выданный документ',
      issuedDocumentName: 'Файл выданного документа',
      issuedDocumentSha256: 'Контрольная сумма (SHA-256) выданного документа',
      issuedDocumentPdf: 'Копия выданного документа',
      handledBy: 'Кто зарегистрировал',
    },
    mainField: 'request',
    list: ['number', 'receivedOn', 'student', 'guardian', 'form', 'issuedOn'],
    defaultSort: { field: 'receivedOn', order: 'DESC' },
    edit: [
      [
        ['number', 4],
        ['receivedOn', 4],
        ['form', 4],
      ],
      [
        ['student', 6],
        ['requesterKind', 6],
      ],
      [['guardian', 6]],
      [['request', 12]],
      [
        ['issuedOn', 4],
        ['issued', 8],
      ],
      [['refusalReason', 12]],
      [
        ['issuedDocumentKind', 4],
        ['issuedDocumentName', 8],
      ],
      [['issuedDocumentSha256', 12]],
      [['handledBy', 6]],
    ],
  },

  'api::duty-appointment.duty-appointment': {
    labels: {
      duty: 'Обязанность',
      person: 'Сотрудник',
      orderNumber: 'Номер приказа',
      orderDate: 'Дата приказа',
      validFrom: 'Действует с',
      validUntil: 'Действует по',
      note: 'Примечание',
    },
    mainField: 'orderNumber',
    list: ['duty', 'person', 'orderNumber', 'orderDate', 'validFrom', 'validUntil'],
    defaultSort: { field: 'orderDate', order: 'DESC' },
    edit: [
      [
        ['duty', 6],
        ['person', 6],
      ],
      [
        ['orderNumber', 6],
        ['orderDate', 6],
      ],
      [
        ['validFrom', 6],
        ['validUntil', 6],
      ],
      [['note', 12]],
    ],
  },

  'api::competency-result.competency-result': {
    labels: {
      student: 'Обучающийся',
      academicYear: 'Учебный год',
      resultGroup: 'Группа результатов',
      uudKind: 'Вид УУД',
      indicator: 'Что оценивается (компетенция, показатель)',
      level: 'Уровень (по шкале школы)',
      source: 'Источник',
      date: 'Дата',
      note: 'Примечание',
      recordedBy: 'Кто записал',
    },
    mainField: 'indicator',
    list: ['student', 'academicYear', 'resultGroup', 'uudKind', 'indicator', 'level', 'date'],
    defaultSort: { field: 'date', order: 'DESC' },
    edit: [
      [
        ['student', 6],
        ['academicYear', 6],
      ],
      [
        ['resultGroup', 6],
        ['uudKind', 6],
      ],
      [
        ['indicator', 8],
        ['level', 4],
      ],
      [
        ['source', 4],
        ['date', 4],
        ['recordedBy', 4],
      ],
      [['note', 12]],
    ],
  },

  'api::learning-trajectory.learning-trajectory': {
    labels: {
      student: 'Обучающийся',
      academicYear: 'Учебный год',
      basis: 'Основание (заявление родителей, рекомендации ПМПК, выбор профиля, итоги анализа)',
      goals: 'Цели, меры и сроки',
      responsible: 'Ответственный',
      startsOn: 'Начало траектории',
      nextReviewOn: 'Следующее рассмотрение',
      agreedWithParentsOn: 'Согласована с родителями',
      agreedWith: 'Кто из родителей согласовал',
      reviews: 'Корректировки по результатам обучения',
      closedOn: 'Траектория закрыта',
      outcome: 'Итог',
      origin: 'Составлена (вручную, по списку «группы риска», по списку лидеров)',
      originPeriod: 'Учебный период анализа',
    },
    mainField: 'basis',
    list: ['student', 'academicYear', 'startsOn', 'nextReviewOn', 'closedOn'],
    defaultSort: { field: 'startsOn', order: 'DESC' },
    edit: [
      [
        ['student', 6],
        ['academicYear', 6],
      ],
      [['basis', 12]],
      [
        ['origin', 6],
        ['originPeriod', 6],
      ],
      [
        ['responsible', 4],
        ['startsOn', 4],
        ['nextReviewOn', 4],
      ],
      [
        ['agreedWithParentsOn', 6],
        ['agreedWith', 6],
      ],
      [['goals', 12]],
      [['reviews', 12]],
      [
        ['outcome', 8],
        ['closedOn', 4],
      ],
    ],
  },
  'api::support-plan.support-plan': {
    labels: {
      student: 'Обучающийся',
      studyPeriod: 'Учебный период анализа',
      finding: 'Выявлено аналитикой (снимок на день составления)',
      reason: 'Что выявлено',
      measures: 'Меры индивидуальной работы',
      responsible: 'Ответственный',
      startsOn: 'Начало работы',
      reviewOn: 'Срок подведения итогов',
      approvedAt: 'Утверждён на беседе с родителями',
      approvalProtocol: 'Утверждён решением (протокол)',
      outcome: 'Итог',
      closedOn: 'План закрыт',
    },
    mainField: 'reason',
    list: ['student', 'studyPeriod', 'startsOn', 'reviewOn', 'closedOn'],
    defaultSort: { field: 'startsOn', order: 'DESC' },
    edit: [
      [
        ['student', 6],
        ['studyPeriod', 6],
      ],
      [['reason', 12]],
      [['measures', 12]],
      [
        ['responsible', 4],
        ['startsOn', 4],
        ['reviewOn', 4],
      ],
      [
        ['approvedAt', 6],
        ['approvalProtocol', 6],
      ],
      [
        ['outcome', 8],
        ['closedOn', 4],
      ],
      [['finding', 12]],
    ],
  },

  'api::control-plan-item.control-plan-item': {
    labels: {
      academicYear: 'Учебный год',
      topic: 'Что проверяется',
      controlKind: 'Вид контроля',
      schoolClass: 'Класс',
      subject: 'Предмет',
      studyPeriod: 'Учебный период анализа',
      basis: 'Основание (вывод анализа результатов)',
      finding: 'Показатели на день планирования',
      plannedFrom: 'Начало проверки',
      plannedTo: 'Окончание проверки',
      responsible: 'Ответственный',
      approvalProtocol: 'Утверждён (совет, протокол, дата)',
      result: 'Результат',
      doneOn: 'Проведена',
    },
    mainField: 'topic',
    list: ['topic', 'controlKind', 'schoolClass', 'subject', 'plannedFrom', 'plannedTo', 'doneOn'],
    defaultSort: { field: 'plannedFrom', order: 'ASC' },
    edit: [
      [
        ['academicYear', 4],
        ['controlKind', 4],
        ['studyPeriod', 4],
      ],
      [['topic', 12]],
      [
        ['schoolClass', 6],
        ['subject', 6],
      ],
      [['basis', 12]],
      [
        ['plannedFrom', 4],
        ['plannedTo', 4],
        ['responsible', 4],
      ],
      [['approvalProtocol', 12]],
      [
        ['result', 8],
        ['doneOn', 4],
      ],
      [['finding', 12]],
    ],
  },

  'api::results-meeting.results-meeting': {
    labels: {
      kind: 'Вид заседания (педсовет, совещание при директоре, при заместителе, заседание МО)',
      association: 'Методическое объединение',
      heldOn: 'Дата заседания',
      protocolNumber: 'Номер протокола',
      academicYear: 'Учебный год',
      studyPeriod: 'Учебный период',
      chair: 'Председатель',
      secretary: 'Секретарь',
      attendeesCount: 'Присутствовало',
      agenda: 'Повестка',
      reports: 'Рассмотренные отчёты',
      decisions: 'Решения',
      signedAt: 'Протокол подписан',
      signedBy: 'Подписал',
    },
    mainField: 'protocolNumber',
    list: ['heldOn', 'kind', 'protocolNumber', 'academicYear', 'studyPeriod', 'signedAt'],
    defaultSort: { field: 'heldOn', order: 'DESC' },
    edit: [
      [
        ['kind', 6],
        ['association', 6],
      ],
      [
        ['heldOn', 4],
        ['protocolNumber', 4],
        ['attendeesCount', 4],
      ],
      [
        ['academicYear', 6],
        ['studyPeriod', 6],
      ],
      [
        ['chair', 6],
        ['secretary', 6],
      ],
      [['agenda', 12]],
      [['reports', 12]],
      [['decisions', 12]],
      [
        ['signedAt', 6],
        ['signedBy', 6],
      ],
    ],
  },

  'api::management-decision.management-decision': {
    labels: {
      decidedOn: 'Дата решения',
      kind: 'Вид (приказ, решение, поручение)',
      number: 'Номер',
      title: 'Решение',
      text: 'Текст',
      journalRemarks: 'Основание: замечания по ведению журналов',
      controlPlanItems: 'Основание: пункты плана ВШК',
      archiveConcern: 'Основание: состояние архива',
      executor: 'Исполнитель',
      dueOn: 'Срок исполнения',
      executedOn: 'Исполнено',
      executionNote: 'Отметка об исполнении',
    },
    mainField: 'title',
    list: ['decidedOn', 'kind', 'number', 'title', 'dueOn', 'executedOn'],
    defaultSort: { field: 'decidedOn', order: 'DESC' },
    edit: [
      [
        ['decidedOn', 4],
        ['kind', 4],
        ['number', 4],
      ],
      [['title', 12]],
      [['text', 12]],
      [
        ['journalRemarks', 6],
        ['controlPlanItems', 6],
      ],
      [['archiveConcern', 12]],
      [
        ['executor', 4],
        ['dueOn', 4],
        ['executedOn', 4],
      ],
      [['executionNote', 12]],
    ],
  },

  'api::personal-file.personal-file': {
    labels: {
      number: 'Номер по алфавитной книге',
      letter: 'Буква алфавитной книги',
      sequence: 'Порядковый номер на букву',
      student: 'Обучающийся',
      openedOn: 'Дата поступления',
      admissionOrder: 'Приказ о зачислении',
      state: 'Состояние',
      issuedOn: 'Дата выдачи',
      applicationNumber: 'Номер заявления родителей',
      orderNumber: 'Номер приказа о выбытии',
      issuedTo: 'Кому выдано',
      storagePlace: 'Место хранения',
      admissionDocuments: 'Документы, сданные при приёме',
      yearlyResults: 'Итоги учебных лет',
    },
    mainField: 'number',
    list: ['number', 'student', 'openedOn', 'state'],
    defaultSort: { field: 'number', order: 'ASC' },
    edit: [
      [
        ['student', 6],
        ['number', 6],
      ],
      [
        ['letter', 4],
        ['sequence', 4],
        ['state', 4],
      ],
      [
        ['openedOn', 4],
        ['admissionOrder', 8],
      ],
      [
        ['issuedOn', 4],
        ['applicationNumber', 4],
        ['orderNumber', 4],
      ],
      [
        ['issuedTo', 6],
        ['storagePlace', 6],
      ],
      [['admissionDocuments', 12]],
      [['yearlyResults', 12]],
    ],
  },

  'api::yearly-result.yearly-result': {
    labels: {
      personalFile: 'Личное дело',
      academicYear: 'Учебный год',
      schoolClass: 'Класс',
      grade: 'Класс (год обучения)',
      marks: 'Годовые отметки из журнала',
      decision: 'Решение педагогического совета',
      decisionNote: 'Академическая задолженность, примечание',
      councilProtocolNumber: 'Номер протокола педсовета',
      councilProtocolDate: 'Дата протокола педсовета',
      certifiedBy: 'Заверил классный руководитель',
      certifiedAt: 'Когда заверено',
    },
    mainField: 'grade',
    list: ['personalFile', 'academicYear', 'schoolClass', 'decision', 'certifiedAt'],
    defaultSort: { field: 'grade', order: 'ASC' },
    edit: [
      [
        ['personalFile', 6],
        ['academicYear', 6],
      ],
      [
        ['schoolClass', 6],
        ['grade', 4],
      ],
      [['marks', 12]],
      [
        ['decision', 6],
        ['councilProtocolNumber', 6],
      ],
      [
        ['councilProtocolDate', 4],
        ['decisionNote', 8],
      ],
      [
        ['certifiedBy', 6],
        ['certifiedAt', 6],
      ],
    ],
  },
  'api::certificate-entry.certificate-entry': {
    labels: {
      level: 'Книга (уровень образования)',
      kind: 'Вид записи',
      bookYear: 'Год книги',
      registrationNumber: 'Регистрационный номер',
      blankNumber: 'Серия и номер бланка',
      student: 'Обучающийся',
      fullName: 'Фамилия, имя, отчество (на день выдачи)',
      birthDate: 'Дата рождения',
      marks: 'Итоговые отметки (вычислены из журнала)',
      withDistinction: 'Аттестат с отличием',
      medal: 'Медаль «За особые успехи в учении»',
      awardRule: 'Редакция критериев отличия',
      orderNumber: 'Номер приказа о выдаче',
      orderDate: 'Дата приказа о выдаче',
      issuedOn: 'Дата выдачи',
      issuedBy: 'Выдал',
      receivedBy: 'Получил',
      proxyData: 'Данные доверенности',
      postData: 'Данные заказного почтового отправления',
      original: 'Исходная запись (для дубликата, аннулирования)',
      reason: 'Причина выдачи дубликата',
      reasonNote: 'Причина (пояснение)',
      registeredBy: 'Зарегистрировал',
    },
    mainField: 'fullName',
    list: ['bookYear', 'registrationNumber', 'level', 'kind', 'fullName', 'blankNumber', 'issuedOn'],
    defaultSort: { field: 'registrationNumber', order: 'ASC' },
    edit: [
      [
        ['level', 6],
        ['kind', 6],
      ],
      [
        ['student', 6],
        ['blankNumber', 6],
      ],
      [
        ['orderNumber', 4],
        ['orderDate', 4],
        ['issuedOn', 4],
      ],
      [
        ['receivedBy', 6],
        ['issuedBy', 6],
      ],
      [
        ['proxyData', 6],
        ['postData', 6],
      ],
      [
        ['original', 6],
        ['reason', 6],
      ],
      [['reasonNote', 12]],
      [
        ['bookYear', 4],
        ['registrationNumber', 4],
        ['birthDate', 4],
      ],
      [['fullName', 12]],
      [['marks', 12]],
      [
        ['withDistinction', 4],
        ['medal', 4],
        ['awardRule', 4],
      ],
      [['registeredBy', 6]],
    ],
  },

  'api::study-certificate-entry.study-certificate-entry': {
    labels: {
      kind: 'Вид записи',
      bookYear: 'Год книги',
      registrationNumber: 'Регистрационный номер',
      student: 'Обучающийся',
      fullName: 'Фамилия, имя, отчество (на день выдачи)',
      birthDate: 'Дата рождения',
      reason: 'Основание выдачи справки',
      reasonNote: 'Пояснение (для аннулирования — причина)',
      periodFrom: 'Обучался с',
      periodTo: 'Обучался по',
      classes: 'Классы',
      years: 'Учебные годы и отметки (из журнала)',
      issuedOn: 'Дата выдачи',
      issuedBy: 'Выдал',
      receivedBy: 'Получил',
      original: 'Аннулируемая справка',
      registeredBy: 'Зарегистрировал',
    },
    mainField: 'fullName',
    list: ['bookYear', 'registrationNumber', 'kind', 'fullName', 'reason', 'issuedOn'],
    defaultSort: { field: 'registrationNumber', order: 'ASC' },
    edit: [
      [
        ['kind', 6],
        ['student', 6],
      ],
      [
        ['reason', 8],
        ['issuedOn', 4],
      ],
      [
        ['receivedBy', 6],
        ['issuedBy', 6],
      ],
      [
        ['original', 6],
        ['reasonNote', 6],
      ],
      [
        ['bookYear', 4],
        ['registrationNumber', 4],
        ['birthDate', 4],
      ],
      [['fullName', 12]],
      [
        ['periodFrom', 4],
        ['periodTo', 4],
        ['classes', 4],
      ],
      [['years', 12]],
      [['registeredBy', 6]],
    ],
  },

  'api::certificate-blank.certificate-blank': {
    labels: {
      level: 'Уровень (аттестат)',
      series: 'Серия бланка',
      number: 'Номер бланка',
      blankNumber: 'Серия и номер бланка',
      receivedOn: 'Дата поступления',
      receiptDocument: 'Документ о поступлении (накладная)',
      state: 'Состояние бланка',
      certificateEntry: 'Запись книги регистрации аттестатов',
      issuedOn: 'Дата выдачи',
      annulmentEntry: 'Аттестат аннулирован записью книги',
      annulledOn: 'Дата аннулирования',
      spoiledOn: 'Дата списания',
      spoilageAct: 'Акт о списании (уничтожении)',
      spoilageReason: 'Чем испорчен бланк',
      registeredBy: 'Записал',
    },
    mainField: 'blankNumber',
    list: ['blankNumber', 'level', 'state', 'receivedOn', 'issuedOn', 'spoiledOn'],
    defaultSort: { field: 'blankNumber', order: 'ASC' },
    edit: [
      [
        ['level', 4],
        ['series', 4],
        ['number', 4],
      ],
      [
        ['receivedOn', 4],
        ['receiptDocument', 8],
      ],
      [
        ['state', 4],
        ['spoiledOn', 4],
        ['spoilageAct', 4],
      ],
      [['spoilageReason', 12]],
      [
        ['certificateEntry', 6],
        ['issuedOn', 6],
      ],
      [
        ['annulmentEntry', 6],
        ['annulledOn', 6],
      ],
      [
        ['blankNumber', 6],
        ['registeredBy', 6],
      ],
    ],
  },

  'api::certificate-acceptance.certificate-acceptance': {
    labels: {
      enrollment: 'Зачисление (состав класса)',
      student: 'Обучающийся',
      kind: 'Что принято (подлинник или копия)',
      series: 'Серия аттестата',
      number: 'Номер аттестата',
      acceptedOn: 'Дата приёма',
      acceptedBy: 'Кто принял',
      note: 'Примечание',
      paperCarrier: 'Единица хранения (сейф)',
      registeredBy: 'Записал',
    },
    mainField: 'number',
    list: ['student', 'kind', 'number', 'acceptedOn', 'acceptedBy'],
    defaultSort: { field: 'acceptedOn', order: 'DESC' },
    edit: [
      [
        ['enrollment', 6],
        ['kind', 6],
      ],
      [
        ['series', 4],
        ['number', 4],
        ['acceptedOn', 4],
      ],
      [
        ['acceptedBy', 6],
        ['note', 6],
      ],
      [
        ['student', 4],
        ['paperCarrier', 4],
        ['registeredBy', 4],
      ],
    ],
  },

  'api::medal-entry.medal-entry': {
    labels: {
      kind: 'Вид записи',
      bookYear: 'Год книги',
      registrationNumber: 'Регистрационный номер',
      certificateEntry: 'Запись книги регистрации аттестатов (с медалью)',
      student: 'Обучающийся',
      fullName: 'Фамилия, имя, отчество',
      medal: 'Медаль «За особые успехи в учении»',
      certificate: 'Аттестат (запись книги, бланк)',
      orderNumber: 'Номер приказа о награждении',
      orderDate: 'Дата приказа о награждении',
      issuedOn: 'Дата выдачи',
      issuedBy: 'Выдал',
      receivedBy: 'Получил',
      original: 'Аннулируемая запись',
      reasonNote: 'Причина аннулирования',
      registeredBy: 'Зарегистрировал',
    },
    mainField: 'fullName',
    list: ['bookYear', 'registrationNumber', 'kind', 'fullName', 'medal', 'issuedOn'],
    defaultSort: { field: 'registrationNumber', order: 'ASC' },
    edit: [
      [
        ['kind', 6],
        ['certificateEntry', 6],
      ],
      [
        ['orderNumber', 4],
        ['orderDate', 4],
        ['issuedOn', 4],
      ],
      [
        ['receivedBy', 6],
        ['issuedBy', 6],
      ],
      [
        ['original', 6],
        ['reasonNote', 6],
      ],
      [
        ['bookYear', 4],
        ['registrationNumber', 4],
        ['medal', 4],
      ],
      [
        ['fullName', 6],
        ['student', 6],
      ],
      [['certificate', 12]],
      [['registeredBy', 6]],
    ],
  },

  'api::portfolio-entry.portfolio-entry': {
    labels: {
      student: 'Обучающийся',
      title: 'Название работы, олимпиады, мероприятия',
      kind: 'Вид достижения',
      level: 'Уровень',
      result: 'Результат',
      place: 'Место',
      date: 'Дата',
      organiser: 'Организатор',
      subject: 'Предмет',
      area: 'Направление (область)',
      evidence: 'Подтверждающие документы (дипломы, грамоты, фото, презентации, аудио, видео)',
      source: 'Где получено',
      addedAtFamilyRequest: 'Внесено по желанию обучающегося или родителей',
      confirmed: 'Подтверждено',
      confirmedBy: 'Кто подтвердил',
      confirmedAt: 'Когда подтверждено',
      handedOverOn: 'Выдано родителям под роспись (дата)',
      handedOverTo: 'Кому выдано',
      reviewState: 'Проверка заместителем директора',
      reviewRemark: 'Замечание проверяющего',
      reviewedBy: 'Кто проверил',
      reviewedAt: 'Когда проверено',
    },
    mainField: 'title',
    list: ['date', 'student', 'title', 'kind', 'level', 'result', 'reviewState'],
    defaultSort: { field: 'date', order: 'DESC' },
    edit: [
      [
        ['student', 6],
        ['date', 4],
      ],
      [['title', 12]],
      [
        ['kind', 4],
        ['level', 4],
        ['result', 4],
      ],
      [
        ['place', 4],
        ['subject', 4],
        ['area', 4],
      ],
      [['organiser', 12]],
      [
        ['source', 6],
        ['addedAtFamilyRequest', 6],
      ],
      [['evidence', 12]],
      [
        ['confirmed', 4],
        ['confirmedBy', 4],
        ['confirmedAt', 4],
      ],
      [
        ['handedOverOn', 4],
        ['handedOverTo', 8],
      ],
      [
        ['reviewState', 4],
        ['reviewedBy', 4],
        ['reviewedAt', 4],
      ],
      [['reviewRemark', 12]],
    ],
  },

  'api::reward.reward': {
    labels: {
      student: 'Обучающийся',
      kind: 'Вид поощрения',
      reason: 'За что (основание)',
      date: 'Дата',
      orderNumber: 'Номер приказа',
      achievements: 'Достижения, за которые поощрён',
      reviewState: 'Проверка заместителем директора',
      reviewRemark: 'Замечание проверяющего',
      reviewedBy: 'Кто проверил',
      reviewedAt: 'Когда проверено',
    },
    mainField: 'date',
    list: ['date', 'student', 'kind', 'orderNumber', 'reviewState'],
    defaultSort: { field: 'date', order: 'DESC' },
    edit: [
      [
        ['student', 6],
        ['kind', 6],
      ],
      [
        ['date', 4],
        ['orderNumber', 8],
      ],
      [['reason', 12]],
      [['achievements', 12]],
      [
        ['reviewState', 4],
        ['reviewedBy', 4],
        ['reviewedAt', 4],
      ],
      [['reviewRemark', 12]],
    ],
  },
  'api::external-assessment.external-assessment': {
    labels: {
      kind: 'Вид процедуры',
      title: 'Название работы',
      date: 'Дата проведения',
      subject: 'Предмет',
      student: 'Обучающийся',
      score: 'Баллы',
      maxScore: 'Максимальный балл',
      mark: 'Отметка',
      level: 'Уровень',
    },
    mainField: 'title',
    list: ['date', 'kind', 'title', 'student', 'subject', 'mark'],
    defaultSort: { field: 'date', order: 'DESC' },
    edit: [
      [
        ['kind', 4],
        ['title', 8],
      ],
      [
        ['date', 4],
        ['subject', 8],
      ],
      [['student', 12]],
      [
        ['score', 4],
        ['maxScore', 4],
        ['mark', 4],
      ],
      [['level', 4]],
    ],
  },
  'api::platform-result.platform-result': {
    labels: {
      student: 'Обучающийся',
      journal: 'Журнал (предмет)',
      platform: 'Платформа',
      activity: 'Что выполнено (курс, урок, тест)',
      date: 'Дата выполнения',
      score: 'Баллы',
      maxScore: 'Максимальный балл',
      percent: 'Выполнено, %',
      url: 'Ссылка на результат',
      evidence: 'Подтверждающие файлы',
      assignment: 'Задание',
      mark: 'Отметка учителя за эту работу',
      recordedBy: 'Кто записал',
    },
    mainField: 'activity',
    list: ['date', 'platform', 'activity', 'student', 'journal', 'percent'],
    defaultSort: { field: 'date', order: 'DESC' },
    edit: [
      [
        ['student', 6],
        ['journal', 6],
      ],
      [
        ['platform', 4],
        ['activity', 8],
      ],
      [
        ['date', 4],
        ['score', 4],
        ['maxScore', 4],
      ],
      [
        ['percent', 4],
        ['url', 8],
      ],
      [['evidence', 12]],
      [
        ['assignment', 6],
        ['mark', 6],
      ],
      [['recordedBy', 6]],
    ],
  },
  'api::credit-transfer.credit-transfer': {
    labels: {
      student: 'Обучающийся',
      journal: 'Журнал предмета, в котором засчитывается',
      basis: 'Основание зачёта',
      organisation: 'Организация, в которой освоено',
      programmeKind: 'Что освоено',
      programmeTitle: 'Название предмета, курса, модуля, программы',
      hours: 'Объём, часов',
      resultThere: 'Результат в документе организации',
      achievement: 'Достижение (ГИР)',
      giftedResourceNumber: 'Номер записи в ГИР',
      documentTitle: 'Подтверждающий документ',
      documentNumber: 'Номер документа',
      documentDate: 'Дата документа',
      applicationDate: 'Дата заявления',
      decision: 'Решение',
      creditedValue: 'Засчитанная отметка',
      refusalReason: 'Причина отказа',
      orderNumber: 'Номер приказа',
      orderDate: 'Дата приказа',
      decidedBy: 'Кто оформил решение',
      decidedAt: 'Когда оформлено решение',
      mark: 'Годовая отметка в журнале',
    },
    mainField: 'programmeTitle',
    list: ['applicationDate', 'student', 'journal', 'basis', 'decision', 'creditedValue', 'orderNumber'],
    defaultSort: { field: 'applicationDate', order: 'DESC' },
    edit: [
      [
        ['student', 6],
        ['journal', 6],
      ],
      [
        ['basis', 4],
        ['applicationDate', 4],
      ],
      [
        ['organisation', 8],
        ['programmeKind', 4],
      ],
      [
        ['programmeTitle', 8],
        ['hours', 4],
      ],
      [
        ['achievement', 8],
        ['giftedResourceNumber', 4],
      ],
      [
        ['documentTitle', 4],
        ['documentNumber', 4],
        ['documentDate', 4],
      ],
      [['resultThere', 6]],
      [
        ['decision', 4],
        ['creditedValue', 4],
      ],
      [
        ['orderNumber', 4],
        ['orderDate', 4],
      ],
      [['refusalReason', 12]],
      [
        ['decidedBy', 6],
        ['decidedAt', 6],
      ],
      [['mark', 6]],
    ],
  },
  'api::exam-result.exam-result': {
    labels: {
      student: 'Обучающийся',
      academicYear: 'Учебный год',
      grade: 'Класс (параллель)',
      examKind: 'Вид экзамена',
      form: 'Форма',
      date: 'Дата экзамена',
      subject: 'Предмет',
      primaryScore: 'Первичный балл',
      scaledScore: 'Тестовый балл (ЕГЭ)',
      passingScore: 'Минимальный балл (ЕГЭ)',
      mark: 'Отметка',
      result: 'Зачёт / незачёт',
      passed: 'Сдан',
      protocolNumber: 'Номер протокола',
      protocolDate: 'Дата протокола',
      acknowledgedOn: 'Ознакомлен(а) под подпись',
      acknowledgedBy: 'Ознакомил(а)',
      scans: 'Скан протокола (и работы — для сочинения)',
    },
    mainField: 'examKind',
    list: ['date', 'examKind', 'student', 'subject', 'mark', 'passed', 'acknowledgedOn'],
    defaultSort: { field: 'date', order: 'DESC' },
    edit: [
      [
        ['examKind', 4],
        ['form', 4],
        ['date', 4],
      ],
      [
        ['student', 6],
        ['subject', 6],
      ],
      [
        ['primaryScore', 4],
        ['scaledScore', 4],
        ['passingScore', 4],
      ],
      [['mark', 4]],
      [
        ['result', 4],
        ['passed', 4],
        ['grade', 4],
      ],
      [
        ['protocolNumber', 4],
        ['protocolDate', 4],
        ['academicYear', 4],
      ],
      [
        ['acknowledgedOn', 6],
        ['acknowledgedBy', 6],
      ],
      [['scans', 12]],
    ],
  },
  'api::special-condition.special-condition': {
    labels: {
      student: 'Обучающийся',
      commissionDate: 'Дата заключения ПМПК',
      commissionNumber: 'Номер заключения ПМПК',
      conditions: 'Специальные условия обучения',
      diagnosis: 'Диагноз (сведения о здоровье)',
      validUntil: 'Действует до',
    },
    mainField: 'commissionNumber',
    list: ['student', 'commissionDate', 'commissionNumber', 'validUntil'],
    defaultSort: { field: 'commissionDate', order: 'DESC' },
    edit: [
      [['student', 12]],
      [
        ['commissionDate', 4],
        ['commissionNumber', 4],
        ['validUntil', 4],
      ],
      [['conditions', 12]],
      [['diagnosis', 12]],
    ],
  },
  'api::work-programme.work-programme': {
    labels: {
      journal: 'Журнал (класс, предмет, учебный год)',
      teacher: 'Учитель',
      title: 'Название программы',
      approvalDocument: 'Утверждена (протокол, приказ)',
      approvedOn: 'Дата утверждения',
      approvedBy: 'Кто отметил утверждение',
      hoursPerYear: 'Часов в год',
      file: 'Файл программы',
      plan: 'Тематический план',
    },
    mainField: 'title',
    list: ['title', 'journal', 'teacher', 'hoursPerYear', 'approvedOn'],
    defaultSort: { field: 'title', order: 'ASC' },
    edit: [
      [
        ['journal', 6],
        ['teacher', 6],
      ],
      [
        ['title', 8],
        ['hoursPerYear', 4],
      ],
      [
        ['approvalDocument', 6],
        ['approvedOn', 4],
      ],
      [['approvedBy', 6]],
      [['file', 6]],
      [['plan', 12]],
    ],
  },
  'api::assessment-material.assessment-material': {
    labels: {
      title: 'Название КИМ',
      subject: 'Предмет',
      grade: 'Класс (параллель)',
      kind: 'Вид работы',
      academicYear: 'Учебный год (пусто — любой)',
      specification: 'Спецификация (проверяемые темы, критерии оценивания)',
      tasks: 'Задания',
      maxPoints: 'Максимальный балл (сумма баллов заданий)',
      basicFromPoints: 'Базовый уровень — от (баллов)',
      advancedFromPoints: 'Повышенный уровень — от (баллов)',
      files: 'Файлы КИМ (варианты, ответы)',
      author: 'Автор (учитель)',
      approved: 'Утверждён',
      approvedBy: 'Кто утвердил',
      approvedAt: 'Когда утверждён',
      previousVersion: 'Предыдущая версия',
      version: 'Версия',
    },
    mainField: 'title',
    list: ['title', 'subject', 'grade', 'kind', 'approved', 'version'],
    defaultSort: { field: 'title', order: 'ASC' },
    edit: [
      [['title', 12]],
      [
        ['subject', 8],
        ['grade', 4],
      ],
      [
        ['kind', 6],
        ['academicYear', 6],
      ],
      [['specification', 12]],
      [['tasks', 12]],
      [
        ['maxPoints', 4],
        ['basicFromPoints', 4],
        ['advancedFromPoints', 4],
      ],
      [['files', 6]],
      [
        ['author', 6],
        ['approved', 4],
      ],
      [
        ['approvedBy', 6],
        ['approvedAt', 6],
      ],
      [
        ['previousVersion', 6],
        ['version', 4],
      ],
    ],
  },
  'api::journal-check.journal-check': {
    labels: {
      journal: 'Журнал',
      schoolClass: 'Класс (все журналы)',
      plannedOn: 'Плановая дата проверки',
      inspector: 'Проверяющий',
      purpose: 'Цель проверки',
      remark: 'Запись о проведённой проверке',
    },
    mainField: 'plannedOn',
    list: ['plannedOn', 'journal', 'schoolClass', 'inspector', 'remark'],
    defaultSort: { field: 'plannedOn', order: 'ASC' },
    edit: [
      [
        ['journal', 6],
        ['schoolClass', 6],
      ],
      [
        ['plannedOn', 4],
        ['inspector', 6],
      ],
      [['purpose', 12]],
      [['remark', 6]],
    ],
  },
  'api::support-contact.support-contact': {
    labels: {
      contactedOn: 'Дата обращения',
      channel: 'Способ обращения',
      provider: 'Куда обратились',
      ticketNumber: 'Номер заявки',
      problem: 'Неполадка или вопрос',
      resolution: 'Чем закончилось',
      resolvedOn: 'Дата решения',
      contactedBy: 'Кто обращался',
    },
    mainField: 'ticketNumber',
    list: ['contactedOn', 'provider', 'ticketNumber', 'resolvedOn', 'contactedBy'],
    defaultSort: { field: 'contactedOn', order: 'DESC' },
    edit: [
      [
        ['contactedOn', 4],
        ['channel', 4],
        ['ticketNumber', 4],
      ],
      [
        ['provider', 6],
        ['contactedBy', 6],
      ],
      [['problem', 12]],
      [
        ['resolution', 8],
        ['resolvedOn', 4],
      ],
    ],
  },
  'api::methodical-association.methodical-association': {
    labels: {
      name: 'Название',
      head: 'Руководитель МО',
      curator: 'Курирующий заместитель директора',
      members: 'Учителя',
      subjects: 'Предметы',
    },
    mainField: 'name',
    list: ['name', 'head', 'curator'],
    defaultSort: { field: 'name', order: 'ASC' },
    edit: [
      [['name', 12]],
      [
        ['head', 6],
        ['curator', 6],
      ],
      [
        ['members', 6],
        ['subjects', 6],
      ],
    ],
  },
  'api::lesson-plan.lesson-plan': {
    labels: {
      teacher: 'Учитель',
      teacherName: 'Учитель (имя)',
      journal: 'Журнал',
      lesson: 'Урок',
      lessonDate: 'Дата урока',
      kind: 'Вид',
      topic: 'Тема урока',
      content: 'Конспект',
      files: 'Файлы',
      state: 'Состояние',
      association: 'Методическое объединение',
      submittedAt: 'Отправлен на проверку',
      reviewedBy: 'Проверил',
      reviewedAt: 'Проверен',
      reviewComment: 'Замечание',
      history: 'Ход проверки',
    },
    mainField: 'topic',
    list: ['lessonDate', 'topic', 'teacherName', 'state'],
    defaultSort: { field: 'lessonDate', order: 'DESC' },
    edit: [
      [
        ['teacher', 6],
        ['teacherName', 6],
      ],
      [
        ['journal', 6],
        ['lessonDate', 4],
      ],
      [
        ['lesson', 6],
        ['kind', 6],
      ],
      [['topic', 12]],
      [['content', 12]],
      [['files', 12]],
      [
        ['state', 4],
        ['submittedAt', 4],
        ['reviewedAt', 4],
      ],
      [
        ['association', 6],
        ['reviewedBy', 6],
      ],
      [['reviewComment', 12]],
      [['history', 12]],
    ],
  },
  'api::daily-report.daily-report': {
    labels: {
      teacher: 'Учитель',
      teacherName: 'Учитель (имя)',
      date: 'День',
      deputy: 'Заместитель директора',
      lessons: 'Проведённые уроки',
      summary: 'Что сделано',
      materials: 'Материалы, отправленные обучающимся',
      links: 'Ссылки',
      sentAt: 'Отправлен',
    },
    mainField: 'date',
    list: ['date', 'teacherName', 'deputy', 'sentAt'],
    defaultSort: { field: 'date', order: 'DESC' },
    edit: [
      [
        ['teacher', 6],
        ['teacherName', 6],
      ],
      [
        ['date', 4],
        ['sentAt', 4],
      ],
      [
        ['deputy', 6],
        ['lessons', 6],
      ],
      [['summary', 12]],
      [['materials', 12]],
      [['links', 12]],
    ],
  },
  'api::assignment.assignment': {
    labels: {
      journal: 'Журнал',
      lesson: 'Урок',
      title: 'Задание',
      description: 'Описание',
      sources: 'Источники для самостоятельного изучения',
      materials: 'Материалы',
      dueOn: 'Срок сдачи',
      workType: WORK_TYPE,
      teacher: 'Учитель',
    },
    mainField: 'title',
    list: ['title', 'journal', 'dueOn', 'workType'],
    defaultSort: { field: 'dueOn', order: 'DESC' },
    edit: [
      [
        ['journal', 6],
        ['lesson', 6],
      ],
      [
        ['title', 8],
        ['dueOn', 4],
      ],
      [
        ['workType', 6],
        ['teacher', 6],
      ],
      [['description', 12]],
      [['sources', 12]],
      [['materials', 12]],
    ],
  },
  'api::assignment-submission.assignment-submission': {
    labels: {
      assignment: 'Задание',
      student: 'Обучающийся',
      attempt: 'Попытка',
      text: 'Ответ',
      selfAssessment: 'Самооценка обучающегося',
      selfAssessmentNote: 'Комментарий к самооценке',
      files: 'Файлы работы',
      submittedAt: 'Сдана',
      submittedBy: 'Кем сдана',
      late: 'После срока',
      state: 'Состояние',
      checkComment: 'Замечание учителя',
      mark: 'Отметка',
      checkedBy: 'Проверил',
      checkedAt: 'Проверена',
    },
    mainField: 'submittedAt',
    list: ['submittedAt', 'student', 'assignment', 'state', 'mark'],
    defaultSort: { field: 'submittedAt', order: 'DESC' },
    edit: [
      [
        ['assignment', 6],
        ['student', 6],
      ],
      [
        ['attempt', 4],
        ['submittedAt', 4],
        ['late', 4],
      ],
      [['submittedBy', 6]],
      [['text', 12]],
      [['files', 12]],
      [
        ['selfAssessment', 4],
        ['selfAssessmentNote', 8],
      ],
      [
        ['state', 4],
        ['mark', 4],
        ['checkedAt', 4],
      ],
      [
        ['checkedBy', 6],
        ['checkComment', 6],
      ],
    ],
  },
  'api::control-self-assessment.control-self-assessment': {
    labels: {
      student: 'Обучающийся',
      lesson: 'Урок (контрольная работа)',
      value: 'Самооценка',
      note: 'Комментарий обучающегося',
      enteredBy: 'Кем введена',
      enteredAt: 'Введена',
    },
    mainField: 'value',
    list: ['enteredAt', 'student', 'lesson', 'value'],
    defaultSort: { field: 'enteredAt', order: 'DESC' },
    edit: [
      [
        ['student', 6],
        ['lesson', 6],
      ],
      [
        ['value', 4],
        ['enteredAt', 4],
        ['enteredBy', 4],
      ],
      [['note', 12]],
    ],
  },
};

/**
 * The same for components (repeatable groups of fields inside a record), keyed by component uid:
 * the content manager configures them separately from the record types that hold them.
 */
export const COMPONENT_LAYOUTS: Record<string, TypeLayout> = {
  'school.trajectory-goal': {
    labels: {
      subject: 'Предмет',
      goal: 'Цель',
      measures: 'Меры',
      expectedResult: 'Ожидаемый результат',
      dueOn: 'Срок',
    },
    mainField: 'goal',
    list: ['goal', 'subject', 'dueOn'],
    defaultSort: { field: 'goal', order: 'ASC' },
    edit: [
      [
        ['subject', 6],
        ['dueOn', 6],
      ],
      [['goal', 12]],
      [['measures', 12]],
      [['expectedResult', 12]],
    ],
  },
  'school.trajectory-review': {
    labels: {
      reviewedOn: 'Дата рассмотрения',
      findings: 'Что показали результаты обучения',
      changes: 'Что изменено в траектории',
    },
    mainField: 'findings',
    list: ['reviewedOn', 'findings'],
    defaultSort: { field: 'reviewedOn', order: 'ASC' },
    edit: [[['reviewedOn', 4]], [['findings', 12]], [['changes', 12]]],
  },
  'school.meeting-report': {
    labels: {
      title: 'Отчёт',
      schoolClass: 'Класс',
      subject: 'Предмет',
      grade: 'Параллель',
      speaker: 'Докладчик',
      file: 'Выгрузка (XLSX или PDF)',
    },
    mainField: 'title',
    list: ['title', 'grade', 'schoolClass', 'subject'],
    defaultSort: { field: 'title', order: 'ASC' },
    edit: [
      [['title', 12]],
      [
        ['schoolClass', 4],
        ['subject', 4],
        ['grade', 4],
      ],
      [
        ['speaker', 6],
        ['file', 6],
      ],
    ],
  },
  'school.meeting-decision': {
    labels: { text: 'Решение', executor: 'Исполнитель', dueOn: 'Срок исполнения', doneOn: 'Исполнено' },
    mainField: 'text',
    list: ['text', 'dueOn', 'doneOn'],
    defaultSort: { field: 'dueOn', order: 'ASC' },
    edit: [
      [['text', 12]],
      [
        ['executor', 4],
        ['dueOn', 4],
        ['doneOn', 4],
      ],
    ],
  },
  'school.assessment-task': {
    labels: {
      number: '№ задания',
      checks: 'Проверяемый планируемый результат (тема)',
      maxPoints: 'Максимальный балл',
      level: 'Уровень (базовый / повышенный)',
    },
    mainField: 'number',
    list: ['number', 'checks', 'maxPoints', 'level'],
    defaultSort: { field: 'number', order: 'ASC' },
    edit: [
      [
        ['number', 4],
        ['checks', 8],
      ],
      [
        ['maxPoints', 4],
        ['level', 4],
      ],
    ],
  },
  'school.programme-topic': {
    labels: {
      topic: 'Тема (раздел)',
      lessons: 'Уроков (часов)',
      plannedResults: 'Планируемые результаты по теме (каждый с новой строки)',
    },
    mainField: 'topic',
    list: ['topic', 'lessons'],
    defaultSort: { field: 'topic', order: 'ASC' },
    edit: [
      [
        ['topic', 8],
        ['lessons', 4],
      ],
      [['plannedResults', 12]],
    ],
  },
  'personal-file.admission-document': {
    labels: {
      kind: 'Документ',
      file: 'Файл (скан или копия)',
      receivedOn: 'Дата получения',
      note: 'Примечание',
      storagePlace: 'Где хранится подлинник',
    },
    mainField: 'note',
    list: ['kind', 'receivedOn', 'note'],
    defaultSort: { field: 'receivedOn', order: 'ASC' },
    edit: [
      [
        ['kind', 6],
        ['receivedOn', 6],
      ],
      [
        ['file', 6],
        ['storagePlace', 6],
      ],
      [['note', 12]],
    ],
  },
};

/** The main field of a relation's target: ours from the table above, else a known one, else `id`. */
/**
 * Types of Strapi's plugins that staff edit in the content manager: the school's accounts (users-permissions
 * users, «Пользователи»), with the full name our extension adds (src/extensions/users-permissions).
 */
export const PLUGIN_LAYOUTS: Record<string, TypeLayout> = {
  'plugin::users-permissions.user': {
    labels: {
      username: 'Логин',
      fullName: 'ФИО',
      email: 'Электронная почта',
      provider: 'Способ входа',
      password: 'Пароль',
      resetPasswordToken: 'Код сброса пароля',
      confirmationToken: 'Код подтверждения почты',
      confirmed: 'Почта подтверждена',
      blocked: 'Заблокирован',
      role: 'Роль',
      mustChangePassword: 'Сменить пароль при входе',
    },
    mainField: 'username',
    list: ['username', 'fullName', 'email', 'role', 'blocked'],
    defaultSort: { field: 'username', order: 'ASC' },
    edit: [
      [['fullName', 12]],
      [
        ['username', 6],
        ['email', 6],
      ],
      [
        ['password', 6],
        ['role', 6],
      ],
      [
        ['confirmed', 4],
        ['blocked', 4],
        ['mustChangePassword', 4],
      ],
      [['provider', 6]],
    ],
  },
};

export const mainFieldOf = (uid: string): string =>
  (ADMIN_LAYOUTS[uid] ?? PLUGIN_LAYOUTS[uid])?.mainField ?? FOREIGN_MAIN_FIELDS[uid] ?? 'id';
