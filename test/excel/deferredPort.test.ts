/**
 * The pane's port loads the Office.js port on its first call and then is that port: the same
 * requests, the same syncs, the same answers.
 */
import { FACTS } from "../../src/data";
import { createExcelPort } from "../../src/excel";
import { createDeferredExcelPort } from "../../src/excel/deferredPort";
import { insertFacts } from "../../src/workbook/actions";
import { installExcelMock } from "./mockExcel";

/** Writes without each insert's own random id. */
const withoutInsertId = (writes: unknown[]) =>
  JSON.parse(JSON.stringify(writes).replace(/\\"insert\\":\\"[^\\]*\\"/g, "insert"));

const fresh = () => installExcelMock({ sheets: ["Sheet1"], selection: "Sheet1!B2" });

it("reads and writes as the Office.js port does", async () => {
  const direct = fresh();
  const directOutcome = await insertFacts(createExcelPort(), FACTS.slice(0, 3), {
    live: true,
    placement: "selection",
  });
  const deferred = fresh();
  const deferredOutcome = await insertFacts(createDeferredExcelPort(), FACTS.slice(0, 3), {
    live: true,
    placement: "selection",
  });
  expect(deferredOutcome).toEqual(directOutcome);
  expect(withoutInsertId(deferred.writes)).toEqual(withoutInsertId(direct.writes));
  expect(deferred.syncs()).toBe(direct.syncs());
});

it("answers a snapshot as the Office.js port does", async () => {
  fresh();
  const expected = await createExcelPort().snapshot({ probe: { rows: 2, columns: 2 } });
  fresh();
  expect(await createDeferredExcelPort().snapshot({ probe: { rows: 2, columns: 2 } })).toEqual(
    expected,
  );
});
