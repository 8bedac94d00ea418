import { createScopedRouter } from '../../../access/scoped-router';

/** The keepers of the certificate book read and keep the whole register; nobody else holds the permission. */
export default createScopedRouter('api::certificate-blank.certificate-blank');
