/**
 * Sizing Office.js requests. Excel on the web refuses a request or a response above 5 MB, and no
 * Excel reads more than 5,000,000 cells at once, so large writes and reads go in several requests
 * of at most REQUEST_BUDGET_BYTES each (1 MB under the limit for the protocol's own overhead).
 */

export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;
/** What requests are filled to: the rest of the 4 MB is for the protocol's wrapping of each command. */
export const BAND_BUDGET_BYTES = REQUEST_BUDGET_BYTES - 64 * 1024;
/** What a small command (add a sheet, a name, a table) is counted as. */
export const SMALL_STEP_BYTES = 512;
/**
 * What a command adds to a request beyond its arguments (which method, on which object), as the
 * request meter measures Office.js requests (test/excel/limits.ts: 20 to 25 bytes), with a margin.
 * Used where thousands of small commands go in one step, so each is counted at its size.
 */
export const COMMAND_BYTES = 32;
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

/**
 * Commands to queue, as rows that may go in different requests (the rows of a block of cells, of
 * rows appended to a table) or as one row (add a sheet, a name, a chart).
 */
export interface Step {
  /** JSON bytes each row sends. */
  rowBytes: readonly number[];
  /** Queues rows [first, end) of the step. */
  queue(first: number, end: number): void;
}

/** Part of a step in one request. */
export interface StepPart {
  step: Step;
  first: number;
  end: number;
}

/**
 * The steps in order, cut into requests of at most `budget` bytes: each request is filled row by
 * row before the next is opened. A single row over the budget goes alone (Excel says if it is too
 * large).
 */
export function packRequests(steps: readonly Step[], budget = BAND_BUDGET_BYTES): StepPart[][] {
  const requests: StepPart[][] = [];
  let open: StepPart[] = [];
  let openBytes = 0;
  for (const step of steps) {
    let first = 0;
    while (first < step.rowBytes.length) {
      let end = first;
      while (end < step.rowBytes.length && openBytes + step.rowBytes[end] <= budget) {
        openBytes += step.rowBytes[end++];
      }
      if (end === first && open.length === 0) openBytes += step.rowBytes[end++];
      if (end > first) open.push({ step, first, end });
      if (end < step.rowBytes.length) {
        requests.push(open);
        open = [];
        openBytes = 0;
      }
      first = end;
    }
  }
  if (open.length > 0) requests.push(open);
  return requests;
}
