/**
 * A saved workbook for the preview: the write plans that built it, in order, as the add-in's
 * inserts applied them (scripts/vintage-fixture.ts records them from an earlier release). Opening
 * it replays them through the port, so the workbook holds what that release wrote: cells, tables,
 * names and the settings the data vintage reads. `preview.html?workbook=<path>` opens one from the
 * preview's own origin, e.g. a workbook built on data 1.0.0, to see what the Share tab offers it.
 */
import { WorkbookError, type WorkbookPort, type WritePlan } from "../workbook/port";

export interface SavedWorkbook {
  /** How the file was made. */
  note: string;
  /** The data version the release that wrote it had. */
  dataVersion: string;
  plans: WritePlan[];
}

const PLAN_LISTS = [
  "newSheets",
  "blocks",
  "tables",
  "tableRows",
  "names",
  "charts",
  "columnWidths",
  "metadata",
] as const;

const unreadable = (why: string) =>
  new WorkbookError(
    `This is not a saved workbook: ${why}.`,
    "Open a file written by scripts/vintage-fixture.ts.",
  );

/** The saved workbook in parsed JSON; a WorkbookError says what is wrong with anything else. */
export function readSavedWorkbook(json: unknown): SavedWorkbook {
  if (!json || typeof json !== "object") throw unreadable("it is not a JSON object");
  const { note, dataVersion, plans } = json as Record<string, unknown>;
  if (typeof dataVersion !== "string") throw unreadable("it names no data version");
  if (!Array.isArray(plans)) throw unreadable("it has no list of plans");
  plans.forEach((plan: unknown, index) => {
    const lists = plan && typeof plan === "object" ? (plan as Record<string, unknown>) : {};
    const missing = PLAN_LISTS.find((list) => !Array.isArray(lists[list]));
    if (missing) throw unreadable(`plan ${index + 1} has no ${missing} list`);
  });
  return { note: typeof note === "string" ? note : "", dataVersion, plans: plans as WritePlan[] };
}

/** Replays the saved plans, in order, into the (fresh) workbook behind `port`. */
export async function openSavedWorkbook(port: WorkbookPort, saved: SavedWorkbook): Promise<void> {
  for (const plan of saved.plans) await port.apply(plan);
}

/**
 * The saved workbook the page's address names (`?workbook=<path>`), fetched from the page's own
 * origin; null when the address names none.
 */
export async function fetchSavedWorkbook(page: URL): Promise<SavedWorkbook | null> {
  const path = page.searchParams.get("workbook");
  if (path === null) return null;
  const url = new URL(path, page);
  if (url.origin !== page.origin) {
    throw unreadable(`${url.origin} is not this preview's origin (${page.origin})`);
  }
  const response = await fetch(url);
  if (!response.ok) throw unreadable(`${url.pathname} answered ${response.status}`);
  return readSavedWorkbook(await response.json());
}
