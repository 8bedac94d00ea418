import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::results-request.results-request');
