/**
 * A modal question on the native <dialog> element: the browser traps focus, makes the pane inert
 * and handles Escape. Fluent's Dialog would do the same through its focus manager, which then leaves
 * aria-hidden yet focusable guards on the page for good (an axe "aria-hidden-focus" violation).
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useId, useRef, type ReactNode } from "react";

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  /** The buttons; the one with autoFocus gets focus. */
  actions: ReactNode;
  /** Escape: the same as the cancelling action. */
  onCancel(): void;
}

const useStyles = makeStyles({
  dialog: {
    maxWidth: "min(90vw, 420px)",
    padding: tokens.spacingHorizontalXL,
    border: `1px solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusXLarge,
    boxShadow: tokens.shadow64,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    "::backdrop": { backgroundColor: tokens.colorBackgroundOverlay },
  },
  title: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase500 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "flex-end",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalL,
  },
});

export function ConfirmDialog({ title, children, actions, onCancel }: ConfirmDialogProps) {
  const styles = useStyles();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement as HTMLElement | null;
    // showModal is missing from jsdom: there the dialog simply opens.
    if (dialog?.showModal) dialog.showModal();
    else dialog?.setAttribute("open", "");
    return () => {
      if (dialog?.open && dialog.close) dialog.close();
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      className={styles.dialog}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className={styles.title}>
        {title}
      </h2>
      <div id={bodyId}>{children}</div>
      <div className={styles.actions}>{actions}</div>
    </dialog>
  );
}
