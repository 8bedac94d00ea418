import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::methodical-association.methodical-association');
