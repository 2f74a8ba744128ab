"use client";

import {
  EXPERIMENTAL_Suggestion as Suggestion,
  EXPERIMENTAL_SuggestionClear as SuggestionClear,
  EXPERIMENTAL_SuggestionEmpty as SuggestionEmpty,
  EXPERIMENTAL_SuggestionInput as SuggestionInput,
  EXPERIMENTAL_SuggestionList as SuggestionList,
  EXPERIMENTAL_SuggestionOption as SuggestionOption,
  Field,
  FieldDescription,
  Label,
  ValidationMessage,
} from "@digdir/designsystemet-react";
import type { MunicipalityChoice } from "@/lib/domain/municipalities";

/**
 * A searchable municipality field (Designsystemet's Suggestion): type a few letters, move with the
 * arrow keys, choose with Enter. The chosen municipality's id is submitted under `name`. Shows
 * «Ingen treff» when nothing matches.
 */
export function MunicipalityPicker({
  label,
  name,
  choices,
  defaultValue,
  error,
  description,
}: {
  label: string;
  name: string;
  choices: MunicipalityChoice[];
  defaultValue: string;
  error?: string;
  description?: string;
}) {
  const chosen = choices.find((c) => String(c.id) === defaultValue);
  return (
    <Field className="municipality-picker">
      <Label>{label}</Label>
      {description ? <FieldDescription>{description}</FieldDescription> : null}
      <Suggestion name={name} defaultSelected={chosen ? { label: chosen.label, value: String(chosen.id) } : undefined} data-sr-singular="%d treff" data-sr-plural="%d treff">
        <SuggestionInput aria-invalid={error ? true : undefined} autoComplete="off" />
        <SuggestionClear aria-label="Tøm feltet" />
        <SuggestionList>
          <SuggestionEmpty>Ingen treff</SuggestionEmpty>
          {choices.map((c) => (
            <SuggestionOption key={c.id} value={String(c.id)} label={c.label}>
              {c.label}
            </SuggestionOption>
          ))}
        </SuggestionList>
      </Suggestion>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}
