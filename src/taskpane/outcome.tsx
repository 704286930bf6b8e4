/**
 * One outcome at a time. Every action that ends in a notice (insert, make portable, restore, the
 * data vintage, the standalone download) claims the pane's single outcome slot when it starts, so
 * the notice of an earlier action goes away; and the notice it ends with is announced through one
 * live region that is always in the page (a region added with its text is not read out).
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";

export interface OutcomeSlot {
  /** Which action's notice may show; null before any action. */
  owner: string | null;
  /** An action starts: earlier notices go. */
  claim(owner: string): void;
  /** Read a finished action's outcome to screen readers. */
  announce(text: string): void;
}

const OutcomeContext = createContext<OutcomeSlot>({
  owner: null,
  claim: () => undefined,
  announce: () => undefined,
});

// Visually hidden, still read: the usual clip pattern.
const HIDDEN = {
  position: "absolute",
  width: "1px",
  height: "1px",
  overflow: "hidden",
  clipPath: "inset(50%)",
  whiteSpace: "nowrap",
} as const;

export function OutcomeProvider({
  onClaim,
  children,
}: {
  /** Told which action claimed the slot (the pane clears the insert notice for the others). */
  onClaim?(owner: string): void;
  children: ReactNode;
}) {
  const [owner, setOwner] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const claim = useCallback(
    (next: string) => {
      setOwner(next);
      setAnnouncement("");
      onClaim?.(next);
    },
    [onClaim],
  );
  const slot = useMemo<OutcomeSlot>(
    () => ({ owner, claim, announce: setAnnouncement }),
    [owner, claim],
  );
  return (
    <OutcomeContext.Provider value={slot}>
      {children}
      <div aria-live="polite" data-testid="outcome-announcer" style={HIDDEN}>
        {announcement}
      </div>
    </OutcomeContext.Provider>
  );
}

/** An action's view of the slot: whether its notice may show, and how to claim the slot. */
export function useOutcome(owner: string): {
  shown: boolean;
  claim(): void;
  announce(text: string): void;
} {
  const slot = useContext(OutcomeContext);
  const { claim, announce } = slot;
  return {
    shown: slot.owner === owner,
    claim: useCallback(() => claim(owner), [claim, owner]),
    announce,
  };
}

export const useOutcomeSlot = (): OutcomeSlot => useContext(OutcomeContext);
