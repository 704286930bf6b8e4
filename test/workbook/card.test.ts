/**
 * The card a cell carries, checked field by field against the data set by hand (the records quoted
 * in the comments), and against the documented entity shape the mock Excel enforces.
 */
import { DATA_VERSION, factById, type Fact } from "../../src/data";
import { CARD, cardIdentity, factCard } from "../../src/model/card";
import { cellValueProblems } from "../excel/entities";

const fact = (id: string): Fact => factById(id) as Fact;

describe("the card of the 400 t fact (src/data/facts/repm_scheme.json)", () => {
  // { "id": "india.ndpr_oxide.production_t", "label": "Domestic NdPr oxide production (IREL)",
  //   "value": 400, "low": null, "high": null, "qualifier": "exact", "unit": "t/yr",
  //   "basis": "NdPr oxide", "period": "current", "source": "repm_scheme",
  //   "locator": "Overcoming Domestic Supply Constraints, para 1", ... }
  const card = factCard(fact("india.ndpr_oxide.production_t"));
  const p = card.properties;

  test("is an entity Excel accepts, showing 400 t/yr in the cell", () => {
    expect(cellValueProblems(card)).toEqual([]);
    expect(card.type).toBe("Entity");
    expect(card.text).toBe("400 t/yr");
  });

  test("label is the card's title; value carries its unit and basis as the sublabel", () => {
    expect(card.layouts.card.title).toEqual({ property: "Label" });
    expect(p.Label).toEqual({
      type: "String",
      basicValue: "Domestic NdPr oxide production (IREL)",
    });
    // t/yr is shown in whole tonnes with grouping: "#,##0".
    expect(p.Value).toEqual({
      type: "FormattedNumber",
      basicValue: 400,
      numberFormat: "#,##0",
      propertyMetadata: { sublabel: "t/yr, NdPr oxide" },
    });
  });

  test("formulas read Value, Low, High, Unit, Period and Source as plain fields", () => {
    // Stated exactly with no bounds: the figure is its own low and high (as =REE.FACT(id,"low")).
    expect(p.Low).toEqual({ type: "FormattedNumber", basicValue: 400, numberFormat: "#,##0" });
    expect(p.High).toEqual({ type: "FormattedNumber", basicValue: 400, numberFormat: "#,##0" });
    expect(p.Unit).toEqual({ type: "String", basicValue: "t/yr" });
    expect(p.Period).toEqual({ type: "String", basicValue: "current" });
    expect(p.Basis).toEqual({ type: "String", basicValue: "NdPr oxide" });
    expect(p.Qualifier).toEqual({ type: "String", basicValue: "exact" });
    for (const name of ["Value", "Low", "High", "Unit", "Period", "Source"]) {
      expect(p[name].propertyMetadata?.excludeFrom).toBeUndefined();
    }
  });

  test("source: the article names no publisher, date or URL, and the card says so", () => {
    // sources.json: "repm_scheme": title "REPM incentive scheme and overseas mineral assets
    // (untitled)", publisher "unknown", date "unknown", author null, url null.
    expect(p.Source).toEqual({
      type: "String",
      basicValue:
        "Publisher unknown, 'REPM incentive scheme and overseas mineral assets (untitled)', undated",
    });
    expect(p.Publisher.basicValue).toBe("unknown");
    expect(p.Title.basicValue).toBe("REPM incentive scheme and overseas mineral assets (untitled)");
    expect(p.Date.basicValue).toBe("unknown");
    expect(p.URL).toBeUndefined();
    expect(p.Locator.basicValue).toBe("Overcoming Domestic Supply Constraints, para 1");
  });

  test("the verbatim evidence and the note are on the card but out of auto-complete and calc-compare", () => {
    const quiet = { excludeFrom: { autoComplete: true, calcCompare: true } };
    expect(p.Evidence).toEqual({
      type: "String",
      basicValue:
        "the country produces just 400 MT/year of neodymium-praseodymium (NdPr) oxide through IREL",
      propertyMetadata: quiet,
    });
    expect(p.Note.basicValue).toMatch(/^IREL is described as the sole miner and processor/);
    expect(p.Note.propertyMetadata).toEqual(quiet);
  });

  test("one source states this metric: no other-claims section", () => {
    const titles = card.layouts.card.sections.map((section) => section.title);
    expect(titles).toEqual([undefined, "Source", "Derived figures", "Data"]);
  });

  test("derived figures that read it: the 1,600 t shortfall with its formula", () => {
    // repm_scheme.json, "india.ndpr_oxide.gap_t" (derived, approx, 1600 t/yr): note "2,000 t/yr
    // NdPr oxide required (...) - 400 t/yr produced (india.ndpr_oxide.production_t) = 1,600 t/yr
    // to be sourced abroad."
    const section = card.layouts.card.sections[2];
    expect(section.properties).toEqual(["NdPr oxide shortfall against the REPM target"]);
    const derived = p["NdPr oxide shortfall against the REPM target"];
    expect(derived.basicValue).toBe(
      "≈ 1,600 t/yr = 2,000 t/yr NdPr oxide required (india.ndpr_oxide.required_for_target_t) - 400 t/yr produced (india.ndpr_oxide.production_t) = 1,600 t/yr to be sourced abroad.",
    );
    expect(derived.propertyMetadata?.sublabel).toBe("india.ndpr_oxide.gap_t");
  });

  test("the fact id and data version are in the card, and the provider names the add-in", () => {
    expect(p[CARD.factId].basicValue).toBe("india.ndpr_oxide.production_t");
    expect(p[CARD.dataVersion].basicValue).toBe(DATA_VERSION.version);
    expect(card.provider).toEqual({
      description: `Rare Earth Supply Modeler, reference data ${DATA_VERSION.version}`,
    });
    expect(cardIdentity(card)).toEqual({
      factId: "india.ndpr_oxide.production_t",
      version: DATA_VERSION.version,
      value: 400,
      // Stated exactly, with no low or high: the card's Low and High are the 400 itself.
      low: 400,
      high: 400,
    });
  });

  test("sections list the fields in reading order", () => {
    expect(card.layouts.card.sections).toEqual([
      { layout: "List", properties: ["Value", "Low", "High", "Qualifier", "Period", "Basis"] },
      {
        layout: "List",
        title: "Source",
        properties: ["Source", "Publisher", "Title", "Date", "Locator", "Evidence"],
      },
      {
        layout: "List",
        title: "Derived figures",
        collapsible: true,
        properties: ["NdPr oxide shortfall against the REPM target"],
      },
      {
        layout: "List",
        title: "Data",
        collapsible: true,
        collapsed: true,
        properties: ["Note", "Fact id", "Data version"],
      },
    ]);
  });
});

