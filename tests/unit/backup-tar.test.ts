import { createHash, randomUUID } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  BackupIntegrityError,
  describeFile,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  verifyBackup,
  type BackupManifest,
} from '../../src/plugins/records-archive/server/src/backup/manifest';
import { listFiles, readTar, writeTar } from '../../src/plugins/records-archive/server/src/backup/tar';

let dir: string;

beforeEach(() => {
  dir = path.join(os.tmpdir(), `backup-tar-${randomUUID()}`);
  fs.mkdirSync(dir, { recursive: true });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const write = (file: string, content: Buffer | string) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
};

const digest = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('the uploads tar', () => {
  it('leaves out a file deleted after the listing, instead of failing the whole backup', async () => {
    const source = path.join(dir, 'source');
    write(path.join(source, 'kept.pdf'), '%PDF остаётся');
    write(path.join(source, 'deleted.pdf'), '%PDF удалён учителем во время копирования');
    const realOpen = fs.promises.open.bind(fs.promises);
    const open = jest.spyOn(fs.promises, 'open').mockImplementation(async (file, ...rest) => {
      // The teacher deletes the file between the backup's listing and its reading.
      if (String(file).endsWith('deleted.pdf')) fs.rmSync(String(file), { force: true });
      return realOpen(file, ...(rest as [string?]));
    });
    try {
      expect(await writeTar(source, path.join(dir, 'uploads.tar'))).toBe(1);
    } finally {
      open.mockRestore();
    }
    const target = path.join(dir, 'restored');
    const entries = await readTar(path.join(dir, 'uploads.tar'), (entry) => path.join(target, entry.name));
    expect(entries.map((entry) => entry.name)).toEqual(['kept.pdf']);
    expect(fs.readFileSync(path.join(target, 'kept.pdf'), 'utf8')).toBe('%PDF остаётся');
  });

  it('round-trips nested, empty, large, Cyrillic and long names byte for byte', async () => {
    const source = path.join(dir, 'source');
    const longDir = `${'очень-длинное-имя-папки-'.repeat(3)}/${'b'.repeat(60)}`;
    const files: Record<string, Buffer> = {
      'a.txt': Buffer.from('hello'),
      'empty.bin': Buffer.alloc(0),
      'exactly-512.bin': Buffer.alloc(512, 3),
      'thumbnails/small_Журнал_5А.jpg': Buffer.alloc(70_001, 9),
      [`${longDir}/file-with-a-long-name.pdf`]: Buffer.from('%PDF'),
    };
    for (const [name, content] of Object.entries(files)) write(path.join(source, name), content);
    const tar = path.join(dir, 'uploads.tar');
    expect(await writeTar(source, tar)).toBe(5);
    expect(fs.statSync(tar).size % 512).toBe(0);

    const target = path.join(dir, 'target');
    const entries = await readTar(tar, (entry) => path.join(target, entry.name));
    expect(entries.map((entry) => entry.name).sort()).toEqual(Object.keys(files).sort());
    expect(await listFiles(target)).toEqual(await listFiles(source));
    for (const name of Object.keys(files)) expect(digest(path.join(target, name))).toBe(digest(path.join(source, name)));
  });

  it('of a missing folder is an empty archive', async () => {
    const tar = path.join(dir, 'empty.tar');
    expect(await writeTar(path.join(dir, 'nothing-here'), tar)).toBe(0);
    expect(await readTar(tar, () => null)).toEqual([]);
  });

  it('refuses members that would land outside the target folder', async () => {
    const source = path.join(dir, 'source');
    write(path.join(source, 'x', 'evil.txt'), 'x');
    const tar = path.join(dir, 'evil.tar');
    await writeTar(source, tar);
    const bytes = fs.readFileSync(tar);
    // Rename «x/evil.txt» to «../evil.txt» and fix the header checksum.
    bytes.write('../evil.txt\0', 0, 'utf8');
    bytes.write('        ', 148, 8, 'ascii');
    let sum = 0;
    for (let i = 0; i < 512; i += 1) sum += bytes[i];
    bytes.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
    fs.writeFileSync(tar, bytes);
    await expect(readTar(tar, (entry) => path.join(dir, 'target', entry.name))).rejects.toThrow(/Unsafe path/);
  });
});

describe('verifyBackup', () => {
  const makeBackup = async (): Promise<string> => {
    const folder = path.join(dir, 'backup-1');
    write(path.join(folder, 'database.sqlite'), Buffer.alloc(4096, 1));
    write(path.join(folder, 'uploads.tar'), Buffer.alloc(1024, 0));
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      name: 'backup-1',
      kind: 'manual',
      engine: 'sqlite',
      startedAt: '2026-11-23T00:00:00.000Z',
      finishedAt: '2026-11-23T00:00:01.000Z',
      database: 'database.sqlite',
      uploads: 'uploads.tar',
      uploadsCount: 0,
      files: [await describeFile(folder, 'database.sqlite'), await describeFile(folder, 'uploads.tar')],
    };
    write(path.join(folder, MANIFEST_FILE), JSON.stringify(manifest));
    return folder;
  };

  it('accepts an intact backup and checks the recorded database checksum', async () => {
    const folder = await makeBackup();
    const manifest = await verifyBackup(folder, digest(path.join(folder, 'database.sqlite')));
    expect(manifest.name).toBe('backup-1');
    await expect(verifyBackup(folder, 'f'.repeat(64))).rejects.toThrow(/журнале копий/);
  });

  it.each([
    [
      'a changed byte',
      (folder: string) => fs.writeFileSync(path.join(folder, 'database.sqlite'), Buffer.alloc(4096, 2)),
      /контрольная сумма/,
    ],
    ['a truncated file', (folder: string) => fs.truncateSync(path.join(folder, 'uploads.tar'), 512), /размер 512 вместо 1024/],
    ['a missing file', (folder: string) => fs.rmSync(path.join(folder, 'uploads.tar')), /файл отсутствует/],
    ['no manifest', (folder: string) => fs.rmSync(path.join(folder, MANIFEST_FILE)), /не резервная копия/],
  ])('rejects %s', async (_label, damage, message) => {
    const folder = await makeBackup();
    damage(folder);
    const failure = verifyBackup(folder);
    await expect(failure).rejects.toThrow(BackupIntegrityError);
    await expect(verifyBackup(folder)).rejects.toThrow(message);
  });
});
