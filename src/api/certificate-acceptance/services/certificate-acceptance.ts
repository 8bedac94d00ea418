import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::certificate-acceptance.certificate-acceptance');
