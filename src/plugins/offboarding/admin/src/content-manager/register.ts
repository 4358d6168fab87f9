import type { StrapiApp } from '@strapi/strapi/admin';
import type { DescriptionReducer, DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { ENTITLEMENT_DOCUMENT_ACTIONS } from './entitlementDocumentActions';
import { ORGANIZATION_DOCUMENT_ACTIONS } from './organizationDocumentActions';

type AddDocumentAction = (reducer: DescriptionReducer<DocumentActionComponent>) => void;

const canAddDocumentActions = (apis: Record<string, unknown> | undefined): apis is { addDocumentAction: AddDocumentAction } =>
  typeof apis?.addDocumentAction === 'function';

/**
 * The plugin's actions in the Content Manager's edit view of an entitlement or an organization.
 * Both types are hidden from the Content Manager by default; the actions appear when an app
 * makes them visible. Every action returns null for any other model, so other edit views are
 * left as they are.
 */
export const registerDocumentActions = (app: StrapiApp) => {
  // getPlugin answers undefined when the Content Manager is not installed.
  const apis = (app.getPlugin('content-manager') as ReturnType<StrapiApp['getPlugin']> | undefined)?.apis;
  if (!canAddDocumentActions(apis)) return;
  apis.addDocumentAction((actions) => [...actions, ...ENTITLEMENT_DOCUMENT_ACTIONS, ...ORGANIZATION_DOCUMENT_ACTIONS]);
};
