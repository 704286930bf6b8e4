/**
 * Each function's adapter (its implementation in functions.ts) by catalog name, for what runs the
 * functions outside Excel: the preview's engine and the conversion of constant calls. Documentation
 * readers use the catalog alone and do not load the adapters.
 */
import { CATALOG, adapterName, type FunctionSpec } from "./catalog";
import * as fns from "./functions";

/** An adapter, called with Excel-convention arguments (null for an omitted optional argument). */
export type Adapter = (...args: unknown[]) => unknown;

const ADAPTERS = new Map<string, Adapter>(
  CATALOG.map((spec) => {
    const adapter = (fns as unknown as Record<string, Adapter | undefined>)[adapterName(spec.name)];
    if (!adapter) throw new Error(`functions.ts has no adapter ${adapterName(spec.name)}.`);
    return [spec.name, adapter];
  }),
);

/** The adapter that implements a catalog function. */
export function adapterOf(spec: Pick<FunctionSpec, "name">): Adapter {
  return ADAPTERS.get(spec.name) as Adapter;
}
