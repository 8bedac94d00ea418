import type { Core } from '@strapi/strapi';
import { getService } from './utils';
import { getSchoolSettings } from '../../../../school/settings';

/**
 * The plugin's scheduled jobs: a plain list, each with a croner rule (seconds first) in the
 * school's time zone. Every instance schedules every task; each task takes a lease inside
 * (`runExclusively`), so it runs once however many instances share the database. Registered in
 * `bootstrap` only when `server.cron.enabled`, removed in `destroy`.
 */
export interface ArchiveCronTask {
  name: string;
  rule: string;
  run: (strapi: Core.Strapi) => Promise<unknown>;
}

export const CRON_TASKS: ArchiveCronTask[] = [
  {
    // Nightly: warn a week before a study period ends; close (and archive) every period that has ended.
    name: 'records-archive.period-closing',
    rule: '0 30 1 * * *',
    run: (strapi) => getService(strapi, 'period-closing').runScheduledClosing(),
  },
  {
    // Weekly, Sunday night: re-read both copies of every archive package, repair what is damaged.
    name: 'records-archive.fixity-check',
    rule: '0 0 3 * * 0',
    run: (strapi) => getService(strapi, 'fixity').verifyPackages({ trigger: 'schedule', requestedBy: 'Расписание' }),
  },
  {
    // Nightly backup of the database and the uploads (seed 002 §3.1.8), kind by the rotation calendar, then rotation.
    name: 'records-archive.daily-backup',
    rule: process.env.BACKUP_CRON || '0 30 2 * * *',
    run: (strapi) => getService(strapi, 'backup').runScheduled(),
  },
  {
    // Monthly, on the 1st after the night's backup: restore the newest backup into a scratch database and record the drill.
    name: 'records-archive.restore-drill',
    rule: process.env.RESTORE_DRILL_CRON || '0 30 4 1 * *',
    run: (strapi) => getService(strapi, 'restore-drill').runScheduled(),
  },
];

const guarded =
  (task: ArchiveCronTask) =>
  async ({ strapi }: { strapi: Core.Strapi }): Promise<void> => {
    try {
      await task.run(strapi);
    } catch (error) {
      strapi.log.error(`[records-archive] scheduled task ${task.name} failed: ${(error as Error).message}`);
    }
  };

export const registerCronTasks = (strapi: Core.Strapi): void => {
  if (!strapi.config.get('server.cron.enabled', false)) return;
  const tz = getSchoolSettings(strapi).timeZone;
  strapi.cron.add(Object.fromEntries(CRON_TASKS.map((task) => [task.name, { task: guarded(task), options: { rule: task.rule, tz } }])));
};

export const removeCronTasks = (strapi: Core.Strapi): void => {
  for (const task of CRON_TASKS) strapi.cron.remove(task.name);
};
