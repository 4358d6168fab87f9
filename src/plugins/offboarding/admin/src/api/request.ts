import type { FetchClient, FetchOptions } from '@strapi/strapi/admin';

/** Every admin route of the plugin is mounted under this prefix. */
const BASE = '/offboarding';

/** A path of the plugin's admin API; ids are encoded, so a documentId never changes the route. */
export const path = (strings: TemplateStringsArray, ...ids: string[]): string =>
  BASE + strings.reduce((url, part, index) => url + encodeURIComponent(ids[index - 1]) + part);

/**
 * One call of the admin API, described but not sent: the hooks send it. `Res` is the answer's
 * type from shared/contracts; it rides along in a property that is never set, so the hook that
 * sends the request returns the right type without the caller naming it.
 */
interface ApiRequest<Res> {
  url: string;
  readonly response?: Res;
}

export interface ApiQuery<Res> extends ApiRequest<Res> {
  method: 'GET';
  params?: object;
}

export interface ApiAction<Res> extends ApiRequest<Res> {
  method: 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
}

export const query = <Res>(url: string, params?: object): ApiQuery<Res> => (params ? { method: 'GET', url, params } : { method: 'GET', url });

export const action = <Res>(method: ApiAction<Res>['method'], url: string, body?: unknown): ApiAction<Res> =>
  body === undefined ? { method, url } : { method, url, body };

/** Sends a query with a fetch client: for code outside React (the Content Manager's actions) and for loops. */
export const fetchQuery = async <Res>(
  client: Pick<FetchClient, 'get'>,
  request: ApiQuery<Res>,
  options?: FetchOptions,
): Promise<Res> => {
  const { data } = await client.get<Res>(request.url, { ...options, params: request.params });
  return data;
};
