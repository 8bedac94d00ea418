import { createScopedRouter } from '../../../access/scoped-router';

/** The secretary, the deputy and the director record the аттестаты accepted at admission to grade 10; nobody else holds the permission. */
export default createScopedRouter('api::certificate-acceptance.certificate-acceptance');
