import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::duty-appointment.duty-appointment');
