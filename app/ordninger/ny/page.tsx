import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import { ArrangementForm } from "@/components/editing/ArrangementForm";
import { authorize } from "@/lib/auth/authorize";
import { denyAccess, requireActor } from "@/lib/auth/page";
import { formOptions, revisionFor } from "@/lib/changes/queries";
import { createArrangementAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Ny samarbeidsordning" };

export default async function NewArrangementPage({ searchParams }: { searchParams: Promise<{ forslag?: string }> }) {
  const { forslag } = await searchParams;
  const actor = await requireActor(`/ordninger/ny${forslag ? `?forslag=${encodeURIComponent(forslag)}` : ""}`);
  const decision = authorize(actor, "arrangement.create", { municipalityIds: actor.municipalityIds });
  if (!decision.allowed) return denyAccess(decision.reason);
  const proposes = decision.mode === "propose";
  const revision = forslag !== undefined && /^\d{1,9}$/.test(forslag) ? await revisionFor(actor, Number(forslag)) : null;
  if (forslag !== undefined && (!revision || revision.action !== "createArrangement")) {
    return denyAccess("Forslaget kan bare endres av den som sendte det, og bare når Statsforvalteren har sendt det tilbake.");
  }
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {revision ? "Endre forslaget om ny samarbeidsordning" : proposes ? "Foreslå ny samarbeidsordning" : "Ny samarbeidsordning"}
      </Heading>
      {revision ? (
        <Alert data-color="warning" data-testid="tilbakemelding">
          <Paragraph>Statsforvalteren sendte forslaget tilbake{revision.comment ? `: «${revision.comment}»` : "."} Endre det under og send det på nytt.</Paragraph>
        </Alert>
      ) : proposes ? (
        <Alert data-color="info">
          <Paragraph>Ordningen må ha din kommune som deltaker. Den sendes som forslag til Statsforvalteren og blir synlig for alle når den er godkjent.</Paragraph>
        </Alert>
      ) : null}
      <ArrangementForm
        action={createArrangementAction}
        options={await formOptions()}
        proposes={proposes}
        defaultParticipants={actor.municipalityIds}
        revise={revision ? { changeRequestId: revision.id, values: revision.values } : undefined}
      />
    </div>
  );
}
