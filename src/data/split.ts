/**
 * A data file in two parts: a part (some of its fields) and the complement (the rest), so that
 * mergeData(part, complementOf(full, part)) equals the full file. functions.js carries the part of
 * each reference data file that the REE functions read (src/functions/dataProjection.ts); the task
 * pane, which runs in the same page, adds the complement instead of shipping the data set twice.
 *
 * A complement holds what the part lacks: a whole value where the part has none, an object's
 * missing keys, and an array's items by index (an object keyed by index, so a part's array can
 * lack items or whole items can be missing). The part only ever omits; it never changes a value.
 */

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** What `full` holds beyond `part`; undefined when nothing. */
export function complementOf(full: unknown, part: unknown): unknown {
  if (part === undefined) return full;
  if (Array.isArray(full) && Array.isArray(part)) {
    return byKey(full.map((item, index) => [String(index), complementOf(item, part[index])]));
  }
  if (isPlain(full) && isPlain(part)) {
    return byKey(Object.keys(full).map((key) => [key, complementOf(full[key], part[key])]));
  }
  return undefined;
}

/** The entries that are not undefined, as an object; undefined when none is. */
function byKey(entries: [string, unknown][]): Plain | undefined {
  const kept = entries.filter(([, value]) => value !== undefined);
  if (kept.length === 0) return undefined;
  const object: Plain = {};
  for (const [key, value] of kept) object[key] = value;
  return object;
}

/**
 * The full value: `part` with `complement` added back, in place (the pane completes the objects
 * functions.js handed it rather than copying them; the functions read only their own fields).
 */
export function mergeData(part: unknown, complement: unknown): unknown {
  if (complement === undefined) return part;
  if (part === undefined) return complement;
  if ((Array.isArray(part) || isPlain(part)) && isPlain(complement)) {
    const whole = part as Plain;
    for (const key of Object.keys(complement)) whole[key] = mergeData(whole[key], complement[key]);
  }
  return part;
}
