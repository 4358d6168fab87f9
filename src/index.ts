import type { Core } from '@strapi/strapi';
import { seedDemo } from './demo';

export default {
  register(/* { strapi }: { strapi: Core.Strapi } */) {},

  /**
   * In development an empty database gets demo organizations (and a demo admin) so a
   * newcomer sees the plugin at work at once. Never in test or production.
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    if (process.env.NODE_ENV === 'development' && process.env.OFFBOARDING_DEMO !== 'false') {
      await seedDemo(strapi);
    }
  },
};
