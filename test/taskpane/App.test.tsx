import { act, configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FACTS } from "../../src/data";
import { App } from "../../src/taskpane/App";
import { getCatalog } from "../../src/taskpane/browse/entries";
import { WorkbookError } from "../../src/workbook/port";
import { FakeWorkbookPort } from "./fakePort";

// The detail, insert and share views are lazy chunks: on a loaded machine they take more than
// the default second to arrive. This bounds waiting only; nothing here measures time.
configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(30_000);

function renderPane(port = new FakeWorkbookPort()) {
  const user = userEvent.setup();
  render(<App port={port} host="preview" />);
  return { user, port };
}

const factOptions = () =>
  within(screen.getByRole("listbox", { name: "Facts" })).getAllByRole("option");

async function search(user: ReturnType<typeof userEvent.setup>, text: string) {
  const box = screen.getByRole("searchbox", { name: "Search facts and reference tables" });
  await user.clear(box);
  await user.type(box, text);
}

describe("task pane: browse", () => {
  it("shows every fact and every table row before any search", () => {
    renderPane();
    const rows = getCatalog().rows.length;
    expect(screen.getByRole("status").textContent).toBe(
      `${FACTS.length} facts · ${rows.toLocaleString("en-US")} table rows`,
    );
    expect(factOptions()).toHaveLength(FACTS.length);
    expect(screen.getByText(/Every figure from the articles/)).toBeTruthy();
    const rowList = screen.getByRole("listbox", { name: "Reference table rows" });
    expect(within(rowList).getAllByRole("option")).toHaveLength(rows);
  });

  it("says so when nothing matches, and clears back to everything", async () => {
    const { user } = renderPane();
    await search(user, "zzqx");
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("No results"));
    expect(await screen.findByText(/Nothing matches “zzqx”/)).toBeTruthy();
    expect(screen.queryByRole("listbox")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Clear search and filters" }));
    await waitFor(() => expect(factOptions()).toHaveLength(FACTS.length));
  });

  it("marks claims whose sources disagree, and only those", async () => {
    const { user } = renderPane();
    await search(user, "processing share");
    await waitFor(() => expect(factOptions().length).toBeGreaterThanOrEqual(2));
    const disputed = factOptions().filter((o) => o.textContent?.includes("Sources disagree"));
    expect(disputed.map((o) => o.textContent)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("≈ 85%"),
        expect.stringContaining("over 90%"),
      ]),
    );
    await search(user, "reserves");
    await waitFor(() => expect(factOptions()[0].textContent).toContain("6,900,000 t"));
    expect(factOptions().some((o) => o.textContent?.includes("Sources disagree"))).toBe(false);
  });

  it("filters by topic and by source", async () => {
    const { user } = renderPane();
    await user.selectOptions(screen.getByRole("combobox", { name: "Topic" }), "trade & imports");
    await waitFor(() =>
      expect(factOptions()).toHaveLength(FACTS.filter((f) => f.topic === "trade & imports").length),
    );
    await user.selectOptions(
      screen.getByRole("combobox", { name: "Source" }),
      "usgs_mcs2025_imports",
    );
    await waitFor(() => expect(screen.queryByRole("listbox", { name: "Facts" })).toBeNull());
    const rows = within(screen.getByRole("listbox", { name: "Reference table rows" }));
    expect(rows.getAllByRole("option")[0].textContent).toContain("Import sources");
  });

  it("is usable from the keyboard: one tab stop per list, arrows move, Space selects, Enter opens, Escape returns", async () => {
    const { user } = renderPane();
    // jsdom cannot follow Fluent's focus management across tab stops; the browser test tabs
    // through the real page. Here: each list is one tab stop (roving tabindex) driven by keys.
    const stops = factOptions().filter((option) => option.tabIndex === 0);
    expect(stops).toEqual([factOptions()[0]]);
    act(() => factOptions()[0].focus());
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement).toBe(factOptions()[1]);
    await user.keyboard(" ");
    expect(factOptions()[1].getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tab", { name: "Insert (1)" })).toBeTruthy();
    expect(factOptions().filter((option) => option.tabIndex === 0)).toEqual([factOptions()[1]]);
    await user.keyboard("{End}");
    expect(document.activeElement).toBe(factOptions()[FACTS.length - 1]);
    await user.keyboard("{Home}{ArrowDown}{Enter}");
    // The second row of the first screen: the oxide the magnet target needs.
    const second = getCatalog().facts[1].fact;
    expect(second.id).toBe("india.ndpr_oxide.required_for_target_t");
    const heading = await screen.findByRole("heading", { level: 2, name: second.label });
    expect(document.activeElement).toBe(heading);
    await user.keyboard("{Escape}");
    await waitFor(() => expect(document.activeElement).toBe(factOptions()[1]));
  });
});

