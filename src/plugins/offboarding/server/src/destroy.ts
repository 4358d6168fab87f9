import type { Core } from '@strapi/strapi';

const destroy = (_: { strapi: Core.Strapi }) => {
  // Nothing to release yet.
};

export default destroy;
