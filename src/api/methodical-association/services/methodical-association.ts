import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::methodical-association.methodical-association');
