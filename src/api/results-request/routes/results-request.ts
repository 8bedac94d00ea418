import { createScopedRouter } from '../../../access/scoped-router';

/** Reads are row-scoped: a class teacher sees the requests about their class's pupils; the secretary, deputy and director the whole register. */
export default createScopedRouter('api::results-request.results-request');
