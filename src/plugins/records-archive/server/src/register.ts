import type { Core } from '@strapi/strapi';

/** Nothing to declare before load yet: period locks and the audit trail come with the archive issue. */
const register = (_: { strapi: Core.Strapi }): void => {};

export default register;
