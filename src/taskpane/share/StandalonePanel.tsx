/**
 * "Download standalone workbook": the facts, reference tables, sources and the supply-gap model in
 * native Excel formulas, for colleagues whose machines cannot install add-ins. The generator and
 * its spreadsheet library load only when asked for.
 */
import { Notice } from "../Notice";
import { Button, Spinner, Text } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { useState } from "react";
import { useOutcome } from "../outcome";
import { useSectionStyles } from "../sectionStyles";

/** Hands the generated file to the user: a download, or a new workbook window in Excel. */
export type DeliverWorkbook = (
  bytes: Uint8Array,
  fileName: string,
  mime: string,
) => Promise<string>;

type State = { phase: "idle" } | { phase: "busy" } | { phase: "done" | "failed"; message: string };

export default function StandalonePanel({ deliver }: { deliver: DeliverWorkbook }) {
  const styles = useSectionStyles();
  const [state, setState] = useState<State>({ phase: "idle" });
  const outcome = useOutcome("standalone");

  const run = async () => {
    outcome.claim();
    setState({ phase: "busy" });
    try {
      const { buildStandaloneWorkbook, STANDALONE_FILE_NAME, XLSX_MIME } = await import(
        /* webpackChunkName: "standalone" */ "../../standalone/buildWorkbook"
      );
      const bytes = await buildStandaloneWorkbook();
      setState({ phase: "done", message: await deliver(bytes, STANDALONE_FILE_NAME, XLSX_MIME) });
    } catch (error) {
      setState({
        phase: "failed",
        message: `${error instanceof Error ? error.message : String(error)} Try again; if it persists, run "npm run workbook" on a machine with the project.`,
      });
    }
  };

  return (
    <section className={styles.section} aria-labelledby="standalone-heading">
      <h2 id="standalone-heading" className={styles.heading}>
        Standalone workbook
      </h2>
      <Text>
        For machines where add-ins are blocked: the supply-gap model, facts, reference tables,
        sources and function reference the add-in inserts, in native Excel formulas (Excel 2010 and
        later). No add-in needed to open it.
      </Text>
      <Text id="standalone-stock">
        It is a new file built from the data set: its model starts from the cited default inputs.
        Nothing from this workbook is copied, so inputs you edited here are not in it; to share
        those, make this workbook portable instead.
      </Text>
      <div>
        <Button
          icon={state.phase === "busy" ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
          disabledFocusable={state.phase === "busy"}
          aria-describedby="standalone-stock"
          onClick={run}
        >
          Download standalone workbook
        </Button>
      </div>
      {outcome.shown && (state.phase === "done" || state.phase === "failed") && (
        <Notice
          reveal
          intent={state.phase === "done" ? "success" : "error"}
          title={state.phase === "done" ? "Workbook ready" : "Could not build the workbook"}
        >
          {state.message}
        </Notice>
      )}
    </section>
  );
}
