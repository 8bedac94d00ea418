import { createScopedRouter } from '../../../access/scoped-router';

/** Reads are row-scoped: a teacher sees the entries of the journals they keep, a class teacher also their class's. */
export default createScopedRouter('api::diary-entry.diary-entry');
