import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::competency-result.competency-result');
