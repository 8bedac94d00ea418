import type { BadgeProps } from '@strapi/design-system';
import { msg, type Message } from '../utils/translations';

type Variant = NonNullable<BadgeProps['variant']>;
type Labels = Record<string, [Message, Variant]>;

export const PACKAGE_STATUS: Labels = {
  building: [msg('status.package.building', 'Формируется'), 'secondary'],
  complete: [msg('status.package.complete', 'Готов'), 'success'],
  failed: [msg('status.package.failed', 'Ошибка'), 'danger'],
  superseded: [msg('status.package.superseded', 'Заменён новой версией'), 'neutral'],
  destroyed: [msg('status.package.destroyed', 'Уничтожен'), 'neutral'],
};

export const COPY_STATE: Labels = {
  unknown: [msg('status.copy.unknown', 'Не проверена'), 'neutral'],
  ok: [msg('status.copy.ok', 'Цела'), 'success'],
  damaged: [msg('status.copy.damaged', 'Повреждена'), 'danger'],
  missing: [msg('status.copy.missing', 'Отсутствует'), 'danger'],
};

export const FIXITY_STATUS: Labels = {
  running: [msg('status.fixity.running', 'Идёт'), 'secondary'],
  passed: [msg('status.fixity.passed', 'Всё цело'), 'success'],
  repaired: [msg('status.fixity.repaired', 'Восстановлено'), 'warning'],
  failed: [msg('status.fixity.failed', 'Есть неисправимые'), 'danger'],
};

export const RUN_STATUS: Labels = {
  running: [msg('status.run.running', 'Выполняется'), 'secondary'],
  complete: [msg('status.run.complete', 'Завершено'), 'success'],
  failed: [msg('status.run.failed', 'Ошибка'), 'danger'],
  warning: [msg('status.run.warning', 'Предупреждение'), 'warning'],
};

export const RUN_KIND: Record<string, Message> = {
  'period-closing': msg('run.kind.period-closing', 'Закрытие периода'),
  'closing-warning': msg('run.kind.closing-warning', 'Напоминание о закрытии'),
  'school-year-archive': msg('run.kind.school-year-archive', 'Архивация учебного года'),
};

export const PERIOD_STATUS: Labels = {
  open: [msg('status.period.open', 'Открыт'), 'primary'],
  closed: [msg('status.period.closed', 'Закрыт'), 'neutral'],
};

export const BACKUP_STATUS: Labels = {
  complete: [msg('status.backup.complete', 'Готова'), 'success'],
  failed: [msg('status.backup.failed', 'Ошибка'), 'danger'],
  rotated: [msg('status.backup.rotated', 'Удалена по ротации'), 'neutral'],
};

export const BACKUP_KIND: Record<string, Message> = {
  daily: msg('backup.kind.daily', 'Ежедневная'),
  weekly: msg('backup.kind.weekly', 'Еженедельная'),
  monthly: msg('backup.kind.monthly', 'Ежемесячная'),
  manual: msg('backup.kind.manual', 'Ручная'),
};

export const ACT_STATUS: Labels = {
  draft: [msg('status.act.draft', 'Черновик'), 'secondary'],
  approved: [msg('status.act.approved', 'Утверждён'), 'primary'],
  rejected: [msg('status.act.rejected', 'Отклонён'), 'danger'],
  executed: [msg('status.act.executed', 'Исполнен'), 'success'],
};

export const RECORD_TYPE: Record<string, Message> = {
  'archive-package': msg('recordType.archive-package', 'Архивный пакет'),
  backup: msg('recordType.backup', 'Резервная копия'),
  'personal-data': msg('recordType.personal-data', 'Персональные данные обучающегося'),
  'paper-carrier': msg('recordType.paper-carrier', 'Единица хранения на бумаге'),
};

