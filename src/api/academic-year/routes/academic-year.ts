import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::academic-year.academic-year');
