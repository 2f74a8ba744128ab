import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { NoAccess } from "@/components/auth/NoAccess";
import { ArrangementForm } from "@/components/editing/ArrangementForm";
import { EndForm, HostForm, ParticipantsSection, StaffingForm } from "@/components/editing/ArrangementSubforms";
import { authorize } from "@/lib/auth/authorize";
import { requireActor } from "@/lib/auth/page";
import { editableArrangement, formOptions, resolveArrangementId } from "@/lib/changes/queries";
import { activeParticipants } from "@/lib/changes/snapshot";
import { addParticipantAction, endArrangementAction, recordStaffingAction, removeParticipantAction, setHostAction, updateArrangementAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Rediger ordning" };

export default async function EditArrangementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActor(`/ordninger/${id}/rediger`);
  const arrangementId = await resolveArrangementId(id);
  if (!arrangementId) notFound();
  const arrangement = (await editableArrangement(arrangementId))!;
  const { snapshot } = arrangement;
  const decision = authorize(actor, "arrangement.edit", { municipalityIds: activeParticipants(snapshot).map((p) => p.municipalityId) });
  if (!decision.allowed) return <NoAccess reason={decision.reason} />;
  const proposes = decision.mode === "propose";
  const options = await formOptions();

  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        {proposes ? "Foreslå endring" : "Rediger"}: {snapshot.name}
      </Heading>
      <Paragraph>
        <NextLink href={`/ordninger/${snapshot.slug}`} className="ds-link">
          Se den offentlige siden
        </NextLink>{" "}
        ·{" "}
        <NextLink href={`/ordninger/${snapshot.slug}/historikk`} className="ds-link">
          Endringshistorikk
        </NextLink>{" "}
        · Versjon {snapshot.version}
      </Paragraph>
      {proposes ? (
        <Alert data-color="info">
          <Paragraph>
            Endringene du gjør her, sendes som endringsforslag til Statsforvalteren. De blir synlige for alle når de er godkjent. Du ser svaret under{" "}
            <NextLink href="/mine-forslag" className="ds-link">
              Mine forslag
            </NextLink>
            .
          </Paragraph>
        </Alert>
      ) : null}
      {arrangement.pendingForArrangement > 0 && !proposes ? (
        <Alert data-color="warning">
          <Paragraph>
            Ordningen har {arrangement.pendingForArrangement} ubehandlede endringsforslag.{" "}
            <NextLink href="/endringsforslag" className="ds-link">
              Gå til endringsforslagene
            </NextLink>
            .
          </Paragraph>
        </Alert>
      ) : null}
      <section aria-labelledby="opplysninger" className="stack">
        <Heading level={2} data-size="md" id="opplysninger">
          Opplysninger
        </Heading>
        <ArrangementForm action={updateArrangementAction} options={options} current={snapshot} proposes={proposes} />
      </section>
      <ParticipantsSection action={addParticipantAction} removeAction={removeParticipantAction} arrangement={arrangement} municipalities={options.municipalityPeriods} proposes={proposes} />
      <HostForm action={setHostAction} arrangement={arrangement} proposes={proposes} />
      <StaffingForm action={recordStaffingAction} arrangement={arrangement} proposes={proposes} />
      <EndForm action={endArrangementAction} arrangement={arrangement} proposes={proposes} />
    </div>
  );
}
