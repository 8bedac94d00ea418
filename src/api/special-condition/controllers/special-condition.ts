import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { SPECIAL_CONDITION } from '../../../school/records/special-condition-rules';
import { assertNoDiagnosisQuery, sanitiseAndLog } from '../reading';

type Answer = { data?: unknown; meta?: unknown };

/** Core reads with the diagnosis taken out for teachers and every read written to the audit trail. */
export default factories.createCoreController(SPECIAL_CONDITION, ({ strapi }) => ({
  async find(ctx: Context) {
    await assertNoDiagnosisQuery(ctx);
    const answer = (await super.find(ctx)) as Answer;
    const items = Array.isArray(answer?.data) ? (answer.data as Array<Record<string, unknown>>) : [];
    await sanitiseAndLog(strapi, items, 'GET /api/special-conditions');
    return answer;
  },

  async findOne(ctx: Context) {
    await assertNoDiagnosisQuery(ctx);
    const answer = (await super.findOne(ctx)) as Answer;
    const item = answer?.data && typeof answer.data === 'object' ? (answer.data as Record<string, unknown>) : null;
    if (item) await sanitiseAndLog(strapi, [item], 'GET /api/special-conditions/:id');
    return answer;
  },
}));
