import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { packageView } from '../services/archive-package';
import { closingRunView } from '../services/period-closing';
import { getService } from '../utils';
import { validateArchiveYear, validateClosePeriod, validateDocumentParams, validateListRuns } from './validation/archive';

/** Admin API of period closing: close a period now, archive a school year's summary sheets, the history of runs and warnings. */
const periodClosingController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async closePeriod(ctx: Context) {
    const { documentId } = await validateDocumentParams(ctx.params);
    const { authorisedBy, reason } = await validateClosePeriod(ctx.request.body ?? {});
    const result = await getService(strapi, 'period-closing').closePeriod({
      studyPeriodDocumentId: documentId,
      authorisedBy: authorisedBy as string,
      reason,
      trigger: 'manual',
    });
    ctx.body = { data: { ...result, packages: result.packages.map((row) => packageView(row)) } };
  },

  async archiveSchoolYear(ctx: Context) {
    const { documentId } = await validateDocumentParams(ctx.params);
    const { authorisedBy } = await validateArchiveYear(ctx.request.body ?? {});
    const result = await getService(strapi, 'period-closing').archiveSchoolYear({
      academicYearDocumentId: documentId,
      authorisedBy: authorisedBy as string,
      trigger: 'manual',
    });
    ctx.body = { data: { ...result, packages: result.packages.map((row) => packageView(row)) } };
  },

  async findRuns(ctx: Context) {
    const query = await validateListRuns(ctx.query);
    const { results, pagination } = await getService(strapi, 'period-closing').findRuns(query);
    ctx.body = { data: results.map(closingRunView), meta: { pagination } };
  },
});

export default periodClosingController;
