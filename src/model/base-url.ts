// Base URLs as users write them: a query (Azure's ?api-version=) kept on every request, user:password sent as Basic auth.

/** What the SDK is given for one base URL. */
export interface SplitBaseUrl {
  /** The URL without its query and credentials (fetch refuses URLs with credentials). */
  baseURL: string;
  /** The query, sent on every request (the SDK's `defaultQuery`). */
  defaultQuery: Record<string, string> | undefined;
  /** `Basic ...` from `https://user:password@host`, sent in place of the bearer key. */
  authorization: string | undefined;
}

/** Splits `https://user:pass@host/v1?api-version=x` into what the SDK takes apart. */
export function splitBaseUrl(url: string): SplitBaseUrl {
  const parsed = new URL(url);
  const query = [...parsed.searchParams];
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  parsed.search = '';
  parsed.hash = '';
  return {
    baseURL: parsed.toString().replace(/\/$/, ''),
    defaultQuery: query.length ? Object.fromEntries(query) : undefined,
    authorization: user || password ? `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` : undefined,
  };
}
