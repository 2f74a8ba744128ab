"use client";

import { Checkbox, Field, FieldDescription, Fieldset, FieldsetDescription, FieldsetLegend, Label, Select, SelectOption, ValidationMessage } from "@digdir/designsystemet-react";
import type { Option } from "@/lib/changes/queries";

export function SelectField({
  label,
  name,
  options,
  defaultValue,
  error,
  emptyLabel,
  description,
}: {
  label: string;
  name: string;
  options: { id: number | string; name: string }[];
  defaultValue: string;
  error?: string;
  emptyLabel?: string;
  description?: string;
}) {
  return (
    <Field>
      <Label>{label}</Label>
      {description ? <FieldDescription>{description}</FieldDescription> : null}
      <Select name={name} defaultValue={defaultValue} aria-invalid={error ? true : undefined}>
        {emptyLabel !== undefined ? <SelectOption value="">{emptyLabel}</SelectOption> : null}
        {options.map((o) => (
          <SelectOption key={o.id} value={String(o.id)}>
            {o.name}
          </SelectOption>
        ))}
      </Select>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Field>
  );
}

export function CheckboxGroup({ legend, description, name, options, checked, error }: { legend: string; description?: string; name: string; options: Option[]; checked: Set<string>; error?: string }) {
  return (
    <Fieldset className="checkbox-columns">
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description ? <FieldsetDescription>{description}</FieldsetDescription> : null}
      <div className="checkbox-columns__list">
        {options.map((o) => (
          <Checkbox key={o.id} label={o.name} name={name} value={String(o.id)} defaultChecked={checked.has(String(o.id))} />
        ))}
      </div>
      {error ? <ValidationMessage>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}
