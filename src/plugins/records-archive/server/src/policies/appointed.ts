import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { assertAccountAppointed, DUTIES, type Duty } from '../../../../../access/duty-appointments';
import { staffAccountOf } from '../utils/staff';

export interface AppointedConfig {
  duty: Duty;
}

/**
 * Narrows an admin route to the person appointed for its duty by the director's order (seed 002
 * §3.4.5, seed 004 §3.12.2), as the REST routes of the certificate books and journal control are:
 * once the duty has an appointment, the admin user's school account (same e-mail) must hold one for
 * a term covering today, the super admin included — the appointment, not the panel role, decides.
 * Before any appointment the RBAC action alone decides. A refusal is a 403 naming the appointed.
 */
export const assertAdminAppointed = async (strapi: Core.Strapi, ctx: Context, duty: Duty): Promise<void> => {
  const account = await staffAccountOf(strapi, ctx);
  await assertAccountAppointed(strapi, duty, account?.id ?? null);
};

export default async (policyContext: Context, config: AppointedConfig, { strapi }: { strapi: Core.Strapi }): Promise<boolean> => {
  if (!DUTIES.includes(config.duty)) throw new Error(`Unknown duty ${String(config.duty)}`);
  await assertAdminAppointed(strapi, policyContext, config.duty);
  return true;
};
