import { createScopedRouter } from '../../../access/scoped-router';

/** The log of contacts with technical support: kept by the system administrator (archivist) and the director, read by the deputy. */
export default createScopedRouter('api::support-contact.support-contact');
