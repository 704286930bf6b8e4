/**
 * "Cells hold": live =REE.FACT formulas or static values, in the words the Insert tab uses, so a
 * figure inserted from its detail view offers the same choice under the same names.
 */
import { Radio, RadioGroup, makeStyles, tokens, useId } from "@fluentui/react-components";

const useStyles = makeStyles({
  label: { fontWeight: tokens.fontWeightSemibold },
});

export function CellsHoldChoice(props: { live: boolean; onChange(live: boolean): void }) {
  const { live, onChange } = props;
  const styles = useStyles();
  const labelId = useId("cells-hold");
  return (
    <>
      <span id={labelId} className={styles.label}>
        Cells hold
      </span>
      <RadioGroup
        aria-labelledby={labelId}
        value={live ? "live" : "static"}
        onChange={(_, data) => onChange(data.value === "live")}
      >
        <Radio value="live" label="Live formulas (=REE.FACT), updated with the data set" />
        <Radio value="static" label="Static values (work without the add-in)" />
      </RadioGroup>
    </>
  );
}
