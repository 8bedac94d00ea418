import { createScopedRouter } from '../../../access/scoped-router';

/** Reads are row-scoped: a class teacher sees their own class's meetings; the deputy and director the whole school. */
export default createScopedRouter('api::parent-meeting.parent-meeting');
