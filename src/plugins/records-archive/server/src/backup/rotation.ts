import { DateTime } from 'luxon';

/**
 * Grandfather-father-son rotation. Every night one backup is made; it is «monthly» when it is the
 * first of its month, else «weekly» when it is the first of its ISO week, else «daily». Of each
 * kind the newest N are kept (7 daily, 4 weekly, 12 monthly by default); manual backups and
 * backups under a legal hold are never rotated out.
 */

export type BackupKind = 'daily' | 'weekly' | 'monthly' | 'manual';

export const SCHEDULED_KINDS = ['daily', 'weekly', 'monthly'] as const;

export type RotationKeep = Record<(typeof SCHEDULED_KINDS)[number], number>;

export const DEFAULT_KEEP: RotationKeep = { daily: 7, weekly: 4, monthly: 12 };

export interface RotationCandidate {
  id: number;
  kind: BackupKind;
  /** ISO instant. */
  startedAt: string;
  held: boolean;
}

/** The ids of the backups to rotate out, given the complete backups present. */
export const backupsToRotate = (backups: RotationCandidate[], keep: RotationKeep): number[] => {
  const rotated: number[] = [];
  for (const kind of SCHEDULED_KINDS) {
    const ofKind = backups
      .filter((backup) => backup.kind === kind && !backup.held)
      .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt) || b.id - a.id);
    rotated.push(...ofKind.slice(Math.max(0, keep[kind])).map((backup) => backup.id));
  }
  return rotated;
};

/** The kind of tonight's scheduled backup, given the scheduled backups made before (in the school's zone). */
export const scheduledKind = (now: Date, previous: Array<{ kind: BackupKind; startedAt: string }>, timeZone: string): BackupKind => {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const before = previous.map((backup) => ({ kind: backup.kind, at: DateTime.fromISO(backup.startedAt, { zone: timeZone }) }));
  const hasMonthly = before.some((backup) => backup.kind === 'monthly' && backup.at.hasSame(local, 'month'));
  if (!hasMonthly) return 'monthly';
  const hasWeekly = before.some(
    (backup) =>
      (backup.kind === 'weekly' || backup.kind === 'monthly') &&
      backup.at.weekYear === local.weekYear &&
      backup.at.weekNumber === local.weekNumber,
  );
  return hasWeekly ? 'daily' : 'weekly';
};
