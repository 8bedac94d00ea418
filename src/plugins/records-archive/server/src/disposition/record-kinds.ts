import { existsSync, promises as fs } from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { DateTime } from 'luxon';
import { BACKUP_UID, PAPER_CARRIER_UID } from '../constants';

/**
 * The kinds of records that can be destroyed by act, each with how its candidates are found, how
 * the retention period is counted and how it is destroyed. Today: archive packages, backups and
 * the personal data of pupils who left (the «personal-file» rule), paper carriers of the paper
 * archive (their own rule by record type); more kinds join this list.
 */

export const DISPOSABLE_TYPES = ['archive-package', 'backup', 'personal-data', 'paper-carrier'] as const;
export type DisposableType = (typeof DISPOSABLE_TYPES)[number];

export const TYPE_LABELS: Record<DisposableType, string> = {
  'archive-package': 'Архивный пакет',
  backup: 'Резервная копия',
  'personal-data': 'Персональные данные обучающегося',
  'paper-carrier': 'Единица хранения на бумаге',
};

export const ARCHIVE_PACKAGE_UID = 'plugin::records-archive.archive-package';
const STUDENT_UID = 'api::student.student';
const GUARDIAN_UID = 'api::guardian.guardian';
const USER_UID = 'plugin::users-permissions.user';
const SPECIAL_CONDITION_UID = 'api::special-condition.special-condition';

/** A record that may be due for destruction. */
export interface Candidate {
  recordType: DisposableType;
  recordId: number;
  documentId: string;
  title: string;
  /** The retention rule (its record type) that governs the record. */
  rule: string;
  /** Local date of the event the period counts from (shown in the act). */
  closedOn: string | null;
  /**
   * When the record stores the day its period started (archive packages: already moved to the next
   * 1 January if the rule said so), the period is counted from it under the current rule.
   */
  periodStartsOn?: string | null;
  /** The deadline stored with the record, used when it has no start date. */
  storedExpiresOn?: string | null;
}

export interface DestroyOutcome {
  note: string;
  /** File removals, run after the database transaction commits. */
  afterCommit?: () => Promise<void>;
}

export interface RecordKind {
  recordType: DisposableType;
  /** False when the kind's content type is not installed. */
  available(strapi: Core.Strapi): boolean;
  candidates(strapi: Core.Strapi): Promise<Candidate[]>;
  find(strapi: Core.Strapi, documentId: string): Promise<Candidate | null>;
  destroy(strapi: Core.Strapi, candidate: { recordId: number; documentId: string }, actNumber: string): Promise<DestroyOutcome>;
}

const schoolZone = (strapi: Core.Strapi): string => (strapi.config.get('school.timeZone') as string | undefined) ?? 'Europe/Moscow';

/** The local date (school time zone) of a stored instant. */
export const localDate = (instant: unknown, timeZone: string): string | null => {
  if (!instant) return null;
  const date = DateTime.fromJSDate(new Date(instant as string), { zone: timeZone });
  return date.isValid ? (date.toISODate() as string) : null;
};

