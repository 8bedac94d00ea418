import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { bootStrapi, createAccount, stopStrapi } from '../helpers/strapi';
import { buildArchiveSchool, sha256Hex, verifyBagDirectory, type ArchiveSchool } from '../helpers/archive-fixture';

let strapi: Core.Strapi;
let school: ArchiveSchool;
let bagPaths: string[];

const fixity = () => strapi.plugin('records-archive').service('fixity');
const bag = (location: 'primary' | 'secondary', bagPath: string, file = '') => path.join(school.locations[location], bagPath, file);
const flipByte = (file: string, at = 100) => {
  const content = fs.readFileSync(file);
  content[at] ^= 0xff;
  fs.writeFileSync(file, content);
};
const packageRow = (bagPath: string) => strapi.db.query('plugin::records-archive.archive-package').findOne({ where: { bagPath } });

beforeAll(async () => {
  strapi = await bootStrapi();
  school = await buildArchiveSchool(strapi);
  const result = await strapi
    .plugin('records-archive')
    .service('period-closing')
    .closePeriod({ studyPeriodDocumentId: school.quarters[0].documentId, authorisedBy: 'Архивариус Петрова Н.В.' });
  bagPaths = result.packages.map((row: { bagPath: string }) => row.bagPath);
});
afterAll(() => stopStrapi(strapi));

describe('integrity checks', () => {
  it('pass on intact packages and record the run', async () => {
    const check = await fixity().verifyPackages({ trigger: 'manual', requestedBy: 'Нина Петрова' });
    expect(check).toMatchObject({ state: 'passed', packagesChecked: 3, copiesChecked: 6, damagedCopies: 0, repairedCopies: 0 });
    expect(check.finishedAt).toBeTruthy();
  });

  it('detect a flipped byte in one copy, repair it from the other, and record the repair', async () => {
    const [bagPath] = bagPaths;
    const damaged = bag('primary', bagPath, 'data/journal.xlsx');
    const intact = fs.readFileSync(bag('secondary', bagPath, 'data/journal.xlsx'));
    flipByte(damaged);
    expect(verifyBagDirectory(bag('primary', bagPath)).problems).toEqual(['checksum data/journal.xlsx']);

    const check = await fixity().verifyPackages();
    expect(check).toMatchObject({ state: 'repaired', damagedCopies: 1, repairedCopies: 1, unrecoverablePackages: 0 });
    expect(check.failures).toEqual([
      expect.objectContaining({
        bagPath,
        location: 'primary',
        state: 'damaged',
        repaired: true,
        problems: [expect.objectContaining({ path: 'data/journal.xlsx', problem: 'checksum' })],
      }),
    ]);
    expect(check.failures[0].message).toMatch(/восстановлена/);
    expect(sha256Hex(fs.readFileSync(damaged))).toBe(sha256Hex(intact));
    expect(verifyBagDirectory(bag('primary', bagPath)).problems).toEqual([]);
    expect(await packageRow(bagPath)).toMatchObject({ primaryState: 'ok', secondaryState: 'ok', state: 'complete' });
    const stored = await strapi.db.query('plugin::records-archive.fixity-check').findOne({ where: { documentId: check.documentId } });
    expect(stored).toMatchObject({ state: 'repaired', repairedCopies: 1 });
  });

  it('restore a copy that is gone, and a copy whose manifest was rewritten to match its damage', async () => {
    const [, second, third] = bagPaths;
    fs.rmSync(bag('secondary', second), { recursive: true });
    // Tampering that keeps the bag self-consistent: only the digests recorded at archiving catch it.
    const forged = bag('primary', third, 'data/journal.json');
    fs.writeFileSync(forged, fs.readFileSync(forged, 'utf8').replace('"value": "3"', '"value": "5"'));
    const manifest = bag('primary', third, 'manifest-sha256.txt');
    fs.writeFileSync(
      manifest,
      fs.readFileSync(manifest, 'utf8').replace(/^[0-9a-f]{64}(\s+data\/journal\.json)$/m, `${sha256Hex(fs.readFileSync(forged))}$1`),
    );
    const check = await fixity().verifyPackages();
    expect(check).toMatchObject({ state: 'repaired', damagedCopies: 2, repairedCopies: 2 });
    expect(
      check.failures.map((failure: { bagPath: string; location: string; state: string }) => [
        failure.bagPath,
        failure.location,
        failure.state,
      ]),
    ).toEqual([
      [second, 'secondary', 'missing'],
      [third, 'primary', 'damaged'],
    ]);
    expect(verifyBagDirectory(bag('secondary', second)).problems).toEqual([]);
    expect(fs.readFileSync(bag('primary', third, 'data/journal.json'))).toEqual(
      fs.readFileSync(bag('secondary', third, 'data/journal.json')),
    );
  });

  it('rebuild a bag file by file when each copy is damaged in a different file', async () => {
    const [bagPath] = bagPaths;
    flipByte(bag('primary', bagPath, 'data/journal.pdf'));
    flipByte(bag('secondary', bagPath, 'data/journal.json'), 10);
    const check = await fixity().verifyPackages();
    expect(check).toMatchObject({ state: 'repaired', damagedCopies: 2, repairedCopies: 2, unrecoverablePackages: 0 });
    expect(verifyBagDirectory(bag('primary', bagPath)).problems).toEqual([]);
    expect(verifyBagDirectory(bag('secondary', bagPath)).checksums).toEqual(verifyBagDirectory(bag('primary', bagPath)).checksums);
  });

  it('record a failure, visible on the package and told to the archivists, when the same file is damaged in both copies', async () => {
    await createAccount(strapi, 'archivist', 'archivist.fixity');
    const [, bagPath] = bagPaths;
    flipByte(bag('primary', bagPath, 'data/journal.xlsx'));
    flipByte(bag('secondary', bagPath, 'data/journal.xlsx'));
    const check = await fixity().verifyPackages();
    expect(check).toMatchObject({ state: 'failed', damagedCopies: 2, repairedCopies: 0, unrecoverablePackages: 1 });
    const letters = (await strapi.db
      .query('api::notification.notification')
      .findMany({ where: { cause: 'archive-failure', recipient: 'archivist.fixity@school.test' } })) as Array<{
      subject: string;
      text: string;
    }>;
    expect(letters.map((letter) => letter.subject)).toContain('Сбой архива: Проверка целостности: есть пакеты без неповреждённой копии');
    expect(check.failures.every((failure: { repaired: boolean }) => !failure.repaired)).toBe(true);
    expect(check.failures[0].message).toMatch(/восстановить не удалось/);
    expect(await packageRow(bagPath)).toMatchObject({ primaryState: 'damaged', secondaryState: 'damaged' });
    const row = await packageRow(bagPath);
    await expect(strapi.plugin('records-archive').service('archive-package').zip(row)).rejects.toThrow(/повреждён в обоих местах/);
    const failed = await fixity().findPage({ state: 'failed' });
    expect(failed.results).toHaveLength(1);
  });
});
