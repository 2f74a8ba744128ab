/** Addresses of the change-request pages (no database: usable anywhere). */

/** Where the proposer revises a request that was sent back: the same form it was made with. */
export function reviseHref(request: { id: number; arrangement: { slug: string } | null }): string {
  return request.arrangement ? `/ordninger/${request.arrangement.slug}/rediger?forslag=${request.id}` : `/ordninger/ny?forslag=${request.id}`;
}
