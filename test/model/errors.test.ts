import { ModelError, naError, numError } from "../../src/model/errors";

test("a ModelError is an Error of its own type, with its kind, name, message and stack", () => {
  const error = numError("share must be a share from 0 to 1 (got 84).");
  expect(error).toBeInstanceOf(ModelError);
  expect(error).toBeInstanceOf(Error);
  expect(error.kind).toBe("num");
  expect(error.name).toBe("ModelError");
  expect(error.message).toBe("share must be a share from 0 to 1 (got 84).");
  expect(String(error)).toBe("ModelError: share must be a share from 0 to 1 (got 84).");
  expect(typeof error.stack).toBe("string");
  expect(new ModelError("div0", "x")).toBeInstanceOf(ModelError);
  expect(new Error("plain")).not.toBeInstanceOf(ModelError);
});

test("a long quoted text is cut in the message, not echoed whole", () => {
  // 201 characters quoted: the first 60, an ellipsis and the length.
  const long = "a".repeat(201);
  expect(naError(`Unknown fact id "${long}".`).message).toBe(
    `Unknown fact id "${"a".repeat(60)}…" (201 characters).`,
  );
});
