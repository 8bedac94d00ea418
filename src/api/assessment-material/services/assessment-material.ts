import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::assessment-material.assessment-material');
