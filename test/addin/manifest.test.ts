import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";

const root = join(__dirname, "..", "..");
const xml = readFileSync(join(root, "manifest.xml"), "utf8");
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
const doc = parser.parse(xml).OfficeApp;
const host = doc.VersionOverrides.Hosts.Host;
const resources = doc.VersionOverrides.Resources;

const asArray = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);
const defined = new Map<string, string>(
  [
    ...asArray(resources["bt:Images"]["bt:Image"]),
    ...asArray(resources["bt:Urls"]["bt:Url"]),
    ...asArray(resources["bt:ShortStrings"]["bt:String"]),
    ...asArray(resources["bt:LongStrings"]["bt:String"]),
  ].map((r: Record<string, string>) => [r["@id"], r["@DefaultValue"]]),
);

describe("manifest.xml", () => {
  it("defines the REE custom functions namespace", () => {
    const cf = host.AllFormFactors.ExtensionPoint;
    expect(cf["@xsi:type"]).toBe("CustomFunctions");
    expect(defined.get(cf.Namespace["@resid"])).toBe("REE");
  });

  it("runs functions, task pane and commands in one long-lived shared runtime", () => {
    const sets = asArray(doc.Requirements.Sets.Set);
    expect(sets).toContainEqual(
      expect.objectContaining({ "@Name": "SharedRuntime", "@MinVersion": "1.1" }),
    );
    const runtimes = asArray(host.Runtimes.Runtime);
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]["@lifetime"]).toBe("long");
    const runtimeUrl = runtimes[0]["@resid"];
    expect(host.AllFormFactors.ExtensionPoint.Page.SourceLocation["@resid"]).toBe(runtimeUrl);
    expect(host.DesktopFormFactor.FunctionFile["@resid"]).toBe(runtimeUrl);
  });

  it("asks only for ReadWriteDocument", () => {
    expect(doc.Permissions).toBe("ReadWriteDocument");
  });

  it("puts a button that opens the task pane on the Home tab", () => {
    const tab = host.DesktopFormFactor.ExtensionPoint.OfficeTab;
    expect(tab["@id"]).toBe("TabHome");
    const control = tab.Group.Control;
    expect(control.Action["@xsi:type"]).toBe("ShowTaskpane");
  });

  it("defines every resid it uses", () => {
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined.has(id) ? id : `missing ${id}`).toBe(id);
  });

  const urls = [...xml.matchAll(/(?:DefaultValue|<AppDomain>)="?(https?:\/\/[^"<]+)/g)]
    .map((m) => m[1])
    .filter((u) => !u.includes("schemas.microsoft.com"));

  it("uses https for every URL", () => {
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it("points every URL at a file the build puts in dist/", () => {
    for (const url of urls) {
      const path = new URL(url).pathname.replace(/^\//, "");
      if (path === "") continue;
      expect(existsSync(join(root, "dist", path)) ? path : `dist/${path} missing`).toBe(path);
    }
  });

  it("ships icons of every size", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const png = readFileSync(join(root, "assets", `icon-${size}.png`));
      expect(png.readUInt32BE(16)).toBe(size);
    }
  });
});
