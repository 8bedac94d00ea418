import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::academic-year.academic-year');
