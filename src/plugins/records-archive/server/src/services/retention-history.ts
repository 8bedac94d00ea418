import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { RETENTION_RULE_UID, RETENTION_RULE_VERSION_UID } from '../constants';
import { currentActor } from '../disposition/actor';

/**
 * Retention rules are data the school edits, and a retention decision must be explainable years
 * later: every create, update and delete of a rule, from the admin panel, the API or a script,
 * writes a version (who, when, old and new values) in the same transaction as the change.
 */

/** The fields of a rule that are versioned (everything but ids and bookkeeping). */
export const RULE_FIELDS = [
  'recordType',
  'title',
  'periodKind',
  'periodYears',
  'periodMonths',
  'countsFrom',
  'fromNextJanuary',
  'actionAtExpiry',
  'expertReviewRequired',
  'legalBasis',
  'caseIndex',
  'carrier',
  'storagePlace',
  'nomenclatureNote',
] as const;

export type RuleValues = Partial<Record<(typeof RULE_FIELDS)[number], unknown>>;

export interface RuleVersion {
  id: number;
  ruleDocumentId: string;
  recordType: string | null;
  version: number;
  changeKind: 'create' | 'update' | 'delete';
  changedBy: string | null;
  changedById: number | null;
  changedByKind: 'admin' | 'api' | 'system';
  changedAt: string;
  changedFields: string[] | null;
  oldValues: RuleValues | null;
  newValues: RuleValues | null;
}

interface FieldIssue {
  path: string[];
  message: string;
  name: 'ValidationError';
}

const pick = (row: Record<string, unknown> | null | undefined): RuleValues | null =>
  row ? Object.fromEntries(RULE_FIELDS.filter((field) => field in row).map((field) => [field, row[field] ?? null])) : null;

const positive = (value: unknown): boolean => typeof value === 'number' && value > 0;

/** Problems of a rule as it will be stored; an empty list when it is valid. */
export const retentionRuleIssues = (rule: RuleValues): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  if ((rule.periodKind ?? 'fixed') === 'fixed' && !positive(rule.periodYears) && !positive(rule.periodMonths)) {
    issues.push({
      path: ['periodYears'],
      message: 'Для фиксированного срока укажите число лет или месяцев больше нуля',
      name: 'ValidationError',
    });
  }
  if (typeof rule.legalBasis !== 'string' || rule.legalBasis.trim() === '') {
    issues.push({
      path: ['legalBasis'],
      message: 'Укажите основание срока хранения: пункт Положения, номенклатуры дел или федерального перечня',
      name: 'ValidationError',
    });
  }
  if (
    typeof rule.caseIndex === 'string' &&
    rule.caseIndex.trim() !== '' &&
    (!CASE_INDEX.test(rule.caseIndex.trim()) || rule.caseIndex.trim().length > 20)
  ) {
    issues.push({
      path: ['caseIndex'],
      message: 'Индекс дела по номенклатуре: цифры и буквы через дефис или точку, не длиннее 20 знаков (например, «02-05»)',
      name: 'ValidationError',
    });
  }
  return issues;
};

/** A case index of the list of files: «02-05», «01-12.1», «ОД-3». */
export const CASE_INDEX = /^[0-9A-Za-zА-Яа-яЁё]+(?:[-./][0-9A-Za-zА-Яа-яЁё]+)*$/;

const changedFields = (before: RuleValues | null, after: RuleValues | null): string[] =>
  RULE_FIELDS.filter((field) => JSON.stringify(before?.[field] ?? null) !== JSON.stringify(after?.[field] ?? null));

