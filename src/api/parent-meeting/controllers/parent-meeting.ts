import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::parent-meeting.parent-meeting');
