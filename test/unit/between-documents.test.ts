import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { forgetLastMatch, scavengeFirst, youngGeneration } from "../../src/batch/between-documents.js";

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

  // V8 keeps the subject of the last regular expression that matched: a line of the last document, a
  // slice of its whole text. Without forgetLastMatch the text outlives even a full collection.
  it("lets the last document's text go: the subject of the last regular-expression match", () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const used = () => getHeapStatistics().used_heap_size;
    // All in one synchronous run: any other match (of vitest, of Node) would replace the subject.
    const heldAfterCollecting = (forget: boolean) => {
      gc();
      const before = used();
      (() => {
        const text = `表1\t收支总表\n${"科学技术支出\t8,099\n".repeat(1_000_000)}`; // ~20 MB of UTF-16
        const line = text.slice(3, 40); // a slice: it points into the whole text
        expect(/收支总表/.test(line)).toBe(true);
      })();
      if (forget) forgetLastMatch();
      gc();
      return used() - before;
    };
    // (In this order: each call's baseline is measured with the previous call's text possibly still held.)
    expect(heldAfterCollecting(true)).toBeLessThan(1_000_000);
    expect(heldAfterCollecting(false)).toBeGreaterThan(15_000_000);
  });
});
