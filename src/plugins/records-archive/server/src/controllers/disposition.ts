import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils';
import {
  validateCreateAct,
  validateIdParams,
  validateLiftHold,
  validateListActs,
  validateListHolds,
  validatePlaceHold,
  validateRejectAct,
  validateUpdateAct,
} from './validation/disposition';

/** Admin API of disposition: the due list, destruction acts (no delete: acts are kept), legal holds. */
const dispositionController = ({ strapi }: { strapi: Core.Strapi }) => {
  const disposition = () => getService(strapi, 'disposition');
  return {
    async due(ctx: Context) {
      const groups = await disposition().due();
      ctx.body = { data: groups, meta: { total: groups.reduce((total, group) => total + group.items.length, 0) } };
    },

    async findActs(ctx: Context) {
      const query = await validateListActs(ctx.query);
      const { results, pagination } = await disposition().findActs(query);
      ctx.body = { data: results, meta: { pagination } };
    },

    async findAct(ctx: Context) {
      const { id } = await validateIdParams({ id: ctx.params.id });
      ctx.body = { data: await disposition().findAct(id) };
    },

    async createAct(ctx: Context) {
      const input = await validateCreateAct(ctx.request.body);
      ctx.created({ data: await disposition().createAct(input) });
    },

    async updateAct(ctx: Context) {
      const { id } = await validateIdParams({ id: ctx.params.id });
      const input = await validateUpdateAct(ctx.request.body);
      ctx.body = { data: await disposition().updateAct(id, input) };
    },

    async approveAct(ctx: Context) {
      const { id } = await validateIdParams({ id: ctx.params.id });
      ctx.body = { data: await disposition().approveAct(id) };
    },

    async rejectAct(ctx: Context) {
      const { id } = await validateIdParams({ id: ctx.params.id });
      const { reason } = await validateRejectAct(ctx.request.body);
      ctx.body = { data: await disposition().rejectAct(id, reason) };
    },

    async executeAct(ctx: Context) {
      const { id } = await validateIdParams({ id: ctx.params.id });
      ctx.body = { data: await disposition().executeAct(id) };
    },

    async actPdf(ctx: Context) {
      const { id } = await validateIdParams({ id: ctx.params.id });
      const { act, pdf } = await disposition().actPdf(id);
      ctx.attachment(`akt-${act.number.replace(/\W+/g, '-')}.pdf`);
      ctx.type = 'application/pdf';
      ctx.body = pdf;
    },

    async findHolds(ctx: Context) {
      const { active } = await validateListHolds(ctx.query);
      ctx.body = { data: await disposition().listHolds({ active }) };
    },

    async placeHold(ctx: Context) {
      const input = await validatePlaceHold(ctx.request.body);
      ctx.created({ data: await disposition().placeHold(input) });
    },

    async liftHold(ctx: Context) {
      const { id } = await validateIdParams({ id: ctx.params.id });
      const { reason } = await validateLiftHold(ctx.request.body ?? {});
      ctx.body = { data: await disposition().liftHold(id, reason) };
    },
  };
};

export default dispositionController;
