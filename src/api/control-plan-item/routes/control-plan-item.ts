import { createScopedRouter } from '../../../access/scoped-router';

/** The internal-control plan: kept by the deputy director and the director. */
export default createScopedRouter('api::control-plan-item.control-plan-item');