describe("task pane: detail", () => {
  it("shows the evidence, citation, other claims and the formula, and copies it", async () => {
    const { user } = renderPane();
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await search(user, "processing share");
    await waitFor(() => expect(factOptions().length).toBeGreaterThanOrEqual(2));
    const approx = factOptions().find((o) => o.textContent?.includes("≈ 85%"));
    await user.click(approx as HTMLElement);
    const detail = await screen.findByRole("article");
    expect(within(detail).getByText(/Other sources say otherwise/)).toBeTruthy();
    const formula = within(detail).getByRole("textbox", { name: "Formula" }) as HTMLInputElement;
    expect(formula.value).toMatch(/^=REE\.FACT\("china\.processing_share\.[a-z_]+"\)$/);
    expect(within(detail).getByText(/“.*85%.*”/)).toBeTruthy();
    await user.click(within(detail).getByRole("button", { name: "Copy" }));
    expect(writeText).toHaveBeenCalledWith(formula.value);
    expect(await within(detail).findByText(/Formula copied/)).toBeTruthy();
  });

  it("lists IREL's 400-500 t of neodymium capacity among the related figures of its 400 t of NdPr oxide, and back", async () => {
    const { user } = renderPane();
    await search(user, "NdPr oxide production");
    const oxide = await waitFor(() => {
      const found = factOptions().find((o) => o.textContent?.includes("400 t/yr"));
      expect(found).toBeTruthy();
      return found as HTMLElement;
    });
    await user.click(oxide);
    let detail = await screen.findByRole("article");
    let related = within(detail).getByRole("region", { name: "Related figures" });
    // Discovery Alert: "approximately 400-500 metric tons of neodymium annually".
    const capacity = within(related).getByRole("button", { name: /400.*500.*Nd$/ });
    expect(within(detail).getByText(/sit uneasily together/)).toBeTruthy();
    await user.click(capacity);
    detail = await screen.findByRole("article");
    expect(within(detail).getByRole("heading", { level: 2 }).textContent).toMatch(/neodymium/i);
    related = within(detail).getByRole("region", { name: "Related figures" });
    // The untitled REPM article: "just 400 MT/year of neodymium-praseodymium (NdPr) oxide".
    expect(within(related).getByRole("button", { name: /: 400 t\/yr .*NdPr oxide$/ })).toBeTruthy();
  });

  it("selects the formula text when the host blocks the clipboard", async () => {
    const { user } = renderPane();
    const writeText = jest.fn().mockRejectedValue(new Error("NotAllowedError"));
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await user.click(factOptions()[0]);
    const detail = await screen.findByRole("article");
    await user.click(within(detail).getByRole("button", { name: "Copy" }));
    expect(await within(detail).findByText(/press Ctrl\+C/)).toBeTruthy();
    expect(document.activeElement).toBe(within(detail).getByRole("textbox", { name: "Formula" }));
  });
});

