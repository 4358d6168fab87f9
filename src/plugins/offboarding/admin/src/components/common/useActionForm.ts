import * as React from 'react';
import { useNotification } from '@strapi/strapi/admin';
import type { ApiAction } from '../../api';
import { useApiAction, type FieldErrors } from '../../hooks/useApi';

/** A field, or a part of a list field (`dunningStages.1.afterDays`), as the server's refusals name them. */
export type ErrorPath<Values> = (keyof Values & string) | `${keyof Values & string}.${string}`;

export interface ActionFormConfig<Values, Result> {
  initialValues: Values;
  /** The message for each field (or part of a list field) that is not ready to send (a missing value is a missing key). */
  validate?: (values: Values) => Partial<Record<ErrorPath<Values>, string>>;
  /** The change to send for valid values: one function of `api`. */
  request: (values: Values) => ApiAction<Result>;
  /** Notified once the server accepted the change; a function when it depends on the answer. */
  successMessage: string | ((result: Result, values: Values) => string);
  /** The notification's kind when the answer can be a partial success (a bulk action with refusals): `success` by default. */
  notificationType?: (result: Result) => 'success' | 'warning';
  /** Runs once the server accepted the change. */
  onDone: (result: Result) => void;
  /** Closes the dialog without sending anything. */
  onClose: () => void;
}

export interface ActionFormState<Values> {
  values: Values;
  set: <K extends keyof Values>(key: K, value: Values[K]) => void;
  /** The message to show next to a field: ours once the admin tried to send, or the server's. */
  fieldError: (key: keyof Values & string) => string | undefined;
  /** The message for exactly this path (an item of a list field): ours once the admin tried to send, or the server's. */
  errorAt: (path: ErrorPath<Values>) => string | undefined;
  /** A field component's props bound to one value: `<NotesField {...field('notes')} />`. */
  field: <K extends keyof Values & string>(key: K) => { value: Values[K]; onChange: (value: Values[K]) => void; error: string | undefined };
  /** What the ActionForm needs: the submit handler, the API's refusal, the pending state and the way out. */
  form: { onSubmit: () => void; error: string | null; isSubmitting: boolean; onClose: () => void };
}

const hasErrors = (errors: Partial<Record<PropertyKey, string>>) => Object.values(errors).some(Boolean);

/**
 * The one form pattern of the panel's dialogs: the values, their validation (shown next to the
 * fields after the first attempt, never by a disabled button), one request, a success
 * notification and the API's refusal kept for the dialog to show (field by field where it names fields).
 */
export const useActionForm = <Values extends object, Result>(config: ActionFormConfig<Values, Result>): ActionFormState<Values> => {
  const { run, isSubmitting } = useApiAction();
  const { toggleNotification } = useNotification();
  const [values, setValues] = React.useState<Values>(config.initialValues);
  const [attempted, setAttempted] = React.useState(false);
  const [error, setError] = React.useState<string | null>(null);
  const [serverErrors, setServerErrors] = React.useState<FieldErrors>({});
  const ownErrors: Partial<Record<string, string>> = attempted && config.validate ? config.validate(values) : {};

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    // A refusal answered the values that were sent: any change makes it stale.
    setError(null);
    setServerErrors((previous) =>
      Object.fromEntries(Object.entries(previous).filter(([field]) => field !== key && !field.startsWith(`${String(key)}.`))),
    );
  };

  const onSubmit = async () => {
    if (isSubmitting) return;
    setAttempted(true);
    if (config.validate && hasErrors(config.validate(values))) return;
    setError(null);
    // The dialog shows the refusal where the admin acted: no notification on top of it.
    const result = await run(config.request(values), { silent: true });
    if (!result.ok) {
      // Shown once: at the fields it names when the form has them, otherwise under the fields.
      const known = Object.keys(result.fieldErrors).filter((path) => path.split('.')[0] in config.initialValues);
      setError(known.length ? null : result.error);
      setServerErrors(result.fieldErrors);
      return;
    }
    const { successMessage } = config;
    toggleNotification({
      type: config.notificationType?.(result.data) ?? 'success',
      message: typeof successMessage === 'string' ? successMessage : successMessage(result.data, values),
    });
    config.onDone(result.data);
  };

  // A refusal may name an item of a list field (`events.2`): it is shown next to the list.
  const fieldError = (key: keyof Values & string) =>
    ownErrors[key] ?? serverErrors[key] ?? Object.entries(serverErrors).find(([field]) => field.startsWith(`${key}.`))?.[1];

  const errorAt = (path: ErrorPath<Values>) => ownErrors[path] ?? serverErrors[path];

  return {
    values,
    set,
    fieldError,
    errorAt,
    field: (key) => ({ value: values[key], onChange: (value) => set(key, value), error: fieldError(key) }),
    form: { onSubmit: () => void onSubmit(), error, isSubmitting, onClose: config.onClose },
  };
};
