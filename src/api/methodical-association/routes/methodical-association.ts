import { createScopedRouter } from '../../../access/scoped-router';

/** Methodical associations: kept by the deputy director and the director, read by the school's staff. */
export default createScopedRouter('api::methodical-association.methodical-association');
