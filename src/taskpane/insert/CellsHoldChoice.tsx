/**
 * "Cells hold": live =REE.FACT formulas, static values, or citation cards, in the words the Insert
 * tab uses, so a figure inserted from its detail view offers the same choice under the same names.
 * Where the host cannot store cards (no ExcelApi 1.16) the pane says so and offers values with a
 * cell note in their place: the choice is never swapped behind the user's back.
 */
import { Radio, RadioGroup, makeStyles, tokens, useId } from "@fluentui/react-components";
import type { FigureDress } from "../../workbook/figureCells";
import type { CardSupport } from "../../workbook/port";

export type CellsHold = "live" | "static" | "cards" | "noted";

/** What an insert does with the figures it writes as values. */
export function dressFor(hold: CellsHold): FigureDress | undefined {
  return hold === "cards" || hold === "noted" ? hold : undefined;
}

const useStyles = makeStyles({
  label: { fontWeight: tokens.fontWeightSemibold },
  why: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export function CellsHoldChoice(props: {
  hold: CellsHold;
  onChange(hold: CellsHold): void;
  cards: CardSupport;
}) {
  const { hold, onChange, cards } = props;
  const styles = useStyles();
  const labelId = useId("cells-hold");
  const whyId = useId("no-cards");
  return (
    <>
      <span id={labelId} className={styles.label}>
        Cells hold
      </span>
      <RadioGroup
        aria-labelledby={labelId}
        aria-describedby={cards.ok ? undefined : whyId}
        value={hold}
        onChange={(_, data) => onChange(data.value as CellsHold)}
      >
        <Radio value="live" label="Live formulas (=REE.FACT), updated with the data set" />
        <Radio value="static" label="Static values (work without the add-in)" />
        {cards.ok ? (
          <Radio
            value="cards"
            label="Citation cards: the value with its source and evidence in a card inside the cell (work without the add-in)"
          />
        ) : (
          <Radio value="noted" label="Values with the citation in a cell note" />
        )}
      </RadioGroup>
      {!cards.ok && (
        <p id={whyId} className={styles.why}>
          {cards.reason} Values with a cell note keep each figure&apos;s citation beside it instead.
        </p>
      )}
    </>
  );
}
