import * as React from 'react';
import { useNotification } from '@strapi/strapi/admin';
import type { ApiAction } from '../api';
import { useApiAction } from './useApi';

/**
 * A switch in a table row that saves at once: the change, a success notification, the list
 * reloaded; a refusal is kept for the table to show above its rows.
 */
export const useSwitchAction = (onChanged: () => Promise<void>) => {
  const { toggleNotification } = useNotification();
  const { run, isSubmitting } = useApiAction();
  const [error, setError] = React.useState<string | null>(null);

  const save = async <T,>(request: ApiAction<T>, successMessage: string) => {
    setError(null);
    const result = await run(request);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    toggleNotification({ type: 'success', message: successMessage });
    await onChanged();
  };

  return { save, error, isSubmitting };
};
