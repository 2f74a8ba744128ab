/** A part of the OpenAPI document owned by one domain (registry, statistics, …). */
export interface OpenApiFragment {
  tags: { name: string; description: string }[];
  paths: Record<string, unknown>;
  schemas: Record<string, unknown>;
}
