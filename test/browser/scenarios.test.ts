/**
 * The sensitivity grid end to end in headless Chromium against the built preview (dist-preview/):
 * the pane's default grid lands at the selected cell as formulas, and the grid shows what
 * HyperFormula computes from them: 6,000 / 3 - 400 = 1,600 and 5,000 / 3 - 500 = 1,166.67.
 */
import { usePreview } from "./harness";

jest.setTimeout(120_000);

const preview = usePreview({
  ready: ({ sheetTab }) => sheetTab("Sheet1").waitFor(),
});
const { cell } = preview;

it("inserts the default grid and reads 1,600 at 6,000 x 400 and 1,166.67 at 5,000 x 500", async () => {
  await preview.insert("Insert sensitivity grid");
  // From A1: title, note, the header and oxide per magnet, a blank row, then targets 3,000 (B) to
  // 9,000 (H) in row 6 and oxide 200 (row 7) to 1,000 (row 15) in column A.
  await expect(cell("E6").textContent()).resolves.toBe("6,000 t/yr");
  await expect(cell("A9").textContent()).resolves.toBe("400 t/yr");
  await expect(cell("E9").textContent()).resolves.toBe("1,600.00");
  await expect(cell("D10").textContent()).resolves.toBe("1,166.67");
  expect(await cell("E9").getAttribute("title")).toBe("=REE.NDPR_GAP(E$6,$A9,$B$4)");
  // Corners: 3,000 / 3 - 200 = 800; 9,000 / 3 - 1,000 = 2,000.
  await expect(cell("B7").textContent()).resolves.toBe("800.00");
  await expect(cell("H15").textContent()).resolves.toBe("2,000.00");
  expect(preview.offHost).toEqual([]);
});
