import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::school-class.school-class');
