import type { StrapiApp } from '@strapi/strapi/admin';

/** The admin lists the languages a user may pick on their profile; the plugin translates these. */
export default {
  config: {
    locales: ['fr', 'de'],
  },
  bootstrap(_app: StrapiApp) {},
};
