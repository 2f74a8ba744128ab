import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import { NoAccess } from "@/components/auth/NoAccess";
import { ArrangementForm } from "@/components/editing/ArrangementForm";
import { authorize } from "@/lib/auth/authorize";
import { requireActor } from "@/lib/auth/page";
import { formOptions } from "@/lib/changes/queries";
import { createArrangementAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Ny samarbeidsordning" };

export default async function NewArrangementPage() {
  const actor = await requireActor("/ordninger/ny");
  const decision = authorize(actor, "arrangement.create", { municipalityIds: actor.municipalityIds });
  if (!decision.allowed) return <NoAccess reason={decision.reason} />;
  const proposes = decision.mode === "propose";
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {proposes ? "Foreslå ny samarbeidsordning" : "Ny samarbeidsordning"}
      </Heading>
      {proposes ? (
        <Alert data-color="info">
          <Paragraph>Ordningen må ha din kommune som deltaker. Den sendes som forslag til Statsforvalteren og blir synlig for alle når den er godkjent.</Paragraph>
        </Alert>
      ) : null}
      <ArrangementForm action={createArrangementAction} options={await formOptions()} proposes={proposes} defaultParticipants={actor.municipalityIds} />
    </div>
  );
}
