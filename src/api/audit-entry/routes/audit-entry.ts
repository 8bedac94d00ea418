import { factories } from '@strapi/strapi';

/** Read-only over REST: the trail is appended by the server itself, never through a route. */
export default factories.createCoreRouter('api::audit-entry.audit-entry', { only: ['find', 'findOne'] });
