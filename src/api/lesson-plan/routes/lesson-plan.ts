import { createScopedRouter } from '../../../access/scoped-router';

/** Lesson plans: the teacher's own, the plans sent to the head of the methodical association, the approved ones for the curating deputy. */
export default createScopedRouter('api::lesson-plan.lesson-plan');
