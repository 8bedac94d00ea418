import { createScopedRouter } from '../../../access/scoped-router';

/** Reads are row-scoped like the journal itself: a teacher sees the remarks on the journals they keep. */
export default createScopedRouter('api::journal-remark.journal-remark');
