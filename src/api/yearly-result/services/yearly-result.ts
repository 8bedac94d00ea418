import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::yearly-result.yearly-result');
