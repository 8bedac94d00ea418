import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::credit-transfer.credit-transfer');
