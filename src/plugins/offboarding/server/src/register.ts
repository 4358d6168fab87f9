import type { Core } from '@strapi/strapi';

const register = (_: { strapi: Core.Strapi }) => {
  // Content types, services and routes are declared; nothing to wire before bootstrap yet.
};

export default register;
