import { createScopedRouter } from '../../../access/scoped-router';

export default createScopedRouter('api::subject.subject');
