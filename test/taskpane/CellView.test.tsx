/**
 * The Cell view in the pane, against the preview workbook: it follows the selection, traces the
 * model's gap to its three facts, says why an error cell shows its error, and builds a formula
 * into an empty cell. 6,000 t/yr target, 400 t/yr oxide, 400 / 1,200 = 1/3 t oxide per t magnet;
 * 400 / 2,000 = 0.2.
 */
import { configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createPreviewWorkbook } from "../../src/preview/workbook";
import { App } from "../../src/taskpane/App";
import { insertModelSheet } from "../../src/workbook/actions";
import { parseCell } from "../../src/workbook/address";
import { formulaCells } from "../../src/workbook/reads";

configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(30_000);

async function modelBook() {
  const book = createPreviewWorkbook();
  await insertModelSheet(book.port);
  const blocks = await book.port.readCells({ sheets: ["Supply gap model"] });
  const gap = formulaCells(blocks).find((cell) => /^=REE\.NDPR_GAP\([^"]*\)$/.test(cell.formula));
  if (!gap) throw new Error("no gap cell");
  return { book, gap };
}

describe("the Cell view", () => {
  it("traces the selected gap cell to its facts, explains an error and builds a formula", async () => {
    const { book, gap } = await modelBook();
    await book.port.select(gap);
    const user = userEvent.setup();
    render(<App port={book.port} host="preview" />);
    await user.click(screen.getByRole("tab", { name: "Cell" }));
    const heading = await screen.findByTestId("cell-heading");
    expect(heading.textContent).toContain(`'Supply gap model'!${gap.address}`);
    const facts = await screen.findAllByTestId("trace-fact");
    // The scheme's capacity (5 beneficiaries x up to 1,200 t), the domestic oxide and the ratio.
    expect(facts.map((fact) => fact.dataset.fact)).toEqual([
      "india.repm_scheme.beneficiaries_count",
      "india.repm_scheme.capacity_per_beneficiary_t",
      "india.ndpr_oxide.production_t",
      "ndpr.oxide_per_magnet_t",
    ]);
    expect(facts[1].textContent).toContain("1,200");
    expect(facts[1].textContent).not.toContain("Sources disagree");

    // A fact opens its detail in Browse; the Cell tab reads the selection again on return.
    await user.click(
      screen.getByRole("button", { name: "Open fact india.ndpr_oxide.production_t" }),
    );
    expect((await screen.findByRole("article")).textContent).toContain("IREL");
    await user.click(screen.getByRole("tab", { name: "Cell" }));
    await screen.findAllByTestId("trace-row");

    // The ratio set to 0: the gap shows #NUM!, and the view says which cell to change.
    const rowLabelled = (label: string) =>
      screen
        .getAllByTestId("trace-row")
        .find((row) => row.textContent?.includes(label)) as HTMLElement;
    const ratio = rowLabelled("NdPr oxide per tonne of magnet");
    const ratioAddress = within(ratio).getAllByRole("button")[0].textContent as string;
    const oxideRow = rowLabelled("Domestic NdPr oxide output");
    const oxideAddress = within(oxideRow).getAllByRole("button")[0].textContent as string;
    book.setCell(gap.sheet, ratioAddress, "0");
    await book.port.select({ ...gap });
    await waitFor(() =>
      expect(screen.getByTestId("cell-error").textContent).toContain(
        `oxide_per_magnet: ${ratioAddress} holds 0.`,
      ),
    );

    // Build =REE.SELF_SUFFICIENCY(400,2000) into an empty cell.
    await book.port.select({ sheet: gap.sheet, address: "L40" });
    await waitFor(() => expect(screen.getByText(/The cell is empty/)).toBeTruthy());
    await user.type(screen.getByRole("searchbox", { name: /Find a function/ }), "self sufficiency");
    await user.click(
      await screen.findByRole("button", { name: "REE.SELF_SUFFICIENCY(domestic, demand)" }),
    );
    const inputs = document.querySelectorAll<HTMLInputElement>("input[data-parameter]");
    // domestic from a selected cell: the model's domestic oxide input, 400.
    await book.port.select({ sheet: gap.sheet, address: oxideAddress });
    await user.click(
      await screen.findByRole("button", {
        name: `Fill domestic with the selected cell, 'Supply gap model'!${oxideAddress}`,
      }),
    );
    await user.type(inputs[1], "2,000");
    expect(screen.getByTestId("built-formula").textContent).toBe(
      `=REE.SELF_SUFFICIENCY(${oxideAddress},2000)`,
    );
    expect(screen.getByTestId("built-result").textContent).toBe("Result: 0.2");
    await user.click(screen.getByRole("button", { name: "Insert into 'Supply gap model'!L40" }));
    const { row, column } = parseCell("L40");
    await waitFor(() => {
      const model = book.sheets().find((sheet) => sheet.name === gap.sheet);
      expect(model?.cells[row]?.[column]).toMatchObject({ value: 0.2 });
    });
  });
});
