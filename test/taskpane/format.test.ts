import { factById } from "../../src/data";
import type { Fact } from "../../src/data";
import {
  factContext,
  formatAmount,
  formatCell,
  formatFactValue,
  tableFormula,
} from "../../src/taskpane/format";
import { factFormula } from "../../src/workbook/factFormula";
import { sourceDisplayName } from "../../src/model/sourceName";

const fact = (id: string): Fact => {
  const found = factById(id);
  if (!found) throw new Error(`fact ${id} is missing from the data set`);
  return found;
};

describe("formatFactValue", () => {
  it.each([
    ["india.repm.target_t.repm_scheme", "≈ 6,000 t/yr"], // approximate; thousands of tonnes grouped
    ["india.magnet_imports.china_share.repm_scheme", "84%"], // a fraction as a percentage
    ["china.processing_share.niice", "over 90%"], // bounds worded as the articles do
    ["india.world_production_share", "under 1%"],
    ["irel.nd_capacity_t", "400–500 t/yr"], // a range as low–high with the unit once
    ["ev.re_content_kg_per_vehicle", "1–2 kg/vehicle"],
    ["pli.repm_outlay_inr_crore", "₹1,345 crore"], // rupees in crore with the rupee sign
    ["pli.repm_outlay_usd_million", "US$155 million"],
    ["ndpr.oxide_per_magnet_t", "0.333 t per t"], // a derived ratio kept readable
  ])("shows %s as %s", (id, shown) => {
    expect(formatFactValue(fact(id))).toBe(shown);
  });

  it("never groups the digits of a year", () => {
    const year = { value: 2030, low: null, high: null, qualifier: "exact", unit: "year" } as const;
    expect(formatFactValue(year)).toBe("2030");
  });
});

describe("formatAmount", () => {
  it("groups INR crore the Indian way (lakh, crore)", () => {
    expect(formatAmount(1234567, "INR crore")).toBe("₹12,34,567 crore");
  });

  it("groups tonnes in thousands", () => {
    expect(formatAmount(6900000, "t")).toBe("6,900,000 t");
  });

  it("hides float noise from scaling fractions", () => {
    expect(formatAmount(0.07, "%")).toBe("7%");
    expect(formatAmount(0.105, "%/yr")).toBe("10.5%/yr");
  });

  it("shows an unknown unit after the number", () => {
    expect(formatAmount(12, "furlongs")).toBe("12 furlongs");
  });
});

describe("formatCell", () => {
  it("formats table cells by column type and unit", () => {
    expect(formatCell({ type: "fraction", unit: "%" }, 0.7)).toBe("70%");
    expect(formatCell({ type: "number", unit: "t" }, 270000)).toBe("270,000 t");
    expect(formatCell({ type: "number" }, 2025)).toBe("2025");
    expect(formatCell({ type: "text" }, null)).toBe("–");
    expect(formatCell({ type: "text" }, "MoU")).toBe("MoU");
  });
});

describe("labels", () => {
  it("joins period and basis, skipping what is missing", () => {
    expect(factContext({ period: "FY25", basis: "magnets" })).toBe("FY25 · magnets");
    expect(factContext({ period: null, basis: "REO" })).toBe("REO");
  });

  it("writes the REE.FACT formula for an id", () => {
    expect(factFormula("india.repm.target_t")).toBe('=REE.FACT("india.repm.target_t")');
    expect(factFormula("india.repm.target_t", "low")).toBe(
      '=REE.FACT("india.repm.target_t","low")',
    );
  });

  it("writes the REE.TABLE formula for a table", () => {
    expect(tableFormula("partners")).toBe('=REE.TABLE("partners")');
  });

  it("names each source distinctly: publisher, title when none, year and subject when shared", () => {
    expect(sourceDisplayName("niice")).toBe("NIICE");
    expect(sourceDisplayName("nalco")).toBe(
      "Nalco Expands Beyond Aluminium Into Rare Earth Mining",
    );
    // Both USGS entries are Mineral Commodity Summaries 2025 tables: told apart by what they cover.
    expect(sourceDisplayName("usgs_mcs2025")).toBe(
      "U.S. Geological Survey 2025: world mine production and reserves",
    );
    expect(sourceDisplayName("usgs_mcs2025_imports")).toBe(
      "U.S. Geological Survey 2025: U.S. import sources (2020-23)",
    );
    expect(sourceDisplayName("no_such_source")).toBe("no_such_source");
  });
});
