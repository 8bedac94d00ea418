import { createScopedRouter } from '../../../access/scoped-router';

/** Reads are row-scoped like the journal: a teacher sees the programmes of the journals they teach or of the class they lead. */
export default createScopedRouter('api::work-programme.work-programme');
