import { createScopedRouter } from '../../../access/scoped-router';

export default createScopedRouter('api::academic-year.academic-year');
