import { describe, expect, it } from "vitest";
import { scavengeFirst, youngGeneration } from "../../src/batch/between-documents.js";

// When a batch worker scavenges before a document (src/batch/between-documents.ts): the decision alone.
// test/e2e/worker-heap.test.ts checks that a batch's worker really does it.
describe("a scavenge between documents", () => {
  const space = (name: string, used: number, available: number) => ({ space_name: name, space_size: 2 * (used + available), space_used_size: used, space_available_size: available, physical_space_size: used });

  it("is made when the young generation is more than half full, and not at half or less", () => {
    expect(scavengeFirst({ used: 6, capacity: 10 })).toBe(true);
    expect(scavengeFirst({ used: 5, capacity: 10 })).toBe(false);
    expect(scavengeFirst({ used: 0, capacity: 10 })).toBe(false);
  });

  it("is not made when V8 gives no young generation, or an empty one", () => {
    expect(scavengeFirst(null)).toBe(false);
    expect(scavengeFirst({ used: 0, capacity: 0 })).toBe(false);
  });

  it("reads the young generation as V8's new space: used, and used + available as its capacity", () => {
    expect(youngGeneration([space("old_space", 9, 1), space("new_space", 3, 5)])).toEqual({ used: 3, capacity: 8 });
    expect(youngGeneration([space("old_space", 9, 1)])).toBeNull();
    // This process's own heap has one.
    const own = youngGeneration();
    expect(own?.capacity).toBeGreaterThan(0);
  });
});
