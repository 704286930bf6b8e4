/**
 * What the pane says after an action: Excel's quoting in every address, a count with the list one
 * step away, and one outcome at a time.
 */
import { configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { sheetReference } from "../../src/workbook/address";
import { FakeWorkbookPort } from "./fakePort";

configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(30_000);

describe("addresses as Excel writes them", () => {
  it("quotes a sheet name only where Excel does, doubling inner apostrophes", () => {
    expect(sheetReference({ sheet: "Sheet1", address: "B2" })).toBe("Sheet1!B2");
    expect(sheetReference({ sheet: "REE facts", address: "A1:M4" })).toBe("'REE facts'!A1:M4");
    expect(sheetReference({ sheet: "O'Brien", address: "A1" })).toBe("'O''Brien'!A1");
    // Names that read as a cell, a number or R1C1 need quotes too.
    expect(sheetReference({ sheet: "A1", address: "B2" })).toBe("'A1'!B2");
    expect(sheetReference({ sheet: "2025", address: "B2" })).toBe("'2025'!B2");
    expect(sheetReference({ sheet: "R1C1", address: "B2" })).toBe("'R1C1'!B2");
    expect(sheetReference({ sheet: "Supply-gap", address: "B2" })).toBe("'Supply-gap'!B2");
    expect(sheetReference({ sheet: "Inputs_2", address: "B2" })).toBe("Inputs_2!B2");
  });
});

describe("task pane: outcomes", () => {
  it("counts the named inputs and lists their names on request", async () => {
    const user = userEvent.setup();
    const port = new FakeWorkbookPort();
    render(<App port={port} host="preview" />);
    await user.click(screen.getByRole("tab", { name: "Insert" }));
    await user.click(await screen.findByRole("button", { name: "Insert named inputs" }));
    const title = await screen.findByText("Inserted", { selector: ".fui-MessageBarTitle" });
    const notice = title.closest("[data-outcome]") as HTMLElement;
    // Eleven inputs (REPM_Target_t ... INR_per_USD) under a header: 12 rows of 5 columns from the
    // fake's selection B2, so B2 to F13.
    expect(notice.textContent).toContain("11 named inputs on Sheet1!B2:F13;");
    expect(notice.textContent).not.toContain("REPM_Target_t,");
    await user.click(within(notice).getByText("Show the 11 names"));
    const names = within(within(notice).getByRole("list", { name: "Names" })).getAllByRole(
      "listitem",
    );
    expect(names).toHaveLength(11);
    expect(names[0].textContent).toBe("REPM_Target_t");
    expect(names[10].textContent).toBe("INR_per_USD");
  });

  it("shows one outcome at a time: starting another action clears the last one", async () => {
    const user = userEvent.setup();
    const deliver = jest.fn().mockResolvedValue("Saved as rare-earth-supply-model.xlsx.");
    render(<App port={new FakeWorkbookPort()} host="preview" deliverWorkbook={deliver} />);
    await user.click(screen.getByRole("tab", { name: "Insert" }));
    await user.click(await screen.findByRole("button", { name: "Insert function reference" }));
    await screen.findByText("Inserted", { selector: ".fui-MessageBarTitle" });
    await user.click(screen.getByRole("tab", { name: "Share" }));
    await user.click(await screen.findByRole("button", { name: "Download standalone workbook" }));
    await screen.findByText("Workbook ready", { selector: ".fui-MessageBarTitle" });
    await waitFor(() =>
      expect(screen.queryByText("Inserted", { selector: ".fui-MessageBarTitle" })).toBeNull(),
    );
    expect(document.querySelectorAll("[data-outcome]")).toHaveLength(1);
  });
});
