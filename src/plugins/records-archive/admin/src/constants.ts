import { PLUGIN_ID } from './pluginId';

/**
 * The plugin's admin RBAC actions, mirroring `server/src/constants.ts` (KEEPING_ACTIONS and
 * ARCHIVE_ACTIONS): every admin route of the plugin checks one of them.
 */
export const ACTIONS = {
  backupRead: `plugin::${PLUGIN_ID}.backup.read`,
  backupCreate: `plugin::${PLUGIN_ID}.backup.create`,
  backupDownload: `plugin::${PLUGIN_ID}.backup.download`,
  dispositionRead: `plugin::${PLUGIN_ID}.disposition.read`,
  dispositionDraft: `plugin::${PLUGIN_ID}.disposition.draft`,
  dispositionApprove: `plugin::${PLUGIN_ID}.disposition.approve`,
  dispositionExecute: `plugin::${PLUGIN_ID}.disposition.execute`,
  legalHoldManage: `plugin::${PLUGIN_ID}.legal-hold.manage`,
  retentionHistory: `plugin::${PLUGIN_ID}.retention.history`,
  packagesRead: `plugin::${PLUGIN_ID}.packages.read`,
  packagesDownload: `plugin::${PLUGIN_ID}.packages.download`,
  periodsClose: `plugin::${PLUGIN_ID}.periods.close`,
  schoolYearsArchive: `plugin::${PLUGIN_ID}.school-years.archive`,
  fixityRead: `plugin::${PLUGIN_ID}.fixity.read`,
  fixityRun: `plugin::${PLUGIN_ID}.fixity.run`,
  journalOwn: `plugin::${PLUGIN_ID}.journal.own`,
  journalReadAll: `plugin::${PLUGIN_ID}.journal.read-all`,
  journalWriteAll: `plugin::${PLUGIN_ID}.journal.write-all`,
  journalRemark: `plugin::${PLUGIN_ID}.journal.remark`,
  analyticsRead: `plugin::${PLUGIN_ID}.analytics.read`,
  paperRead: `plugin::${PLUGIN_ID}.paper-archive.read`,
  paperManage: `plugin::${PLUGIN_ID}.paper-archive.manage`,
  paperSign: `plugin::${PLUGIN_ID}.paper-archive.sign`,
  controlSummary: `plugin::${PLUGIN_ID}.control.summary`,
  documentsRead: `plugin::${PLUGIN_ID}.documents.read`,
  documentsIssue: `plugin::${PLUGIN_ID}.documents.issue`,
  pupilsRead: `plugin::${PLUGIN_ID}.pupils.read`,
} as const;

const permission = (action: string) => ({ action, subject: null });

/** Who sees the «Архив» section: any of the plugin's read actions. */
export const READ_PERMISSIONS = [
  ACTIONS.packagesRead,
  ACTIONS.fixityRead,
  ACTIONS.backupRead,
  ACTIONS.dispositionRead,
  ACTIONS.retentionHistory,
  ACTIONS.periodsClose,
  ACTIONS.paperRead,
].map(permission);

/** Who sees the «Журнал» page: teachers (own journals), whoever reads all journals, the deputy director. */
export const JOURNAL_PERMISSIONS = [ACTIONS.journalOwn, ACTIONS.journalReadAll, ACTIONS.journalWriteAll, ACTIONS.journalRemark].map(
  permission,
);

/** Who sees the «Документы» page: whoever holds `documents.read` (the secretary, the deputy, the director). */
export const DOCUMENTS_PERMISSIONS = [ACTIONS.documentsRead].map(permission);

/** Who sees the «Ученик» page: whoever holds `pupils.read` (teachers, the deputy, the director), with their school account's reach. */
export const PUPIL_PERMISSIONS = [ACTIONS.pupilsRead].map(permission);

/** Who sees the «Аналитика» page: whoever holds `analytics.read` (the whole school's results). */
export const ANALYTICS_PERMISSIONS = [ACTIONS.analyticsRead].map(permission);

/**
 * The actions each page checks with `useRBAC` to show its buttons; `useRBAC` names each
 * `can<LastPart>` (e.g. `disposition.approve` is `canApprove`, `legal-hold.manage` is `canManage`).
 */
export const PAGE_PERMISSIONS = {
  retention: [permission(ACTIONS.retentionHistory)],
  packages: [permission(ACTIONS.packagesDownload), permission(ACTIONS.fixityRun)],
  periods: [permission(ACTIONS.periodsClose)],
  backups: [permission(ACTIONS.backupCreate), permission(ACTIONS.backupDownload)],
  disposition: [
    permission(ACTIONS.dispositionDraft),
    permission(ACTIONS.dispositionApprove),
    permission(ACTIONS.dispositionExecute),
    permission(ACTIONS.legalHoldManage),
  ],
  fixity: [permission(ACTIONS.fixityRun)],
  paper: [permission(ACTIONS.paperManage), permission(ACTIONS.paperSign)],
  documents: [permission(ACTIONS.documentsIssue)],
};

export const RETENTION_RULE_UID = `plugin::${PLUGIN_ID}.retention-rule`;
export const STUDY_PERIOD_UID = 'api::study-period.study-period';
export const SCHOOL_CLASS_UID = 'api::school-class.school-class';
