/**
 * JSON Schemas (draft 2020-12 subset understood by ajv 8) for the data files. They check the shape of
 * each record; rules that span records or fields (unique ids, known sources, metric keys, bounds)
 * are in validate.ts.
 */
import { QUALIFIERS, SOURCE_KINDS, TOPICS, UNITS } from "./types";

/** Fact ids and metric keys: lowercase, dotted, at least two parts. */
export const ID_PATTERN = "^[a-z0-9_]+(\\.[a-z0-9_]+)+$";
export const SOURCE_ID_PATTERN = "^[a-z0-9_]+$";
export const TABLE_NAME_PATTERN = "^[a-z][a-z0-9_]*$";
/** Semantic versioning 2.0.0 core with optional pre-release and build parts. */
export const SEMVER_PATTERN =
  "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$";
export const ISO_DATE_PATTERN = "^\\d{4}-\\d{2}-\\d{2}$";
/** A source's date may be partial (YYYY or YYYY-MM) or "unknown" when the text gives none. */
export const SOURCE_DATE_PATTERN = "^(\\d{4}(-\\d{2}(-\\d{2})?)?|unknown)$";

const text = { type: "string", minLength: 1 } as const;
const optionalText = { type: ["string", "null"], minLength: 1 } as const;
const number = { type: "number" } as const;
const optionalNumber = { type: ["number", "null"] } as const;
const id = { type: "string", pattern: ID_PATTERN } as const;
const sourceId = { type: "string", pattern: SOURCE_ID_PATTERN } as const;
const version = { type: "string", pattern: SEMVER_PATTERN } as const;
const date = { type: "string", pattern: ISO_DATE_PATTERN } as const;

/**
 * An object schema that admits no other fields: every field of `required` must be there, those of
 * `optional` may be. Each field is named once, with its rule.
 */
function closed(required: Record<string, object>, optional: Record<string, object> = {}) {
  return {
    type: "object",
    additionalProperties: false,
    required: Object.keys(required),
    properties: { ...required, ...optional },
  } as const;
}

const factFields = {
  id,
  label: text,
  value: number,
  low: optionalNumber,
  high: optionalNumber,
  qualifier: { enum: [...QUALIFIERS] },
  unit: { enum: [...UNITS] },
  basis: optionalText,
  period: optionalText,
  topic: { enum: [...TOPICS] },
  metric: id,
  source: sourceId,
  locator: text,
  evidence: text,
  note: optionalText,
} as const;
const optionalFactFields = {
  derived: { const: true },
  related: { type: "array", minItems: 1, items: id },
} as const;

/** The fields of a fact record, in the order every record lists them (OPTIONAL_FACT_FIELDS follow, if set). */
export const FACT_FIELDS = Object.keys(factFields) as (keyof typeof factFields)[];
/** Fields a fact carries only when they apply, in this order after FACT_FIELDS. */
export const OPTIONAL_FACT_FIELDS = Object.keys(
  optionalFactFields,
) as (keyof typeof optionalFactFields)[];

export const factSchema = { $id: "fact", ...closed(factFields, optionalFactFields) } as const;

export const sourceSchema = {
  $id: "source",
  ...closed({
    id: sourceId,
    kind: { enum: [...SOURCE_KINDS] },
    title: text,
    publisher: text,
    date: { type: "string", pattern: SOURCE_DATE_PATTERN },
    author: optionalText,
    url: { type: ["string", "null"], pattern: "^https?://" },
    via: { type: "array", items: text },
    file: text,
    note: optionalText,
  }),
} as const;

export const tableSchema = {
  $id: "table",
  ...closed({
    name: { type: "string", pattern: TABLE_NAME_PATTERN },
    title: text,
    description: text,
    columns: {
      type: "array",
      minItems: 1,
      items: closed(
        {
          key: { type: "string", pattern: TABLE_NAME_PATTERN },
          label: text,
          type: { enum: ["text", "number", "fraction", "date"] },
        },
        { unit: text },
      ),
    },
    rows: {
      type: "array",
      items: {
        type: "object",
        required: ["source", "locator", "evidence"],
        properties: {
          source: sourceId,
          locator: text,
          evidence: text,
        },
        additionalProperties: { type: ["string", "number", "boolean", "null"] },
      },
    },
  }),
} as const;

export const unrecordedSchema = {
  $id: "unrecorded",
  ...closed({
    source: sourceId,
    locator: text,
    evidence: text,
    reason: text,
    fact: { type: ["string", "null"], pattern: ID_PATTERN },
  }),
} as const;

export const versionSchema = { $id: "version", ...closed({ version, date }) } as const;

const figures = closed({ value: number, low: optionalNumber, high: optionalNumber });

export const historySchema = {
  $id: "history",
  ...closed({
    note: text,
    releases: {
      type: "array",
      minItems: 1,
      items: closed(
        {
          version,
          date,
          changes: {
            type: "array",
            items: closed({ id, previous: { anyOf: [figures, { type: "null" }] } }),
          },
        },
        { renamed: { type: "array", items: closed({ from: id, to: id }) } },
      ),
    },
  }),
} as const;

export const seriesEntrySchema = {
  $id: "seriesEntry",
  ...closed({ series: id, fact: id }),
} as const;
