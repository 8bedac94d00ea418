import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { acquireLease, releaseLease } from '../../src/plugins/records-archive/server/src/utils/lease';
import { apiAs, bootStrapi, stopStrapi } from '../helpers/strapi';
import { make } from '../helpers/school-fixture';
import { buildArchiveSchool, verifyBagDirectory, type ArchiveSchool } from '../helpers/archive-fixture';

let strapi: Core.Strapi;
let school: ArchiveSchool;

const closing = () => strapi.plugin('records-archive').service('period-closing');
const packageStates = async (periodId: number) =>
  (
    await strapi.db
      .query('plugin::records-archive.archive-package')
      .findMany({ where: { studyPeriod: { id: periodId } }, orderBy: { bagPath: 'asc' } })
  ).map((row: { bagPath: string; state: string }) => [row.bagPath, row.state]);
const periodStatus = async (periodId: number) =>
  (await strapi.db.query('api::study-period.study-period').findOne({ where: { id: periodId } })).state;
const useLocations = (locations: { primary: string; secondary: string }) =>
  strapi.config.set('plugin::records-archive.archive', { primaryDir: locations.primary, secondaryDir: locations.secondary });

beforeAll(async () => {
  strapi = await bootStrapi();
  school = await buildArchiveSchool(strapi);
});
afterAll(() => stopStrapi(strapi));

describe('a closing interrupted half-way', () => {
  it('when the second location cannot be written: no package is complete, the period stays open, a re-run finishes', async () => {
    const blocker = path.join(path.dirname(school.locations.primary), 'not-a-directory');
    fs.mkdirSync(path.dirname(blocker), { recursive: true });
    fs.writeFileSync(blocker, 'a file where the second disk should be');
    useLocations({ primary: school.locations.primary, secondary: blocker });
    const quarter = school.quarters[0];
    await expect(
      closing().closePeriod({ studyPeriodDocumentId: quarter.documentId, authorisedBy: 'Архивариус Петрова Н.В.' }),
    ).rejects.toThrow();

    const states = await packageStates(quarter.id);
    expect(states.filter(([, state]: string[]) => state === 'complete')).toEqual([]);
    expect(states).toEqual([['2025-2026/quarter-1/1A', 'failed']]);
    expect(await periodStatus(quarter.id)).toBe('open');
    const run = await strapi.db
      .query('plugin::records-archive.closing-run')
      .findOne({ where: { kind: 'period-closing' }, orderBy: { id: 'desc' } });
    expect(run).toMatchObject({ state: 'failed' });
    expect(run.message).toMatch(/период остаётся открытым/);
    // The period is still open, so teachers still write into it.
    const teacher = apiAs(strapi, school.teacher.jwt);
    expect((await teacher.put(`/api/marks/${school.ivanovMark.documentId}`, { value: '4' })).status).toBe(200);

    useLocations(school.locations);
    const result = await closing().closePeriod({ studyPeriodDocumentId: quarter.documentId, authorisedBy: 'Архивариус Петрова Н.В.' });
    expect(result.alreadyClosed).toBe(false);
    expect(await packageStates(quarter.id)).toEqual([
      ['2025-2026/quarter-1/1A', 'complete'],
      ['2025-2026/quarter-1/5A', 'complete'],
      ['2025-2026/quarter-1/5B', 'complete'],
    ]);
    expect(await periodStatus(quarter.id)).toBe('closed');
    for (const location of [school.locations.primary, school.locations.secondary]) {
      for (const bag of ['1A', '5A', '5B'])
        expect(verifyBagDirectory(path.join(location, '2025-2026/quarter-1', bag)).problems).toEqual([]);
    }
  });

  it('when the process dies between the copies of the second package: the first stays complete, the rest not; a re-run finishes without rebuilding the first', async () => {
    const quarter = school.quarters[1];
    // Lessons of the second quarter in 5Б and 1А as well, so the quarter has three packages.
    await make(strapi, 'api::lesson.lesson', { journal: school.math5bJournal.documentId, date: '2025-11-13', number: 1, topic: 'Дроби' });
    await make(strapi, 'api::lesson.lesson', {
      journal: school.russian1aJournal.documentId,
      date: '2025-11-13',
      number: 1,
      topic: 'Слоги',
    });
    // A leftover of an earlier crash in the staging area, old enough to be swept.
    const stale = path.join(school.locations.primary, '.staging', 'crashed-bag');
    fs.mkdirSync(stale, { recursive: true });
    const longAgo = new Date(Date.now() - 24 * 3600 * 1000);
    fs.utimesSync(stale, longAgo, longAgo);

    let completed = 0;
    const crash = {
      onProgress: (event: { stage: string; location?: string }) => {
        if (event.stage === 'package-complete') completed += 1;
        if (event.stage === 'copy-written' && event.location === 'primary' && completed === 1) throw new Error('simulated crash');
      },
    };
    await expect(closing().closePeriod({ studyPeriodDocumentId: quarter.documentId, authorisedBy: 'Расписание' }, crash)).rejects.toThrow(
      'simulated crash',
    );
    expect(await packageStates(quarter.id)).toEqual([
      ['2025-2026/quarter-2/1A', 'complete'],
      ['2025-2026/quarter-2/5A', 'failed'],
    ]);
    expect(await periodStatus(quarter.id)).toBe('open');
    expect(fs.existsSync(stale)).toBe(false);
    // The half-made package's second copy was never written.
    expect(fs.existsSync(path.join(school.locations.secondary, '2025-2026/quarter-2/5A'))).toBe(false);

    const events: string[] = [];
    await closing().closePeriod(
      { studyPeriodDocumentId: quarter.documentId, authorisedBy: 'Расписание' },
      { onProgress: (event: { stage: string; groupKey: string }) => void events.push(`${event.stage}`) },
    );
    expect(events.filter((stage) => stage === 'package-unchanged').length).toBeGreaterThanOrEqual(1);
    expect(await packageStates(quarter.id)).toEqual([
      ['2025-2026/quarter-2/1A', 'complete'],
      ['2025-2026/quarter-2/5A', 'complete'],
      ['2025-2026/quarter-2/5B', 'complete'],
    ]);
    expect(await periodStatus(quarter.id)).toBe('closed');
    expect(verifyBagDirectory(path.join(school.locations.secondary, '2025-2026/quarter-2/5A')).problems).toEqual([]);
    const staging = fs.readdirSync(path.join(school.locations.secondary, '.staging'));
    expect(staging).toEqual([]);
  });

  it('runs once at a time: a second closing, here or on another instance, is refused as busy', async () => {
    const quarter = school.quarters[2];
    const outcomes = await Promise.allSettled([
      closing().closePeriod({ studyPeriodDocumentId: quarter.documentId, authorisedBy: 'Архивариус' }),
      closing().closePeriod({ studyPeriodDocumentId: quarter.documentId, authorisedBy: 'Архивариус' }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(refused?.reason.message).toMatch(/уже выполняется/);

    const other = school.quarters[3];
    expect(await acquireLease(strapi, 'records-archive:archive-write', 60_000, 'another-instance')).toBe(true);
    await expect(closing().closePeriod({ studyPeriodDocumentId: other.documentId, authorisedBy: 'Архивариус' })).rejects.toThrow(
      /уже выполняется/,
    );
    expect(await periodStatus(other.id)).toBe('open');
    await releaseLease(strapi, 'records-archive:archive-write', 'another-instance');
    await closing().closePeriod({ studyPeriodDocumentId: other.documentId, authorisedBy: 'Архивариус' });
    expect(await periodStatus(other.id)).toBe('closed');
  });
});
