/**
 * Arrays of records written as their keys once and a row of values per record, so a bundle does
 * not repeat every key in every record (scripts/data-loader.cjs packs functions.js's data this way;
 * gzip takes the facts and tables about 8% smaller). unpackRecords(packRecords(x)) equals x.
 */

type Plain = Record<string, unknown>;

/** Marks a packed array; no key of the data starts with a control character. */
const PACKED = "\u0001records";

interface Packed {
  [PACKED]: string[];
  rows: unknown[][];
}

const isPlain = (value: unknown): value is Plain =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Every array of two or more records, at any depth, packed: the keys every record has, in the
 * first record's order, then per record its values for them, followed by an object of the keys
 * only it has (when it has any).
 */
export function packRecords(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(packRecords);
    if (items.length < 2 || !items.every(isPlain)) return items;
    const records = items as Plain[];
    const keys = Object.keys(records[0]).filter((key) => records.every((record) => key in record));
    const rows = records.map((record) => {
      const row: unknown[] = keys.map((key) => record[key]);
      const own = Object.keys(record).filter((key) => !keys.includes(key));
      if (own.length > 0) row.push(pick(record, own));
      return row;
    });
    const packed: Packed = { [PACKED]: keys, rows };
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
  return (value as unknown as Packed).rows.map((row) => {
    const record: Plain = {};
    keys.forEach((key, index) => (record[key] = unpackRecords(row[index])));
    const own = row[keys.length];
    if (isPlain(own)) for (const key of Object.keys(own)) record[key] = unpackRecords(own[key]);
    return record;
  });
}
