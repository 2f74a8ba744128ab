import { z } from "zod";

/**
 * OpenAPI query parameters generated from the zod schema a route parses with (lib/api/parameters.ts):
 * the names are the schema's keys and each parameter's JSON schema is zod's (z.toJSONSchema, the
 * parsed value's shape). Only the prose is written here, typed by the schema's keys so a parameter
 * cannot be added to a schema without being documented, nor documented without being accepted.
 */
export interface ParameterDoc {
  description: string;
  example?: string;
  /** Keywords added to the generated schema (e.g. format, default). */
  schema?: Record<string, unknown>;
  /** The value is accepted in any case (it is upper-cased when parsed): the pattern is not documented. */
  anyCase?: boolean;
}

export type ParameterDocs<S extends z.ZodObject> = { [K in keyof S["shape"] & string]: ParameterDoc };

export interface QueryParameter {
  name: string;
  in: "query";
  required: false;
  description: string;
  schema: Record<string, unknown>;
  style?: "form";
  explode?: true;
  example?: string;
}

/** The description of a filter facet: a list parameter whose values are OR-ed, AND-ed with the other facets. */
export const facet = (description: string) => `${description} Kan gjentas eller kommaseparares; verdier innen samme parameter gir «eller», ulike parametere gir «og».`;

function withoutPattern(schema: Record<string, unknown>): Record<string, unknown> {
  const { pattern: _pattern, ...rest } = schema;
  const items = rest.items;
  return typeof items === "object" && items !== null && !Array.isArray(items) ? { ...rest, items: withoutPattern({ ...items }) } : rest;
}

/** One OpenAPI query parameter per key of `schema`, in the schema's order. Every parameter is optional. */
export function queryParameters<S extends z.ZodObject>(schema: S, docs: ParameterDocs<S>): QueryParameter[] {
  const prose = new Map<string, ParameterDoc>(Object.entries(docs));
  return Object.entries(schema.shape).map(([name, field]) => {
    const doc = prose.get(name);
    if (!doc) throw new Error(`Parameteren ${name} mangler dokumentasjon`);
    const { $schema: _dialect, ...generated } = z.toJSONSchema(field, { io: "output", unrepresentable: "any" });
    const json = { ...(doc.anyCase ? withoutPattern(generated) : generated), ...doc.schema };
    const repeatable = json.type === "array";
    return {
      name,
      in: "query",
      required: false,
      description: doc.description,
      schema: json,
      ...(repeatable ? { style: "form", explode: true } : {}),
      ...(doc.example ? { example: doc.example } : {}),
    };
  });
}
