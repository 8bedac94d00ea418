import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::study-period.study-period');
