import { describe, expect, it } from "vitest";
import { roleParent } from "../../src/model/queries.js";
import { templates } from "../../src/templates/index.js";
import type { TableKind } from "../../src/model/document.js";

/* roleParent remembers its answers: asked again, for any template, it must still answer as the templates say. */
describe("roleParent: the parent of an item role, as the document's template declares it", () => {
  // The answer worked out directly: the document's template first, then the others in order.
  const reference = (kind: TableKind, role: string, template?: string): string | null => {
    const order = template ? [...templates.filter((t) => t.name === template), ...templates.filter((t) => t.name !== template)] : templates;
    for (const tpl of order) for (const t of tpl.tables) if (t.kind === kind) for (const r of t.roles ?? []) if (r.role === role) return r.parent ?? null;
    return null;
  };
  const questions: [TableKind, string][] = [];
  for (const tpl of templates) for (const t of tpl.tables) for (const r of t.roles ?? []) questions.push([t.kind, r.role]);

  it("gives every template's answer, the first time and from memory, and null for a role no template has", () => {
    expect(questions.length).toBeGreaterThan(20);
    for (let round = 0; round < 2; round++)
      for (const template of [undefined, ...templates.map((t) => t.name), "no-such-template"])
        for (const [kind, role] of questions) expect(roleParent(kind, role, template), `${template} ${kind} ${role}`).toBe(reference(kind, role, template));
    expect(roleParent("summary", "no-such-role", "shenzhen")).toBeNull();
  });
});
