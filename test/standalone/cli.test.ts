/** `npm run workbook`: writes the file it names, and refuses bad arguments with exit code 2. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";

jest.setTimeout(30_000);

const root = join(__dirname, "..", "..");
const tsx = join(root, "node_modules", ".bin", "tsx");

function run(...args: string[]) {
  return spawnSync(tsx, [join(root, "scripts", "workbook.ts"), ...args], {
    cwd: root,
    encoding: "utf8",
  });
}

describe("scripts/workbook.ts", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "ree-workbook-cli-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the chosen sheets and says what it wrote", async () => {
    const file = join(dir, "nested", "model.xlsx");
    const result = run(file, "--sheets", "model,functions");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Wrote ${file}`);
    expect(result.stdout).toContain("Sheets: About, Supply gap model, Sources, REE functions");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "About",
      "Supply gap model",
      "Sources",
      "REE functions",
    ]);
  });

  it("lists the valid sheets when given an unknown one", () => {
    const result = run(join(dir, "x.xlsx"), "--sheets=model,charts");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      "Unknown sheet charts; valid: facts, tables, model, scenarios, functions",
    );
    expect(result.stderr).toContain("Usage: npm run workbook");
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });

  it.each([
    [[], "Missing the output file"],
    [["model.csv"], "must end in .xlsx"],
    [["a.xlsx", "b.xlsx"], "One output file only"],
    [["a.xlsx", "--sheets"], "--sheets needs a comma-separated list"],
    [["a.xlsx", "--verbose"], "Unknown option --verbose"],
  ])("refuses %j with usage and exit code 2", (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("Usage: npm run workbook");
  });
});
