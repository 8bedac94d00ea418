import path from 'path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  buildBag,
  digestOf,
  MANIFEST,
  payloadOxum,
  PAYLOAD_DIR,
  sha256,
  TAG_MANIFEST,
  validateBag,
  type BagFile,
  type BagFileDigest,
  type BagProblem,
} from '../archive/bagit';
import { archiveLocations } from '../archive/locations';
import { versionedPath } from '../archive/paths';
import { LOCATIONS, readBag, removeBag, totalSize, writeBagAtomically, type LocationName } from '../archive/storage';
import { buildZip } from '../archive/zip';
import { ARCHIVE_PACKAGE_UID, RETENTION_RULE_UID } from '../constants';
import { DEFAULT_RETENTION_RULES } from '../rules/default-retention-rules';
import { retentionExpiry, type RetentionExpiry, type RetentionPeriod } from '../rules/retention';
import { getSchoolSettings } from '../../../../../school/settings';
import { todayInZone } from '../../../../../school/calendar';
import { numberOrNull } from '../../../../../school/stored-values';

/**
 * Archive packages: a BagIt bag written to both storage locations, and its row, which keeps the
 * digests of every file, the retention deadline and the state of each copy. A row becomes
 * `complete` in one final update, after both copies are written, flushed, renamed into place and
 * re-read; a crash at any point before leaves it `building` (or `failed`), and the next run
 * rebuilds it.
 */

export type PackageKind = 'period-journal' | 'summary-sheet';
export type PackageRecordType = 'journal-export' | 'summary-sheet';
export type PackageStatus = 'building' | 'complete' | 'failed' | 'superseded' | 'destroyed';
export type CopyState = 'unknown' | 'ok' | 'damaged' | 'missing';

export interface PackageRow {
  id: number;
  documentId: string;
  title: string;
  kind: PackageKind;
  recordType: PackageRecordType;
  groupKey: string;
  version: number;
  state: PackageStatus;
  bagPath: string;
  primaryPath: string | null;
  secondaryPath: string | null;
  primaryState: CopyState | null;
  secondaryState: CopyState | null;
  tagmanifestSha256: string | null;
  manifestSha256: string | null;
  files: BagFileDigest[] | null;
  payloadOxum: string | null;
  sizeBytes: string | number | null;
  fileCount: number | null;
  sourceDigest: string | null;
  retentionKind: RetentionExpiry['kind'] | null;
  retentionStartsOn: string | null;
  retentionExpiresOn: string | null;
  authorisedBy: string | null;
  completedAt: string | null;
  sealedAt: string | null;
  lastFixityAt: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  studyPeriod?: { id: number; documentId: string; title: string } | null;
  academicYear?: { id: number; documentId: string; title: string } | null;
  schoolClass?: { id: number; documentId: string; name: string } | null;
  retentionRule?: { id: number; documentId: string; recordType: string; title: string; legalBasis: string } | null;
}

/** What a package is to contain; the caller (period closing, year archiving) describes it. */
export interface PackageSpec {
  kind: PackageKind;
  recordType: PackageRecordType;
  groupKey: string;
  title: string;
  /** Path inside each location, before versioning: `2025-2026/quarter-1/5A`. */
  basePath: string;
  studyPeriodId: number | null;
  academicYearId: number;
  schoolClassId: number | null;
  /** Local date the retention period counts from (the end of the school year). */
  retentionFrom: string;
  /** `External-Description` of the bag, in Russian. */
  description: string;
  authorisedBy: string;
  /** Digest of the data the package is made from; equal digest, nothing to rebuild. */
  sourceDigest: string;
  /** Renders the payload (paths relative to `data/`). */
  render: (generatedAt: Date) => Promise<BagFile[]>;
  /** Seal at completion (no later closing step will): a changed source then makes a new version. */
  sealOnComplete?: boolean;
}

export type ArchiveProgressStage = 'package-started' | 'copy-written' | 'package-complete' | 'package-unchanged';

export interface ArchiveProgress {
  stage: ArchiveProgressStage;
  groupKey: string;
  packageDocumentId: string;
  location?: LocationName;
}

export interface ArchiveHooks {
  /** Called as a package advances; a long job reports progress here (and a test may stop it here). */
  onProgress?: (event: ArchiveProgress) => void | Promise<void>;
}

export interface CopyCheck {
  location: LocationName;
  state: Exclude<CopyState, 'unknown'>;
  problems: BagProblem[];
  files: Map<string, Buffer> | null;
}

const POPULATE = {
  studyPeriod: { select: ['id', 'documentId', 'title'] },
  academicYear: { select: ['id', 'documentId', 'title'] },
  schoolClass: { select: ['id', 'documentId', 'name'] },
  retentionRule: { select: ['id', 'documentId', 'recordType', 'title', 'legalBasis'] },
};

