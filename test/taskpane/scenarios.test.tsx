/**
 * The pane's scenario choices: each button sends its insert request with the defaults,
 * and the Indian presentation switch makes the pane group figures in lakh and crore.
 */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { formatAmount } from "../../src/taskpane/format";
import type { InsertRequest } from "../../src/taskpane/insert/insert";
import { ScenarioSection } from "../../src/taskpane/insert/scenarios/ScenarioSection";
import {
  currentPresentation,
  setIndianPresentation,
} from "../../src/taskpane/insert/scenarios/presentation";

jest.setTimeout(30_000);

function setup() {
  const sent: InsertRequest[] = [];
  render(<ScenarioSection placement="selection" busy={false} onInsert={(r) => sent.push(r)} />);
  return { sent, user: userEvent.setup() };
}

afterEach(() => setIndianPresentation(false));

it("sends the default grid: target 3,000-9,000 by 1,000 across, oxide 200-1,000 by 100 down", async () => {
  const { sent, user } = setup();
  await user.click(screen.getByRole("button", { name: "Insert sensitivity grid" }));
  expect(sent).toEqual([
    {
      kind: "grid",
      placement: "selection",
      grid: {
        result: "oxide_gap",
        across: { input: "magnet_target", steps: { from: 3000, to: 9000, step: 1000 } },
        down: { input: "domestic_oxide", steps: { from: 200, to: 1000, step: 100 } },
      },
    },
  ]);
});

it("sends a break-even of the oxide that closes the gap, and the other inserts", async () => {
  const { sent, user } = setup();
  await user.click(screen.getByRole("button", { name: "Insert break-even" }));
  await user.click(screen.getByRole("button", { name: "Insert scenario block" }));
  await user.click(screen.getByRole("button", { name: "Insert tornado" }));
  expect(sent).toEqual([
    {
      kind: "break-even",
      placement: "selection",
      breakEven: { result: "oxide_gap", input: "domestic_oxide", target: 0 },
    },
    { kind: "scenarios", placement: "selection" },
    { kind: "tornado", result: "oxide_gap", placement: "selection" },
  ]);
});

it("the Indian presentation switch: every insert and the pane's figures in lakh and crore", async () => {
  const { user } = setup();
  expect(formatAmount(6_900_000, "t")).toBe("6,900,000 t");
  await user.click(screen.getByRole("switch", { name: /Indian presentation/ }));
  expect(currentPresentation()).toEqual({ indian: true });
  expect(formatAmount(6_900_000, "t")).toBe("69,00,000 t");
  expect(formatAmount(-123_456_789.5, "t")).toBe("-12,34,56,789.5 t");
});
