import { createScopedRouter } from '../../../access/scoped-router';

/** Reads are row-scoped: teachers see the plans of the pupils they teach, a class teacher their class's. */
export default createScopedRouter('api::support-plan.support-plan');
