import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::diary-entry.diary-entry');
