import type { StrapiApp } from '@strapi/strapi/admin';

/**
 * The admin panel of the school: Russian is offered (and English stays available), Strapi's
 * online notifications are off because school servers often have no internet access.
 */
export default {
  config: {
    locales: ['ru'],
    notifications: { releases: false },
    tutorials: false,
  },
  bootstrap(_app: StrapiApp) {},
};
