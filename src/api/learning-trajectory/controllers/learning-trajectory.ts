import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::learning-trajectory.learning-trajectory');
