import { apiRoute } from "@/lib/api/route";
import { openApiDocument } from "@/lib/openapi";

export const GET = apiRoute(async () => Response.json(openApiDocument(), { headers: { "Access-Control-Allow-Origin": "*" } }));
