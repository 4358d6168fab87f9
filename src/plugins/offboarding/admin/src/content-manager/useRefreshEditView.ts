import * as React from 'react';
import { unstable_useDocument, useQueryParams } from '@strapi/strapi/admin';
import type { DocumentActionProps } from '@strapi/content-manager/strapi-admin';

/**
 * The edit view's query params as the Content Manager turns them into its request params
 * (`plugins[i18n][locale]=en` becomes `locale=en`), so that our query hits its cache entry.
 */
const toDocumentParams = (query: Record<string, unknown>) => {
  const { plugins, ...rest } = query;
  const pluginParams = Object.values(typeof plugins === 'object' && plugins !== null ? plugins : {}).reduce<Record<string, unknown>>(
    (acc, value) => (typeof value === 'object' && value !== null ? Object.assign(acc, value) : acc),
    {},
  );
  return { ...rest, ...pluginParams };
};

/**
 * Reloads the document the edit view shows after one of our actions changed it on the server,
 * so its form does not keep (and later save back) the values from before the action.
 * Used only inside our dialogs, i.e. only on the edit views of the plugin's models.
 */
export const useRefreshEditView = ({ collectionType, model, documentId }: Pick<DocumentActionProps, 'collectionType' | 'model' | 'documentId'>) => {
  const [{ query }] = useQueryParams<Record<string, unknown>>();
  const params = React.useMemo(() => toDocumentParams(query), [query]);
  const { refetch } = unstable_useDocument({ collectionType, model, documentId, params });
  return refetch;
};
