/**
 * A fact as a card that lives in its cell: an Excel entity value (ExcelApi 1.16, written through
 * Range.valuesAsJson or returned by =REE.FACT(id, "card")). The workbook saves the card, so the
 * figure keeps its source, evidence and the other sources' claims for colleagues without the
 * add-in, and formulas read its fields (=B5.Value, =B5.Source). One pure function builds it; every
 * host and REE.FACT render the same JSON. The types below are the subset of Excel's CellValue
 * JSON a card uses, so nothing here depends on Office.js.
 */
import {
  DATA_VERSION,
  FACTS,
  claimsForMetric,
  citeSource,
  isDisputed,
  sourceById,
  type Fact,
} from "../data";
import { formatFactValue } from "./figureText";
import { unitFormat } from "./formats";
import { QUALIFIER_WORDS } from "./qualifiers";
import { sourceDisplayName } from "./sourceName";

export interface CardAttribution {
  sourceText?: string;
  sourceAddress?: string;
  licenseText?: string;
  licenseAddress?: string;
}

export interface CardPropertyMetadata {
  sublabel?: string;
  attribution?: CardAttribution[];
  excludeFrom?: {
    autoComplete?: boolean;
    calcCompare?: boolean;
    cardView?: boolean;
    dotNotation?: boolean;
  };
}

/** A property's value: text, or a number with its Excel number format. */
export type CardProperty = (
  | { type: "String"; basicValue: string }
  | { type: "FormattedNumber"; basicValue: number; numberFormat: string }
) & { propertyMetadata?: CardPropertyMetadata };

export interface CardSection {
  layout: "List" | "Table";
  title?: string;
  collapsible?: boolean;
  collapsed?: boolean;
  properties: string[];
}

/** Excel's EntityCellValue as a card writes it. */
export interface EntityCard {
  type: "Entity";
  /** What the cell shows ("400 t/yr"). Excel gives "#VALUE!" as an entity's plain value. */
  text: string;
  properties: Record<string, CardProperty>;
  layouts: { card: { title: { property: string }; sections: CardSection[] } };
  provider: { description: string };
}

/** Property names formulas use (=B5.Value): fixed, so a workbook's formulas keep working. */
export const CARD = {
  label: "Label",
  value: "Value",
  low: "Low",
  high: "High",
  unit: "Unit",
  basis: "Basis",
  period: "Period",
  qualifier: "Qualifier",
  source: "Source",
  publisher: "Publisher",
  title: "Title",
  date: "Date",
  url: "URL",
  locator: "Locator",
  evidence: "Evidence",
  formula: "Formula",
  note: "Note",
  factId: "Fact id",
  dataVersion: "Data version",
} as const;

export const ADDIN_NAME = "Rare Earth Supply Modeler";

/** A property, with its metadata where it has any. */
function property(value: CardProperty, propertyMetadata?: CardPropertyMetadata): CardProperty {
  if (propertyMetadata) value.propertyMetadata = propertyMetadata;
  return value;
}

const text = (basicValue: string, propertyMetadata?: CardPropertyMetadata): CardProperty =>
  property({ type: "String", basicValue }, propertyMetadata);

/** Long prose: shown on the card, kept out of formula auto-complete and of recalc comparisons. */
const QUIET = { autoComplete: true, calcCompare: true };
const prose = (basicValue: string): CardProperty => text(basicValue, { excludeFrom: QUIET });

/** The bounds FACT gives: a stated bound, or the figure itself when it is stated exactly. */
function bound(fact: Fact, side: "low" | "high"): number | null {
  return fact[side] ?? (fact.qualifier === "exact" ? fact.value : null);
}

/** The Low and High a card of `fact` carries (null: the card has none). */
export function cardBounds(fact: Fact): Pick<Fact, "low" | "high"> {
  return { low: bound(fact, "low"), high: bound(fact, "high") };
}

/** Derived facts whose formula (in their note) reads this fact, by id. */
function derivedFrom(fact: Fact): Fact[] {
  const named = new RegExp(`\\b${fact.id.replace(/\./g, "\\.")}\\b`);
  return FACTS.filter(
    (other) => other.derived && other.id !== fact.id && named.test(other.note ?? ""),
  );
}

/** A name not yet among `taken` ("IREL", then "IREL (2)"). */
function freeName(base: string, taken: Record<string, unknown>): string {
  let name = base;
  for (let n = 2; name in taken; n++) name = `${base} (${n})`;
  return name;
}

/**
 * The card for `fact`, as data version `version` gives it. `version` is the data set the fact
 * comes from (the add-in's by default); "update to current" compares it with the add-in's.
 */
