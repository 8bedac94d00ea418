import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::control-plan-item.control-plan-item');
