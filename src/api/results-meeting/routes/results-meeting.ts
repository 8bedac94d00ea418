import { createScopedRouter } from '../../../access/scoped-router';

/** Meetings on the results of a period: kept by the director, deputies and (their association's) heads of methodical associations. */
export default createScopedRouter('api::results-meeting.results-meeting');
