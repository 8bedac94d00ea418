import { createScopedRouter } from '../../../access/scoped-router';

/** The bank of КИМ (R98): staff read every КИМ; a teacher writes their own drafts, the deputy and the director all. */
export default createScopedRouter('api::assessment-material.assessment-material');
