import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::control-self-assessment.control-self-assessment');
