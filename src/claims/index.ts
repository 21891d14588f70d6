import type { BudgetDocument } from "../model/document.js";
import { extractClaims } from "./extract.js";
import type { Claim, ClaimOf, Claims } from "./types.js";

export type * from "./types.js";

const cache = new WeakMap<BudgetDocument, Claims>();
const previous = new WeakMap<BudgetDocument, BudgetDocument>();

/** The claims of a document's written parts, extracted once per document. */
export function claimsOf(doc: BudgetDocument): Claims {
  let c = cache.get(doc);
  if (!c) {
    c = extractClaims(doc);
    cache.set(doc, c);
  }
  return c;
}

/**
 * Drops a checked document's claims. V8's scavenger keeps a WeakMap's values alive while the map is in
 * the old generation, whether or not their key still is: until the next full collection, each checked
 * document's claims, and through them its text, survived the scavenges of the documents after it (110 of
 * the 346 kB per document that survived a scavenge in a batch worker; docs/performance.md, "Twelfth
 * pass"). checkPackage calls this once the document's report is made.
 */
export function forgetClaims(doc: BudgetDocument): void {
  cache.delete(doc);
}

/** The claims of one kind, in printed order. */
export function claimsOfKind<K extends Claim["kind"]>(doc: BudgetDocument, kind: K): ClaimOf<K>[] {
  return claimsOf(doc).claims.filter((c): c is ClaimOf<K> => c.kind === kind);
}

/** Links last year's document (--previous) to this year's, for the year-on-year claims of the text. */
export function setPrevious(doc: BudgetDocument, prev: BudgetDocument): void {
  previous.set(doc, prev);
}

export function previousOf(doc: BudgetDocument): BudgetDocument | undefined {
  return previous.get(doc);
}
