/**
 * What Excel accepts as a cell value written through Range.valuesAsJson (ExcelApi 1.16), for the
 * mock Excel: the documented CellValue JSON (Excel.CellValue, EntityCellValue, CardLayout,
 * CellValuePropertyMetadata, CellValueProviderAttributes). Anything Excel would turn into #VALUE!
 * (a missing type or text, a basicValue of the wrong kind, a card section naming a property the
 * entity lacks, referencedValues below the root, a reference past them) is a problem, and so is a
 * key the documentation does not list: Excel drops it, so a card would silently lose it.
 */

const CELL_TEXT_LIMIT = 32_767;

type Problems = string[];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function keysIn(
  value: Record<string, unknown>,
  allowed: readonly string[],
  at: string,
  out: Problems,
) {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) out.push(`${at}: "${key}" is not a documented key`);
  }
}

function checkString(value: unknown, at: string, out: Problems, optional = true) {
  if (value === undefined && optional) return;
  if (typeof value !== "string") out.push(`${at} must be a string`);
  else if (value.length > CELL_TEXT_LIMIT) out.push(`${at} is over ${CELL_TEXT_LIMIT} characters`);
}

function checkBoolean(value: unknown, at: string, out: Problems) {
  if (value !== undefined && typeof value !== "boolean") out.push(`${at} must be true or false`);
}

function checkNumber(value: unknown, at: string, out: Problems) {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    out.push(`${at} must be a finite number, not ${String(value)}`);
  }
}

const METADATA_KEYS = ["excludeFrom", "sublabel", "attribution"] as const;
const EXCLUSIONS = ["autoComplete", "dotNotation", "cardView", "calcCompare"] as const;
const ATTRIBUTION_KEYS = ["sourceText", "sourceAddress", "licenseText", "licenseAddress"] as const;
const PROVIDER_KEYS = ["description", "logoSourceAddress", "logoTargetAddress"] as const;
const SECTION_KEYS = ["layout", "title", "collapsible", "collapsed", "properties"] as const;
const CARD_KEYS = ["layout", "title", "subTitle", "mainImage", "sections"] as const;

function checkMetadata(metadata: unknown, at: string, out: Problems) {
  if (metadata === undefined) return;
  if (!isObject(metadata)) return void out.push(`${at} must be an object`);
  keysIn(metadata, METADATA_KEYS, at, out);
  checkString(metadata.sublabel, `${at}.sublabel`, out);
  if (metadata.excludeFrom !== undefined) {
    if (!isObject(metadata.excludeFrom)) out.push(`${at}.excludeFrom must be an object`);
    else {
      keysIn(metadata.excludeFrom, EXCLUSIONS, `${at}.excludeFrom`, out);
      for (const key of EXCLUSIONS) {
        checkBoolean(metadata.excludeFrom[key], `${at}.excludeFrom.${key}`, out);
      }
    }
  }
  if (metadata.attribution !== undefined) {
    if (!Array.isArray(metadata.attribution)) out.push(`${at}.attribution must be an array`);
    else {
      metadata.attribution.forEach((entry: unknown, index) => {
        const where = `${at}.attribution[${index}]`;
        if (!isObject(entry)) return void out.push(`${where} must be an object`);
        keysIn(entry, ATTRIBUTION_KEYS, where, out);
        for (const key of ATTRIBUTION_KEYS) checkString(entry[key], `${where}.${key}`, out);
        for (const key of ["sourceAddress", "licenseAddress"]) {
          const url = entry[key];
          if (typeof url === "string" && !/^https?:\/\//.test(url)) {
            out.push(`${where}.${key} must be an http(s) URL`);
          }
        }
      });
    }
  }
}

/**
 * One cell value (the root, or a property of an entity). `root` carries the referencedValues a
 * Reference may point into.
 */
function checkValue(
  value: unknown,
  at: string,
  out: Problems,
  root: { referenced: number; isRoot: boolean },
) {
  if (!isObject(value)) return void out.push(`${at} must be a cell value object`);
  const common = ["type", "basicValue", "basicType", "propertyMetadata"];
  checkMetadata(value.propertyMetadata, `${at}.propertyMetadata`, out);
  if (value.propertyMetadata !== undefined && root.isRoot) {
    out.push(`${at}: propertyMetadata belongs to an entity's properties, not to a cell`);
  }
  switch (value.type) {
    case "String":
      keysIn(value, common, at, out);
      checkString(value.basicValue, `${at}.basicValue`, out, false);
      return;
    case "Double":
      keysIn(value, common, at, out);
      return checkNumber(value.basicValue, `${at}.basicValue`, out);
    case "FormattedNumber":
      keysIn(value, [...common, "numberFormat"], at, out);
      checkNumber(value.basicValue, `${at}.basicValue`, out);
      checkString(value.numberFormat, `${at}.numberFormat`, out, false);
      return;
    case "Boolean":
      keysIn(value, common, at, out);
      if (typeof value.basicValue !== "boolean") out.push(`${at}.basicValue must be a boolean`);
      return;
    case "Reference":
      keysIn(value, ["type", "reference", "propertyMetadata"], at, out);
      if (
        typeof value.reference !== "number" ||
        !Number.isInteger(value.reference) ||
        value.reference < 0 ||
        value.reference >= root.referenced
      ) {
        out.push(`${at}.reference must index the root's referencedValues`);
      }
      return;
    case "Entity":
      return checkEntity(value, at, out, root);
    default:
      out.push(`${at}.type ${JSON.stringify(value.type)} is not a cell value type a card can hold`);
  }
}

