/** The filter part of the URL (dato, region) to carry over to links and downloads. */
export function filterParams(searchParams: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["dato", "region"]) {
    const value = searchParams[key];
    if (typeof value === "string" && value !== "") params.set(key, value);
  }
  return params;
}

export function withParams(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
