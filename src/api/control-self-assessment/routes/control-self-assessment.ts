import { createScopedRouter } from '../../../access/scoped-router';

/**
 * Pupils' self-assessments of control works (R78): read by the journal's teachers, the class teacher,
 * the deputy and the director; entered by the family through the diary
 * (`POST /api/diary/:student/control-works/:lesson/self-assessment`), never here.
 */
export default createScopedRouter('api::control-self-assessment.control-self-assessment', { only: ['find', 'findOne'] });