describe("cards where sources disagree, and where a source has a URL", () => {
  test("China's processing share: NIICE's 'more than 90%' lists Discovery Alert's 'approximately 85%'", () => {
    // niice.json: value 0.9, low 0.9, high null, qualifier over, unit %. discovery_alert.json:
    // "china.processing_share.discovery_alert", value 0.85, approx, "Global Supply Chain
    // Vulnerabilities, para 2".
    const card = factCard(fact("china.processing_share.niice"));
    expect(cellValueProblems(card)).toEqual([]);
    expect(card.text).toBe("over 90%");
    expect(card.properties.Low.basicValue).toBe(0.9);
    // "over" states no upper bound: the card has no High (=B5.High is #FIELD!, as FACT's #N/A).
    expect(card.properties.High).toBeUndefined();
    const others = card.layouts.card.sections.find((s) => s.title?.startsWith("Other sources"));
    expect(others?.title).toBe("Other sources (they disagree)");
    expect(others?.properties).toEqual(["Discovery Alert"]);
    expect(card.properties["Discovery Alert"].basicValue).toBe(
      "≈ 85%; Global Supply Chain Vulnerabilities, para 2",
    );
    expect(card.properties["Discovery Alert"].propertyMetadata?.sublabel).toBe(
      "china.processing_share.discovery_alert",
    );
  });

  test("a report with a URL gives the Source property its attribution", () => {
    // sources.json "ndtv_cabinet": publisher "NDTV", title "Cabinet Clears Rs 7,280 Crore Scheme
    // For Manufacturing Rare Earth Magnets", date "2025-11-26", via PTI, url below.
    const url =
      "https://www.ndtv.com/india-news/cabinet-clears-rs-7-280-crore-scheme-for-manufacturing-rare-earth-magnets-9704388";
    const card = factCard(fact("india.repm_scheme.outlay_inr_crore.ndtv_cabinet"));
    expect(cellValueProblems(card)).toEqual([]);
    expect(card.text).toBe("₹7,280 crore");
    expect(card.properties.Source.propertyMetadata?.attribution).toEqual([
      {
        sourceText:
          "NDTV, 'Cabinet Clears Rs 7,280 Crore Scheme For Manufacturing Rare Earth Magnets'",
        sourceAddress: url,
      },
    ]);
    expect(card.properties.URL.basicValue).toBe(url);
  });

  test("a derived fact shows its own formula", () => {
    // repm_scheme.json "ndpr.oxide_per_magnet_t": derived, note "400 t NdPr oxide / 1,200 t magnets
    // = 1/3 t oxide per t magnet."
    const card = factCard(fact("ndpr.oxide_per_magnet_t"));
    expect(card.properties.Qualifier.basicValue).toBe("derived");
    expect(card.properties.Formula.basicValue).toBe(
      "400 t NdPr oxide / 1,200 t magnets = 1/3 t oxide per t magnet.",
    );
    expect(card.properties.Note).toBeUndefined();
  });

  test("every fact in the data set makes a card Excel accepts", () => {
    const { FACTS } = jest.requireActual("../../src/data") as typeof import("../../src/data");
    for (const each of FACTS)
      expect([each.id, cellValueProblems(factCard(each))]).toEqual([each.id, []]);
  });
});

