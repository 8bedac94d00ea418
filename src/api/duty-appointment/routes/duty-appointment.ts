import { createScopedRouter } from '../../../access/scoped-router';

/** The director's appointments: kept by the director and the secretary, read by the deputy. */
export default createScopedRouter('api::duty-appointment.duty-appointment');
