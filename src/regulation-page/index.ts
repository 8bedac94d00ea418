import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getRegulationService } from '../api/regulation/services/regulation';
import { getSchoolSettings } from '../school/settings';
import { CURRENT_PATH, renderEditionPage, renderNotFoundPage, type EditionSummary, type PageContext, type PageEdition } from './page';

/** What a reader of the site may see: the adopted editions, never drafts. */
const PUBLIC_AUDIENCE = { withDrafts: false };
const SUMMARY_FIELDS = ['editionNumber', 'state', 'effectiveDate', 'supersededAt'];

const contextOf = (strapi: Core.Strapi): PageContext => {
  const settings = getSchoolSettings(strapi);
  return { schoolName: settings.name, timeZone: settings.timeZone };
};

const sendHtml = (ctx: Context, status: number, html: string): void => {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  // Always revalidate: a new edition must show at once.
  ctx.set('Cache-Control', 'no-cache');
  ctx.body = html;
};

const adoptedEditions = async (strapi: Core.Strapi): Promise<EditionSummary[]> => {
  const { results } = await getRegulationService(strapi).findEditions(
    { fields: SUMMARY_FIELDS, pagination: { page: 1, pageSize: 100 } },
    PUBLIC_AUDIENCE,
  );
  return results as unknown as EditionSummary[];
};

/** GET /regulation: the edition in force. */
const showCurrent = (strapi: Core.Strapi) => async (ctx: Context) => {
  const context = contextOf(strapi);
  const edition = (await getRegulationService(strapi).findCurrent({})) as unknown as PageEdition | null;
  if (!edition) return sendHtml(ctx, 404, renderNotFoundPage('Положение ещё не опубликовано', context, false));
  return sendHtml(ctx, 200, renderEditionPage(edition, await adoptedEditions(strapi), context));
};

/** GET /regulation/editions/:editionNumber: any adopted edition, a superseded one with its banner. */
const showEdition = (strapi: Core.Strapi) => async (ctx: Context) => {
  const context = contextOf(strapi);
  const number = /^\d{1,9}$/.test(String(ctx.params.editionNumber)) ? Number(ctx.params.editionNumber) : null;
  const edition =
    number === null
      ? null
      : ((
          await getRegulationService(strapi).findEditions(
            { filters: { editionNumber: number }, pagination: { page: 1, pageSize: 1 } },
            PUBLIC_AUDIENCE,
          )
        ).results[0] as unknown as PageEdition | undefined);
  if (!edition) return sendHtml(ctx, 404, renderNotFoundPage('Такой редакции Положения нет', context, true));
  return sendHtml(ctx, 200, renderEditionPage(edition, await adoptedEditions(strapi), context));
};

const registered = new WeakSet<Core.Strapi>();

/**
 * Serves the regulation as an accessible HTML page for the school website, outside the REST prefix
 * and without login: `/regulation` (the edition in force) and `/regulation/editions/:editionNumber`.
 * Routes added with `strapi.server.routes([...])` (no router type) sit on the root router, like the
 * documentation plugin's Swagger assets; `auth: false` skips authentication.
 */
export const registerRegulationPage = (strapi: Core.Strapi): void => {
  if (registered.has(strapi)) return;
  registered.add(strapi);
  strapi.server.routes([
    { method: 'GET', path: CURRENT_PATH, handler: showCurrent(strapi), config: { auth: false } },
    { method: 'GET', path: `${CURRENT_PATH}/editions/:editionNumber`, handler: showEdition(strapi), config: { auth: false } },
  ]);
};
