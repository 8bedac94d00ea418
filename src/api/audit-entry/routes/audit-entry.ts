import { createScopedRouter } from '../../../access/scoped-router';

/** Read-only over REST: the trail is appended by the server itself, never through a route. */
export default createScopedRouter('api::audit-entry.audit-entry', { only: ['find', 'findOne'] });
