import { createScopedRouter } from '../../../access/scoped-router';

/** Pupils' work: read by the journal's teachers, the deputy and the director; handed in through the diary, never deleted. */
export default createScopedRouter('api::assignment-submission.assignment-submission', { only: ['find', 'findOne'] });
