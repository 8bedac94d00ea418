export const PLUGIN_ID = 'records-archive';

export const RETENTION_RULE_UID = 'plugin::records-archive.retention-rule';

export const BACKUP_UID = 'plugin::records-archive.backup';
export const RESTORE_DRILL_UID = 'plugin::records-archive.restore-drill';
export const DESTRUCTION_ACT_UID = 'plugin::records-archive.destruction-act';
export const LEGAL_HOLD_UID = 'plugin::records-archive.legal-hold';
export const RETENTION_RULE_VERSION_UID = 'plugin::records-archive.retention-rule-version';

/**
 * Admin RBAC actions of backups, disposition and the retention history, registered in `register`;
 * routes check them as `plugin::records-archive.<uid>` (see `pluginPermission`).
 */
export const KEEPING_ACTIONS = [
  { uid: 'backup.read', displayName: 'Просмотр резервных копий и инструкции по восстановлению', subCategory: 'Резервные копии' },
  { uid: 'backup.create', displayName: 'Создание резервной копии', subCategory: 'Резервные копии' },
  { uid: 'backup.download', displayName: 'Скачивание файлов резервной копии', subCategory: 'Резервные копии' },
  { uid: 'disposition.read', displayName: 'Просмотр сроков, актов и запретов', subCategory: 'Уничтожение по акту' },
  { uid: 'disposition.draft', displayName: 'Составление актов о выделении к уничтожению', subCategory: 'Уничтожение по акту' },
  { uid: 'disposition.approve', displayName: 'Утверждение и отклонение актов (директор)', subCategory: 'Уничтожение по акту' },
  { uid: 'disposition.execute', displayName: 'Уничтожение по утверждённому акту', subCategory: 'Уничтожение по акту' },
  { uid: 'legal-hold.manage', displayName: 'Наложение и снятие запретов на уничтожение', subCategory: 'Уничтожение по акту' },
  { uid: 'retention.history', displayName: 'История изменений сроков хранения', subCategory: 'Сроки хранения' },
] as const;

export type KeepingAction = (typeof KEEPING_ACTIONS)[number]['uid'];

export const ARCHIVE_PACKAGE_UID = 'plugin::records-archive.archive-package';
export const FIXITY_CHECK_UID = 'plugin::records-archive.fixity-check';
export const CLOSING_RUN_UID = 'plugin::records-archive.closing-run';

/**
 * Admin RBAC actions of period closing, archive packages and integrity checks, registered in
 * `register`; routes check them as `plugin::records-archive.<uid>` (see `pluginPermission`).
 */
export const ARCHIVE_ACTIONS = [
  { uid: 'packages.read', displayName: 'Просмотр архивных пакетов и хода закрытия периодов', subCategory: 'Архивные пакеты' },
  { uid: 'packages.download', displayName: 'Скачивание архивных пакетов', subCategory: 'Архивные пакеты' },
  { uid: 'periods.close', displayName: 'Закрытие учебного периода с архивацией журналов', subCategory: 'Закрытие периодов' },
  { uid: 'school-years.archive', displayName: 'Архивация сводных ведомостей учебного года', subCategory: 'Закрытие периодов' },
  { uid: 'fixity.read', displayName: 'Просмотр журнала проверок целостности', subCategory: 'Контроль целостности' },
  { uid: 'fixity.run', displayName: 'Запуск проверки целостности архива', subCategory: 'Контроль целостности' },
] as const;

export type ArchiveAction = (typeof ARCHIVE_ACTIONS)[number]['uid'];

/**
 * Admin RBAC actions of the journal grid («Журнал»): a teacher fills the journals they teach (their
 * admin account is matched to their school account by e-mail); the deputy director reads every
 * journal and writes remarks; corrections in any journal are for those who hold `journal.write-all`.
 */