describe("task pane: inserting", () => {
  it("asks before writing over data, then inserts on a new sheet and offers to select it", async () => {
    const port = new FakeWorkbookPort();
    port.probeIsEmpty = false;
    const { user } = renderPane(port);
    await user.click(factOptions()[0]);
    await user.click(await screen.findByRole("button", { name: "This figure as a cell" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText(/already holds data, so nothing was written/)).toBeTruthy();
    expect(port.applied).toHaveLength(0);
    await user.click(within(dialog).getByRole("button", { name: "Insert on a new sheet" }));
    expect(await screen.findByText("Inserted")).toBeTruthy();
    expect(port.applied).toHaveLength(1);
    expect(port.applied[0].newSheets.length).toBeGreaterThan(0);
    await user.click(screen.getByRole("button", { name: "Select inserted range" }));
    expect(port.selected).toHaveLength(1);
    expect(port.selected[0].sheet).toBe(port.applied[0].newSheets[0]);
  });

  it("writes nothing and says what to do when the user picks another cell", async () => {
    const port = new FakeWorkbookPort();
    port.probeIsEmpty = false;
    const { user } = renderPane(port);
    await user.click(screen.getByRole("tab", { name: "Insert" }));
    await user.click(await screen.findByRole("button", { name: /^Insert \d+ facts$/ }));
    const dialog = await screen.findByRole("alertdialog");
    await user.click(within(dialog).getByRole("button", { name: "Cancel and pick another cell" }));
    expect(await screen.findByText("Nothing was inserted")).toBeTruthy();
    expect(
      // In the notice; the live region reads the same words out.
      screen.getByText(/Select an empty cell in the workbook, then insert again/, {
        ignore: '[data-testid="outcome-announcer"]',
      }),
    ).toBeTruthy();
    expect(port.applied).toHaveLength(0);
  });

  it("shows Excel's error with what to do, in an error bar", async () => {
    const port = new FakeWorkbookPort();
    port.failure = new WorkbookError(
      "The sheet is protected.",
      "Unprotect it (Review > Unprotect Sheet) or choose another sheet, then insert again.",
    );
    const { user } = renderPane(port);
    await user.click(screen.getByRole("tab", { name: "Insert" }));
    await user.click(await screen.findByRole("button", { name: "Insert model sheet" }));
    expect(await screen.findByText("The sheet is protected.")).toBeTruthy();
    expect(screen.getByText(/Unprotect it \(Review > Unprotect Sheet\)/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Dismiss" }));
    await waitFor(() => expect(screen.queryByText("The sheet is protected.")).toBeNull());
  });

  it("explains an unexpected failure too", async () => {
    const port = new FakeWorkbookPort();
    port.failure = new Error("RichApi.Error: GeneralException");
    const { user } = renderPane(port);
    await user.click(screen.getByRole("tab", { name: "Insert" }));
    await user.click(await screen.findByRole("button", { name: "Insert function reference" }));
    expect(
      await screen.findByText(
        /Excel could not complete the request: RichApi.Error: GeneralException/,
      ),
    ).toBeTruthy();
    expect(screen.getByText(/Try again/)).toBeTruthy();
  });

  it("inserts the selected facts, live or static", async () => {
    const port = new FakeWorkbookPort();
    const { user } = renderPane(port);
    await user.click(within(factOptions()[0]).getByTestId("row-check"));
    await user.click(within(factOptions()[2]).getByTestId("row-check"));
    await user.click(screen.getByRole("tab", { name: "Insert (2)" }));
    await user.click(await screen.findByRole("radio", { name: /Static values/ }));
    await user.click(screen.getByRole("button", { name: "Insert 2 facts" }));
    expect(await screen.findByText("Inserted")).toBeTruthy();
    const cells = port.applied[0].blocks.flatMap((block) => block.cells.flat());
    expect(cells.some((cell) => cell.kind === "formula" && cell.formula.includes("REE.FACT"))).toBe(
      false,
    );
  });
});

describe("task pane: host", () => {
  afterEach(() => {
    Reflect.deleteProperty(window, "matchMedia");
    Reflect.deleteProperty(globalThis, "Office");
  });

  it("follows Office's dark theme inside Excel", async () => {
    Object.defineProperty(globalThis, "Office", {
      configurable: true,
      value: { context: { officeTheme: { bodyBackgroundColor: "#262626" } } },
    });
    await act(async () => {
      render(<App port={new FakeWorkbookPort()} host="excel" />);
    });
    expect(document.querySelector("[data-theme]")?.getAttribute("data-theme")).toBe("dark");
  });

  it("says which Excel features are missing", async () => {
    render(
      <App
        port={new FakeWorkbookPort()}
        host="excel"
        warnings={["Excel 2016 cannot create tables from the add-in: update Office."]}
      />,
    );
    expect(await screen.findByText("This Excel lacks a feature the add-in uses")).toBeTruthy();
    expect(screen.getByText(/update Office/)).toBeTruthy();
  });

  it("follows a dark system theme in the preview", async () => {
    Object.defineProperty(window, "matchMedia", {
      configurable: true,
      value: (query: string) => ({
        matches: query.includes("dark"),
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }),
    });
    await act(async () => {
      render(<App port={new FakeWorkbookPort()} host="preview" />);
    });
    expect(document.querySelector("[data-theme]")?.getAttribute("data-theme")).toBe("dark");
  });
});
