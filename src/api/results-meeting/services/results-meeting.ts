import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::results-meeting.results-meeting');
