import type { Core } from '@strapi/strapi';
import type { Services } from '../services';
import { PLUGIN_ID } from '../constants';

export const getService = <Name extends keyof Services>(strapi: Core.Strapi, name: Name): ReturnType<Services[Name]> =>
  strapi.plugin(PLUGIN_ID).service(name) as ReturnType<Services[Name]>;

export * from './errors';
