import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::results-request.results-request');
