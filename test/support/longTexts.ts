/**
 * Text of Excel's full cell length (32,767 characters) shaped like what the functions parse, and
 * valid arguments to put it among: the fuzz test checks every answer, the bench times them.
 */
import { CATALOG } from "../../src/functions/catalog";
import type { FunctionMetadata } from "./functionsBundle";

const ones = "1".repeat(32_766);

export const LONG_TEXTS: readonly string[] = [
  `${ones}x`,
  `${ones}e`,
  `${ones}1`,
  `-${"9".repeat(32_765)}%`,
  `.${ones}`,
  `1e${ones.slice(1)}`,
  `12${",34".repeat(10_920)},567`, // Indian grouping, 32,766 characters
  `${"1,".repeat(16_383)}1`,
  `${"111,".repeat(8_191)}111`, // international grouping, 32,767 characters
  ` ${ones.slice(1)}1 `,
  `"${"India ".repeat(5_460)}"`,
];

/** Valid arguments, so that a targeted case reaches the parameter it is about. */
const VALID: Record<string, unknown> = {
  id: "india.repm.target_t",
  name: "partners",
  exporter: "China",
  country: "India",
  element: "Nd",
  values: [[1], [2]],
  input: "domestic_oxide",
};

export function validArguments(id: string): unknown[] {
  const spec = CATALOG.find((candidate) => candidate.name === id)!;
  return spec.parameters.map((p) => VALID[p.name] ?? (p.optional ? null : 1));
}

/** Every call with one long text in one parameter (in a 1x1 range where it takes a range). */
export function longTextCalls(
  functions: readonly FunctionMetadata[],
): { id: string; parameter: string; text: string; args: unknown[] }[] {
  return functions.flatMap((meta) =>
    meta.parameters.flatMap((p, index) =>
      LONG_TEXTS.map((text) => {
        const args = validArguments(meta.id);
        args[index] = p.dimensionality === "matrix" ? [[text]] : text;
        return { id: meta.id, parameter: p.name, text, args };
      }),
    ),
  );
}
