import { createScopedRouter } from '../../../access/scoped-router';

/** Reads are row-scoped: the whole school for the deputy and director; a teacher the journals they teach, a class teacher also their class's. */
export default createScopedRouter('api::platform-result.platform-result');
