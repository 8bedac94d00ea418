import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::control-plan-item.control-plan-item');
