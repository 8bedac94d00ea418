import fs from 'fs';
import path from 'path';

/**
 * A plain POSIX ustar archive of a folder (the uploads), written and read without dependencies so
 * that the restore works anywhere Node runs; `tar -xf uploads.tar` reads it too. Regular files
 * only: the uploads folder holds nothing else.
 */

const BLOCK = 512;
const CHUNK = 1024 * 1024;

/** Every regular file under `dir`, as POSIX paths relative to it, sorted. */
export const listFiles = async (dir: string): Promise<string[]> => {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    const entries = await fs.promises.readdir(path.join(dir, relative), { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' && relative) return [];
      throw error;
    });
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) found.push(child);
    }
  };
  if (fs.existsSync(dir)) await walk('');
  return found.sort();
};

const octal = (value: number, length: number): string => value.toString(8).padStart(length - 1, '0') + '\0';

/** Splits a long name into ustar's prefix (≤155 bytes) and name (≤100 bytes) at a slash. */
const splitName = (name: string): { prefix: string; base: string } => {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', base: name };
  const parts = name.split('/');
  for (let i = 1; i < parts.length; i += 1) {
    const prefix = parts.slice(0, i).join('/');
    const base = parts.slice(i).join('/');
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(base) <= 100) return { prefix, base };
  }
  throw new Error(`File name too long for a tar archive: ${name}`);
};

const header = (name: string, size: number, mtime: Date): Buffer => {
  const block = Buffer.alloc(BLOCK, 0);
  const { prefix, base } = splitName(name);
  block.write(base, 0, 100, 'utf8');
  block.write(octal(0o644, 8), 100, 8, 'ascii');
  block.write(octal(0, 8), 108, 8, 'ascii');
  block.write(octal(0, 8), 116, 8, 'ascii');
  block.write(octal(size, 12), 124, 12, 'ascii');
  block.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 12, 'ascii');
  block.write('        ', 148, 8, 'ascii');
  block.write('0', 156, 1, 'ascii');
  block.write('ustar\0', 257, 6, 'ascii');
  block.write('00', 263, 2, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  let checksum = 0;
  for (const byte of block) checksum += byte;
  block.write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return block;
};

/** Writes every file under `sourceDir` into the tar file `target`; returns how many files. */
export const writeTar = async (sourceDir: string, target: string): Promise<number> => {
  const files = await listFiles(sourceDir);
  const out = await fs.promises.open(target, 'w');
  let archived = 0;
  try {
    const buffer = Buffer.alloc(CHUNK);
    for (const name of files) {
      const source = path.join(sourceDir, name);
      // Uploads stay live while the backup runs: a file deleted after the listing is left out, as a
      // backup started a moment later would; once open, it is read whole even if deleted meanwhile.
      const input = await fs.promises.open(source, 'r').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (!input) continue;
      archived += 1;
      try {
        const stat = await input.stat();
        await out.write(header(name, stat.size, stat.mtime));
        let written = 0;
        while (written < stat.size) {
          const { bytesRead } = await input.read(buffer, 0, Math.min(CHUNK, stat.size - written), written);
          if (bytesRead === 0) throw new Error(`File shrank while archiving: ${name}`);
          await out.write(buffer, 0, bytesRead);
          written += bytesRead;
        }
        const padding = (BLOCK - (stat.size % BLOCK)) % BLOCK;
        if (padding > 0) await out.write(Buffer.alloc(padding, 0));
      } finally {
        await input.close();
      }
    }
    await out.write(Buffer.alloc(BLOCK * 2, 0));
    await out.sync();
  } finally {
    await out.close();
  }
  return archived;
};

const readString = (block: Buffer, start: number, length: number): string => {
  const slice = block.subarray(start, start + length);
  const end = slice.indexOf(0);
  return slice.subarray(0, end === -1 ? length : end).toString('utf8');
};

/** A tar member name that stays inside the target folder (no absolute paths, no `..`). */
const safeRelative = (name: string): string => {
  const normalised = path.posix.normalize(name);
  if (path.posix.isAbsolute(normalised) || normalised.split('/').includes('..')) throw new Error(`Unsafe path in the tar archive: ${name}`);
  return normalised;
};

export interface TarEntry {
  name: string;
  size: number;
}

/**
 * Reads the tar file; for each regular file calls `accept(entry)` and, when it returns a path,
 * writes the member's content there. Returns the entries read.
 */
export const readTar = async (tarFile: string, accept: (entry: TarEntry) => string | null): Promise<TarEntry[]> => {
  const input = await fs.promises.open(tarFile, 'r');
  const entries: TarEntry[] = [];
  try {
    const block = Buffer.alloc(BLOCK);
    const buffer = Buffer.alloc(CHUNK);
    let offset = 0;
    for (;;) {
      const { bytesRead } = await input.read(block, 0, BLOCK, offset);
      if (bytesRead < BLOCK || block.every((byte) => byte === 0)) break;
      offset += BLOCK;
      const size = parseInt(readString(block, 124, 12).trim() || '0', 8);
      const type = readString(block, 156, 1) || '0';
      const prefix = readString(block, 345, 155);
      const name = prefix ? `${prefix}/${readString(block, 0, 100)}` : readString(block, 0, 100);
      if (type === '0') {
        const entry = { name: safeRelative(name), size };
        entries.push(entry);
        const target = accept(entry);
        if (target) {
          await fs.promises.mkdir(path.dirname(target), { recursive: true });
          const out = await fs.promises.open(target, 'w');
          try {
            let copied = 0;
            while (copied < size) {
              const { bytesRead: read } = await input.read(buffer, 0, Math.min(CHUNK, size - copied), offset + copied);
              if (read === 0) throw new Error(`The tar archive ends inside ${name}`);
              await out.write(buffer, 0, read);
              copied += read;
            }
          } finally {
            await out.close();
          }
        }
      }
      offset += Math.ceil(size / BLOCK) * BLOCK;
    }
  } finally {
    await input.close();
  }
  return entries;
};
