import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { validateYupSchema, yup } from '@strapi/utils';
import { getService } from '../utils';
import { UNKNOWN_FIELD } from './validation/keeping';

const validateRunDrill = validateYupSchema(yup.object({}).noUnknown(true, UNKNOWN_FIELD));

/** Admin API of restore drills: the recent drills, and a drill now. */
const restoreDrillController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'restore-drill').list() };
  },

  async run(ctx: Context) {
    await validateRunDrill(ctx.request.body ?? {});
    ctx.created({ data: await getService(strapi, 'restore-drill').runNow() });
  },
});

export default restoreDrillController;
