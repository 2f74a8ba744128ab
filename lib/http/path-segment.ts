/**
 * A dynamic route segment as the user meant it. Next.js hands segments over still percent-encoded
 * in some cases; a malformed escape (`/kommuner/%E0%A4%A`) makes decodeURIComponent throw, which
 * would surface as a 500. Such a segment is kept as typed, so it simply matches nothing (404).
 */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Whether every segment of a path decodes; Next.js answers a bare 500 for one that does not. */
export function isWellFormedPath(pathname: string): boolean {
  try {
    for (const segment of pathname.split("/")) decodeURIComponent(segment);
    return true;
  } catch {
    return false;
  }
}
