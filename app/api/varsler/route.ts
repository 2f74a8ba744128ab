import { currentActor } from "@/lib/auth/actor";
import { badgeFor } from "@/lib/notifications/queries";

export const dynamic = "force-dynamic";

/** The header's badge (count on «Endringsforslag» or «Mine forslag»); 401 when logged out. Never cached. */
export async function GET() {
  const actor = await currentActor();
  if (!actor) return Response.json({ feil: "Ikke logget inn." }, { status: 401, headers: { "Cache-Control": "no-store" } });
  return Response.json(await badgeFor(actor), { headers: { "Cache-Control": "no-store" } });
}
