import { createHash } from 'crypto';
import fs from 'fs';
import path from 'path';

/**
 * A backup is one folder: the database (`database.sqlite`, or `database.dump` from `pg_dump -Fc`),
 * the uploads (`uploads.tar`) and `manifest.json`, which names every file with its size and
 * SHA-256, so a restore can prove the copy is intact before it touches anything.
 */

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'school-records-backup/1';
export const UPLOADS_FILE = 'uploads.tar';

export type BackupEngine = 'sqlite' | 'postgres';

export const databaseFileOf = (engine: BackupEngine): string => (engine === 'sqlite' ? 'database.sqlite' : 'database.dump');

export interface BackupFile {
  name: string;
  size: number;
  sha256: string;
}

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  name: string;
  kind: string;
  engine: BackupEngine;
  startedAt: string;
  finishedAt: string;
  database: string;
  uploads: string;
  uploadsCount: number;
  files: BackupFile[];
}

export const sha256File = async (file: string): Promise<string> => {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
};

export const describeFile = async (dir: string, name: string): Promise<BackupFile> => {
  const file = path.join(dir, name);
  const [stat, sha256] = await Promise.all([fs.promises.stat(file), sha256File(file)]);
  return { name, size: stat.size, sha256 };
};

/** Thrown when a backup folder does not match its manifest: the copy must not be restored. */
export class BackupIntegrityError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message);
    this.name = 'BackupIntegrityError';
  }
}

export const readManifest = async (dir: string): Promise<BackupManifest> => {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new BackupIntegrityError(`В папке ${dir} нет ${MANIFEST_FILE}: это не резервная копия`, [MANIFEST_FILE]);
  const manifest = JSON.parse(await fs.promises.readFile(file, 'utf8')) as BackupManifest;
  if (manifest.format !== MANIFEST_FORMAT) {
    throw new BackupIntegrityError(`Неизвестный формат резервной копии: ${String(manifest.format)}`, [MANIFEST_FILE]);
  }
  return manifest;
};

/**
 * Re-reads every file of the backup and compares size and SHA-256 with the manifest (and, when
 * given, the database file's SHA-256 recorded in the `backup` row). Throws on any difference.
 */
export const verifyBackup = async (dir: string, expectedDatabaseSha256?: string): Promise<BackupManifest> => {
  const manifest = await readManifest(dir);
  const problems: string[] = [];
  for (const expected of manifest.files) {
    const file = path.join(dir, expected.name);
    if (!fs.existsSync(file)) {
      problems.push(`${expected.name}: файл отсутствует`);
      continue;
    }
    const actual = await describeFile(dir, expected.name);
    if (actual.size !== expected.size) problems.push(`${expected.name}: размер ${actual.size} вместо ${expected.size}`);
    else if (actual.sha256 !== expected.sha256) problems.push(`${expected.name}: контрольная сумма не совпадает`);
  }
  const database = manifest.files.find((file) => file.name === manifest.database);
  if (!database) problems.push(`${manifest.database}: не указан в манифесте`);
  else if (expectedDatabaseSha256 && database.sha256 !== expectedDatabaseSha256) {
    problems.push(`${manifest.database}: контрольная сумма в манифесте не совпадает с записанной в журнале копий`);
  }
  if (problems.length > 0) throw new BackupIntegrityError(`Резервная копия ${manifest.name} повреждена: ${problems.join('; ')}`, problems);
  return manifest;
};