const stateField = (location: LocationName): 'primaryState' | 'secondaryState' => `${location}State`;
const pathField = (location: LocationName): 'primaryPath' | 'secondaryPath' => `${location}Path`;

/** The package as the admin API shows it. */
export const packageView = (row: PackageRow, withFiles = false) => ({
  documentId: row.documentId,
  title: row.title,
  kind: row.kind,
  recordType: row.recordType,
  version: row.version,
  state: row.state,
  studyPeriod: row.studyPeriod ? { documentId: row.studyPeriod.documentId, title: row.studyPeriod.title } : null,
  academicYear: row.academicYear ? { documentId: row.academicYear.documentId, title: row.academicYear.title } : null,
  schoolClass: row.schoolClass ? { documentId: row.schoolClass.documentId, name: row.schoolClass.name } : null,
  bagPath: row.bagPath,
  locations: Object.fromEntries(
    LOCATIONS.map((location) => [location, { path: row[pathField(location)], state: row[stateField(location)] ?? 'unknown' }]),
  ) as Record<LocationName, { path: string | null; state: CopyState }>,
  tagmanifestSha256: row.tagmanifestSha256,
  payloadOxum: row.payloadOxum,
  sizeBytes: numberOrNull(row.sizeBytes),
  fileCount: row.fileCount,
  retention: {
    recordType: row.recordType,
    rule: row.retentionRule
      ? { documentId: row.retentionRule.documentId, title: row.retentionRule.title, legalBasis: row.retentionRule.legalBasis }
      : null,
    kind: row.retentionKind,
    startsOn: row.retentionStartsOn,
    expiresOn: row.retentionExpiresOn,
  },
  authorisedBy: row.authorisedBy,
  createdAt: row.createdAt,
  completedAt: row.completedAt,
  sealedAt: row.sealedAt,
  lastFixityAt: row.lastFixityAt,
  error: row.error,
  ...(withFiles ? { files: row.files ?? [] } : {}),
});

export type PackageView = ReturnType<typeof packageView>;

export interface PackageFilters {
  studyPeriod?: string;
  academicYear?: string;
  schoolClass?: string;
  state?: PackageStatus;
  kind?: PackageKind;
  page?: number;
  pageSize?: number;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 4000);

