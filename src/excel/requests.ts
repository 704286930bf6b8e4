/**
 * Sizing Office.js requests. Excel on the web refuses a request or a response above 5 MB, and no
 * Excel reads more than 5,000,000 cells at once, so large writes and reads go in several requests
 * of at most REQUEST_BUDGET_BYTES each (1 MB under the limit for the protocol's own overhead).
 */

export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;
/**
 * A band of rows leaves this much of its request for the small commands (sheets, tables, names)
 * packed beside it, so that they do not cost a request of their own.
 */
export const BAND_BUDGET_BYTES = REQUEST_BUDGET_BYTES - 256 * 1024;
/** What a small command (add a sheet, a name, a table) is counted as. */
export const SMALL_STEP_BYTES = 512;
/** Well under Excel's 5,000,000: one request's read of a range never approaches it. */
export const CELLS_PER_READ = 1_000_000;

/** Bytes a value takes in the JSON of a request or response. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = text.length;
  // Non-ASCII characters take two to four bytes in UTF-8; counting them is rare and cheap.
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) bytes += 2;
  return bytes;
}

/** One queued command (or a group that must stay together) and the bytes it sends. */
export interface Step {
  bytes: number;
  queue(): void;
}

/**
 * Consecutive steps grouped into requests of at most `budget` bytes, in order. A step larger than
 * the budget goes alone (callers split large blocks into steps under the budget first).
 */
export function packRequests(steps: readonly Step[], budget = REQUEST_BUDGET_BYTES): Step[][] {
  const requests: Step[][] = [];
  let open: Step[] = [];
  let openBytes = 0;
  for (const step of steps) {
    if (open.length > 0 && openBytes + step.bytes > budget) {
      requests.push(open);
      open = [];
      openBytes = 0;
    }
    open.push(step);
    openBytes += step.bytes;
  }
  if (open.length > 0) requests.push(open);
  return requests;
}

/**
 * Bands of consecutive rows whose payload (`rowBytes`) stays under the budget: [first, end) pairs.
 * A single row over the budget is a band of its own (Excel will say if it is too large).
 */
export function rowBands(
  rowBytes: readonly number[],
  budget = BAND_BUDGET_BYTES,
): [number, number][] {
  const bands: [number, number][] = [];
  let first = 0;
  let bytes = 0;
  rowBytes.forEach((size, row) => {
    if (row > first && bytes + size > budget) {
      bands.push([first, row]);
      first = row;
      bytes = 0;
    }
    bytes += size;
  });
  if (rowBytes.length > first) bands.push([first, rowBytes.length]);
  return bands;
}