function checkEntity(
  entity: Record<string, unknown>,
  at: string,
  out: Problems,
  root: { referenced: number; isRoot: boolean },
) {
  keysIn(
    entity,
    [
      "type",
      "text",
      "basicValue",
      "basicType",
      "properties",
      "layouts",
      "provider",
      "referencedValues",
      "propertyMetadata",
    ],
    at,
    out,
  );
  if (typeof entity.text !== "string" || entity.text === "") {
    out.push(`${at}.text must be the text the cell shows`);
  } else checkString(entity.text, `${at}.text`, out);
  if (entity.basicValue !== undefined && entity.basicValue !== "#VALUE!") {
    out.push(
      `${at}.basicValue of an entity is "#VALUE!" (Range.values), not ${String(entity.basicValue)}`,
    );
  }
  if (entity.basicType !== undefined && entity.basicType !== "Error") {
    out.push(`${at}.basicType of an entity is "Error"`);
  }
  if (entity.referencedValues !== undefined && !root.isRoot) {
    out.push(`${at}: referencedValues are allowed only on the root value`);
  }
  const child = { ...root, isRoot: false };
  if (entity.referencedValues !== undefined) {
    if (!Array.isArray(entity.referencedValues))
      out.push(`${at}.referencedValues must be an array`);
    else {
      entity.referencedValues.forEach((value: unknown, index) =>
        checkValue(value, `${at}.referencedValues[${index}]`, out, child),
      );
    }
  }
  const properties = entity.properties ?? {};
  if (!isObject(properties)) return void out.push(`${at}.properties must be an object`);
  for (const [name, value] of Object.entries(properties)) {
    if (name === "") out.push(`${at}.properties: a property needs a name`);
    checkValue(value, `${at}.properties["${name}"]`, out, child);
  }
  if (entity.provider !== undefined) {
    if (!isObject(entity.provider)) out.push(`${at}.provider must be an object`);
    else {
      keysIn(entity.provider, PROVIDER_KEYS, `${at}.provider`, out);
      for (const key of PROVIDER_KEYS)
        checkString(entity.provider[key], `${at}.provider.${key}`, out);
    }
  }
  if (entity.layouts !== undefined) checkLayouts(entity.layouts, properties, `${at}.layouts`, out);
}

function checkLayouts(
  layouts: unknown,
  properties: Record<string, unknown>,
  at: string,
  out: Problems,
) {
  if (!isObject(layouts)) return void out.push(`${at} must be an object`);
  keysIn(layouts, ["card", "compact"], at, out);
  const card = layouts.card;
  if (card === undefined) return;
  if (!isObject(card)) return void out.push(`${at}.card must be an object`);
  keysIn(card, CARD_KEYS, `${at}.card`, out);
  if (card.layout !== undefined && card.layout !== "Entity") {
    out.push(`${at}.card.layout must be "Entity"`);
  }
  const named = (reference: unknown, where: string) => {
    if (!isObject(reference) || typeof reference.property !== "string") {
      return void out.push(`${where} must be { property: name }`);
    }
    keysIn(reference, ["property"], where, out);
    if (!(reference.property in properties)) {
      out.push(`${where} names "${reference.property}", which the entity does not have`);
    }
  };
  if (typeof card.title !== "string" && card.title !== undefined)
    named(card.title, `${at}.card.title`);
  if (card.subTitle !== undefined) named(card.subTitle, `${at}.card.subTitle`);
  if (card.mainImage !== undefined) named(card.mainImage, `${at}.card.mainImage`);
  if (card.sections === undefined) return;
  if (!Array.isArray(card.sections)) return void out.push(`${at}.card.sections must be an array`);
  card.sections.forEach((section: unknown, index) => {
    const where = `${at}.card.sections[${index}]`;
    if (!isObject(section)) return void out.push(`${where} must be an object`);
    keysIn(section, SECTION_KEYS, where, out);
    if (!["List", "Table", "TwoColumn"].includes(section.layout as string)) {
      out.push(`${where}.layout must be "List", "Table" or "TwoColumn"`);
    }
    checkString(section.title, `${where}.title`, out);
    checkBoolean(section.collapsible, `${where}.collapsible`, out);
    checkBoolean(section.collapsed, `${where}.collapsed`, out);
    if (!Array.isArray(section.properties)) {
      return void out.push(`${where}.properties must be an array of property names`);
    }
    for (const name of section.properties) {
      if (typeof name !== "string" || !(name in properties)) {
        out.push(`${where} lists "${String(name)}", which the entity does not have`);
      }
    }
  });
}

/**
 * Every reason Excel would reject (#VALUE!) or silently alter `value` written as one cell through
 * valuesAsJson; empty when it takes it as is.
 */
export function cellValueProblems(value: unknown): string[] {
  const out: Problems = [];
  const referenced =
    isObject(value) && Array.isArray(value.referencedValues) ? value.referencedValues.length : 0;
  checkValue(value, "cell", out, { referenced, isRoot: true });
  return out;
}
