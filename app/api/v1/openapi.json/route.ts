import { apiRoute, apiPreflight } from "@/lib/api/route";
import { openApiDocument } from "@/lib/openapi";

export const GET = apiRoute(async () => Response.json(openApiDocument()));

/** CORS preflight; see lib/api/http.ts. */
export const OPTIONS = apiPreflight;
