import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DateTime } from 'luxon';
import { fullDate } from '../archive/grid';
import { archiveLocations, ArchiveBusyError } from '../archive/locations';
import { periodPackagePath, summaryPackagePath } from '../archive/paths';
import { cleanStaging, LOCATIONS } from '../archive/storage';
import { ARCHIVE_PACKAGE_UID, CLOSING_RUN_UID } from '../constants';
import { getService } from '../utils';
import { acquireLease, runExclusively } from '../utils/lease';
import type { ArchiveHooks, PackageRow } from './archive-package';
import { sourceDigestOf, type PeriodGroup, type StoredPeriod } from './journal-export';
import { runArchiveProcedure } from '../../../../../school/records/procedure';
import { todayInZone } from '../../../../../school/calendar';
import { getSchoolSettings } from '../../../../../school/settings';

/**
 * Closing a study period (seed 002 §3.1.9: «в конце каждой четверти … архивирует электронные
 * журналы»): one archive package per class, in both locations, and only when every package is
 * complete the period is closed through the period-closing procedure, after which its lessons,
 * marks and attendance are read-only. Re-running finishes what a crash left; a closed period whose
 * data a correction changed gets new package versions. At the end of the year, summary progress
 * sheets per class.
 */

/** One lease for every job that writes packages, so two instances never write the same bag. */
export const ARCHIVE_WRITE_LEASE = 'records-archive:archive-write';
export const SCHEDULED_CLOSING_LEASE = 'records-archive:scheduled-closing';
const LEASE_TTL_MS = 30 * 60 * 1000;
/** Staging leftovers older than this are from crashed writes (no write lasts as long as a lease). */
const STALE_STAGING_MS = 2 * LEASE_TTL_MS;
const WARN_DAYS_BEFORE = 7;
export const SCHEDULE_AUTHORITY = 'Автоматически по расписанию (модуль «Архив учёта»)';

export type ClosingTrigger = 'manual' | 'schedule';

export interface ClosingRunRow {
  id: number;
  documentId: string;
  kind: 'period-closing' | 'closing-warning' | 'school-year-archive';
  trigger: ClosingTrigger;
  state: 'running' | 'complete' | 'failed' | 'warning';
  authorisedBy: string | null;
  reason: string | null;
  message: string | null;
  startedAt: string;
  finishedAt: string | null;
  packagesTotal: number | null;
  packagesComplete: number | null;
  error: string | null;
  studyPeriod?: { documentId: string; title: string } | null;
  academicYear?: { documentId: string; title: string } | null;
}

export const closingRunView = (row: ClosingRunRow) => ({
  documentId: row.documentId,
  kind: row.kind,
  trigger: row.trigger,
  state: row.state,
  studyPeriod: row.studyPeriod ? { documentId: row.studyPeriod.documentId, title: row.studyPeriod.title } : null,
  academicYear: row.academicYear ? { documentId: row.academicYear.documentId, title: row.academicYear.title } : null,
  authorisedBy: row.authorisedBy,
  reason: row.reason,
  message: row.message,
  startedAt: row.startedAt,
  finishedAt: row.finishedAt,
  packagesTotal: row.packagesTotal,
  packagesComplete: row.packagesComplete,
  error: row.error,
});

export interface ClosePeriodInput {
  studyPeriodDocumentId: string;
  authorisedBy: string;
  reason?: string;
  trigger?: ClosingTrigger;
}

export interface ClosePeriodResult {
  studyPeriod: { documentId: string; title: string; academicYear: string; state: string; closedAt: string | null };
  /** The period was already closed: its packages were checked (and re-made where a correction changed the data). */
  alreadyClosed: boolean;
  packages: PackageRow[];
  run: string;
}

export interface ArchiveYearInput {
  academicYearDocumentId: string;
  authorisedBy: string;
  trigger?: ClosingTrigger;
}

export interface ScheduledClosingReport {
  today: string;
  warned: string[];
  closed: string[];
  failed: Array<{ studyPeriod: string; error: string }>;
}

const RUN_POPULATE = { studyPeriod: { select: ['documentId', 'title'] }, academicYear: { select: ['documentId', 'title'] } };

const periodLabel = (period: StoredPeriod): string => `${period.title} ${period.academicYear.title}`;

