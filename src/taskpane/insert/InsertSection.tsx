/** The parts every insert choice is built from: a titled section and its insert button. */
import { Button } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useSectionStyles } from "../sectionStyles";

/** A section named by its heading (`id` is the heading's, so tests and readers find it by name). */
export function InsertSection(props: { id: string; title: string; children: ReactNode }) {
  const styles = useSectionStyles();
  return (
    <section className={styles.section} aria-labelledby={props.id}>
      <h2 id={props.id} className={styles.heading}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

/**
 * The button that runs an insert. While one runs it stays focusable (disabledFocusable), so
 * keyboard focus is not dropped to the page.
 */
export function InsertButton(props: {
  busy: boolean;
  disabled?: boolean;
  onClick(): void;
  children: ReactNode;
}) {
  const styles = useSectionStyles();
  return (
    <div className={styles.row}>
      <Button disabled={props.disabled} disabledFocusable={props.busy} onClick={props.onClick}>
        {props.children}
      </Button>
    </div>
  );
}
