import { DetailedCellError } from "hyperformula";
import type { HyperFormula, RawCellContent } from "hyperformula";
import { createReeEngine } from "../../src/preview/ree-plugin";

/** One sheet named "Model" from rows of values and formulas, and readers by A1 address. */
export function sheet(rows: RawCellContent[][]) {
  const hf: HyperFormula = createReeEngine({ Model: rows });
  const at = (a1: string) => {
    const address = hf.simpleCellAddressFromString(a1, 0);
    if (!address) throw new Error(`bad address ${a1}`);
    return address;
  };
  return {
    hf,
    value: (a1: string) => hf.getCellValue(at(a1)),
    set: (a1: string, content: RawCellContent) => hf.setCellContents(at(a1), [[content]]),
    /** The error in a cell as [Excel code, message]. */
    error: (a1: string) => {
      const value = hf.getCellValue(at(a1));
      if (!(value instanceof DetailedCellError))
        throw new Error(`${a1} holds ${String(value)}, not an error`);
      return [value.value, value.message] as const;
    },
    range: (a1: string) => {
      const [start, end] = a1.split(":").map(at);
      return hf.getRangeValues({ start, end });
    },
  };
}
