import type { Core } from '@strapi/strapi';
import { alertArchivists } from '../../../../../notifications/archive-alerts';
import { sha256, type BagFile, type BagProblem } from '../archive/bagit';
import { archiveLocations, ArchiveBusyError } from '../archive/locations';
import { LOCATIONS, writeBagAtomically, type LocationName } from '../archive/storage';
import { ARCHIVE_PACKAGE_UID, FIXITY_CHECK_UID } from '../constants';
import { getService } from '../utils';
import { acquireLease, runExclusively } from '../utils/lease';
import type { CopyCheck, PackageRow } from './archive-package';

/**
 * Integrity control (seed 004 §3.11: «целостность и подлинность … на протяжении всего срока
 * хранения»): every copy of every kept package (complete, or superseded by a later version) is
 * re-read and checked against its bag's manifests and the digests recorded when it was made. A
 * damaged or missing copy is rebuilt from intact files (file by file, so two copies damaged in
 * different files still make one whole bag), re-verified, and the repair recorded; what cannot be
 * repaired is recorded as a failure.
 */

export const FIXITY_LEASE = 'records-archive:fixity';
const LEASE_TTL_MS = 30 * 60 * 1000;
const BATCH = 50;

export type FixityTrigger = 'schedule' | 'manual';

export interface FixityFailure {
  package: string;
  title: string;
  bagPath: string;
  location: LocationName;
  state: 'damaged' | 'missing';
  problems: BagProblem[];
  repaired: boolean;
  /** Russian text for the admin panel. */
  message: string;
}

export interface FixityCheckRow {
  id: number;
  documentId: string;
  trigger: FixityTrigger;
  state: 'running' | 'passed' | 'repaired' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  requestedBy: string | null;
  packagesChecked: number;
  copiesChecked: number;
  damagedCopies: number;
  repairedCopies: number;
  unrecoverablePackages: number;
  failures: FixityFailure[] | null;
  summary: string | null;
  error: string | null;
  createdAt: string;
}

const LOCATION_TITLES: Record<LocationName, string> = { primary: 'основное место хранения', secondary: 'второе место хранения' };

export const fixityView = (row: FixityCheckRow) => ({
  documentId: row.documentId,
  trigger: row.trigger,
  state: row.state,
  startedAt: row.startedAt,
  finishedAt: row.finishedAt,
  requestedBy: row.requestedBy,
  packagesChecked: row.packagesChecked,
  copiesChecked: row.copiesChecked,
  damagedCopies: row.damagedCopies,
  repairedCopies: row.repairedCopies,
  unrecoverablePackages: row.unrecoverablePackages,
  failures: row.failures ?? [],
  summary: row.summary,
  error: row.error,
});

/** Each file of the package from any copy whose content matches the recorded digest; null when some file has no intact copy. */
const assembleIntact = (row: PackageRow, copies: CopyCheck[]): BagFile[] | null => {
  const files: BagFile[] = [];
  for (const digest of row.files ?? []) {
    const intact = copies
      .map((copy) => copy.files?.get(digest.path))
      .find((content) => content && content.length === digest.size && sha256(content) === digest.sha256);
    if (!intact) return null;
    files.push({ path: digest.path, content: intact });
  }
  return files.length ? files : null;
};

const describeProblems = (problems: BagProblem[]): string => {
  const names: Record<BagProblem['problem'], string> = {
    missing: 'нет файла',
    checksum: 'контрольная сумма не совпадает',
    size: 'размер не совпадает',
    unexpected: 'лишний файл',
    invalid: 'файл описания повреждён',
  };
  return problems
    .slice(0, 5)
    .map((problem) => `${problem.path}: ${names[problem.problem]}`)
    .join('; ')
    .concat(problems.length > 5 ? `; и ещё ${problems.length - 5}` : '');
};

