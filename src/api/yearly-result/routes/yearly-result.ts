import { createScopedRouter } from '../../../access/scoped-router';

/** Reads are row-scoped like the personal files they belong to. */
export default createScopedRouter('api::yearly-result.yearly-result');
