import { spawnSync } from 'child_process';
import type { Core } from '@strapi/strapi';
import { acquireLease, INSTANCE_ID, releaseLease, runExclusively } from '../../src/plugins/records-archive/server/src/utils/lease';
import { bootStrapi, stopStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
beforeAll(async () => {
  strapi = await bootStrapi();
});
afterAll(() => stopStrapi(strapi));

describe('job leases', () => {
  it('let exactly one of several instances take a job at once', async () => {
    const holders = ['instance-a', 'instance-b', 'instance-c', 'instance-d'];
    const results = await Promise.all(holders.map((holder) => acquireLease(strapi, 'daily-backup', 60_000, holder)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('pass to another instance once released or expired', async () => {
    expect(await acquireLease(strapi, 'fixity', 60_000, 'a')).toBe(true);
    expect(await acquireLease(strapi, 'fixity', 60_000, 'b')).toBe(false);
    await releaseLease(strapi, 'fixity', 'a');
    expect(await acquireLease(strapi, 'fixity', 1, 'b')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await acquireLease(strapi, 'fixity', 60_000, 'c')).toBe(true);
  });

  it('run a job once and release the lease even when the job fails', async () => {
    await expect(runExclusively(strapi, 'close-period', 60_000, async () => Promise.reject(new Error('crash')))).rejects.toThrow('crash');
    expect(await runExclusively(strapi, 'close-period', 60_000, async () => 'done')).toBe('done');
  });

  it('do not start a job again in the same process while its earlier run is still going (a slow tick)', async () => {
    let finish: (value: string) => void = () => undefined;
    const slow = runExclusively(strapi, 'nightly-backup', 60_000, () => new Promise<string>((resolve) => (finish = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    let secondRan = false;
    const second = await runExclusively(strapi, 'nightly-backup', 60_000, async () => {
      secondRan = true;
      return 'second';
    });
    expect(second).toBeNull();
    expect(secondRan).toBe(false);
    // The first run still holds the lease against other instances, and gives it back when done.
    expect(await acquireLease(strapi, 'nightly-backup', 60_000, 'another-instance')).toBe(false);
    finish('first');
    expect(await slow).toBe('first');
    expect(await runExclusively(strapi, 'nightly-backup', 60_000, async () => 'next tick')).toBe('next tick');
  });

  it('pass at once from a process of this machine that died holding one (kill -9), not from a live one', async () => {
    const [space] = INSTANCE_ID.split(':');
    const deadPid = spawnSync(process.execPath, ['-e', 'console.log(process.pid)']).stdout.toString().trim();
    expect(await acquireLease(strapi, 'archive-write', 60_000, `${space}:${deadPid}:crashed`)).toBe(true);
    expect(await acquireLease(strapi, 'archive-write', 60_000)).toBe(true);
    expect(await acquireLease(strapi, 'backup', 60_000, `${space}:${process.ppid}:alive`)).toBe(true);
    expect(await acquireLease(strapi, 'backup', 60_000)).toBe(false);
    expect(await acquireLease(strapi, 'fixity-elsewhere', 60_000, `another-machine:${deadPid}:crashed`)).toBe(true);
    expect(await acquireLease(strapi, 'fixity-elsewhere', 60_000)).toBe(false);
  });
});
