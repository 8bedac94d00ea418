import { createScopedRouter } from '../../../access/scoped-router';

/** Daily reports on the lessons held: the teacher's own; the deputy director the reports sent to them; the director all. */
export default createScopedRouter('api::daily-report.daily-report');
