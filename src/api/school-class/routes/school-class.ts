import { createScopedRouter } from '../../../access/scoped-router';

export default createScopedRouter('api::school-class.school-class');
