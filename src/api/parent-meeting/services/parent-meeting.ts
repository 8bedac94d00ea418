import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::parent-meeting.parent-meeting');
