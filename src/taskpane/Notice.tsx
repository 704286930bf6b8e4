/**
 * The pane's one way to tell the user something: a Fluent MessageBar with a title, the text and,
 * optionally, actions. An action's outcome is `reveal`ed: scrolled into view where the user is,
 * focused, and read out through the pane's live region.
 */
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarIntent,
} from "@fluentui/react-components";
import { useEffect, useRef, type ReactNode } from "react";
import { useOutcomeSlot } from "./outcome";

export interface NoticeProps {
  intent: MessageBarIntent;
  title?: string;
  children?: ReactNode;
  /** A MessageBarActions element (buttons, a dismiss control). */
  actions?: ReactNode;
  /** The outcome of what the user just did: bring it into view, focus and announce it. */
  reveal?: boolean;
}

export function Notice({ intent, title, children, actions, reveal = false }: NoticeProps) {
  const root = useRef<HTMLDivElement>(null);
  const { announce } = useOutcomeSlot();
  useEffect(() => {
    const element = root.current;
    if (!reveal || !element) return;
    element.scrollIntoView?.({ block: "nearest" });
    element.focus({ preventScroll: true });
    const body = element.querySelector(".fui-MessageBarBody");
    announce((body ?? element).textContent ?? "");
  }, [reveal, announce]);
  return (
    <MessageBar
      ref={root}
      intent={intent}
      layout="multiline"
      politeness={intent === "error" ? "assertive" : "polite"}
      tabIndex={reveal ? -1 : undefined}
      data-outcome={reveal ? intent : undefined}
    >
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      {actions}
    </MessageBar>
  );
}
