import { createScopedRouter } from '../../../access/scoped-router';

/** Reads are row-scoped: the secretary, deputy and director read the whole book; nobody else holds the permission. */
export default createScopedRouter('api::medal-entry.medal-entry');
