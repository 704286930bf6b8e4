import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = join(__dirname, "..", "..");

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

function cspOf(htmlFile: string): Map<string, string[]> {
  const html = readFileSync(htmlFile, "utf8");
  const match = html.match(/http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i);
  if (!match) throw new Error(`${relative(root, htmlFile)} has no Content-Security-Policy`);
  return new Map(
    match[1]
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([directive, ...values]) => [directive, values]),
  );
}

describe("task pane page security", () => {
  const csp = cspOf(join(root, "dist", "taskpane.html"));

  it("runs scripts only from the add-in's own origin and Office's CDN", () => {
    expect(csp.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
  });

  it("never allows eval", () => {
    for (const [directive, values] of csp) {
      expect(`${directive}: ${values.includes("'unsafe-eval'")}`).toBe(`${directive}: false`);
    }
  });

  it("connects only to its own origin", () => {
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
  });

  it("submits no form anywhere", () => {
    expect(csp.get("form-action")).toEqual(["'none'"]);
  });
});

describe("our code", () => {
  const sources = filesUnder(join(root, "src"), /\.tsx?$/);

  it("never evaluates strings as code", () => {
    expect(sources.length).toBeGreaterThan(5);
    const offenders = sources.filter((file) =>
      /\beval\s*\(|new\s+Function\s*\(|set(?:Timeout|Interval)\s*\(\s*["'`]/.test(
        readFileSync(file, "utf8"),
      ),
    );
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });

  it("keeps the GPL spreadsheet engine out of the deployable dist/", () => {
    const shipped = filesUnder(join(root, "dist"), /\.(js|html|json)$/);
    const withEngine = shipped.filter((file) => /HyperFormula/.test(readFileSync(file, "utf8")));
    expect(withEngine.map((file) => relative(root, file))).toEqual([]);
  });
});
