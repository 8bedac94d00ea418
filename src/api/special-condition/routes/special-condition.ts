import { createScopedRouter } from '../../../access/scoped-router';

/**
 * Reads are row-scoped (the deputy and the director: the whole school; teachers: the pupils of the
 * classes they teach or lead) and logged; the controller hides the diagnosis from teachers.
 */
export default createScopedRouter('api::special-condition.special-condition');
