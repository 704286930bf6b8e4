/**
 * The built bundle on its own: dist/functions.js, run in a bare context whose only global is a stub
 * CustomFunctions, registers exactly the functions dist/functions.json lists, and they work. Needs
 * a build first (`npm run build`, which `npm test` runs).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  loadFunctionsBundle as loadBundle,
  readMetadata,
  StubError,
} from "../support/functionsBundle";

const dist = join(__dirname, "..", "..", "dist");
const metadata = readMetadata();

it("registers every function listed in functions.json, and no other", () => {
  const associated = loadBundle();
  expect([...associated.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  for (const fn of associated.values()) expect(typeof fn).toBe("function");
});

it("the registered functions compute from the bundled reference data", () => {
  const REE = Object.fromEntries(loadBundle());
  expect(REE.NDPR_GAP(null, null, null, null)).toBeCloseTo(1600, 9); // 6,000 / 3 - 400
  expect(REE.IMPORT_SHARE("China", null, null)).toBe(0.93);
  expect(REE.IMPORT_VOLUME("China", null, null, null)).toBeCloseTo(49941, 9); // 0.93 x 53,700
  expect(REE.RESERVE_LIFE(null, null)).toBeCloseTo(2379.31, 2); // 6,900,000 / 2,900
  expect(() => REE.MAGNET_CAPACITY(-1, null)).toThrow(StubError);
  let thrown: unknown;
  try {
    REE.IMPORT_SHARE("Chna", null, null);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toEqual(
    expect.objectContaining({
      code: "#N/A",
      message: expect.stringContaining('Did you mean "China"?'),
    }),
  );
});

it("every function has a help page the add-in serves", () => {
  expect(existsSync(join(dist, "help", "index.html"))).toBe(true);
  expect(existsSync(join(dist, "help", "help.css"))).toBe(true);
  for (const f of metadata.functions) {
    expect(f.helpUrl).toMatch(new RegExp(`/help/${f.id}\\.html$`));
    expect(existsSync(join(dist, "help", `${f.id}.html`))).toBe(true);
  }
});
