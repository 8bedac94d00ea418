/** Response shapes of the plugin's admin API (see the server's controllers and `*View` functions). */

export type CopyState = 'unknown' | 'ok' | 'damaged' | 'missing';
export type PackageStatus = 'building' | 'complete' | 'failed' | 'superseded' | 'destroyed';

export interface ArchivePackage {
  documentId: string;
  title: string;
  kind: 'period-journal' | 'summary-sheet';
  recordType: string;
  version: number;
  state: PackageStatus;
  studyPeriod: { documentId: string; title: string } | null;
  academicYear: { documentId: string; title: string } | null;
  schoolClass: { documentId: string; name: string } | null;
  bagPath: string;
  locations: Record<'primary' | 'secondary', { path: string | null; state: CopyState }>;
  tagmanifestSha256: string | null;
  payloadOxum: string | null;
  sizeBytes: number | null;
  fileCount: number | null;
  retention: { expiresOn: string | null; startsOn: string | null; rule: { title: string } | null };
  authorisedBy: string | null;
  createdAt: string;
  completedAt: string | null;
  lastFixityAt: string | null;
  error: string | null;
}

export interface FixityFailure {
  package: string;
  title: string;
  bagPath: string;
  location: 'primary' | 'secondary';
  state: 'damaged' | 'missing';
  repaired: boolean;
  message: string;
}

export interface FixityCheck {
  documentId: string;
  trigger: 'schedule' | 'manual';
  state: 'running' | 'passed' | 'repaired' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  requestedBy: string | null;
  packagesChecked: number;
  copiesChecked: number;
  damagedCopies: number;
  repairedCopies: number;
  unrecoverablePackages: number;
  failures: FixityFailure[];
  summary: string | null;
  error: string | null;
}

export interface ClosingRun {
  documentId: string;
  kind: 'period-closing' | 'closing-warning' | 'school-year-archive';
  trigger: 'manual' | 'schedule';
  state: 'running' | 'complete' | 'failed' | 'warning';
  studyPeriod: { documentId: string; title: string } | null;
  academicYear: { documentId: string; title: string } | null;
  authorisedBy: string | null;
  message: string | null;
  startedAt: string;
  finishedAt: string | null;
  packagesTotal: number | null;
  packagesComplete: number | null;
  error: string | null;
}

export interface ClosePeriodResult {
  studyPeriod: { documentId: string; title: string; academicYear: string; state: string; closedAt: string | null };
  alreadyClosed: boolean;
  packages: ArchivePackage[];
  run: string;
}

export interface StudyPeriod {
  id: number;
  documentId: string;
  title: string | null;
  scheme: string;
  number: number;
  startDate: string;
  endDate: string;
  /** The period's own state (the content manager reports its publication state separately, in `status`). */
  state: 'open' | 'closed';
  closedAt: string | null;
  academicYear?: { title?: string } | null;
}

export interface SchoolClass {
  documentId: string;
  name: string;
}

export interface Backup {
  id: number;
  documentId: string;
  name: string;
  kind: 'daily' | 'weekly' | 'monthly' | 'manual';
  state: 'complete' | 'failed' | 'rotated';
  engine: string;
  trigger: string;
  requestedBy: string | null;
  startedAt: string;
  finishedAt: string | null;
  files: Array<{ name: string; size: number; sha256: string }> | null;
  sha256: string | null;
  size: number | null;
  error: string | null;
}

export interface RestoreInstructions {
  engine: string;
  backupDir: string;
  latestBackup: string | null;
  command: string;
  steps: string[];
  text: string;
}

export type DisposableType = 'archive-package' | 'backup' | 'personal-data' | 'paper-carrier';
export type ActStatus = 'draft' | 'approved' | 'rejected' | 'executed';

export interface DueItem {
  recordType: DisposableType;
  documentId: string;
  title: string;
  closedOn: string | null;
  expiresOn: string;
  held: { id: number; reason: string } | null;
  inAct: { id: number; number: string; state: ActStatus } | null;
}

export interface DueGroup {
  rule: {
    documentId: string;
    recordType: string;
    title: string;
    actionAtExpiry: string;
    legalBasis: string;
    expertReviewRequired: boolean;
  };
  items: DueItem[];
}

export interface DestructionAct {
  id: number;
  documentId: string;
  number: string;
  date: string;
  state: ActStatus;
  items: Array<{ recordType: DisposableType; documentId: string; title: string }>;
  legalBasis: string | null;
  draftedBy: string | null;
  approvedBy: string | null;
  rejectedBy: string | null;
  rejectionReason: string | null;
  executedBy: string | null;
  executedAt: string | null;
}

export interface LegalHold {
  id: number;
  recordType: DisposableType;
  recordDocumentId: string;
  recordTitle: string | null;
  reason: string;
  placedBy: string | null;
  placedAt: string;
  liftedAt: string | null;
  liftedBy: string | null;
}

export interface RetentionRule {
  id: number;
  documentId: string;
  recordType: string;
  title: string;
  periodKind: 'fixed' | 'permanent' | 'while-studying' | 'not-archived';
  periodYears: number | null;
  periodMonths: number | null;
  countsFrom: string;
  actionAtExpiry: string;
  expertReviewRequired: boolean | null;
  legalBasis: string;
  /** The list of files (номенклатура дел): case index, carrier, storage place. */
  caseIndex?: string | null;
  carrier?: 'paper' | 'electronic' | 'both' | null;
  storagePlace?: string | null;
  updatedAt: string;
}

export interface RuleVersion {
  id: number;
  version: number;
  changeKind: 'create' | 'update' | 'delete';
  changedBy: string | null;
  changedByKind: 'admin' | 'api' | 'system';
  changedAt: string;
  changedFields: string[] | null;
  oldValues: Record<string, unknown> | null;
  newValues: Record<string, unknown> | null;
}

/** The content manager's list response. */
export interface CmList<T> {
  results: T[];
  pagination?: { total: number };
}
