import { packRecords, unpackRecords } from "../../src/data/records";

const roundTrip = (value: unknown) => unpackRecords(JSON.parse(JSON.stringify(packRecords(value))));

test("records pack to their shared keys and a column per key, and unpack to the same records", () => {
  const facts = [
    { id: "a", value: 1, note: null },
    { id: "b", value: 2, note: "x", derived: true },
    { id: "c", value: 3, note: null },
  ];
  expect(packRecords(facts)).toEqual({
    "\u0001records": ["id", "value", "note"],
    columns: [
      ["a", "b", "c"],
      [1, 2, 3],
      [null, "x", null],
    ],
    own: { 1: { derived: true } },
  });
  expect(roundTrip(facts)).toEqual(facts);
});

test("nested arrays, records without a shared key, single records and plain values survive", () => {
  const data = {
    releases: [
      { version: "1.0.0", changes: [] },
      {
        version: "1.1.0",
        changes: [
          { id: "a", previous: null },
          { id: "b", previous: { value: 1 } },
        ],
      },
    ],
    disjoint: [{ a: 1 }, { b: 2 }],
    one: [{ a: 1 }],
    numbers: [1, 2, 3],
  };
  expect(roundTrip(data)).toEqual(data);
});
