import type { Core } from '@strapi/strapi';
import { RETENTION_RULE_UID } from '../constants';
import { DEFAULT_RETENTION_RULES } from '../rules/default-retention-rules';
import { retentionExpiry, type RetentionPeriod } from '../rules/retention';

const createRetentionService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Adds each default rule whose record type the school has no rule for yet; never overwrites. */
  async seedDefaultRules(): Promise<number> {
    const rules = strapi.db.query(RETENTION_RULE_UID);
    const present = new Set(
      ((await rules.findMany({ select: ['recordType'] })) as Array<{ recordType: string }>).map((rule) => rule.recordType),
    );
    const missing = DEFAULT_RETENTION_RULES.filter((rule) => !present.has(rule.recordType));
    for (const rule of missing) {
      await strapi.documents(RETENTION_RULE_UID).create({ data: { fromNextJanuary: true, ...rule } });
    }
    return missing.length;
  },

  /**
   * A record's expiry under its rule (none: no rule; a kind without a date: permanent, while
   * studying, not archived; no date yet while the record's period has not started).
   */
  expiryFor(
    rule: RetentionPeriod | null | undefined,
    closedOn: string | null,
  ): { retentionKind: 'date' | 'permanent' | 'while-studying' | 'not-archived' | 'no-rule'; expiresOn: string | null } {
    if (!rule) return { retentionKind: 'no-rule', expiresOn: null };
    if (rule.periodKind !== 'fixed') return { retentionKind: rule.periodKind, expiresOn: null };
    if (!closedOn) return { retentionKind: 'date', expiresOn: null };
    const expiry = retentionExpiry(rule, closedOn);
    return { retentionKind: expiry.kind, expiresOn: expiry.kind === 'date' ? expiry.expiresOn : null };
  },
});

export type RetentionService = ReturnType<typeof createRetentionService>;

export default createRetentionService;
