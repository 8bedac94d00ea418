import { createScopedRouter } from '../../../access/scoped-router';

/** The director's decisions: kept by the director, read by the deputy director. */
export default createScopedRouter('api::management-decision.management-decision');
