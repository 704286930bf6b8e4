/**
 * What Browse shows when nothing matches. Its own chunk: the first screen then needs no Fluent
 * Button, whose styles bring all of Fluent's design tokens with them.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  empty: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalM,
  },
});

export default function NoResults({ query, onClear }: { query: string; onClear(): void }) {
  const styles = useStyles();
  const words = query.trim();
  return (
    <div className={styles.empty}>
      <span>
        Nothing matches{words ? ` “${words}”` : " these filters"}. Try fewer or other words, or
        another topic or source.
      </span>
      <Button onClick={onClear}>Clear search and filters</Button>
    </div>
  );
}
