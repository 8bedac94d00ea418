import { factories } from '@strapi/strapi';

/** Not personal data: the regulation is published; the controller hides drafts from readers. */
export default factories.createCoreRouter('api::regulation.regulation');
