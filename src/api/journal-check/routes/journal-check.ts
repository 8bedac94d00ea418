import { createScopedRouter } from '../../../access/scoped-router';

/** The schedule of journal checks: kept by the deputy director, read by the director (role-permissions.ts). */
export default createScopedRouter('api::journal-check.journal-check');