export const RULE_RECORD_TYPE: Record<string, Message> = {
  'personal-file': msg('rule.recordType.personal-file', 'Личное дело'),
  'certificate-book': msg('rule.recordType.certificate-book', 'Книга выдачи аттестатов'),
  'study-certificate-book': msg('rule.recordType.study-certificate-book', 'Книга выдачи справок об обучении'),
  'medals-book': msg('rule.recordType.medals-book', 'Книга учёта медалей'),
  'exam-protocol': msg('rule.recordType.exam-protocol', 'Протоколы экзаменов'),
  'final-essay': msg('rule.recordType.final-essay', 'Итоговые сочинения'),
  'gia-admission-protocol': msg('rule.recordType.gia-admission-protocol', 'Протоколы допуска к ГИА'),
  'summary-sheet': msg('rule.recordType.summary-sheet', 'Сводная ведомость'),
  'journal-export': msg('rule.recordType.journal-export', 'Выгрузка электронного журнала'),
  'paper-journal': msg('rule.recordType.paper-journal', 'Бумажный журнал'),
  'stored-basic-certificate': msg('rule.recordType.stored-basic-certificate', 'Невостребованный аттестат'),
  portfolio: msg('rule.recordType.portfolio', 'Портфолио'),
  diary: msg('rule.recordType.diary', 'Электронный дневник'),
  'audit-trail': msg('rule.recordType.audit-trail', 'Журнал изменений'),
  backup: msg('rule.recordType.backup', 'Резервная копия'),
  messages: msg('rule.recordType.messages', 'Переписка'),
  'work-notebook': msg('rule.recordType.work-notebook', 'Рабочие тетради'),
  'test-notebook': msg('rule.recordType.test-notebook', 'Тетради контрольных работ'),
  'monitoring-data': msg('rule.recordType.monitoring-data', 'Материалы мониторингов'),
  'distance-lesson-plan': msg('rule.recordType.distance-lesson-plan', 'Конспекты уроков (дистанционное обучение)'),
  'distance-daily-report': msg('rule.recordType.distance-daily-report', 'Ежедневные отчёты (дистанционное обучение)'),
  'distance-pupil-work': msg('rule.recordType.distance-pupil-work', 'Работы обучающихся (дистанционное обучение)'),
  'platform-result': msg('rule.recordType.platform-result', 'Результаты на образовательных платформах'),
  'destruction-act': msg('rule.recordType.destruction-act', 'Акты об уничтожении'),
  'inventory-check-act': msg('rule.recordType.inventory-check-act', 'Акты проверки наличия'),
};

export const COUNTS_FROM: Record<string, Message> = {
  'end-of-school-year': msg('rule.countsFrom.end-of-school-year', 'с окончания учебного года'),
  'pupil-leaves': msg('rule.countsFrom.pupil-leaves', 'с выбытия обучающегося'),
  'book-closed': msg('rule.countsFrom.book-closed', 'с закрытия книги'),
  'exam-date': msg('rule.countsFrom.exam-date', 'с даты экзамена'),
  'record-created': msg('rule.countsFrom.record-created', 'с создания записи'),
};

export const ACTION_AT_EXPIRY: Record<string, Message> = {
  'destroy-by-act': msg('rule.action.destroy-by-act', 'Уничтожение по акту'),
  'hand-over': msg('rule.action.hand-over', 'Передача на хранение'),
  'expert-review': msg('rule.action.expert-review', 'Экспертиза ценности'),
};

export const CHANGE_KIND: Record<string, Message> = {
  create: msg('history.change.create', 'Создано'),
  update: msg('history.change.update', 'Изменено'),
  delete: msg('history.change.delete', 'Удалено'),
};

/** Work types of a lesson column: the full name (side panel) and the short one (column header). */
export const WORK_TYPE: Record<string, { full: Message; short: Message }> = {
  'oral-answer': { full: msg('workType.oral-answer', 'Устный ответ'), short: msg('workType.short.oral-answer', 'уст.') },
  'written-work': { full: msg('workType.written-work', 'Письменная работа'), short: msg('workType.short.written-work', 'пис.') },
  'control-work': { full: msg('workType.control-work', 'Контрольная работа'), short: msg('workType.short.control-work', 'к/р') },
  'independent-work': {
    full: msg('workType.independent-work', 'Самостоятельная работа'),
    short: msg('workType.short.independent-work', 'с/р'),
  },
  test: { full: msg('workType.test', 'Тест'), short: msg('workType.short.test', 'тест') },
  dictation: { full: msg('workType.dictation', 'Диктант'), short: msg('workType.short.dictation', 'дикт.') },
  essay: { full: msg('workType.essay', 'Сочинение'), short: msg('workType.short.essay', 'соч.') },
  homework: { full: msg('workType.homework', 'Домашняя работа'), short: msg('workType.short.homework', 'д/р') },
  'lab-work': { full: msg('workType.lab-work', 'Лабораторная работа'), short: msg('workType.short.lab-work', 'л/р') },
  'practical-work': { full: msg('workType.practical-work', 'Практическая работа'), short: msg('workType.short.practical-work', 'п/р') },
  project: { full: msg('workType.project', 'Проект'), short: msg('workType.short.project', 'проект') },
  other: { full: msg('workType.other', 'Другое'), short: msg('workType.short.other', 'др.') },
};