describe("the mock's entity check refuses what Excel would show as #VALUE!", () => {
  const good = factCard(fact("india.ndpr_oxide.production_t"));
  const broken = (change: (card: Record<string, any>) => void) => {
    const card = JSON.parse(JSON.stringify(good));
    change(card);
    return cellValueProblems(card);
  };

  test.each([
    ["no text", (c: any) => delete c.text, /text must be/],
    ["a number as text", (c: any) => (c.properties.Value.basicValue = "400"), /finite number/],
    ["NaN", (c: any) => (c.properties.Value.basicValue = NaN), /finite number/],
    ["an unknown type", (c: any) => (c.properties.Unit.type = "Text"), /not a cell value type/],
    [
      "a section naming a missing property",
      (c: any) => c.layouts.card.sections[0].properties.push("Nope"),
      /does not have/,
    ],
    [
      "a title naming a missing property",
      (c: any) => (c.layouts.card.title = { property: "Name" }),
      /does not have/,
    ],
    [
      "a section layout Excel lacks",
      (c: any) => (c.layouts.card.sections[0].layout = "Grid"),
      /layout must be/,
    ],
    [
      "an undocumented key",
      (c: any) => (c.properties.Unit.propertyMetadata = { hidden: true }),
      /not a documented key/,
    ],
    [
      "an excludeFrom that is not boolean",
      (c: any) => (c.properties.Unit.propertyMetadata = { excludeFrom: { autoComplete: "yes" } }),
      /true or false/,
    ],
    [
      "an attribution URL that is not http",
      (c: any) =>
        (c.properties.Unit.propertyMetadata = { attribution: [{ sourceAddress: "file:///x" }] }),
      /http\(s\) URL/,
    ],
    ["a provider key Excel lacks", (c: any) => (c.provider.logo = "x"), /not a documented key/],
    ["an entity basicValue other than #VALUE!", (c: any) => (c.basicValue = 400), /#VALUE!/],
    [
      "referencedValues below the root",
      (c: any) =>
        (c.properties.Nested = {
          type: "Entity",
          text: "n",
          referencedValues: [{ type: "String", basicValue: "x" }],
        }),
      /only on the root/,
    ],
    [
      "a reference past the root's values",
      (c: any) => (c.properties.Ref = { type: "Reference", reference: 0 }),
      /must index/,
    ],
  ])("%s", (_, change, message) => {
    expect(broken(change).join("\n")).toMatch(message);
  });

  test("a reference into the root's referencedValues is fine", () => {
    expect(
      broken((c) => {
        c.referencedValues = [{ type: "String", basicValue: "x" }];
        c.properties.Ref = { type: "Reference", reference: 0 };
      }),
    ).toEqual([]);
  });
});
