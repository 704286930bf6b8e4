/**
 * Runs `task` once the browser has nothing more urgent to do, and returns a function that cancels
 * it. WebKit (Excel on Mac) has no requestIdleCallback, so there a short timer stands in.
 */
export function runWhenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === "function") {
    const handle = requestIdleCallback(() => task(), { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 200);
  return () => clearTimeout(handle);
}
