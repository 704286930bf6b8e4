/**
 * Writes the standalone workbook (reference data and supply-gap model in native Excel formulas) for
 * machines where Office add-ins are blocked.
 *   npm run workbook -- <file.xlsx> [--sheets facts,tables,model,scenarios,functions]
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import {
  buildStandaloneWorkbook,
  SHEET_GROUPS,
  type SheetGroup,
} from "../src/standalone/buildWorkbook";
import { planStandalone } from "../src/standalone/plan";

const USAGE = `Usage: npm run workbook -- <file.xlsx> [--sheets ${SHEET_GROUPS.join(",")}]
Writes a standalone .xlsx: reference facts, tables and sources, and the supply-gap model in native
Excel formulas (no add-in needed). --sheets picks the parts (default: all).`;

class UsageError extends Error {}

function parseArgs(args: string[]): { file: string; sheets?: SheetGroup[] } {
  let file: string | undefined;
  let sheets: SheetGroup[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--sheets" || arg.startsWith("--sheets=")) {
      const list = arg === "--sheets" ? args[++i] : arg.slice("--sheets=".length);
      if (!list) throw new UsageError("--sheets needs a comma-separated list");
      sheets = parseSheets(list);
    } else if (arg.startsWith("-")) {
      throw new UsageError(`Unknown option ${arg}`);
    } else if (file) {
      throw new UsageError(`One output file only (got ${file} and ${arg})`);
    } else {
      file = arg;
    }
  }
  if (!file) throw new UsageError("Missing the output file");
  if (!file.toLowerCase().endsWith(".xlsx")) throw new UsageError(`${file} must end in .xlsx`);
  return { file, sheets };
}

function parseSheets(list: string): SheetGroup[] {
  const names = list
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((name) => !(SHEET_GROUPS as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new UsageError(`Unknown sheet ${unknown.join(", ")}; valid: ${SHEET_GROUPS.join(", ")}`);
  }
  if (names.length === 0) throw new UsageError(`--sheets needs one of: ${SHEET_GROUPS.join(", ")}`);
  return names as SheetGroup[];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const bytes = await buildStandaloneWorkbook({ sheets: options.sheets });
  const path = resolve(options.file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  const sheets = planStandalone({ sheets: options.sheets }).newSheets;
  console.log(`Wrote ${path} (${Math.round(bytes.length / 1024)} KB)`);
  console.log(`Sheets: ${sheets.join(", ")}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
