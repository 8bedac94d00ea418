import { createScopedRouter } from '../../../access/scoped-router';

/** Reads are row-scoped: the whole school for the deputy, director and secretary; a teacher the pupils of the classes they teach or lead. */
export default createScopedRouter('api::competency-result.competency-result');
