/**
 * Excel on Windows without WebView2 runs the shared runtime in Trident (IE11, ES5). The built
 * functions.js and the pane's first script must parse as ES5 (acorn, not a pattern match), and the
 * functions must give the same answers in an engine that has only what IE11 has. Needs a build
 * first (`npm run build`).
 */
import { parse } from "acorn";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadFunctionsBundle, readMetadata, StubError } from "../support/functionsBundle";

const dist = join(__dirname, "..", "..", "dist");
const builtFile = (name: string) => {
  const file = join(dist, name);
  if (!existsSync(file)) throw new Error(`dist/${name} is missing: run \`npm run build\` first.`);
  return readFileSync(file, "utf8");
};

/**
 * Strips a fresh context down to IE11's built-ins: no Symbol, Promise, Reflect or Proxy, none of the
 * ES2015+ methods IE11 lacks, and IE11's Map and Set (constructor ignores its argument, set/add
 * return undefined, no keys/values/entries or iterator).
 */
const IE11_ENGINE = `
(function (g) {
  var gone = {
    Array: ["from", "of"],
    "Array.prototype": ["find", "findIndex", "findLast", "findLastIndex", "includes", "flat", "flatMap",
      "fill", "copyWithin", "entries", "keys", "values", "at", "toSorted", "toReversed"],
    String: ["fromCodePoint", "raw"],
    "String.prototype": ["startsWith", "endsWith", "includes", "repeat", "padStart", "padEnd",
      "matchAll", "normalize", "codePointAt", "trimStart", "trimEnd", "replaceAll", "at"],
    Number: ["isFinite", "isInteger", "isNaN", "isSafeInteger", "EPSILON", "parseFloat", "parseInt",
      "MAX_SAFE_INTEGER", "MIN_SAFE_INTEGER"],
    Math: ["trunc", "sign", "log10", "log2", "log1p", "expm1", "hypot", "cbrt", "fround", "imul",
      "clz32", "cosh", "sinh", "tanh", "acosh", "asinh", "atanh"],
    Object: ["entries", "values", "assign", "fromEntries", "is", "getOwnPropertyDescriptors"],
  };
  Object.keys(gone).forEach(function (path) {
    var target = path.split(".").reduce(function (object, key) { return object[key]; }, g);
    gone[path].forEach(function (name) { delete target[name]; });
  });
  var iterator = Symbol.iterator;
  [["Map", "set"], ["Set", "add"]].forEach(function (pair) {
    var Native = g[pair[0]];
    var proto = Native.prototype;
    var add = proto[pair[1]];
    ["keys", "values", "entries"].forEach(function (name) { delete proto[name]; });
    delete proto[iterator];
    proto[pair[1]] = function (a, b) { add.call(this, a, b); };
    var IE11 = function () { return new Native(); };
    IE11.prototype = proto;
    g[pair[0]] = IE11;
  });
  ["Symbol", "Promise", "Reflect", "Proxy", "WeakRef", "globalThis"].forEach(function (name) {
    delete g[name];
  });
  g.self = g;
})(this);`;

type Registered = Record<string, (...args: unknown[]) => unknown>;

const loadBundle = (engine: "modern" | "ie11"): Registered => {
  builtFile("functions.js"); // says to build first when it is missing
  return Object.fromEntries(loadFunctionsBundle(engine === "ie11" ? IE11_ENGINE : undefined));
};

/** A call's outcome as plain data, comparable across the two engines' realms. */
function outcome(fn: (...args: unknown[]) => unknown, args: unknown[]): unknown {
  try {
    return { value: JSON.parse(JSON.stringify(fn(...args))) };
  } catch (error) {
    if (error instanceof StubError) return { error: error.code, message: error.message };
    return { crash: String(error) };
  }
}

describe("ES5 syntax", () => {
  it.each(["functions.js", "startup.js"])("dist/%s parses as ECMAScript 5", (name) => {
    expect(() => parse(builtFile(name), { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  });

  it("the parser used here rejects what IE11 cannot parse", () => {
    for (const source of ["a?.b", "a ?? b", "const a = 1", "() => 1", "class A {}", "/a/u"]) {
      expect(() => parse(source, { ecmaVersion: 5 })).toThrow();
    }
  });
});

describe("functions.js in an engine with only IE11's built-ins", () => {
  const modern = loadBundle("modern");
  const ie11 = loadBundle("ie11");

  it("registers every function", () => {
    expect(Object.keys(ie11).sort()).toEqual(
      readMetadata()
        .functions.map((f) => f.id)
        .sort(),
    );
  });

  it("computes the articles' figures", () => {
    expect(ie11.NDPR_GAP(null, null, null, null)).toBeCloseTo(1600, 9); // 6,000 / 3 - 400
    expect(ie11.IMPORT_VOLUME("China", null, null, null)).toBeCloseTo(49941, 9); // 0.93 x 53,700 (FY25)
    expect(ie11.RESERVE_LIFE(null, null)).toBeCloseTo(2379.31, 2); // 6,900,000 / 2,900
    // Shares 0.5, 0.3, 0.2: (50² + 30² + 20²) = 2,500 + 900 + 400 = 3,800.
    expect(ie11.HHI([[50, 30, 20]])).toBeCloseTo(3800, 9);
    // Name matching (Maps of aliases) and "did you mean" (iterating them) work too.
    expect(ie11.IMPORT_SHARE("  china ", null, null)).toBe(0.93);
    expect(outcome(ie11.IMPORT_SHARE, ["Chna", null, null])).toEqual({
      error: "#N/A",
      message: expect.stringContaining('Did you mean "China"?'),
    });
  });

  const calls: [string, unknown[]][] = [
    ["FACT", ["india.repm.target_t", "source", null]],
    ["FACT", ["nope.nothing", null, null]],
    ["SOURCE", ["india.repm.target_t"]],
    ["FACTS", [null]],
    ["FACTS", ["trade & imports"]],
    ["TABLE", ["partners"]],
    ["TABLE", ["timeline"]],
    ["TABLE", ["world_production"]],
    ["TABLE", ["partnrs"]],
    ["WORLD_SHARE", ["China", null, null]],
    ["WORLD_SHARE", ["India", "reserves", null]],
    ["SUPPLY_BALANCE", [10, 6000, 0.08, 1200, null, null, null]],
    ["PROJECT", [100, 0.1, 5]],
    ["CONCENTRATION", [3800]],
    ["OXIDE_TO_METAL", [100, "Nd"]],
    ["CRORE_TO_USD", [1345, null]],
    ["DATA_VERSION", []],
    ["MAGNET_CAPACITY", ["abc", null]],
    // A percentage typed with a space before the sign (String.prototype.trimEnd).
    ["SELF_SUFFICIENCY", ["50 %", 2]],
  ];

  it.each(calls)("%s(%j) answers as in a modern engine", (id, args) => {
    const expected = outcome(modern[id], args);
    expect(expected).not.toHaveProperty("crash");
    expect(outcome(ie11[id], args)).toEqual(expected);
  });

  it("every function called with empty arguments answers as in a modern engine", () => {
    for (const f of readMetadata().functions) {
      const args = f.parameters.map(() => null);
      expect([f.id, outcome(ie11[f.id], args)]).toEqual([f.id, outcome(modern[f.id], args)]);
    }
  });
});
