import type { IntlShape } from 'react-intl';
import { isErrorCode } from '../../../shared/contracts/error-codes';
import { getTranslation } from './translations';

/**
 * A refusal of the plugin's API as the panel shows it (docs/spec.md §7, error codes): the text of
 * `errors.<details.code>` in the admin's language, filled with the refusal's details, or the
 * server's English `message` when the code is unknown to the panel's translations. Plain values
 * in, text out; hooks/useApiErrorText gives components the function.
 */

/** Strapi's `{ error: { message, details } }`. */
export interface ApiErrorBody {
  message: string;
  details?: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `error` of a refused request's body, when it has one. */
export const errorBodyOf = (body: unknown): ApiErrorBody | null => {
  const error = isRecord(body) ? body.error : undefined;
  return isRecord(error) && typeof error.message === 'string' ? { message: error.message, details: error.details } : null;
};

/** The details a translation may name: plain values as they are, lists joined. */
const valuesOf = (error: ApiErrorBody): Record<string, string | number> => {
  const values: Record<string, string | number> = { message: error.message };
  if (!isRecord(error.details)) return values;
  for (const [key, value] of Object.entries(error.details)) {
    if (typeof value === 'string' || typeof value === 'number') values[key] = value;
    else if (typeof value === 'boolean') values[key] = String(value);
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) values[key] = value.join(', ');
  }
  const first = Array.isArray(error.details.errors) ? (error.details.errors[0] as unknown) : undefined;
  if (isRecord(first) && Array.isArray(first.path)) values.field = first.path.map(String).join('.');
  return values;
};

/** The code's message id, when the panel has a translation for it. */
const messageIdOf = (intl: IntlShape, error: ApiErrorBody) => {
  const code = isRecord(error.details) ? error.details.code : undefined;
  if (!isErrorCode(code)) return null;
  const id = getTranslation(`errors.${code}`);
  return intl.messages[id] === undefined ? null : id;
};

/** The refusal in the admin's language; its `message` for a code the panel does not know. */
export const translateApiError = (intl: IntlShape, error: ApiErrorBody): string => {
  const id = messageIdOf(intl, error);
  return id ? intl.formatMessage({ id, defaultMessage: error.message }, valuesOf(error)) : error.message;
};

/** Whether the refusal has a translated text (then it replaces the English text of its fields too). */
export const hasTranslation = (intl: IntlShape, error: ApiErrorBody) => messageIdOf(intl, error) !== null;