export const JOURNAL_ACTIONS = [
  { uid: 'journal.own', displayName: 'Ведение своих журналов: отметки, посещаемость, темы уроков', subCategory: 'Журнал' },
  { uid: 'journal.read-all', displayName: 'Просмотр всех журналов школы', subCategory: 'Журнал' },
  { uid: 'journal.write-all', displayName: 'Записи в любом журнале (замещение учителя)', subCategory: 'Журнал' },
  { uid: 'journal.remark', displayName: 'Замечания по ведению журналов', subCategory: 'Журнал' },
] as const;

export type JournalAction = (typeof JOURNAL_ACTIONS)[number]['uid'];

/**
 * Admin RBAC action of the analytics page («Аналитика»): the whole school's measures, rankings of
 * classes and subjects, pupils at risk, the XLSX export.
 */
export const ANALYTICS_ACTIONS = [
  { uid: 'analytics.read', displayName: 'Аналитика успеваемости всей школы и выгрузка в XLSX', subCategory: 'Аналитика' },
] as const;

export type AnalyticsAction = (typeof ANALYTICS_ACTIONS)[number]['uid'];

export const PAPER_CARRIER_UID = 'plugin::records-archive.paper-carrier';
export const INVENTORY_CHECK_UID = 'plugin::records-archive.inventory-check';

/**
 * Admin RBAC actions of the paper archive («Бумажный архив»): the register of paper carriers, the
 * list of files (номенклатура дел) and the inventory checks of the paper archive.
 */
export const PAPER_ACTIONS = [
  {
    uid: 'paper-archive.read',
    displayName: 'Просмотр бумажного архива, номенклатуры дел и проверок наличия',
    subCategory: 'Бумажный архив',
  },
  {
    uid: 'paper-archive.manage',
    displayName: 'Учёт единиц хранения на бумаге и проведение проверок наличия',
    subCategory: 'Бумажный архив',
  },
  { uid: 'paper-archive.sign', displayName: 'Подписание актов проверки наличия и состояния документов', subCategory: 'Бумажный архив' },
] as const;

export type PaperAction = (typeof PAPER_ACTIONS)[number]['uid'];

/**
 * Admin RBAC action of the director's home widget: the summary of journal control and the archive's
 * state, with the open management decisions (seed 002 §3.1.10: общий контроль).
 */
export const CONTROL_ACTIONS = [
  { uid: 'control.summary', displayName: 'Сводка директора: контроль журналов, состояние архива, решения', subCategory: 'Контроль' },
] as const;

export type ControlAction = (typeof CONTROL_ACTIONS)[number]['uid'];

/**
 * The secretary's «Документы»: pupils' personal files with their years' results, personal cards,
 * the аттестаты registered, and the paper forms printed on demand (journals, summary sheets).
 */
export const DOCUMENT_ACTIONS = [
  { uid: 'documents.read', displayName: 'Личные дела, аттестаты и печатные формы: просмотр и печать', subCategory: 'Документы' },
  { uid: 'documents.issue', displayName: 'Заполнение годов личных дел из журнала и регистрация аттестатов', subCategory: 'Документы' },
] as const;

export type DocumentAction = (typeof DOCUMENT_ACTIONS)[number]['uid'];

/**
 * The pupil's card («Ученик»): a pupil's year on one page, opened with the rights of the staff member's
 * school account (the same e-mail) — a teacher their classes' pupils, the deputy and the director all.
 */
export const PUPIL_ACTIONS = [
  {
    uid: 'pupils.read',
    displayName: 'Карточка обучающегося: отметки, результаты, ВПР, самооценка, ИОТ, специальные условия',
    subCategory: 'Обучающиеся',
  },
] as const;

export type PupilAction = (typeof PUPIL_ACTIONS)[number]['uid'];

/** Every admin RBAC action of the plugin. */
export type PluginAction =
  | KeepingAction
  | ArchiveAction
  | JournalAction
  | AnalyticsAction
  | PaperAction
  | ControlAction
  | DocumentAction
  | PupilAction;

/** The permission id an admin route checks: `plugin::records-archive.<action>`. */
export const pluginPermission = (action: PluginAction): string => `plugin::${PLUGIN_ID}.${action}`;
