import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::duty-appointment.duty-appointment');