const createPeriodClosingService = ({ strapi }: { strapi: Core.Strapi }) => {
  const runs = () => strapi.db.query(CLOSING_RUN_UID);
  const inProcess = new Set<string>();

  /** The lease across instances and a guard within this one; ArchiveBusyError when taken. */
  const exclusively = async <T>(name: string, what: string, job: () => Promise<T>): Promise<T> => {
    if (inProcess.has(name)) throw new ArchiveBusyError(what);
    inProcess.add(name);
    try {
      const outcome = await runExclusively(strapi, name, LEASE_TTL_MS, async () => ({ value: await job() }));
      if (!outcome) throw new ArchiveBusyError(what);
      return outcome.value;
    } finally {
      inProcess.delete(name);
    }
  };

  /**
   * What a crashed run left behind: old staging folders, and runs still marked «running» (called
   * under the write lease, so no other archive run is under way now).
   */
  const sweepInterrupted = async (): Promise<void> => {
    const locations = archiveLocations(strapi);
    for (const location of LOCATIONS) await cleanStaging(locations[location], STALE_STAGING_MS);
    await runs().updateMany({
      where: { kind: { $in: ['period-closing', 'school-year-archive'] }, state: 'running' },
      data: {
        state: 'failed',
        finishedAt: new Date().toISOString(),
        error: 'The server stopped before the run finished',
        message:
          'Прервано: сервер остановился до окончания работы (сбой или перезапуск). Готовые пакеты сохранены, следующий запуск продолжает с того же места',
      },
    });
  };

  const finishRun = async (id: number, data: Record<string, unknown>): Promise<void> => {
    await runs().update({ where: { id }, data: { ...data, finishedAt: new Date().toISOString() } });
  };

  /** Builds (or confirms) the package of every group of the period. */
  const archivePeriodGroups = async (
    period: StoredPeriod,
    groups: PeriodGroup[],
    authorisedBy: string,
    hooks: ArchiveHooks,
    verifyUnchanged: boolean,
  ): Promise<PackageRow[]> => {
    const exporter = getService(strapi, 'journal-export');
    const packages = getService(strapi, 'archive-package');
    const built: PackageRow[] = [];
    for (const group of groups) {
      const archive = await exporter.collectPeriodArchive(period, group);
      const { school: _school, description: _description, ...data } = archive;
      built.push(
        await packages.buildPackage(
          {
            kind: 'period-journal',
            recordType: 'journal-export',
            groupKey: group.key,
            title: `${group.label}: журналы за ${periodLabel(period)}`,
            basePath: periodPackagePath(
              period.academicYear.title,
              period.scheme,
              period.number,
              group.schoolClass ? String(group.schoolClass.name) : `${group.label}-${group.key.split(':').pop()}`,
            ),
            studyPeriodId: period.id,
            academicYearId: period.academicYear.id,
            schoolClassId: group.schoolClass?.id ?? null,
            retentionFrom: period.academicYear.endDate,
            description: `Архивная копия электронного журнала: ${group.label}, ${period.title} ${period.academicYear.title} учебного года (${fullDate(period.startDate)}–${fullDate(period.endDate)}). Данные (journal.json), электронная таблица (journal.xlsx) и печатная форма (journal.pdf). Хранится на двух электронных носителях`,
            authorisedBy,
            sourceDigest: sourceDigestOf(data),
            render: (generatedAt) => exporter.renderPeriodFiles(archive, generatedAt),
          },
          hooks,
          { verifyUnchanged },
        ),
      );
      await acquireLease(strapi, ARCHIVE_WRITE_LEASE, LEASE_TTL_MS);
    }
    return built;
  };

  const service = {
    /**
     * Closes a study period for the whole school: a package per class (and per cross-class
     * journal) in both locations, then the period's state through the period-closing procedure.
     */
    async closePeriod(input: ClosePeriodInput, hooks: ArchiveHooks = {}): Promise<ClosePeriodResult> {
      const authorisedBy = input.authorisedBy?.trim();
      if (!authorisedBy) throw new errors.ValidationError('Укажите, кто разрешил закрытие периода (должность, ФИО, документ)');
      const exporter = getService(strapi, 'journal-export');
      const first = await exporter.loadPeriod(input.studyPeriodDocumentId);
      if (!first) throw new errors.NotFoundError('Учебный период не найден');
      const settings = getSchoolSettings(strapi);
      if (first.state !== 'closed' && first.endDate > todayInZone(settings.timeZone)) {
        throw new errors.ValidationError(
          `Период «${periodLabel(first)}» ещё не закончился (последний день — ${fullDate(first.endDate)}): закрыть его можно после этой даты`,
        );
      }
      return exclusively(ARCHIVE_WRITE_LEASE, 'Архивация', async () => {
        await sweepInterrupted();
        const period = (await exporter.loadPeriod(input.studyPeriodDocumentId)) as StoredPeriod;
        const alreadyClosed = period.state === 'closed';
        const reason = input.reason?.trim() || `Окончание периода «${periodLabel(period)}»: архивация журналов и закрытие периода`;
        const run = (await runs().create({
          data: {
            kind: 'period-closing',
            trigger: input.trigger ?? 'manual',
            state: 'running',
            studyPeriod: period.id,
            academicYear: period.academicYear.id,
            authorisedBy,
            reason,
            startedAt: new Date().toISOString(),
          },
        })) as ClosingRunRow;
        try {
          const groups = await exporter.findPeriodGroups(period);
          await runs().update({ where: { id: run.id }, data: { packagesTotal: groups.length } });
          let packages = await archivePeriodGroups(period, groups, authorisedBy, hooks, true);
          let closedAt = (period.closedAt as string | null) ?? null;
          if (!alreadyClosed) {
            closedAt = new Date().toISOString();
            await runArchiveProcedure({ kind: 'period-closing', reason, authorisedBy }, () =>
              strapi
                .documents('api::study-period.study-period')
                .update({ documentId: period.documentId, data: { state: 'closed', closedAt } } as never),
            );
            // Entries made between packaging and closing would be missing: the period is frozen now,
            // so one more pass makes the packages equal to what was closed (unchanged ones are skipped).
            packages = await archivePeriodGroups(period, groups, authorisedBy, hooks, false);
          }
          await getService(strapi, 'archive-package').sealPeriodPackages(period.id);
          const message = alreadyClosed
            ? `Период «${periodLabel(period)}» уже был закрыт; архивные пакеты проверены (${packages.length})`
            : `Период «${periodLabel(period)}» закрыт; архивных пакетов: ${packages.length}, каждый в двух местах хранения`;
          await finishRun(run.id, { state: 'complete', packagesComplete: packages.length, message });
          strapi.log.info(`[records-archive] ${message}`);
          return {
            studyPeriod: {
              documentId: period.documentId,
              title: period.title,
              academicYear: period.academicYear.title,
              state: 'closed',
              closedAt,
            },
            alreadyClosed,
            packages: await getService(strapi, 'archive-package').forPeriod(period.id),
            run: run.documentId,
          };
        } catch (error) {
          const complete = await strapi.db
            .query(ARCHIVE_PACKAGE_UID)
            .count({ where: { studyPeriod: { id: period.id }, state: 'complete' } });
          const closedNow = (await exporter.loadPeriod(period.documentId))?.state === 'closed';
          await finishRun(run.id, {
            state: 'failed',
            packagesComplete: complete,
            error: (error as Error).message?.slice(0, 4000) ?? String(error),
            message: `Закрытие периода «${periodLabel(period)}» прервано: ${closedNow ? 'период закрыт, но не все пакеты готовы' : 'период остаётся открытым'}. Запустите закрытие ещё раз — готовые пакеты не будут пересобраны`,
          }).catch(() => undefined);
          throw error;
        }
      });
    },

    /** Summary progress sheets of every class of a school year, one package per class (25-year rule). */
    async archiveSchoolYear(
      input: ArchiveYearInput,
      hooks: ArchiveHooks = {},
    ): Promise<{ academicYear: { documentId: string; title: string }; packages: PackageRow[]; run: string }> {
      const authorisedBy = input.authorisedBy?.trim();
      if (!authorisedBy) throw new errors.ValidationError('Укажите, кто разрешил архивацию учебного года (должность, ФИО, документ)');
      const exporter = getService(strapi, 'journal-export');
      const packages = getService(strapi, 'archive-package');
      const year = await exporter.loadYear(input.academicYearDocumentId);
      if (!year) throw new errors.NotFoundError('Учебный год не найден');
      return exclusively(ARCHIVE_WRITE_LEASE, 'Архивация', async () => {
        await sweepInterrupted();
        const run = (await runs().create({
          data: {
            kind: 'school-year-archive',
            trigger: input.trigger ?? 'manual',
            state: 'running',
            academicYear: year.id,
            authorisedBy,
            reason: `Сводные ведомости успеваемости за ${year.title} учебный год`,
            startedAt: new Date().toISOString(),
          },
        })) as ClosingRunRow;
        try {
          const classes = await exporter.findYearClasses(year.id);
          await runs().update({ where: { id: run.id }, data: { packagesTotal: classes.length } });
          const built: PackageRow[] = [];
          for (const schoolClass of classes) {
            const archive = await exporter.collectSummaryArchive(year, schoolClass);
            const { school: _school, description: _description, ...data } = archive;
            built.push(
              await packages.buildPackage(
                {
                  kind: 'summary-sheet',
                  recordType: 'summary-sheet',
                  groupKey: `year:${year.documentId}:class:${schoolClass.documentId}`,
                  title: `${String(schoolClass.name)} класс: сводная ведомость успеваемости за ${year.title} учебный год`,
                  basePath: summaryPackagePath(year.title, String(schoolClass.name)),
                  studyPeriodId: null,
                  academicYearId: year.id,
                  schoolClassId: schoolClass.id,
                  retentionFrom: year.endDate,
                  description: `Сводная ведомость успеваемости: ${String(schoolClass.name)} класс, ${year.title} учебный год. Отметки за периоды, годовые, экзаменационные и итоговые по каждому предмету. Данные (summary.json), электронная таблица (summary.xlsx) и печатная форма (summary.pdf)`,
                  authorisedBy,
                  sourceDigest: sourceDigestOf(data),
                  render: (generatedAt) => exporter.renderSummaryFiles(archive, generatedAt),
                  sealOnComplete: true,
                },
                hooks,
              ),
            );
            await acquireLease(strapi, ARCHIVE_WRITE_LEASE, LEASE_TTL_MS);
          }
          await finishRun(run.id, {
            state: 'complete',
            packagesComplete: built.length,
            message: `Сводные ведомости ${year.title}: архивных пакетов ${built.length}, каждый в двух местах хранения`,
          });
          return { academicYear: { documentId: year.documentId, title: year.title }, packages: built, run: run.documentId };
        } catch (error) {
          await finishRun(run.id, {
            state: 'failed',
            error: (error as Error).message?.slice(0, 4000) ?? String(error),
            message: `Архивация сводных ведомостей ${year.title} прервана. Запустите её ещё раз — готовые пакеты не будут пересобраны`,
          }).catch(() => undefined);
          throw error;
        }
      });
    },

    /**
     * The nightly job: a warning a week before a period ends, and the close of every open period
     * whose last day is before today (in the school's time zone). One instance runs it.
     */
    async runScheduledClosing(now: Date = new Date()): Promise<ScheduledClosingReport | null> {
      return runExclusively(strapi, SCHEDULED_CLOSING_LEASE, LEASE_TTL_MS, async () => {
        const settings = getSchoolSettings(strapi);
        const today = todayInZone(settings.timeZone, now);
        const horizon = DateTime.fromISO(today, { zone: 'utc' }).plus({ days: WARN_DAYS_BEFORE }).toISODate() as string;
        const report: ScheduledClosingReport = { today, warned: [], closed: [], failed: [] };
        const open = (await strapi.db.query('api::study-period.study-period').findMany({
          where: { state: 'open', endDate: { $lte: horizon } },
          populate: { academicYear: { select: ['id', 'documentId', 'title', 'startDate', 'endDate'] } },
          orderBy: [{ endDate: 'asc' }, { id: 'asc' }],
        })) as StoredPeriod[];
        for (const period of open.filter((candidate) => candidate.endDate >= today)) {
          const warned = await runs().count({ where: { kind: 'closing-warning', studyPeriod: { id: period.id } } });
          if (warned > 0) continue;
          const message = `${periodLabel(period)} заканчивается ${fullDate(period.endDate)}. На следующий день период будет закрыт и сдан в архив автоматически, после чего отметки, темы уроков и посещаемость станут только для чтения. Проверьте, что выставлены все отметки за период`;
          await runs().create({
            data: {
              kind: 'closing-warning',
              trigger: 'schedule',
              state: 'warning',
              studyPeriod: period.id,
              academicYear: period.academicYear.id,
              message,
              startedAt: now.toISOString(),
              finishedAt: now.toISOString(),
            },
          });
          strapi.log.warn(`[records-archive] ${message}`);
          report.warned.push(period.documentId);
        }
        for (const period of open.filter((candidate) => candidate.endDate < today)) {
          try {
            await service.closePeriod({ studyPeriodDocumentId: period.documentId, authorisedBy: SCHEDULE_AUTHORITY, trigger: 'schedule' });
            report.closed.push(period.documentId);
          } catch (error) {
            strapi.log.error(`[records-archive] scheduled closing of ${periodLabel(period)} failed: ${(error as Error).message}`);
            report.failed.push({ studyPeriod: period.documentId, error: (error as Error).message });
          }
          await acquireLease(strapi, SCHEDULED_CLOSING_LEASE, LEASE_TTL_MS);
        }
        return report;
      });
    },

    async findRuns({
      page = 1,
      pageSize = 25,
      studyPeriod,
      kind,
      state,
    }: {
      page?: number;
      pageSize?: number;
      studyPeriod?: string;
      kind?: ClosingRunRow['kind'];
      state?: ClosingRunRow['state'];
    }) {
      const where: Record<string, unknown> = {};
      if (studyPeriod) where.studyPeriod = { documentId: studyPeriod };
      if (kind) where.kind = kind;
      if (state) where.state = state;
      const { results, pagination } = await runs().findPage({
        where,
        populate: RUN_POPULATE,
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
        page,
        pageSize,
      });
      return { results: results as ClosingRunRow[], pagination };
    },
  };
  return service;
};

export type PeriodClosingService = ReturnType<typeof createPeriodClosingService>;

export default createPeriodClosingService;
