import { factories } from '@strapi/strapi';
import { existingRecordRoutes } from '../../../access/scoped-router';

/** Not personal data: the regulation is published; the controller hides drafts from readers. */
export default factories.createCoreRouter('api::regulation.regulation', { config: existingRecordRoutes('api::regulation.regulation') });
