/**
 * Citation cards in the preview, drawn from the same entity JSON Excel stores: a card cell shows
 * an icon and the card's text, as Excel does, and the selected card cell opens the card beside the
 * grid (title, sections, each property with its sublabel and source link, the provider).
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { ContactCardRegular } from "@fluentui/react-icons";
import type { CardProperty, EntityCard } from "../model/card";
import { formatCellValue } from "./cellFormat";

/** How wide the open card is: the grid leaves this much room beside it. */
export const CARD_PANEL_WIDTH = "320px";

const useStyles = makeStyles({
  inCell: { display: "inline-flex", alignItems: "center", gap: "4px" },
  icon: { flexShrink: 0, color: tokens.colorBrandForeground1, fontSize: "14px" },
  // Beside the grid, over its right edge, below the formula bar (the section is relative).
  card: {
    position: "absolute",
    right: 0,
    bottom: 0,
    top: "76px",
    zIndex: 3,
    boxShadow: tokens.shadow16,
    width: CARD_PANEL_WIDTH,
    overflowY: "auto",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    fontSize: tokens.fontSizeBase200,
  },
  title: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase400 },
  heading: {
    margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: { margin: 0 },
  name: { color: tokens.colorNeutralForeground2, marginTop: tokens.spacingVerticalXS },
  value: { margin: 0, overflowWrap: "anywhere" },
  sublabel: { color: tokens.colorNeutralForeground2 },
  provider: { marginTop: tokens.spacingVerticalM, color: tokens.colorNeutralForeground2 },
});

/** What a card cell shows: the card icon, then the card's text. */
export function CardCellContent({ card }: { card: EntityCard }) {
  const styles = useStyles();
  return (
    <span className={styles.inCell} data-card="">
      <ContactCardRegular className={styles.icon} aria-hidden="true" />
      {card.text}
    </span>
  );
}

function shownValue(property: CardProperty): string {
  return property.type === "FormattedNumber"
    ? formatCellValue(property.basicValue, property.numberFormat)
    : property.basicValue;
}

function Property({ name, property }: { name: string; property: CardProperty }) {
  const styles = useStyles();
  const { sublabel, attribution } = property.propertyMetadata ?? {};
  const link = attribution?.find((entry) => entry.sourceAddress);
  return (
    <>
      <dt className={styles.name}>{name}</dt>
      <dd className={styles.value}>
        {shownValue(property)}
        {sublabel && <span className={styles.sublabel}> ({sublabel})</span>}
        {link && (
          <>
            {" "}
            <a href={link.sourceAddress} target="_blank" rel="noreferrer">
              {link.sourceText ?? "Source"}
            </a>
          </>
        )}
      </dd>
    </>
  );
}

/** The card of the selected cell, as Excel's card view lays it out. */
export function CardPanel({ card, address }: { card: EntityCard; address: string }) {
  const styles = useStyles();
  const layout = card.layouts.card;
  const title = card.properties[layout.title.property];
  return (
    <aside className={styles.card} aria-label={`Card in ${address}`} data-testid="card-panel">
      <h3 className={styles.title}>{title ? shownValue(title) : card.text}</h3>
      {layout.sections.map((section, index) => {
        const list = (
          <dl className={styles.list}>
            {section.properties.map((name) => (
              <Property key={name} name={name} property={card.properties[name]} />
            ))}
          </dl>
        );
        // Excel folds a collapsible section with a title; collapsed ones start folded.
        return section.title && section.collapsible ? (
          <details key={section.title} open={!section.collapsed}>
            <summary className={styles.heading}>{section.title}</summary>
            {list}
          </details>
        ) : (
          <section key={section.title ?? index} aria-label={section.title ?? "Figure"}>
            {section.title && <h4 className={styles.heading}>{section.title}</h4>}
            {list}
          </section>
        );
      })}
      <p className={styles.provider}>{card.provider.description}</p>
    </aside>
  );
}
