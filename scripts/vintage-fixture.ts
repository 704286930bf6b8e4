/**
 * npx tsx scripts/vintage-fixture.ts <commit of a data release> <fixture.json> <fact id>...
 * Writes a saved workbook (src/preview/savedWorkbook.ts) as that release left it: the release's own
 * code and data, checked out of git into a temporary folder, insert the facts into a fresh preview
 * workbook twice, as values on a new sheet and as live =REE.FACT formulas on another, and the
 * WritePlans those inserts applied are what the file holds. Nothing in it is typed by hand.
 *   npx tsx scripts/vintage-fixture.ts 1273213 test/data/fixtures/workbook-1.0.0.json \
 *     india.magnet_imports.china_share india.magnet_imports.fy25_t india.repm.target_t
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { format, resolveConfig } from "prettier";
import type { Fact } from "../src/data";
import type { SavedWorkbook } from "../src/preview/savedWorkbook";
import type { WorkbookPort, WritePlan } from "../src/workbook/port";

const [commit, output, ...ids] = process.argv.slice(2);
if (!commit || !output || ids.length === 0) {
  console.error("usage: npx tsx scripts/vintage-fixture.ts <commit> <fixture.json> <fact id>...");
  process.exit(2);
}

const root = resolve(__dirname, "..");
const release = mkdtempSync(join(tmpdir(), "ree-release-"));

async function main(): Promise<void> {
  const archive = execFileSync("git", ["archive", commit, "src"], { cwd: root });
  execFileSync("tar", ["-x", "-C", release], { input: archive });
  // The release's modules resolve their packages from this project's node_modules.
  symlinkSync(join(root, "node_modules"), join(release, "node_modules"), "dir");
  const { version } = JSON.parse(readFileSync(join(release, "src/data/version.json"), "utf8")) as {
    version: string;
  };

  type Data = { factById(id: string): Fact | undefined };
  type Actions = {
    insertFacts(
      port: WorkbookPort,
      facts: readonly Fact[],
      options: { live: boolean; placement: "new-sheet" },
    ): Promise<unknown>;
  };
  type Preview = {
    createPreviewWorkbook(options: { withReeFunctions: boolean }): { port: WorkbookPort };
  };
  const data = (await import(join(release, "src/data/index.ts"))) as Data;
  const actions = (await import(join(release, "src/workbook/actions.ts"))) as Actions;
  const preview = (await import(join(release, "src/preview/workbook.ts"))) as Preview;

  const facts = ids.map((id) => {
    const fact = data.factById(id);
    if (!fact) throw new Error(`data ${version} has no fact ${id}`);
    return fact;
  });
  const book = preview.createPreviewWorkbook({ withReeFunctions: false });
  const plans: WritePlan[] = [];
  const recording: WorkbookPort = {
    snapshot: (request) => book.port.snapshot(request),
    apply: async (plan) => {
      plans.push(JSON.parse(JSON.stringify(plan)) as WritePlan);
      await book.port.apply(plan);
    },
    select: (target) => book.port.select(target),
    // Release 1.0.0 had no citation cards.
    cardSupport: () => ({ ok: false, reason: "data 1.0.0 predates citation cards" }),
  };
  await actions.insertFacts(recording, facts, { live: false, placement: "new-sheet" });
  await actions.insertFacts(recording, facts, { live: true, placement: "new-sheet" });

  const saved: SavedWorkbook = {
    note: `Written by scripts/vintage-fixture.ts from commit ${commit} (data ${version}): the write plans its inserts applied to a fresh workbook, the facts ${ids.join(", ")} inserted as values, then as live formulas.`,
    dataVersion: version,
    plans,
  };
  // Formatted as the project formats JSON, so a regenerated file differs only where the data does.
  const file = resolve(output);
  const options = { ...(await resolveConfig(file)), filepath: file };
  writeFileSync(file, await format(JSON.stringify(saved, null, 2), options));
  console.log(`${output}: ${plans.length} plans written by data ${version}`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => rmSync(release, { recursive: true, force: true }));
