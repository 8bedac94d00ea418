import { createScopedRouter } from '../../../access/scoped-router';

/** Assignments to the pupils of a journal: kept by its teachers (own journals), read by the deputy and the director. */
export default createScopedRouter('api::assignment.assignment');
