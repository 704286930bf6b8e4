/**
 * The formula of a live fact cell, which the pane also shows for a user to type. Its own small module
 * so the pane's detail view can show it without loading the inserts.
 */
import { quote } from "./portable/formula";

/** =REE.FACT("id") or =REE.FACT("id","low"). */
export function factFormula(id: string, field?: "low" | "high"): string {
  return field ? `=REE.FACT(${quote(id)},${quote(field)})` : `=REE.FACT(${quote(id)})`;
}
