import { ok } from "@/lib/api/responses";
import { apiRoute } from "@/lib/api/route";
import { snapshotsBody } from "@/lib/rounds/api";

export const dynamic = "force-dynamic";

/** GET /api/v1/oyeblikksbilder: the stored snapshots («Rapport 2021» and closed survey rounds). */
export const GET = apiRoute(async () => ok(await snapshotsBody()));
