import type { BudgetDocument, Row } from "./document.js";
import { normaliseName } from "./names.js";

/** Every (code → printed names) pair of one classification found in the document's coded rows. */
export function codeNames(doc: BudgetDocument, kind: "function" | "economic"): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const t of doc.tables)
    for (const r of t.rows)
      if (r.kind === "code" && r.codeKind === kind && r.code && r.name) {
        const set = map.get(r.code) ?? new Set<string>();
        set.add(normaliseName(r.name));
        map.set(r.code, set);
      }
  return map;
}

/**
 * 表1 / 表6 print expenditure items by name only. Each name is resolved to its function code through the
 * document's own code–name pairs, walking the items in printed order so the 类 / 款 / 项 hierarchy is known:
 * `一、` marks a 类; a name then resolves to a 款 of the current 类 or a 项 of the current 款.
 */
export function resolveItemCodes(doc: BudgetDocument): void {
  const names = codeNames(doc, "function");
  const byName = new Map<string, string[]>();
  for (const [code, set] of names) for (const n of set) byName.set(n, [...(byName.get(n) ?? []), code]);
  for (const t of doc.tables) {
    if (t.kind !== "summary" && t.kind !== "allocation-summary") continue;
    let lei: string | null = null;
    let kuan: string | null = null;
    for (const r of t.rows) {
      if (r.side !== "expenditure" || r.kind !== "item" || r.role) continue;
      const name = normaliseName(r.name ?? "");
      // A 类 whose name's last line (支出) was lost (二、社会保障和就业 / figures / 支出, the line taken for a header's words):
      // the 类 of that name with 支出.
      const candidates = byName.get(name) ?? (r.level === 1 && !name.endsWith("支出") ? (byName.get(`${name}支出`) ?? []) : []);
      let code: string | undefined;
      if (r.level === 1) code = candidates.find((c) => c.length === 3);
      else {
        const asKuan = candidates.find((c) => c.length === 5 && (!lei || c.startsWith(lei)));
        const asXiang = candidates.find((c) => c.length === 7 && (!kuan || c.startsWith(kuan)) && (!lei || c.startsWith(lei)));
        // A 款 and its 项 can share a name: the 款 comes first.
        code = asKuan && asKuan !== kuan ? asKuan : asXiang ?? asKuan ?? candidates.find((c) => c.length === 3);
      }
      if (!code) continue;
      setCode(r, code);
      if (code.length === 3) {
        lei = code;
        kuan = null;
      } else if (code.length === 5) {
        lei = code.slice(0, 3);
        kuan = code;
      }
    }
  }
}

function setCode(r: Row, code: string) {
  r.code = code;
  r.codeKind = "function";
  r.level = code.length === 3 ? 1 : code.length === 5 ? 2 : 3;
}
