import type { Core } from '@strapi/strapi';
import { registerCronTasks } from './cron';
import { guardActDeletes } from './disposition/act-guard';
import { ensureStaffAdminRoles } from './staff-roles';
import { getService } from './utils';
import { ensureLeaseTable } from './utils/lease';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }): Promise<void> => {
  await ensureLeaseTable(strapi);
  await getService(strapi, 'retention').seedDefaultRules();
  await getService(strapi, 'disposition').seedRules();
  guardActDeletes(strapi);
  await ensureStaffAdminRoles(strapi);
  registerCronTasks(strapi);
};

export default bootstrap;
