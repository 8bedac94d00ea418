import type { Core } from '@strapi/strapi';
import { getService } from './utils';
import { ensureLeaseTable } from './utils/lease';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }): Promise<void> => {
  await ensureLeaseTable(strapi);
  await getService(strapi, 'retention').seedDefaultRules();
};

export default bootstrap;
