import type { Core } from '@strapi/strapi';
import { getService } from './utils';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }): Promise<void> => {
  await getService(strapi, 'retention').seedDefaultRules();
};

export default bootstrap;
