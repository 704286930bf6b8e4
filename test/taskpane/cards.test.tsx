/**
 * The "Cells hold" choice offers citation cards where the host stores them, and where it does not
 * (no ExcelApi 1.16) says why and offers values with a cell note instead: never a silent swap.
 */
import { configure, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { FakeWorkbookPort } from "./fakePort";

configure({ asyncUtilTimeout: 5_000 });
jest.setTimeout(30_000);

async function openInsert(port: FakeWorkbookPort) {
  const user = userEvent.setup();
  render(<App port={port} host="preview" />);
  await user.click(screen.getByRole("tab", { name: "Insert" }));
  await screen.findByRole("radiogroup", { name: "Cells hold" });
  return user;
}

test("cards: the model sheet's inputs and the facts table's figures become cards", async () => {
  const port = new FakeWorkbookPort();
  const user = await openInsert(port);
  await user.click(screen.getByRole("radio", { name: /^Citation cards/ }));
  await user.click(screen.getByRole("button", { name: "Insert model sheet" }));
  await waitFor(() => expect(port.applied).toHaveLength(1));
  const cards = port.applied[0].cards ?? [];
  expect(cards.length).toBeGreaterThan(0);
  expect(cards.every((card) => card.card.type === "Entity")).toBe(true);
  await user.click(screen.getByRole("button", { name: /^Insert \d+ facts$/ }));
  await waitFor(() => expect(port.applied).toHaveLength(2));
  expect(port.applied[1].cards?.length).toBeGreaterThan(0);
  expect(port.applied[1].blocks[0].cells[1][2]).toMatchObject({ kind: "value" });
});

test("a host without cards: the pane says why and offers values with a cell note", async () => {
  const port = new FakeWorkbookPort();
  port.cards = {
    ok: false,
    reason: "This version of Excel cannot store cards in cells (ExcelApi 1.16).",
  };
  const user = await openInsert(port);
  expect(screen.queryByRole("radio", { name: /^Citation cards/ })).toBeNull();
  const noted = screen.getByRole("radio", { name: "Values with the citation in a cell note" });
  expect(
    screen.getByRole("radiogroup", { name: "Cells hold" }).getAttribute("aria-describedby"),
  ).toBeTruthy();
  expect(
    screen.getByText(/cannot store cards in cells \(ExcelApi 1.16\)\. Values with a cell note/),
  ).toBeTruthy();
  await user.click(noted);
  await user.click(screen.getByRole("button", { name: "Insert named inputs" }));
  await waitFor(() => expect(port.applied).toHaveLength(1));
  expect(port.applied[0].cards).toBeUndefined();
  expect(port.applied[0].notes?.length).toBe(11);
});