const createArchivePackageService = ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(ARCHIVE_PACKAGE_UID);

  const findRow = async (where: Record<string, unknown>): Promise<PackageRow | null> =>
    (await rows().findOne({ where, populate: POPULATE })) as PackageRow | null;

  const service = {
    locations: () => archiveLocations(strapi),

    /** The deadline of a record type's rule counted from a local date; the seeded default when the school has no rule. */
    async retentionFor(recordType: PackageRecordType, from: string): Promise<{ ruleId: number | null; expiry: RetentionExpiry }> {
      const rule = (await strapi.db.query(RETENTION_RULE_UID).findOne({ where: { recordType } })) as
        | (RetentionPeriod & { id: number })
        | null;
      const fallback = DEFAULT_RETENTION_RULES.find((candidate) => candidate.recordType === recordType);
      const period: RetentionPeriod | null = rule ?? (fallback ? { ...fallback, fromNextJanuary: true } : null);
      if (!period) throw new errors.ApplicationError(`Нет правила срока хранения для вида документов «${recordType}»`);
      return { ruleId: rule?.id ?? null, expiry: retentionExpiry(period, from) };
    },

    /** Reads and checks one copy of a package against its bag manifests and the digests recorded in its row. */
    async checkCopy(row: PackageRow, location: LocationName): Promise<CopyCheck> {
      const root = archiveLocations(strapi)[location];
      let files: Map<string, Buffer> | null;
      try {
        files = await readBag(root, row.bagPath);
      } catch (error) {
        return { location, state: 'missing', problems: [{ path: row.bagPath, problem: 'missing', detail: errorText(error) }], files: null };
      }
      if (!files) return { location, state: 'missing', problems: [{ path: row.bagPath, problem: 'missing' }], files: null };
      const problems = validateBag(files, row.files ?? []);
      return { location, state: problems.length ? 'damaged' : 'ok', problems, files };
    },

    /** Builds (or rebuilds, or leaves alone when up to date) the package a spec describes, in both locations. */
    async buildPackage(spec: PackageSpec, hooks: ArchiveHooks = {}, options: { verifyUnchanged?: boolean } = {}): Promise<PackageRow> {
      const live = (await rows().findMany({
        where: { groupKey: spec.groupKey, state: { $notIn: ['superseded', 'destroyed'] } },
        orderBy: [{ version: 'desc' }],
        populate: POPULATE,
      })) as PackageRow[];
      const latest = live[0] ?? null;
      if (latest?.state === 'complete' && latest.sourceDigest === spec.sourceDigest) {
        const intact =
          options.verifyUnchanged === false ||
          (await Promise.all(LOCATIONS.map((location) => service.checkCopy(latest, location)))).every((copy) => copy.state === 'ok');
        if (intact) {
          await hooks.onProgress?.({ stage: 'package-unchanged', groupKey: spec.groupKey, packageDocumentId: latest.documentId });
          return latest;
        }
      }
      const newVersion = latest?.state === 'complete' && Boolean(latest.sealedAt) && latest.sourceDigest !== spec.sourceDigest;
      const version = latest ? latest.version + (newVersion ? 1 : 0) : 1;
      const bagPath = versionedPath(spec.basePath, version);
      const locations = archiveLocations(strapi);
      const base = {
        title: spec.title,
        kind: spec.kind,
        recordType: spec.recordType,
        groupKey: spec.groupKey,
        version,
        state: 'building' as const,
        bagPath,
        studyPeriod: spec.studyPeriodId,
        academicYear: spec.academicYearId,
        schoolClass: spec.schoolClassId,
        authorisedBy: spec.authorisedBy,
        primaryState: 'unknown' as const,
        secondaryState: 'unknown' as const,
        error: null,
      };
      const row = (
        latest && !newVersion ? await rows().update({ where: { id: latest.id }, data: base }) : await rows().create({ data: base })
      ) as PackageRow;

      try {
        await hooks.onProgress?.({ stage: 'package-started', groupKey: spec.groupKey, packageDocumentId: row.documentId });
        const generatedAt = new Date();
        const settings = getSchoolSettings(strapi);
        const bag = buildBag(await spec.render(generatedAt), {
          sourceOrganization: settings.name,
          baggingDate: todayInZone(settings.timeZone, generatedAt),
          externalDescription: spec.description,
          externalIdentifier: row.documentId,
          extra: [
            ['Bag-Group-Identifier', spec.groupKey],
            ['Internal-Sender-Identifier', bagPath],
            ['Bag-Count', '1 of 1'],
          ],
        });
        const digests = bag.map(digestOf);
        for (const location of LOCATIONS) {
          await writeBagAtomically(locations[location], bagPath, bag);
          await hooks.onProgress?.({ stage: 'copy-written', groupKey: spec.groupKey, packageDocumentId: row.documentId, location });
        }
        const recorded = { ...row, files: digests };
        for (const location of LOCATIONS) {
          const copy = await service.checkCopy(recorded, location);
          if (copy.state !== 'ok')
            throw new Error(`The ${location} copy of ${bagPath} does not verify: ${JSON.stringify(copy.problems.slice(0, 5))}`);
        }
        const retention = await service.retentionFor(spec.recordType, spec.retentionFrom);
        const digestAt = (filePath: string) => digests.find((digest) => digest.path === filePath);
        const now = new Date().toISOString();
        await rows().update({
          where: { id: row.id },
          data: {
            files: digests,
            tagmanifestSha256: digestAt(TAG_MANIFEST)?.sha256 ?? null,
            manifestSha256: digestAt(MANIFEST)?.sha256 ?? null,
            payloadOxum: payloadOxum(digests.filter((digest) => digest.path.startsWith(PAYLOAD_DIR))),
            sizeBytes: totalSize(digests),
            fileCount: digests.length,
            sourceDigest: spec.sourceDigest,
            primaryPath: path.join(locations.primary, bagPath),
            secondaryPath: path.join(locations.secondary, bagPath),
            primaryState: 'ok',
            secondaryState: 'ok',
            retentionRule: retention.ruleId,
            retentionKind: retention.expiry.kind,
            retentionStartsOn: retention.expiry.kind === 'date' ? retention.expiry.startsOn : null,
            retentionExpiresOn: retention.expiry.kind === 'date' ? retention.expiry.expiresOn : null,
            completedAt: now,
            lastFixityAt: now,
            sealedAt: spec.sealOnComplete ? now : null,
            // Last: only a package whose two copies were written and verified is complete.
            state: 'complete',
          },
        });
        await rows().updateMany({
          where: { groupKey: spec.groupKey, version: { $lt: version }, state: 'complete' },
          data: { state: 'superseded' },
        });
        const complete = (await findRow({ id: row.id })) as PackageRow;
        await hooks.onProgress?.({ stage: 'package-complete', groupKey: spec.groupKey, packageDocumentId: row.documentId });
        return complete;
      } catch (error) {
        await rows()
          .update({ where: { id: row.id }, data: { state: 'failed', error: errorText(error) } })
          .catch(() => undefined);
        throw error;
      }
    },

    /** Seals the complete packages of a closed period: from now on a change makes a new version, never an overwrite. */
    async sealPeriodPackages(studyPeriodId: number): Promise<number> {
      const unsealed = (await rows().findMany({
        where: { studyPeriod: { id: studyPeriodId }, state: 'complete', sealedAt: { $null: true } },
        select: ['id'],
      })) as Array<{ id: number }>;
      if (unsealed.length === 0) return 0;
      // updateMany cannot filter through a relation: select the ids first.
      const result = await rows().updateMany({
        where: { id: { $in: unsealed.map((row) => row.id) } },
        data: { sealedAt: new Date().toISOString() },
      });
      return result.count;
    },

    async findOne(documentId: string): Promise<PackageRow> {
      const row = await findRow({ documentId });
      if (!row) throw new errors.NotFoundError('Архивный пакет не найден');
      return row;
    },

    async findPage(filters: PackageFilters) {
      const where: Record<string, unknown> = {};
      if (filters.studyPeriod) where.studyPeriod = { documentId: filters.studyPeriod };
      if (filters.academicYear) where.academicYear = { documentId: filters.academicYear };
      if (filters.schoolClass) where.schoolClass = { documentId: filters.schoolClass };
      if (filters.state) where.state = filters.state;
      if (filters.kind) where.kind = filters.kind;
      const { results, pagination } = await rows().findPage({
        where,
        populate: POPULATE,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        page: filters.page ?? 1,
        pageSize: filters.pageSize ?? 25,
      });
      return { results: results as PackageRow[], pagination };
    },

    async forPeriod(studyPeriodId: number): Promise<PackageRow[]> {
      return (await rows().findMany({
        where: { studyPeriod: { id: studyPeriodId }, kind: 'period-journal', state: { $notIn: ['superseded', 'destroyed'] } },
        populate: POPULATE,
        orderBy: [{ bagPath: 'asc' }],
      })) as PackageRow[];
    },

    /**
     * The package's files, each taken from a copy whose digest matches the row (so a download never
     * hands out a damaged file while an intact copy exists).
     */
    async intactFiles(row: PackageRow): Promise<BagFile[]> {
      if (row.state !== 'complete' && row.state !== 'superseded') {
        throw new errors.ApplicationError('Пакет ещё не сформирован полностью: скачать можно только завершённый пакет');
      }
      const copies = await Promise.all(LOCATIONS.map((location) => service.checkCopy(row, location)));
      return (row.files ?? []).map((digest) => {
        for (const copy of copies) {
          const content = copy.files?.get(digest.path);
          if (content && content.length === digest.size && sha256(content) === digest.sha256) return { path: digest.path, content };
        }
        throw new errors.ApplicationError(
          `Файл ${digest.path} пакета повреждён в обоих местах хранения. Запустите проверку целостности и обратитесь к администратору`,
        );
      });
    },

    /** The whole bag as one ZIP, under a folder named after the bag. */
    async zip(row: PackageRow): Promise<{ filename: string; content: Buffer }> {
      const files = await service.intactFiles(row);
      const folder = row.bagPath.replace(/\//g, '_');
      const modifiedAt = row.completedAt ? new Date(row.completedAt) : new Date();
      return {
        filename: `${folder}.zip`,
        content: buildZip(files.map((file) => ({ path: `${folder}/${file.path}`, content: file.content, modifiedAt }))),
      };
    },

    /** One file of the bag: `data/journal.xlsx`, `bag-info.txt`, … */
    async file(row: PackageRow, filePath: string): Promise<BagFile> {
      if (!(row.files ?? []).some((digest) => digest.path === filePath)) throw new errors.NotFoundError(`В пакете нет файла ${filePath}`);
      const file = (await service.intactFiles(row)).find((candidate) => candidate.path === filePath);
      if (!file) throw new errors.NotFoundError(`В пакете нет файла ${filePath}`);
      return file;
    },

    /**
     * Removes both copies of a package and marks its row destroyed (for disposition by an approved
     * act, which owns the decision and its record; this only does the storage part).
     */
    async removeCopies(documentId: string): Promise<PackageRow> {
      const row = await service.findOne(documentId);
      const locations = archiveLocations(strapi);
      for (const location of LOCATIONS) await removeBag(locations[location], row.bagPath);
      await rows().update({ where: { id: row.id }, data: { state: 'destroyed', primaryState: 'missing', secondaryState: 'missing' } });
      return service.findOne(documentId);
    },

    /** Records the states of the copies after a check or a repair. */
    async recordStates(row: PackageRow, states: Partial<Record<LocationName, CopyState>>, at: Date = new Date()): Promise<void> {
      const data: Record<string, unknown> = { lastFixityAt: at.toISOString() };
      for (const location of LOCATIONS) if (states[location]) data[stateField(location)] = states[location];
      await rows().update({ where: { id: row.id }, data });
    },
  };
  return service;
};

export type ArchivePackageService = ReturnType<typeof createArchivePackageService>;

export default createArchivePackageService;
