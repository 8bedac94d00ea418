import { createScopedRouter } from '../../../access/scoped-router';

export default createScopedRouter('api::lesson.lesson');