export function factCard(fact: Fact, version: string = DATA_VERSION.version): EntityCard {
  const source = sourceById(fact.source);
  const numberFormat = unitFormat(fact.unit) ?? "General";
  const number = (basicValue: number, sublabel?: string): CardProperty =>
    property(
      { type: "FormattedNumber", basicValue, numberFormat },
      sublabel ? { sublabel } : undefined,
    );
  // Assignments rather than an object literal with computed keys: in functions.js (ES5) those
  // take a Babel helper of their own.
  const properties: Record<string, CardProperty> = {};
  properties[CARD.label] = text(fact.label);
  properties[CARD.value] = number(
    fact.value,
    fact.basis ? `${fact.unit}, ${fact.basis}` : fact.unit,
  );
  const { low, high } = cardBounds(fact);
  if (low !== null) properties[CARD.low] = number(low);
  if (high !== null) properties[CARD.high] = number(high);
  properties[CARD.unit] = text(fact.unit);
  properties[CARD.basis] = text(fact.basis ?? "");
  properties[CARD.period] = text(fact.period ?? "");
  properties[CARD.qualifier] = text(fact.derived ? "derived" : QUALIFIER_WORDS[fact.qualifier]);
  properties[CARD.source] = text(
    citeSource(fact.source),
    source?.url
      ? {
          attribution: [
            { sourceText: `${source.publisher}, '${source.title}'`, sourceAddress: source.url },
          ],
        }
      : undefined,
  );
  properties[CARD.publisher] = text(source?.publisher ?? "unknown");
  properties[CARD.title] = text(source?.title ?? fact.source);
  properties[CARD.date] = text(source?.date ?? "unknown");
  properties[CARD.locator] = text(fact.locator);
  properties[CARD.evidence] = prose(fact.evidence);
  if (source?.url) properties[CARD.url] = text(source.url);
  const sections: CardSection[] = [
    {
      layout: "List",
      properties: [CARD.value, CARD.low, CARD.high, CARD.qualifier, CARD.period, CARD.basis],
    },
    {
      layout: "List",
      title: "Source",
      properties: [
        CARD.source,
        CARD.publisher,
        CARD.title,
        CARD.date,
        CARD.url,
        CARD.locator,
        CARD.evidence,
      ],
    },
  ];
  /** A collapsible section of its own properties, each under a name no other property has. */
  const section = (title: string, shown: [string, CardProperty][]) => {
    const names = shown.map(([base, shownProperty]) => {
      const name = freeName(base, properties);
      properties[name] = shownProperty;
      return name;
    });
    if (names.length > 0)
      sections.push({ layout: "List", title, collapsible: true, properties: names });
  };

  section(
    isDisputed(fact.metric) ? "Other sources (they disagree)" : "Other sources (same metric)",
    claimsForMetric(fact.metric)
      .filter((claim) => claim.id !== fact.id)
      .map((claim) => [
        sourceDisplayName(claim.source),
        text(
          `${formatFactValue(claim)}${claim.period ? ` (${claim.period})` : ""}; ${claim.locator}`,
          {
            sublabel: claim.id,
            attribution: [{ sourceText: citeSource(claim.source) }],
          },
        ),
      ]),
  );
  const formula: [string, CardProperty][] = fact.derived
    ? [[CARD.formula, prose(fact.note ?? "computed from other figures")]]
    : [];
  section("Derived figures", [
    ...formula,
    ...derivedFrom(fact).map((other): [string, CardProperty] => [
      other.label,
      text(`${formatFactValue(other)} = ${other.note ?? ""}`, {
        sublabel: other.id,
        excludeFrom: QUIET,
      }),
    ]),
  ]);

  if (fact.note && !fact.derived) properties[CARD.note] = prose(fact.note);
  properties[CARD.factId] = text(fact.id);
  properties[CARD.dataVersion] = text(version);
  sections.push({
    layout: "List",
    title: "Data",
    collapsible: true,
    collapsed: true,
    properties: [CARD.note, CARD.factId, CARD.dataVersion],
  });

  // Sections list only properties this card has (Low, High, URL, Note are not always there).
  for (const shown of sections) shown.properties = shown.properties.filter((p) => p in properties);
  return {
    type: "Entity",
    text: formatFactValue(fact),
    properties,
    layouts: {
      card: {
        title: { property: CARD.label },
        sections: sections.filter((shown) => shown.properties.length > 0),
      },
    },
    provider: { description: `${ADDIN_NAME}, reference data ${version}` },
  };
}

/** What a card cell tells about itself: whose figure, from which data version. */
export interface CardIdentity {
  factId: string;
  version: string;
  value: number;
  /** The card's Low and High (null: it has none). */
  low: number | null;
  high: number | null;
}

/** The fact id, data version, value and bounds a card of ours carries; null for any other cell value. */
export function cardIdentity(cell: unknown): CardIdentity | null {
  if (!cell || typeof cell !== "object") return null;
  const entity = cell as { type?: unknown; properties?: Record<string, unknown> };
  if (entity.type !== "Entity" || !entity.properties) return null;
  const field = (name: string) =>
    (entity.properties?.[name] as { basicValue?: unknown } | undefined)?.basicValue;
  const number = (name: string) => {
    const shown = field(name);
    return typeof shown === "number" ? shown : null;
  };
  const [factId, version, value] = [field(CARD.factId), field(CARD.dataVersion), field(CARD.value)];
  return typeof factId === "string" && typeof version === "string" && typeof value === "number"
    ? { factId, version, value, low: number(CARD.low), high: number(CARD.high) }
    : null;
}
