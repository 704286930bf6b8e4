/** Help pages and the docs table, rendered from the metadata and the catalog. */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata/lib/generate";
import { join } from "node:path";
import { CATALOG, functionSpec } from "../../src/model/functionCatalog";
import {
  formatResult,
  rebaseHelpUrls,
  renderFunctionsMarkdown,
  renderHelpIndex,
  renderHelpPage,
} from "../../src/functions/reference";
import type { FunctionsMetadata } from "../../src/functions/reference";

let metadata: FunctionsMetadata;
beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(
    join(__dirname, "..", "..", "src", "functions", "functions.ts"),
  );
  metadata = JSON.parse(generated.metadataJson);
});

it("every help page is static HTML styled only by help.css, with syntax, units and example", () => {
  for (const spec of CATALOG) {
    const html = renderHelpPage(spec, metadata);
    expect(html).toContain('<link rel="stylesheet" href="help.css">');
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    expect(html).toContain(`<h1>REE.${spec.name}</h1>`);
    for (const p of spec.parameters) expect(html).toContain(`<code>${p.name}</code>`);
    expect(html).toContain(
      formatResult(spec.example.result).replace(/"/g, "&quot;").replace(/'/g, "&#39;"),
    );
  }
});

it("NDPR_GAP's page cites the three facts its defaults come from, with their evidence", () => {
  const html = renderHelpPage(functionSpec("NDPR_GAP")!, metadata);
  // The target's preferred claim: the Cabinet's exact, dated 6,000 MTPA (Business Standard).
  expect(html).toContain("<code>india.repm.target_t.business_standard_cabinet</code>");
  expect(html).toContain("aims to establish 6,000 Metric Tons per Annum (MTPA)");
  expect(html).toContain("<code>ndpr.oxide_per_magnet_t</code> (derived)");
  expect(html).toContain("<strong>1,600</strong>");
});

it("IMPORT_SHARE's page cites the sources of the import_sources table", () => {
  const html = renderHelpPage(functionSpec("IMPORT_SHARE")!, metadata);
  expect(html).toContain("Table <code>import_sources</code>");
  expect(html).toContain("U.S. Geological Survey");
});

it("the index links every function", () => {
  const html = renderHelpIndex(metadata);
  for (const spec of CATALOG) expect(html).toContain(`href="${spec.name}.html"`);
});

it("help URLs move to the deployment base URL", () => {
  const moved = rebaseHelpUrls(metadata, "https://ree.example.org/addin/");
  expect(moved.functions.map((f) => f.helpUrl)).toEqual(
    CATALOG.map((spec) => `https://ree.example.org/addin/help/${spec.name}.html`),
  );
});

it("the docs table has a row per function with syntax, units and an example", () => {
  const markdown = renderFunctionsMarkdown();
  for (const spec of CATALOG) {
    expect(markdown).toContain(`| REE.${spec.name} |`);
    expect(markdown).toContain(spec.example.formula);
  }
  expect(markdown).toContain("[target_magnet_t] (t/yr)");
  expect(formatResult(2379.310344827586)).toBe("2,379.31");
});
