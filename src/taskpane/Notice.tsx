/**
 * The pane's one way to tell the user something: a Fluent MessageBar with a title, the text and,
 * optionally, actions. Errors are announced assertively, everything else politely.
 */
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarIntent,
} from "@fluentui/react-components";
import type { ReactNode } from "react";

export interface NoticeProps {
  intent: MessageBarIntent;
  title?: string;
  children?: ReactNode;
  /** A MessageBarActions element (buttons, a dismiss control). */
  actions?: ReactNode;
}

export function Notice({ intent, title, children, actions }: NoticeProps) {
  return (
    <MessageBar
      intent={intent}
      layout="multiline"
      politeness={intent === "error" ? "assertive" : "polite"}
    >
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      {actions}
    </MessageBar>
  );
}
