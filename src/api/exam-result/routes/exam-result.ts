import { createScopedRouter } from '../../../access/scoped-router';

/** Reads are row-scoped: the whole school for the deputy, director and secretary; a teacher the pupils of the classes they teach. */
export default createScopedRouter('api::exam-result.exam-result');
