import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { directorSummary } from '../../../../../api/management-decision/summary';
import { getService } from '../utils';
import { staffAccountOf } from '../utils/staff';

/** The home-page widgets of school staff: one read each, checked by the route's RBAC action. */
const staffHomeController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async teacher(ctx: Context) {
    const account = await staffAccountOf(strapi, ctx);
    ctx.body = { data: await getService(strapi, 'staff-home').teacher(account?.id ?? null) };
  },
  async deputy(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'staff-home').deputy() };
  },
  async archivist(ctx: Context) {
    ctx.body = { data: await getService(strapi, 'staff-home').archivist() };
  },
  async director(ctx: Context) {
    ctx.body = { data: await directorSummary(strapi) };
  },
});

export default staffHomeController;
