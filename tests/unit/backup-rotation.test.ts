import {
  backupsToRotate,
  DEFAULT_KEEP,
  scheduledKind,
  type BackupKind,
  type RotationCandidate,
} from '../../src/plugins/records-archive/server/src/backup/rotation';

const day = (n: number): string => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();

const series = (kind: BackupKind, count: number, firstId: number): RotationCandidate[] =>
  Array.from({ length: count }, (_, index) => ({ id: firstId + index, kind, startedAt: day(index), held: false }));

describe('backupsToRotate', () => {
  it('keeps the newest 7 daily, 4 weekly and 12 monthly by default', () => {
    const backups = [...series('daily', 10, 1), ...series('weekly', 6, 100), ...series('monthly', 13, 200)];
    expect(backupsToRotate(backups, DEFAULT_KEEP).sort((a, b) => a - b)).toEqual([1, 2, 3, 100, 101, 200]);
  });

  it.each([
    [{ daily: 0, weekly: 0, monthly: 0 }, 5],
    [{ daily: 3, weekly: 1, monthly: 1 }, 0],
    [{ daily: 1, weekly: 1, monthly: 1 }, 2],
  ])('with keep %j rotates %i of 3 daily, 1 weekly and 1 monthly backups', (keep, rotated) => {
    const backups = [...series('daily', 3, 1), ...series('weekly', 1, 10), ...series('monthly', 1, 20), ...series('manual', 1, 30)];
    expect(backupsToRotate(backups, keep)).toHaveLength(rotated);
  });

  it('never rotates manual backups, nor held ones (which do not count towards the kept number)', () => {
    const backups = [...series('daily', 4, 1), ...series('manual', 5, 50)];
    backups[0].held = true;
    expect(backupsToRotate(backups, { daily: 2, weekly: 4, monthly: 12 })).toEqual([2]);
  });

  it('orders by start time, not by id', () => {
    const backups: RotationCandidate[] = [
      { id: 1, kind: 'daily', startedAt: day(5), held: false },
      { id: 2, kind: 'daily', startedAt: day(1), held: false },
      { id: 3, kind: 'daily', startedAt: day(3), held: false },
    ];
    expect(backupsToRotate(backups, { daily: 2, weekly: 0, monthly: 0 })).toEqual([2]);
  });
});

describe('scheduledKind', () => {
  const zone = 'Europe/Moscow';
  const at = (iso: string) => new Date(iso);

  it.each([
    ['the very first backup is monthly', '2026-11-23T23:30:00Z', [], 'monthly'],
    [
      'a monthly this month, none this week: weekly',
      '2026-11-23T23:30:00Z',
      [{ kind: 'monthly', startedAt: '2026-11-02T23:30:00Z' }],
      'weekly',
    ],
    [
      'a monthly and a weekly this week: daily',
      '2026-11-25T23:30:00Z',
      [
        { kind: 'monthly', startedAt: '2026-11-02T23:30:00Z' },
        { kind: 'weekly', startedAt: '2026-11-23T23:30:00Z' },
      ],
      'daily',
    ],
    [
      'a monthly made this week counts for the week',
      '2026-12-03T23:30:00Z',
      [{ kind: 'monthly', startedAt: '2026-12-01T10:00:00Z' }],
      'daily',
    ],
    [
      'the month is the school’s local month: 30 Nov 23:30 UTC is 1 Dec in Moscow',
      '2026-11-30T23:30:00Z',
      [{ kind: 'monthly', startedAt: '2026-11-02T23:30:00Z' }],
      'monthly',
    ],
  ] as const)('%s', (_label, now, previous, expected) => {
    expect(scheduledKind(at(now), [...previous], zone)).toBe(expected);
  });
});
