import * as React from 'react';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl, type IntlShape } from 'react-intl';
import type { DataExport } from '../../../../shared/contracts/entities';
import { api } from '../../api';
import { useApiErrorText } from '../../hooks/useApiErrorText';
import { errorBodyOf, translateApiError } from '../../utils/apiError';
import { getTranslation } from '../../utils/translations';

/** `attachment; filename="export-acme.zip"` → `export-acme.zip`. */
const fileNameOf = (disposition: string | null | undefined) => {
  if (!disposition) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
};

/** The refusal of Strapi's `{ error: { message, details } }` body in the admin's language, when the refused download sent one. */
const errorMessageOf = async (blob: Blob, fallback: string, intl: IntlShape) => {
  const text = await blob.text();
  try {
    const body = errorBodyOf(JSON.parse(text));
    return body ? translateApiError(intl, body) : text || fallback;
  } catch (error) {
    if (error instanceof SyntaxError) return text || fallback;
    throw error;
  }
};

/** Fetches a ready export with the admin's token and hands it to the browser under the server's file name. */
export const useExportDownload = () => {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const errorText = useApiErrorText();
  const intl = useIntl();
  const { formatMessage } = intl;
  const [downloading, setDownloading] = React.useState<string | null>(null);

  const download = async (dataExport: DataExport) => {
    setDownloading(dataExport.documentId);
    try {
      const response = await get(api.exports.download(dataExport.documentId).url, {
        responseType: 'blob',
        // A 401 still throws so the client refreshes the token; other refusals keep their body.
        validateStatus: (status) => status !== 401,
      });
      if (response.status !== undefined && response.status >= 400) {
        const fallback = formatMessage(
          {
            id: getTranslation('organization.exports.downloadFailed'),
            defaultMessage: 'The download was refused ({status})',
          },
          { status: response.status },
        );
        toggleNotification({ type: 'danger', message: await errorMessageOf(response.data, fallback, intl) });
        return;
      }
      const name =
        fileNameOf(response.headers?.get('Content-Disposition')) ?? dataExport.fileName ?? `export-${dataExport.documentId}.zip`;
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
      toggleNotification({ type: 'danger', message: errorText(error) });
    } finally {
      setDownloading(null);
    }
  };

  return { download, downloading };
};
