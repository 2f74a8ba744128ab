import { Alert, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import NextLink from "next/link";
import type { SurveyTask } from "@/lib/rounds/queries";
import { formatDeadline } from "@/lib/rounds/reminder";
import { isConfirmed, ROUND_STATE_LABELS, type RoundState } from "@/lib/rounds/state";

const COLORS: Record<RoundState, "neutral" | "warning" | "success" | "info"> = {
  NOT_STARTED: "neutral",
  IN_PROGRESS: "info",
  CONFIRMED: "success",
  CONFIRMED_WITH_CHANGES: "success",
};

const timestamp = new Intl.DateTimeFormat("nb-NO", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Oslo" });
export const formatTimestamp = (value: Date) => timestamp.format(value);

export function RoundStateTag({ state, overdue }: { state: RoundState; overdue?: boolean }) {
  return (
    <span className="button-row">
      <Tag data-color={COLORS[state]} data-testid="rundestatus">
        {ROUND_STATE_LABELS[state]}
      </Tag>
      {overdue ? <Tag data-color="danger">Fristen er passert</Tag> : null}
    </span>
  );
}

/** The editor's task, first on the start page, «Mine forslag» and the municipality page. */
export function SurveyTaskNotice({ tasks, headingLevel = 2 }: { tasks: SurveyTask[]; headingLevel?: 2 | 3 }) {
  if (tasks.length === 0) return null;
  return (
    <section aria-label="Kartleggingsoppgaver" className="stack" data-testid="kartleggingsoppgaver">
      {tasks.map((task) => {
        const done = isConfirmed(task.progress.state);
        return (
          <Alert key={`${task.roundId}-${task.municipalityId}`} data-color={done ? "success" : task.overdue ? "danger" : "info"}>
            <Heading level={headingLevel} data-size="xs">
              {task.roundName}: {task.municipalityName}
            </Heading>
            <Paragraph>
              {done
                ? `Oversikten er bekreftet (${ROUND_STATE_LABELS[task.progress.state].toLowerCase()}). Takk!`
                : `Statsforvalteren ber dere gå gjennom ordningene til ${task.municipalityName} og bekrefte oversikten innen ${formatDeadline(task.deadline)}.`}{" "}
              <NextLink href={`/kartlegging/${task.roundId}/${task.municipalitySlug}`} className="ds-link">
                {done ? "Se oversikten" : "Gå gjennom oversikten"}
              </NextLink>
            </Paragraph>
          </Alert>
        );
      })}
    </section>
  );
}
