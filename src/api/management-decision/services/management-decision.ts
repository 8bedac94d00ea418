import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::management-decision.management-decision');
