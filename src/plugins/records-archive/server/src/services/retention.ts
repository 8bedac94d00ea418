import type { Core } from '@strapi/strapi';
import { RETENTION_RULE_UID } from '../constants';
import { DEFAULT_RETENTION_RULES } from '../rules/default-retention-rules';

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
});

export type RetentionService = ReturnType<typeof createRetentionService>;

export default createRetentionService;
