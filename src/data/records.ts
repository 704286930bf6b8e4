/**
 * Arrays of records written as their keys once and a column of values per key, so a bundle does
 * not repeat every key in every record, and like values (ids, sources, units) sit together where
 * gzip finds their likenesses (scripts/data-loader.cjs packs functions.js's data this way).
 * unpackRecords(packRecords(x)) equals x.
 */

type Plain = Record<string, unknown>;

/** Marks a packed array; no key of the data starts with a control character. */
const PACKED = "\u0001records";

interface Packed {
  [PACKED]: string[];
  /** Per key, every record's value, in record order. */
  columns: unknown[][];
  /** By record index, the keys only that record has. */
  own: Record<number, Plain>;
}

const isPlain = (value: unknown): value is Plain =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Every array of two or more records that share a key, at any depth, packed: the keys every
 * record has, in the first record's order, then per key every record's value, then by record
 * index the keys only that record has (for the records that have any).
 */
export function packRecords(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(packRecords);
    if (items.length < 2 || !items.every(isPlain)) return items;
    const records = items as Plain[];
    const keys = Object.keys(records[0]).filter((key) => records.every((record) => key in record));
    if (keys.length === 0) return items;
    const columns = keys.map((key) => records.map((record) => record[key]));
    const own: Record<number, Plain> = {};
    records.forEach((record, index) => {
      const keysOfItsOwn = Object.keys(record).filter((key) => !keys.includes(key));
      if (keysOfItsOwn.length > 0) own[index] = pick(record, keysOfItsOwn);
    });
    const packed: Packed = { [PACKED]: keys, columns, own };
    return packed;
  }
  if (isPlain(value)) return pick(value, Object.keys(value), packRecords);
  return value;
}

function pick(record: Plain, keys: string[], map = (value: unknown) => value): Plain {
  const picked: Plain = {};
  for (const key of keys) picked[key] = map(record[key]);
  return picked;
}

/** The data packRecords packed. */
export function unpackRecords(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unpackRecords);
  if (!isPlain(value)) return value;
  const keys = value[PACKED] as string[] | undefined;
  if (keys === undefined) return pick(value, Object.keys(value), unpackRecords);
  const { columns, own } = value as unknown as Packed;
  return columns[0].map((_, index) => {
    const record: Plain = {};
    keys.forEach((key, column) => (record[key] = unpackRecords(columns[column][index])));
    const extra = own[index] ?? {};
    for (const key of Object.keys(extra)) record[key] = unpackRecords(extra[key]);
    return record;
  });
}
