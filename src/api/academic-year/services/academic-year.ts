import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::academic-year.academic-year');
