import type { Core } from '@strapi/strapi';
import { useJwtSecretKey } from './access/jwt-key';
import { useRolePermissionCache } from './access/role-permission-cache';
import { countEventListeners } from './events/listened-events';
import { closeSelfRegistration, syncSchoolRoles } from './access/sync-roles';
import { applyAdminLayouts } from './admin-layouts/apply-layouts';
import { auditTrailMiddleware } from './audit/audit-trail';
import { recordRulesMiddleware } from './school/records';
import { messagingMiddleware } from './messaging/rules';
import { runDailyJournalCheck } from './notifications/daily-journal-check';
import { runMarksDigest } from './notifications/marks-digest';
import { runWeeklyDiaryReminder } from './notifications/weekly-reminder';
import { getSchoolSettings } from './school/settings';

export default {
  /** Declares what must hold before anything is read or written: the audit trail and the record rules. */
  register({ strapi }: { strapi: Core.Strapi }) {
    // Outermost: the audit entry is written in the same transaction as the change it records.
    strapi.documents.use(auditTrailMiddleware(strapi));
    strapi.documents.use(recordRulesMiddleware(strapi));
    // Message threads and messages; e-mail notifications queued after a new message, diary entry or journal remark commits.
    strapi.documents.use(messagingMiddleware(strapi));
    useJwtSecretKey(strapi);
    // Lets the mark fast path skip an event nobody receives (src/events/listened-events.ts).
    countEventListeners(strapi);
  },

  /** Brings the users-permissions roles of the school to their declared state. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await syncSchoolRoles(strapi);
    useRolePermissionCache(strapi);
    await closeSelfRegistration(strapi);
    // Russian labels, list columns and edit layouts of the content manager (src/admin-layouts/).
    await applyAdminLayouts(strapi);
    // Every minute: send queued e-mail notifications and retry failed ones whose time has come.
    if (strapi.config.get('server.cron.enabled')) {
      strapi.cron.add({
        notificationSender: {
          task: ({ strapi: app }: { strapi: Core.Strapi }) => app.service('api::notification.notification').flush(),
          options: { rule: '0 * * * * *' },
        },
        // Mondays at 07:00 school time: the class teachers' weekly reminder of the past week's diaries (R16),
        // once across instances (a lease per week, src/notifications/weekly-reminder.ts).
        weeklyDiaryReminder: {
          task: ({ strapi: app }: { strapi: Core.Strapi }) => runWeeklyDiaryReminder(app),
          options: { rule: '0 0 7 * * 1', tz: getSchoolSettings(strapi).timeZone },
        },
        // School days at 18:00: the day's lessons without a topic, attendance or marks, to their teachers and the
        // deputy directors (R7), once across instances (a lease per day, src/notifications/daily-journal-check.ts).
        // Every day at 19:00: the parents' digest of the day's new marks, for those who asked for it, once across instances.
        marksDigest: {
          task: ({ strapi: app }: { strapi: Core.Strapi }) => runMarksDigest(app),
          options: { rule: '0 0 19 * * *', tz: getSchoolSettings(strapi).timeZone },
        },
        dailyJournalCheck: {
          task: ({ strapi: app }: { strapi: Core.Strapi }) => runDailyJournalCheck(app),
          options: { rule: '0 0 18 * * 1-6', tz: getSchoolSettings(strapi).timeZone },
        },
      });
    }
    // The documentation plugin writes the OpenAPI document only outside production; write it at every start.
    if (process.env.NODE_ENV === 'production') await strapi.plugin('documentation')?.service('documentation').generateFullDoc();
  },
};
