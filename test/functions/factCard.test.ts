/**
 * =REE.FACT(id, "card"): the fact's citation card where custom functions can return entity values
 * (CustomFunctionsRuntime 1.4), the plain figure elsewhere (older Excel, the preview's engine).
 */
import { factById, type Fact } from "../../src/data";
import { fact } from "../../src/functions/functions";
import { factCard } from "../../src/model/card";
import { cellValueProblems } from "../excel/entities";

const withRuntime = (supported: string[]) => {
  Object.assign(globalThis, {
    Office: {
      context: {
        requirements: {
          isSetSupported: (set: string, version: string) => supported.includes(`${set} ${version}`),
        },
      },
    },
  });
};

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

test("with CustomFunctionsRuntime 1.4: the card, the same JSON an insert writes", async () => {
  withRuntime(["CustomFunctionsRuntime 1.4"]);
  const card = await fact(" India.NdPr_Oxide.Production_t ", "Card");
  expect(card).toEqual(factCard(factById("india.ndpr_oxide.production_t") as Fact));
  expect(cellValueProblems(card)).toEqual([]);
});

test("with a vintage: the card of that version's figure, saying which version", async () => {
  withRuntime(["CustomFunctionsRuntime 1.4"]);
  const card = (await fact("india.ndpr_oxide.production_t", "card", "1.0.0")) as ReturnType<
    typeof factCard
  >;
  // 1.0.0 gave IREL's NdPr oxide as 400 t/yr too (src/data/history.json records no change).
  expect(card.properties.Value.basicValue).toBe(400);
  expect(card.properties["Data version"].basicValue).toBe("1.0.0");
});

test("without it (Excel 2024 or 2021 bought outright, the preview): the plain figure, as FACT(id) gives", () => {
  withRuntime(["CustomFunctionsRuntime 1.1"]);
  expect(fact("india.ndpr_oxide.production_t", "card")).toBe(400);
  delete (globalThis as { Office?: unknown }).Office;
  expect(fact("india.ndpr_oxide.production_t", "card")).toBe(400);
});

test("an unknown id is still #N/A, card or not", () => {
  withRuntime(["CustomFunctionsRuntime 1.4"]);
  expect(() => fact("india.nothing", "card")).toThrow();
});
