import { createScopedRouter } from '../../../access/scoped-router';

/** Reads are row-scoped: teachers see the trajectories of the pupils they teach, a class teacher their class's. */
export default createScopedRouter('api::learning-trajectory.learning-trajectory');
