import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::external-assessment.external-assessment');
