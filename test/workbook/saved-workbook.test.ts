/**
 * A saved workbook (the preview's ?workbook=): what it must hold, and where it may come from.
 * Opening the real one, written by data 1.0.0, is test/data/vintage-1.0.0.test.ts.
 */
import { fetchSavedWorkbook, readSavedWorkbook } from "../../src/preview/savedWorkbook";
import { WorkbookError, emptyWritePlan } from "../../src/workbook/port";

const plan = emptyWritePlan();

describe("a saved workbook", () => {
  it("is a data version and a list of plans", () => {
    expect(readSavedWorkbook({ dataVersion: "1.0.0", plans: [plan] })).toEqual({
      note: "",
      dataVersion: "1.0.0",
      plans: [plan],
    });
  });

  it.each([
    [null, "it is not a JSON object"],
    [{ plans: [] }, "it names no data version"],
    [{ dataVersion: "1.0.0" }, "it has no list of plans"],
    [{ dataVersion: "1.0.0", plans: [plan, { ...plan, names: "x" }] }, "plan 2 has no names list"],
  ])("refuses %j: %s", (json, why) => {
    expect(() => readSavedWorkbook(json)).toThrow(
      new WorkbookError(`This is not a saved workbook: ${why}.`, ""),
    );
  });

  it("comes only from the preview's own origin, and only when the address names one", async () => {
    const page = "http://127.0.0.1:8080/preview.html";
    await expect(fetchSavedWorkbook(new URL(page))).resolves.toBeNull();
    await expect(
      fetchSavedWorkbook(new URL(`${page}?workbook=https://example.com/book.json`)),
    ).rejects.toThrow(/https:\/\/example\.com is not this preview's origin/);
  });
});
