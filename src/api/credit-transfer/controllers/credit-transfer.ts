import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::credit-transfer.credit-transfer');
