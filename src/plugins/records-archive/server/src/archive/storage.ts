import { randomUUID } from 'crypto';
import { promises as fs } from 'fs';
import path from 'path';
import { sha256, type BagFile, type BagFileDigest } from './bagit';

/**
 * The archive's two storage locations (seed 002 §3.1.9: «на двух электронных носителях»): two
 * directories, ideally on different disks. A bag is written to a staging directory inside the
 * location, flushed to disk, read back and checked, and only then renamed into place, so a crash
 * never leaves a half-written bag where a complete one is expected.
 */

export type LocationName = 'primary' | 'secondary';

export const LOCATIONS: LocationName[] = ['primary', 'secondary'];

export type ArchiveLocations = Record<LocationName, string>;

const STAGING_DIR = '.staging';

/** A bag's path inside a location must stay inside it. */
export const resolveBagDir = (root: string, bagPath: string): string => {
  const resolved = path.resolve(root, bagPath);
  const relative = path.relative(path.resolve(root), resolved);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative) || relative.split(path.sep)[0] === STAGING_DIR) {
    throw new Error(`Archive path outside its location: ${bagPath}`);
  }
  return resolved;
};

const fsyncPath = async (target: string, flags: 'r' | 'r+' = 'r'): Promise<void> => {
  const handle = await fs.open(target, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

const writeDurably = async (target: string, content: Buffer): Promise<void> => {
  const handle = await fs.open(target, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
};

const exists = async (target: string): Promise<boolean> =>
  fs.stat(target).then(
    () => true,
    () => false,
  );

/** Reads every file under a directory into path → content (paths relative, with `/`). */
export const readTree = async (dir: string): Promise<Map<string, Buffer>> => {
  const files = new Map<string, Buffer>();
  const walk = async (current: string, prefix: string): Promise<void> => {
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(full, relative);
      else if (entry.isFile()) files.set(relative, await fs.readFile(full));
    }
  };
  await walk(dir, '');
  return files;
};

/** Reads a bag from a location; null when its directory is missing. */
export const readBag = async (root: string, bagPath: string): Promise<Map<string, Buffer> | null> => {
  const dir = resolveBagDir(root, bagPath);
  if (!(await exists(dir))) return null;
  return readTree(dir);
};

/**
 * Writes a bag into `root/bagPath` atomically: staging, fsync, read-back check against the digests,
 * rename into place (replacing an older bag at that path), fsync of the parent directory.
 */
export const writeBagAtomically = async (root: string, bagPath: string, files: BagFile[]): Promise<void> => {
  const target = resolveBagDir(root, bagPath);
  const stagingRoot = path.join(root, STAGING_DIR);
  await fs.mkdir(stagingRoot, { recursive: true });
  const staging = path.join(stagingRoot, `${path.basename(target)}-${randomUUID()}`);
  try {
    const dirs = new Set<string>([staging]);
    for (const file of files) {
      const destination = path.join(staging, ...file.path.split('/'));
      await fs.mkdir(path.dirname(destination), { recursive: true });
      dirs.add(path.dirname(destination));
      await writeDurably(destination, file.content);
    }
    for (const dir of dirs) await fsyncPath(dir);
    const written = await readTree(staging);
    for (const file of files) {
      const back = written.get(file.path);
      if (!back || sha256(back) !== sha256(file.content)) throw new Error(`Read-back check failed for ${file.path} in ${root}`);
    }
    if (written.size !== files.length) throw new Error(`Unexpected files in the staging directory ${staging}`);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const previous = (await exists(target)) ? `${staging}.previous` : null;
    if (previous) await fs.rename(target, previous);
    await fs.rename(staging, target);
    await fsyncPath(path.dirname(target));
    if (previous) await fs.rm(previous, { recursive: true, force: true });
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
};

/** Removes a bag from a location (used when a package is rebuilt elsewhere or destroyed by act). */
export const removeBag = async (root: string, bagPath: string): Promise<void> => {
  await fs.rm(resolveBagDir(root, bagPath), { recursive: true, force: true });
};

/** Removes staging leftovers of crashed writes older than `maxAgeMs`. */
export const cleanStaging = async (root: string, maxAgeMs: number, now: number = Date.now()): Promise<number> => {
  const stagingRoot = path.join(root, STAGING_DIR);
  if (!(await exists(stagingRoot))) return 0;
  let removed = 0;
  for (const entry of await fs.readdir(stagingRoot)) {
    const full = path.join(stagingRoot, entry);
    const stat = await fs.stat(full).catch(() => null);
    if (stat && now - stat.mtimeMs > maxAgeMs) {
      await fs.rm(full, { recursive: true, force: true });
      removed += 1;
    }
  }
  return removed;
};

/** Total size in bytes of the digests' files. */
export const totalSize = (digests: BagFileDigest[]): number => digests.reduce((total, file) => total + file.size, 0);