const createRetentionHistoryService = ({ strapi }: { strapi: Core.Strapi }) => {
  const versions = () => strapi.db.query(RETENTION_RULE_VERSION_UID);

  return {
    /** Refuses (HTTP 400, one message per field) a rule that could not be applied. */
    validate(rule: RuleValues): void {
      const issues = retentionRuleIssues(rule);
      if (issues.length > 0) throw new errors.ValidationError(issues.map((issue) => issue.message).join('; '), { errors: issues });
    },

    /** Writes the next version of a rule; a change that changes nothing writes none. */
    async record(
      ruleDocumentId: string,
      changeKind: RuleVersion['changeKind'],
      before: Record<string, unknown> | null,
      after: Record<string, unknown> | null,
    ): Promise<RuleVersion | null> {
      const oldValues = pick(before);
      const newValues = pick(after);
      const fields = changedFields(oldValues, newValues);
      if (changeKind === 'update' && fields.length === 0) return null;
      const last = (await versions().findOne({ where: { ruleDocumentId }, orderBy: { version: 'desc' }, select: ['version'] })) as {
        version: number;
      } | null;
      const actor = currentActor(strapi);
      return (await versions().create({
        data: {
          ruleDocumentId,
          recordType: (newValues?.recordType ?? oldValues?.recordType ?? null) as string | null,
          version: (last?.version ?? 0) + 1,
          changeKind,
          changedBy: actor.name,
          changedById: actor.id,
          changedByKind: actor.kind,
          changedAt: new Date(),
          changedFields: fields,
          oldValues,
          newValues,
        },
      })) as RuleVersion;
    },

    /** Every version of a rule, newest first. */
    async history(ruleDocumentId: string): Promise<RuleVersion[]> {
      return (await versions().findMany({ where: { ruleDocumentId }, orderBy: { version: 'desc' } })) as RuleVersion[];
    },
  };
};

export type RetentionHistoryService = ReturnType<typeof createRetentionHistoryService>;

type DocumentResult = { documentId?: string; entries?: unknown[] } | null | undefined;

/**
 * The document-service middleware (registered in `register`): validates rules on create, update
 * and clone, and versions every change in the transaction of the change itself.
 */
export const retentionRuleMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== RETENTION_RULE_UID || !['create', 'update', 'clone', 'delete'].includes(context.action)) return next();
    const history = strapi.plugin('records-archive').service('retention-history') as RetentionHistoryService;
    const rules = strapi.db.query(RETENTION_RULE_UID);
    const params = context.params as { documentId?: string; data?: Record<string, unknown> };
    let before: Record<string, unknown> | null = null;
    if (context.action !== 'create') {
      if (!params.documentId) return next();
      before = (await rules.findOne({ where: { documentId: params.documentId } })) as Record<string, unknown> | null;
      if (!before) return next();
    }
    if (context.action !== 'delete') {
      const values = { ...(context.action === 'create' ? {} : pick(before)), ...pick(params.data ?? {}) };
      history.validate(values);
      // One case of the list of files per rule: an index already given to another rule is refused.
      const caseIndex = typeof values.caseIndex === 'string' ? values.caseIndex.trim() : '';
      if (caseIndex) {
        const other = (await rules.findOne({
          where: { caseIndex, ...(context.action === 'update' ? { documentId: { $ne: params.documentId } } : {}) },
          select: ['title'],
        })) as { title: string } | null;
        if (other) {
          const message = `Индекс дела ${caseIndex} уже присвоен правилу «${other.title}»`;
          throw new errors.ValidationError(message, { errors: [{ path: ['caseIndex'], message, name: 'ValidationError' }] });
        }
      }
    }
    return strapi.db.transaction(async () => {
      const result = await next();
      if (context.action === 'delete') {
        if (((result as DocumentResult)?.entries ?? []).length > 0)
          await history.record(params.documentId as string, 'delete', before, null);
        return result;
      }
      const documentId = context.action === 'update' ? params.documentId : (result as DocumentResult)?.documentId;
      if (documentId) {
        const after = (await rules.findOne({ where: { documentId } })) as Record<string, unknown> | null;
        await history.record(
          documentId,
          context.action === 'update' ? 'update' : 'create',
          context.action === 'update' ? before : null,
          after,
        );
      }
      return result;
    });
  };

export default createRetentionHistoryService;
