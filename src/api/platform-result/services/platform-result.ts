import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::platform-result.platform-result');
