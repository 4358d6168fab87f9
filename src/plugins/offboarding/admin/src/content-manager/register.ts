import type { StrapiApp } from '@strapi/strapi/admin';

export const registerDocumentActions = (_app: StrapiApp) => undefined;
