import * as React from 'react';
import { isFetchError, useAPIErrorHandler, useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { ExportOrganizationsQuery } from '../../../../shared/contracts/api';
import { api } from '../../api';

/** Fetches the filtered list as CSV with the admin's token and hands it to the browser as a file. */
export const useCsvExport = () => {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { formatAPIError } = useAPIErrorHandler();
  const [isExporting, setExporting] = React.useState(false);

  const download = async (query: ExportOrganizationsQuery) => {
    const request = api.organizations.exportCsv(query);
    setExporting(true);
    try {
      const response = await get<Blob>(request.url, { params: request.params, responseType: 'blob' });
      const disposition = response.headers?.get('Content-Disposition') ?? '';
      const name = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? 'organizations.csv';
      const url = URL.createObjectURL(response.data);
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      // Revoked after the browser has started reading it.
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      toggleNotification({ type: 'danger', message: isFetchError(error) ? formatAPIError(error) : String(error) });
    } finally {
      setExporting(false);
    }
  };

  return { download, isExporting };
};
