import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { sendDownload } from '../../../school/download';
import { MEDAL_ENTRY } from '../../../school/records/medal-rules';
import { assertNothingDerived, getMedalEntryService } from '../services/medal-entry';

export default factories.createCoreController(MEDAL_ENTRY, ({ strapi }) => ({
  /** POST /api/medal-entries: the pupil and the medal come from the аттестат entry, never typed; the record rules do the rest. */
  async create(ctx: Context) {
    assertNothingDerived((ctx.request as unknown as { body?: { data?: unknown } }).body?.data);
    return super.create(ctx);
  },

  /** GET /api/medal-entries/awarded?year=: the year's аттестаты with a medal and whether its issue is recorded. */
  async awarded(ctx: Context) {
    ctx.body = { data: await getMedalEntryService(strapi).awarded(ctx.query.year) };
  },

  /** GET /api/medal-entries/book.pdf?year=: the book's pages of a year. */
  async book(ctx: Context) {
    const { pdf, year } = await getMedalEntryService(strapi).bookPdf(ctx.query.year);
    sendDownload(ctx, pdf, { fileName: `Книга учёта и выдачи медалей ${year}.pdf`, asciiName: `medals-book-${year}.pdf` });
  },
}));
