import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::certificate-acceptance.certificate-acceptance');
