import { Alert, Heading, Paragraph } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { ArrangementForm } from "@/components/editing/ArrangementForm";
import { AgreementForm, AgreementUploadForm } from "@/components/editing/AgreementForms";
import { EndForm, HostForm, ParticipantsSection, StaffingForm } from "@/components/editing/ArrangementSubforms";
import { agreementFileInfo } from "@/lib/arrangements/agreement";
import { authorize } from "@/lib/auth/authorize";
import { denyAccess, requireActor } from "@/lib/auth/page";
import { type EditableArrangement, editableArrangement, type FormOptions, resolveArrangementId, revisionFor, withProposedValues, formOptions } from "@/lib/changes/queries";
import { activeParticipants } from "@/lib/changes/snapshot";
import {
  addParticipantAction,
  endArrangementAction,
  recordStaffingAction,
  removeParticipantAction,
  setAgreementAction,
  setHostAction,
  updateArrangementAction,
  uploadAgreementFileAction,
} from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Rediger ordning" };

export default async function EditArrangementPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ forslag?: string }> }) {
  const [{ id }, { forslag }] = await Promise.all([params, searchParams]);
  const actor = await requireActor(`/ordninger/${id}/rediger${forslag ? `?forslag=${encodeURIComponent(forslag)}` : ""}`);
  const arrangementId = await resolveArrangementId(id);
  if (!arrangementId) notFound();
  const arrangement = (await editableArrangement(arrangementId))!;
  const { snapshot } = arrangement;
  const decision = authorize(actor, "arrangement.edit", { municipalityIds: activeParticipants(snapshot).map((p) => p.municipalityId) });
  if (!decision.allowed) return denyAccess(decision.reason);
  const proposes = decision.mode === "propose";
  const [options, agreementFile] = await Promise.all([formOptions(), agreementFileInfo(arrangementId)]);
  const uploads = authorize(actor, "agreement.upload").allowed;
  if (forslag !== undefined) {
    const revision = /^\d{1,9}$/.test(forslag) ? await revisionFor(actor, Number(forslag)) : null;
    if (!revision || revision.arrangementId !== arrangementId) {
      return denyAccess("Forslaget kan bare endres av den som sendte det, og bare når Statsforvalteren har sendt det tilbake.");
    }
    return <RevisePage arrangement={arrangement} options={options} revision={revision} />;
  }

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
      <section className="stack" aria-label="Samarbeidsavtalen">
        <AgreementForm action={setAgreementAction} arrangement={arrangement} proposes={proposes} />
        {uploads ? (
          <AgreementUploadForm action={uploadAgreementFileAction} arrangementId={snapshot.id!} current={agreementFile} />
        ) : (
          <Paragraph data-size="sm">PDF-en av avtalen lastes opp av Statsforvalteren. Send gjerne en lenke til avtalen, eller send den til Statsforvalteren.</Paragraph>
        )}
      </section>
      <EndForm action={endArrangementAction} arrangement={arrangement} proposes={proposes} />
    </div>
  );
}

/** Revising a proposal that was sent back: the return comment, then only the form it was made with, filled with what was proposed. */
function RevisePage({ arrangement, options, revision }: { arrangement: EditableArrangement; options: FormOptions; revision: NonNullable<Awaited<ReturnType<typeof revisionFor>>> }) {
  const { snapshot } = arrangement;
  const revise = { changeRequestId: revision.id, values: revision.values };
  const form = (() => {
    switch (revision.action) {
      case "updateArrangement":
        return (
          <ArrangementForm action={updateArrangementAction} options={options} current={{ ...withProposedValues(snapshot, revision.payload), version: snapshot.version }} proposes revise={revise} />
        );
      case "addParticipant":
        return (
          <ParticipantsSection
            action={addParticipantAction}
            removeAction={removeParticipantAction}
            arrangement={arrangement}
            municipalities={options.municipalityPeriods}
            proposes
            revise={{ ...revise, action: "add" }}
          />
        );
      case "removeParticipant":
        return (
          <ParticipantsSection
            action={addParticipantAction}
            removeAction={removeParticipantAction}
            arrangement={arrangement}
            municipalities={options.municipalityPeriods}
            proposes
            revise={{ ...revise, action: "remove" }}
          />
        );
      case "setHost":
        return <HostForm action={setHostAction} arrangement={arrangement} proposes revise={revise} />;
      case "recordStaffing":
        return <StaffingForm action={recordStaffingAction} arrangement={arrangement} proposes revise={revise} />;
      case "endArrangement":
        return <EndForm action={endArrangementAction} arrangement={arrangement} proposes revise={revise} />;
      default:
        return <Paragraph>Dette forslaget kan ikke endres her. Trekk det tilbake og send et nytt.</Paragraph>;
    }
  })();
  return (
    <div className="stack">
      <Heading level={1} data-size="lg">
        Endre forslaget: {snapshot.name}
      </Heading>
      <Alert data-color="warning" data-testid="tilbakemelding">
        <Paragraph>Statsforvalteren sendte forslaget tilbake{revision.comment ? `: «${revision.comment}»` : "."}</Paragraph>
        <Paragraph>
          Endre det under og send det på nytt. Det er det samme forslaget, med samtalen{" "}
          <NextLink href={`/endringsforslag/${revision.id}`} className="ds-link">
            på forslagssiden
          </NextLink>
          .
        </Paragraph>
      </Alert>
      {form}
    </div>
  );
}
