/**
 * The Indian presentation option: lakh and crore grouping for every insert's number formats and
 * for the figures the pane shows (en-IN). One value for the whole pane, kept while it is open.
 */
import { useSyncExternalStore } from "react";
import type { Presentation } from "../../../model/formats";
import { setIndianGrouping } from "../../format";

let current: Presentation = { indian: false };
const listeners = new Set<() => void>();

export function currentPresentation(): Presentation {
  return current;
}

export function setIndianPresentation(indian: boolean): void {
  if (current.indian === indian) return;
  current = { indian };
  setIndianGrouping(indian);
  listeners.forEach((listener) => listener());
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The option, re-rendering the caller when it changes. */
export function usePresentation(): Presentation {
  return useSyncExternalStore(subscribe, currentPresentation);
}
