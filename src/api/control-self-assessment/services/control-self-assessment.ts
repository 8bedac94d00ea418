import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::control-self-assessment.control-self-assessment');
