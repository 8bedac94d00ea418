import type { Core } from '@strapi/strapi';
import { removeCronTasks } from './cron';
import { releaseActGuard } from './disposition/act-guard';

/** Cancels what `bootstrap` started. */
const destroy = ({ strapi }: { strapi: Core.Strapi }): void => {
  removeCronTasks(strapi);
  releaseActGuard();
};

export default destroy;
