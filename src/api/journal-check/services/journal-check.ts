import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::journal-check.journal-check');
