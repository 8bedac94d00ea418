import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::school-class.school-class');
