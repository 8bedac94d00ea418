import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import JSZip from 'jszip';
import { buildZip, dosDateTime } from '../../src/plugins/records-archive/server/src/archive/zip';

describe('buildZip', () => {
  const entries = [
    { path: 'bag/bagit.txt', content: Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') },
    { path: 'bag/data/журнал.json', content: Buffer.from(JSON.stringify({ класс: '5А', отметки: Array(200).fill('5') })) },
    { path: 'bag/data/empty.txt', content: Buffer.alloc(0) },
    { path: 'bag/data/random.bin', content: Buffer.from(Array.from({ length: 300 }, (_, index) => (index * 7919) % 256)) },
  ];
  const modifiedAt = new Date(2025, 9, 25, 14, 30, 10);
  const zip = buildZip(entries.map((entry) => ({ ...entry, modifiedAt })));

  it('round-trips every file, with UTF-8 names, through an independent reader', async () => {
    const read = await JSZip.loadAsync(zip);
    expect(Object.keys(read.files).sort()).toEqual(entries.map((entry) => entry.path).sort());
    for (const entry of entries) expect(await read.file(entry.path)?.async('nodebuffer')).toEqual(entry.content);
    expect(read.file('bag/bagit.txt')?.date.getMinutes()).toBe(30);
  });

  it('passes `unzip -t` where the tool is installed', () => {
    let hasUnzip = true;
    try {
      execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    } catch {
      hasUnzip = false;
    }
    if (!hasUnzip) return;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zip-')), 'bag.zip');
    fs.writeFileSync(file, zip);
    expect(execFileSync('unzip', ['-t', file]).toString()).toMatch(/No errors detected/);
  });

  it('compresses text and stores what does not shrink', () => {
    expect(zip.length).toBeLessThan(entries.reduce((total, entry) => total + entry.content.length, 0) + 4 * 100);
    expect(buildZip([])).toHaveLength(22);
  });

  it('encodes MS-DOS dates', () => {
    expect(dosDateTime(new Date(1980, 0, 1, 0, 0, 0))).toEqual({ time: 0, date: (0 << 9) | (1 << 5) | 1 });
    expect(dosDateTime(new Date(2025, 9, 25, 14, 30, 11))).toEqual({ time: (14 << 11) | (30 << 5) | 5, date: (45 << 9) | (10 << 5) | 25 });
  });
});
