import { createScopedRouter } from '../../../access/scoped-router';

/** Reads are row-scoped: the whole school for the secretary, deputy and director; a class teacher their class's pupils. */
export default createScopedRouter('api::personal-file.personal-file');