const createFixityService = ({ strapi }: { strapi: Core.Strapi }) => {
  const checks = () => strapi.db.query(FIXITY_CHECK_UID);
  const running = new Set<string>();

  /** A package that a closing is rebuilding right now is not "repaired" with its old content. */
  const unchangedSince = async (row: PackageRow): Promise<boolean> => {
    const current = (await strapi.db.query(ARCHIVE_PACKAGE_UID).findOne({ where: { id: row.id }, select: ['state', 'updatedAt'] })) as Pick<
      PackageRow,
      'state' | 'updatedAt'
    > | null;
    return current?.state === row.state && String(current.updatedAt) === String(row.updatedAt);
  };

  const service = {
    /**
     * Checks every complete package in both locations, repairs what it can, records the run.
     * Throws ArchiveBusyError when another check is running.
     */
    async verifyPackages(options: { trigger?: FixityTrigger; requestedBy?: string } = {}): Promise<FixityCheckRow> {
      if (running.has(FIXITY_LEASE)) throw new ArchiveBusyError('Проверка целостности');
      running.add(FIXITY_LEASE);
      try {
        const result = await runExclusively(strapi, FIXITY_LEASE, LEASE_TTL_MS, () => service.runCheck(options));
        if (!result) throw new ArchiveBusyError('Проверка целостности');
        return result;
      } finally {
        running.delete(FIXITY_LEASE);
      }
    },

    /** The check itself; call through `verifyPackages`, which holds the lease. */
    async runCheck({ trigger = 'manual', requestedBy }: { trigger?: FixityTrigger; requestedBy?: string }): Promise<FixityCheckRow> {
      const packageService = getService(strapi, 'archive-package');
      const locations = archiveLocations(strapi);
      const check = (await checks().create({
        data: { trigger, state: 'running', startedAt: new Date().toISOString(), requestedBy: requestedBy ?? null },
      })) as FixityCheckRow;
      const totals = { packagesChecked: 0, copiesChecked: 0, damagedCopies: 0, repairedCopies: 0, unrecoverablePackages: 0 };
      const failures: FixityFailure[] = [];
      try {
        let lastId = 0;
        for (;;) {
          const batch = (await strapi.db.query(ARCHIVE_PACKAGE_UID).findMany({
            where: { state: { $in: ['complete', 'superseded'] }, id: { $gt: lastId } },
            orderBy: [{ id: 'asc' }],
            limit: BATCH,
          })) as PackageRow[];
          if (batch.length === 0) break;
          lastId = batch[batch.length - 1].id;
          for (const row of batch) {
            const copies = await Promise.all(LOCATIONS.map((location) => packageService.checkCopy(row, location)));
            totals.packagesChecked += 1;
            totals.copiesChecked += copies.length;
            const bad = copies.filter((copy) => copy.state !== 'ok');
            if (bad.length === 0) {
              await packageService.recordStates(row, { primary: 'ok', secondary: 'ok' });
              continue;
            }
            totals.damagedCopies += bad.length;
            const intact = assembleIntact(row, copies);
            const states: Partial<Record<LocationName, 'ok' | 'damaged' | 'missing'>> = Object.fromEntries(
              copies.map((copy) => [copy.location, copy.state]),
            );
            let unrecoverable = !intact;
            for (const copy of bad) {
              let repaired = false;
              if (intact && (await unchangedSince(row))) {
                try {
                  await writeBagAtomically(locations[copy.location], row.bagPath, intact);
                  repaired = (await packageService.checkCopy(row, copy.location)).state === 'ok';
                } catch (error) {
                  strapi.log.error(`[records-archive] repair of ${row.bagPath} in ${copy.location} failed: ${(error as Error).message}`);
                }
              }
              if (repaired) {
                totals.repairedCopies += 1;
                states[copy.location] = 'ok';
              } else unrecoverable = true;
              const what = copy.state === 'missing' ? 'отсутствует' : `повреждена (${describeProblems(copy.problems)})`;
              failures.push({
                package: row.documentId,
                title: row.title,
                bagPath: row.bagPath,
                location: copy.location,
                state: copy.state as 'damaged' | 'missing',
                problems: copy.problems.slice(0, 50),
                repaired,
                message: repaired
                  ? `Копия пакета «${row.title}» (${LOCATION_TITLES[copy.location]}) ${what}; восстановлена из неповреждённых файлов и проверена повторно`
                  : `Копия пакета «${row.title}» (${LOCATION_TITLES[copy.location]}) ${what}; восстановить не удалось: неповреждённой копии нет`,
              });
            }
            if (unrecoverable) totals.unrecoverablePackages += 1;
            await packageService.recordStates(row, states);
            if (unrecoverable)
              strapi.log.error(`[records-archive] package ${row.bagPath} (${row.documentId}) is damaged in every location`);
          }
          await acquireLease(strapi, FIXITY_LEASE, LEASE_TTL_MS);
        }
        const state = totals.unrecoverablePackages > 0 ? 'failed' : totals.damagedCopies > 0 ? 'repaired' : 'passed';
        const summary =
          state === 'passed'
            ? `Проверено пакетов: ${totals.packagesChecked}, копий: ${totals.copiesChecked}. Повреждений нет`
            : `Проверено пакетов: ${totals.packagesChecked}, копий: ${totals.copiesChecked}. Повреждённых копий: ${totals.damagedCopies}, восстановлено: ${totals.repairedCopies}, пакетов без неповреждённой копии: ${totals.unrecoverablePackages}`;
        if (state !== 'passed') {
          strapi.log.warn(`[records-archive] fixity check: ${summary}`);
          await alertArchivists(strapi, {
            what:
              state === 'failed'
                ? 'Проверка целостности: есть пакеты без неповреждённой копии'
                : 'Проверка целостности: повреждённые копии восстановлены',
            detail: summary,
            page: 'Журнал проверок целостности',
          });
        }
        return (await checks().update({
          where: { id: check.id },
          data: { ...totals, state, failures, summary, finishedAt: new Date().toISOString() },
        })) as FixityCheckRow;
      } catch (error) {
        await checks().update({
          where: { id: check.id },
          data: { ...totals, state: 'failed', failures, error: (error as Error).message, finishedAt: new Date().toISOString() },
        });
        throw error;
      }
    },

    async findPage({ page = 1, pageSize = 25, state }: { page?: number; pageSize?: number; state?: FixityCheckRow['state'] }) {
      const { results, pagination } = await checks().findPage({
        where: state ? { state } : {},
        orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
        page,
        pageSize,
      });
      return { results: results as FixityCheckRow[], pagination };
    },
  };
  return service;
};

export type FixityService = ReturnType<typeof createFixityService>;

export default createFixityService;
