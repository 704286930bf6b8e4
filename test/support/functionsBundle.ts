/**
 * Loads the built dist/functions.js the way Excel does: in a bare context whose only global is a
 * stub CustomFunctions, collecting what it registers through CustomFunctions.associate.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createContext, runInContext } from "node:vm";

const dist = join(__dirname, "..", "..", "dist");

export interface FunctionMetadata {
  id: string;
  helpUrl?: string;
  parameters: { name: string; optional?: boolean; dimensionality?: string }[];
  result?: { dimensionality?: string };
}

export function readMetadata(): { functions: FunctionMetadata[] } {
  if (!existsSync(join(dist, "functions.json"))) {
    throw new Error("dist/functions.json is missing: run `npm run build` before this test.");
  }
  return JSON.parse(readFileSync(join(dist, "functions.json"), "utf8"));
}

export class StubError {
  constructor(
    public code: string,
    public message?: string,
  ) {}
}

export type Registered = Map<string, (...args: unknown[]) => unknown>;

/**
 * `prelude`, when given, runs first in the same context: a script that reshapes the engine (the
 * ES5 test strips it down to IE11's built-ins).
 */
export function loadFunctionsBundle(prelude?: string): Registered {
  const associated: Registered = new Map();
  const CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => associated.set(id, fn),
    Error: StubError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
    },
  };
  const context = createContext({ CustomFunctions });
  if (prelude) runInContext(prelude, context);
  runInContext(readFileSync(join(dist, "functions.js"), "utf8"), context);
  return associated;
}
