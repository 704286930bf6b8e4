/**
 * JSON Schemas (draft 2020-12 subset understood by ajv 8) for the data files. They check the shape of
 * each record; rules that span records or fields (unique ids, known sources, metric keys, bounds)
 * are in validate.ts.
 */
import { FACT_FIELDS, QUALIFIERS, SOURCE_KINDS, TOPICS, UNITS } from "./types";

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

export const factSchema = {
  $id: "fact",
  type: "object",
  additionalProperties: false,
  required: [...FACT_FIELDS],
  properties: {
    id: { type: "string", pattern: ID_PATTERN },
    label: text,
    value: number,
    low: optionalNumber,
    high: optionalNumber,
    qualifier: { enum: [...QUALIFIERS] },
    unit: { enum: [...UNITS] },
    basis: optionalText,
    period: optionalText,
    topic: { enum: [...TOPICS] },
    metric: { type: "string", pattern: ID_PATTERN },
    source: { type: "string", pattern: SOURCE_ID_PATTERN },
    locator: text,
    evidence: text,
    note: optionalText,
    derived: { const: true },
    related: { type: "array", minItems: 1, items: { type: "string", pattern: ID_PATTERN } },
  },
} as const;

export const sourceSchema = {
  $id: "source",
  type: "object",
  additionalProperties: false,
  required: ["id", "kind", "title", "publisher", "date", "author", "url", "via", "file", "note"],
  properties: {
    id: { type: "string", pattern: SOURCE_ID_PATTERN },
    kind: { enum: [...SOURCE_KINDS] },
    title: text,
    publisher: text,
    date: { type: "string", pattern: SOURCE_DATE_PATTERN },
    author: optionalText,
    url: { type: ["string", "null"], pattern: "^https?://" },
    via: { type: "array", items: text },
    file: text,
    note: optionalText,
  },
} as const;

export const tableSchema = {
  $id: "table",
  type: "object",
  additionalProperties: false,
  required: ["name", "title", "description", "columns", "rows"],
  properties: {
    name: { type: "string", pattern: TABLE_NAME_PATTERN },
    title: text,
    description: text,
    columns: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["key", "label", "type"],
        properties: {
          key: { type: "string", pattern: TABLE_NAME_PATTERN },
          label: text,
          type: { enum: ["text", "number", "fraction", "date"] },
          unit: text,
        },
      },
    },
    rows: {
      type: "array",
      items: {
        type: "object",
        required: ["source", "locator", "evidence"],
        properties: {
          source: { type: "string", pattern: SOURCE_ID_PATTERN },
          locator: text,
          evidence: text,
        },
        additionalProperties: { type: ["string", "number", "boolean", "null"] },
      },
    },
  },
} as const;

export const unrecordedSchema = {
  $id: "unrecorded",
  type: "object",
  additionalProperties: false,
  required: ["source", "locator", "evidence", "reason", "fact"],
  properties: {
    source: { type: "string", pattern: SOURCE_ID_PATTERN },
    locator: text,
    evidence: text,
    reason: text,
    fact: { type: ["string", "null"], pattern: ID_PATTERN },
  },
} as const;

export const versionSchema = {
  $id: "version",
  type: "object",
  additionalProperties: false,
  required: ["version", "date"],
  properties: {
    version: { type: "string", pattern: SEMVER_PATTERN },
    date: { type: "string", pattern: ISO_DATE_PATTERN },
  },
} as const;

const figures = {
  type: "object",
  additionalProperties: false,
  required: ["value", "low", "high"],
  properties: {
    value: { type: "number" },
    low: { type: ["number", "null"] },
    high: { type: ["number", "null"] },
  },
} as const;

export const historySchema = {
  $id: "history",
  type: "object",
  additionalProperties: false,
  required: ["note", "releases"],
  properties: {
    note: text,
    releases: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["version", "date", "changes"],
        properties: {
          renamed: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["from", "to"],
              properties: {
                from: { type: "string", pattern: ID_PATTERN },
                to: { type: "string", pattern: ID_PATTERN },
              },
            },
          },
          version: { type: "string", pattern: SEMVER_PATTERN },
          date: { type: "string", pattern: ISO_DATE_PATTERN },
          changes: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["id", "previous"],
              properties: {
                id: { type: "string", pattern: ID_PATTERN },
                previous: { anyOf: [figures, { type: "null" }] },
              },
            },
          },
        },
      },
    },
  },
} as const;

export const seriesEntrySchema = {
  $id: "seriesEntry",
  type: "object",
  additionalProperties: false,
  required: ["series", "fact"],
  properties: {
    series: { type: "string", pattern: ID_PATTERN },
    fact: { type: "string", pattern: ID_PATTERN },
  },
} as const;
