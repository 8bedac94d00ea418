import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::diary-entry.diary-entry');