/** `2025-05-31` → `31.05.2025`. */
export const russianDate = (isoDate: string | null | undefined): string => {
  if (!isoDate) return '—';
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}.${month}.${year}`;
};

// ---------------------------------------------------------------------------------------------
// Backups (rule «backup»)

const BACKUP_KIND_LABELS: Record<string, string> = {
  daily: 'ежедневная',
  weekly: 'еженедельная',
  monthly: 'ежемесячная',
  manual: 'ручная',
};

const backupCandidate = (strapi: Core.Strapi, row: Record<string, unknown>): Candidate => {
  const closedOn = localDate(row.finishedAt ?? row.startedAt, schoolZone(strapi));
  return {
    recordType: 'backup',
    recordId: row.id as number,
    documentId: row.documentId as string,
    title: `Резервная копия ${String(row.name)} (${BACKUP_KIND_LABELS[row.kind as string] ?? String(row.kind)}, ${russianDate(closedOn)})`,
    rule: 'backup',
    closedOn,
  };
};

const backups: RecordKind = {
  recordType: 'backup',
  available: () => true,
  async candidates(strapi) {
    const rows = (await strapi.db.query(BACKUP_UID).findMany({ where: { state: 'complete' } })) as Array<Record<string, unknown>>;
    return rows.map((row) => backupCandidate(strapi, row));
  },
  async find(strapi, documentId) {
    const row = (await strapi.db.query(BACKUP_UID).findOne({ where: { documentId } })) as Record<string, unknown> | null;
    return row && row.state !== 'failed' ? backupCandidate(strapi, row) : null;
  },
  async destroy(strapi, { documentId }) {
    const row = (await strapi.db.query(BACKUP_UID).findOne({ where: { documentId } })) as {
      id: number;
      name: string;
      state: string;
    } | null;
    if (!row) return { note: 'Запись о копии уже отсутствовала' };
    await strapi.db.query(BACKUP_UID).delete({ where: { id: row.id } });
    if (row.state !== 'complete') return { note: 'Удалена запись о копии (файлы были удалены ранее при ротации)' };
    const backupService = strapi.plugin('records-archive').service('backup') as { removeFiles(name: string): Promise<void> };
    return { note: 'Удалены файлы копии и запись о ней', afterCommit: () => backupService.removeFiles(row.name) };
  },
};

// ---------------------------------------------------------------------------------------------
// Archive packages (their own rule: journal-export, summary-sheet; deadline stored with the package)

interface ArchivePackageRow {
  id: number;
  documentId: string;
  title: string;
  state: string;
  recordType: string;
  bagPath?: string | null;
  primaryPath?: string | null;
  secondaryPath?: string | null;
  retentionStartsOn?: string | null;
  retentionExpiresOn?: string | null;
}

const packageCandidate = (row: ArchivePackageRow): Candidate => ({
  recordType: 'archive-package',
  recordId: row.id,
  documentId: row.documentId,
  title: `Архивный пакет «${row.title}»`,
  rule: row.recordType,
  closedOn: row.retentionStartsOn ?? null,
  periodStartsOn: row.retentionStartsOn ?? null,
  storedExpiresOn: row.retentionExpiresOn ?? null,
});

/** Removes a bag folder only if it is one (holds bagit.txt): a wrong path must never delete anything else. */
const removeBagFolder = async (folder: string | null | undefined): Promise<void> => {
  if (!folder || !path.isAbsolute(folder) || !existsSync(path.join(folder, 'bagit.txt'))) return;
  await fs.rm(folder, { recursive: true, force: true });
};

/** Both copies through the archive-package service when it offers it, else by the stored paths. */
const removePackageCopies = async (strapi: Core.Strapi, row: ArchivePackageRow): Promise<void> => {
  const archive = strapi.plugin('records-archive').service('archive-package') as
    | { removeCopies?: (documentId: string) => Promise<unknown> }
    | undefined;
  if (typeof archive?.removeCopies === 'function') {
    await archive.removeCopies(row.documentId);
    return;
  }
  await removeBagFolder(row.primaryPath);
  await removeBagFolder(row.secondaryPath);
};

const archivePackages: RecordKind = {
  recordType: 'archive-package',
  available: (strapi) => Boolean(strapi.contentTypes[ARCHIVE_PACKAGE_UID]),
  async candidates(strapi) {
    if (!archivePackages.available(strapi)) return [];
    const rows = (await strapi.db
      .query(ARCHIVE_PACKAGE_UID)
      .findMany({ where: { state: { $in: ['complete', 'superseded'] } } })) as ArchivePackageRow[];
    return rows.map(packageCandidate);
  },
  async find(strapi, documentId) {
    if (!archivePackages.available(strapi)) return null;
    const row = (await strapi.db.query(ARCHIVE_PACKAGE_UID).findOne({ where: { documentId } })) as ArchivePackageRow | null;
    return row && ['complete', 'superseded'].includes(row.state) ? packageCandidate(row) : null;
  },
  async destroy(strapi, { documentId }, actNumber) {
    const query = strapi.db.query(ARCHIVE_PACKAGE_UID);
    const row = (await query.findOne({ where: { documentId } })) as ArchivePackageRow | null;
    if (!row || row.state === 'destroyed') return { note: 'Пакет уже отсутствовал' };
    await query.update({ where: { id: row.id }, data: { state: 'destroyed', error: `Уничтожен по акту № ${actNumber}` } });
    return {
      note: 'Пакет удалён из обоих мест хранения; запись о нём сохранена со статусом «уничтожен»',
      afterCommit: () => removePackageCopies(strapi, row),
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Personal data of pupils who left (rule «personal-file»: years of study + N years after leaving)

const LEFT_REASONS: Record<string, string> = {
  'transferred-to-other-school': 'перевод в другую школу',
  graduated: 'окончание обучения',
  expelled: 'отчисление',
};

export const ANONYMISED_NAME = 'Обезличено';

interface StudentRow {
  id: number;
  documentId: string;
  fullName: string | null;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: string | null;
  enrollments?: Array<{ endDate: string | null; leavingReason: string | null }>;
}

/** The pupil's leaving date and reason when their last enrollment ended by leaving the school. */
const leaving = (student: StudentRow): { endDate: string; reason: string } | null => {
  const enrollments = student.enrollments ?? [];
  if (enrollments.length === 0 || enrollments.some((enrollment) => !enrollment.endDate)) return null;
  const last = [...enrollments].sort((a, b) => String(b.endDate).localeCompare(String(a.endDate)))[0];
  if (!last.leavingReason || !(last.leavingReason in LEFT_REASONS)) return null;
  return { endDate: String(last.endDate), reason: last.leavingReason };
};

const studentCandidate = (student: StudentRow): Candidate | null => {
  const left = leaving(student);
  if (!left || (student.lastName === ANONYMISED_NAME && !student.birthDate)) return null;
  const name = student.fullName ?? [student.lastName, student.firstName, student.patronymic].filter(Boolean).join(' ');
  return {
    recordType: 'personal-data',
    recordId: student.id,
    documentId: student.documentId,
    title: `${name}, ${russianDate(student.birthDate)} г. р.: выбытие ${russianDate(left.endDate)} (${LEFT_REASONS[left.reason]})`,
    rule: 'personal-file',
    closedOn: left.endDate,
  };
};

const STUDENT_SELECT = ['id', 'documentId', 'fullName', 'lastName', 'firstName', 'patronymic', 'birthDate'];

const personalData: RecordKind = {
  recordType: 'personal-data',
  available: (strapi) => Boolean(strapi.contentTypes[STUDENT_UID]),
  async candidates(strapi) {
    const rows = (await strapi.db.query(STUDENT_UID).findMany({
      where: { enrollments: { endDate: { $notNull: true } } },
      select: STUDENT_SELECT,
      populate: { enrollments: { select: ['endDate', 'leavingReason'] } },
    })) as StudentRow[];
    return rows.map(studentCandidate).filter((candidate): candidate is Candidate => candidate !== null);
  },
  async find(strapi, documentId) {
    const row = (await strapi.db.query(STUDENT_UID).findOne({
      where: { documentId },
      select: STUDENT_SELECT,
      populate: { enrollments: { select: ['endDate', 'leavingReason'] } },
    })) as StudentRow | null;
    return row ? studentCandidate(row) : null;
  },
  /**
   * The pupil's marks, attendance and class lists stay (journals and summary sheets have periods of
   * their own); what identifies the pupil is removed: names, birth date, gender, the REST account,
   * and the health data of their special learning conditions.
   * Legal representatives with no other child at the school are anonymised the same way; those
   * with other children are only unlinked from this pupil.
   */
  async destroy(strapi, { documentId }, actNumber) {
    const students = strapi.db.query(STUDENT_UID);
    const student = (await students.findOne({
      where: { documentId },
      select: ['id'],
      populate: {
        user: { select: ['id'] },
        guardians: { select: ['id'], populate: { children: { select: ['id'] }, user: { select: ['id'] } } },
      },
    })) as {
      id: number;
      user: { id: number } | null;
      guardians: Array<{ id: number; children: Array<{ id: number }>; user: { id: number } | null }>;
    } | null;
    if (!student) return { note: 'Запись обучающегося уже отсутствовала' };
    const marker = `${ANONYMISED_NAME} (акт № ${actNumber})`;
    const accounts: number[] = student.user ? [student.user.id] : [];
    await students.update({
      where: { id: student.id },
      data: { lastName: ANONYMISED_NAME, firstName: '—', patronymic: null, fullName: marker, birthDate: null, gender: null, user: null },
    });
    let anonymisedGuardians = 0;
    let unlinkedGuardians = 0;
    for (const guardian of student.guardians ?? []) {
      if (guardian.children.some((child) => child.id !== student.id)) {
        await strapi.db
          .query(GUARDIAN_UID)
          .update({ where: { id: guardian.id }, data: { children: { disconnect: [{ id: student.id }] } } });
        unlinkedGuardians += 1;
      } else {
        await strapi.db.query(GUARDIAN_UID).update({
          where: { id: guardian.id },
          data: { lastName: ANONYMISED_NAME, firstName: '—', patronymic: null, fullName: marker, phone: null, email: null, user: null },
        });
        if (guardian.user) accounts.push(guardian.user.id);
        anonymisedGuardians += 1;
      }
    }
    if (accounts.length > 0) await strapi.db.query(USER_UID).deleteMany({ where: { id: { $in: accounts } } });
    // Health data (special learning conditions, ПМПК) identifies the pupil by itself: destroyed, not kept.
    const specialConditions = strapi.contentTypes[SPECIAL_CONDITION_UID as never]
      ? ((await strapi.db.query(SPECIAL_CONDITION_UID).deleteMany({ where: { student: { id: student.id } } })) as { count: number }).count
      : 0;
    const parts = ['Персональные данные обучающегося обезличены'];
    if (specialConditions > 0) parts.push(`уничтожены заключения ПМПК: ${specialConditions}`);
    if (anonymisedGuardians > 0) parts.push(`обезличены данные родителей: ${anonymisedGuardians}`);
    if (unlinkedGuardians > 0) parts.push(`отвязаны родители других обучающихся: ${unlinkedGuardians}`);
    if (accounts.length > 0) parts.push(`удалены учётные записи: ${accounts.length}`);
    return { note: parts.join('; ') };
  },
};

// ---------------------------------------------------------------------------------------------
// Paper carriers (the rule of their record type, counted from the day the case was closed)

interface PaperCarrierRow {
  id: number;
  documentId: string;
  recordType: string;
  title: string;
  schoolYear: string;
  caseIndex: string | null;
  storagePlace: string | null;
  closedOn: string | null;
  state: string;
}

const paperCandidate = (row: PaperCarrierRow): Candidate => ({
  recordType: 'paper-carrier',
  recordId: row.id,
  documentId: row.documentId,
  title: [
    `${row.caseIndex ? `${row.caseIndex} ` : ''}«${row.title}» (${row.schoolYear})`,
    row.storagePlace ? `место хранения: ${row.storagePlace}` : '',
  ]
    .filter(Boolean)
    .join(', '),
  rule: row.recordType,
  closedOn: row.closedOn ? String(row.closedOn).slice(0, 10) : null,
});

const PAPER_SELECT = ['id', 'documentId', 'recordType', 'title', 'schoolYear', 'caseIndex', 'storagePlace', 'closedOn', 'state'];

/** Only what the school holds is destroyed: a carrier handed over, missing or destroyed is not a candidate. */
const paperCarriers: RecordKind = {
  recordType: 'paper-carrier',
  available: (strapi) => Boolean(strapi.contentTypes[PAPER_CARRIER_UID as never]),
  async candidates(strapi) {
    const rows = (await strapi.db
      .query(PAPER_CARRIER_UID)
      .findMany({ where: { state: 'in-storage', closedOn: { $notNull: true } }, select: PAPER_SELECT })) as PaperCarrierRow[];
    return rows.map(paperCandidate);
  },
  async find(strapi, documentId) {
    const row = (await strapi.db
      .query(PAPER_CARRIER_UID)
      .findOne({ where: { documentId }, select: PAPER_SELECT })) as PaperCarrierRow | null;
    return row && row.state === 'in-storage' ? paperCandidate(row) : null;
  },
  /** The paper is destroyed physically by the commission; the register keeps the row, marked destroyed with the act. */
  async destroy(strapi, { documentId }, actNumber) {
    const query = strapi.db.query(PAPER_CARRIER_UID);
    const row = (await query.findOne({ where: { documentId }, select: PAPER_SELECT })) as PaperCarrierRow | null;
    if (!row || row.state === 'destroyed') return { note: 'Единица хранения уже отмечена уничтоженной' };
    await query.update({
      where: { id: row.id },
      data: { state: 'destroyed', destructionActNumber: actNumber, destroyedAt: new Date() },
    });
    return {
      note: 'Документ на бумаге уничтожается физически по акту; запись в реестре сохранена с состоянием «уничтожено» и номером акта',
    };
  },
};

export const RECORD_KINDS: Record<DisposableType, RecordKind> = {
  'archive-package': archivePackages,
  backup: backups,
  'personal-data': personalData,
  'paper-carrier': paperCarriers,
};
