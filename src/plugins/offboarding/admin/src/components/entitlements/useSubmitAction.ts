import * as React from 'react';
import { useNotification } from '@strapi/strapi/admin';
import type { ApiAction } from '../../api';
import { useApiAction } from '../../hooks/useApi';

/**
 * One confirmed change: sends it, keeps the API's refusal for the dialog to show (the
 * notification is raised by useApiAction), and on success notifies and hands the answer on.
 */
export const useSubmitAction = <T>(onDone: (data: T) => void) => {
  const { run, isSubmitting } = useApiAction();
  const { toggleNotification } = useNotification();
  const [error, setError] = React.useState<string | null>(null);

  const submit = async (request: ApiAction<{ data: T }>, successMessage: string | ((data: T) => string)) => {
    setError(null);
    const result = await run(request);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const message = typeof successMessage === 'function' ? successMessage(result.data.data) : successMessage;
    toggleNotification({ type: 'success', message });
    onDone(result.data.data);
  };

  return { submit, error, isSubmitting };
};
