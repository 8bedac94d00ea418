import { createScopedRouter } from '../../../access/scoped-router';

export default createScopedRouter('api::study-period.study-period');
