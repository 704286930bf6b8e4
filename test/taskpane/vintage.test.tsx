/**
 * The Share tab's data vintage for a facts table inserted as values with data 1.0.0 (figures by
 * hand in test/data/fixtures/data-1.0.0.ts), against the preview workbook: the list of changed
 * figures says when a range changed, the list to confirm names each Low and High cell, and the
 * outcome counts them.
 */
import { configure, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { App } from "../../src/taskpane/App";
import { insertFacts } from "../../src/workbook/actions";
import { DATA_100, FACTS_AT_100 } from "../data/fixtures/data-1.0.0";

configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(30_000);

/** The text of each body row of the pane table `label`. */
const rowsOf = async (label: string) =>
  within(await screen.findByRole("table", { name: label }))
    .getAllByRole("row")
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    );

it("lists a changed range, then each Low and High cell it will write, and counts them", async () => {
  const book = createPreviewWorkbook();
  await insertFacts(book.port, FACTS_AT_100, {
    live: false,
    placement: "selection",
    data: DATA_100,
  });
  const user = userEvent.setup();
  render(<App port={book.port} host="preview" />);
  await user.click(screen.getByRole("tab", { name: "Share" }));

  // Columns: Update (a checkbox), Figure, Pinned, Now, Source. The rate kept its figure, ₹86.77
  // per US$ (13,450,000,000 / 155,000,000 = 86.774), and gained the range 86.46-87.09; FY25
  // imports went from "over 53,000 t" (low 53,000) to 53,700 t, stated exactly with no range.
  expect((await rowsOf("Figures that changed")).map((row) => row.slice(1, 4))).toEqual([
    [
      "INR/USD rate implied by the PLI outlay",
      "₹86.77 per US$",
      "₹86.77 per US$; range ₹86.46–87.09 per US$ (was none)",
    ],
    ["India's rare earth magnet imports", "53,000 t", "53,700 t; no range (was at least 53,000 t)"],
  ]);

  await user.click(screen.getByRole("button", { name: "Update to current" }));
  expect(await rowsOf("Cells that will change")).toEqual([
    ["Sheet1!D2", "INR/USD rate implied by the PLI outlay: Low", "empty", "₹86.46 per US$"],
    ["Sheet1!E2", "INR/USD rate implied by the PLI outlay: High", "empty", "₹87.09 per US$"],
    ["Sheet1!C3", "India's rare earth magnet imports", "53,000 t", "53,700 t"],
    ["Sheet1!D3", "India's rare earth magnet imports: Low", "53,000 t", "empty"],
  ]);
  await user.click(screen.getByRole("button", { name: "Confirm update" }));
  await screen.findByText(
    "Updated to data 1.1.0: 1 value, 3 Low/High cells and 0 formulas changed.",
  );
});
