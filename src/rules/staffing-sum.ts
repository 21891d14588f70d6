import { claimsOfKind } from "../claims/index.js";
import type { StaffingField } from "../claims/types.js";
import type { Rule } from "../engine/types.js";
import { makeCount } from "../model/amount.js";
import { mapArray } from "../util/arrays.js";

const FIELDS: [StaffingField, string, string][] = [
  ["admin", "行政编制", "administrative posts"],
  ["adminActual", "行政编制实有在编人数", "administrative staff in post"],
  ["service", "事业编制", "public-service posts"],
  ["serviceActual", "事业编制实有在编人数", "public-service staff in post"],
  ["retiredCadres", "离休", "retired cadres (离休)"],
  ["retired", "退休", "retired staff (退休)"],
];

export const staffingSum: Rule = {
  id: "staffing-sum",
  defaultSeverity: "error",
  // A province's reader's statements (部门概况), or a head count split by category anywhere (splits.ts).
  requires: { text: ["staffing", "base-units", "headcount-split"] },
  description: "部门概况: each unit's staffing (编制, 实有在编, 离休, 退休) sums to the system totals; a head count equals its categories listed after 其中 (编制人数 = 行政编制 + 事业编制, 离退休 = 离休 + 退休, 预算单位 = 行政单位 + 事业单位 …); the number of 基层单位 matches the units listed.",
  descriptionZh: "部门概况：各单位编制数、实有在编人数、离休、退休人数之和等于系统总数；“其中”后按类别列出的人数之和等于该人数（编制人数 = 行政编制 + 事业编制，离退休 = 离休 + 退休，预算单位 = 行政单位 + 事业单位 …）；基层单位数与所列单位一致。",
  check(doc, ctx) {
    const staffing = claimsOfKind(doc, "staffing");
    const system = staffing.find((s) => s.unit === null);
    const units = staffing.filter((s) => s.unit !== null);
    if (system && units.length)
      for (const [field, zh, en] of FIELDS) {
        const total = system.counts[field];
        const parts = mapArray(units, (u) => u.counts[field]);
        if (!total || parts.some((p) => !p)) continue;
        ctx.sum({ subject: { table: "text", item: zh }, total, parts: mapArray(parts, (amount) => ({ amount: amount! })), relation: { zh: `各单位${zh}之和`, en: `the sum of the units' ${en}` } });
      }
    // 编制人数 N 人，其中：行政编制 a 人、事业编制 b 人 (and 实有, 离退休): the categories add up to the count.
    for (const h of claimsOfKind(doc, "headcount-split"))
      ctx.sum({
        subject: { table: "text", item: h.label },
        total: h.count,
        parts: mapArray(h.parts, (x) => ({ amount: x.count })),
        relation: { zh: mapArray(h.parts, (x) => x.label).join(" + "), en: `the sum of the categories listed (${mapArray(h.parts, (x) => x.label).join(" + ")})` },
      });
    for (const b of claimsOfKind(doc, "base-units")) {
      if (b.names.length > 1 && !b.abbreviated)
        ctx.equal({ table: "text", item: b.label ?? "基层单位" }, b.count, makeCount(String(b.names.length), b.count.location)!, { zh: `所列单位数（${b.names.join("、")}）`, en: `the number of units listed (${b.names.join(", ")})` });
      // A list cut short (A、B等 3 个单位): the count is at least its names, each a unit (a count, exact: reported as it is).
      else if (b.names.length > 1 && b.count.value.lt(b.names.length))
        ctx.report({
          subject: { table: "text", item: b.label ?? "基层单位" },
          location: b.count.location,
          stated: b.count.text,
          computed: String(b.names.length),
          message: { zh: `文中称共 ${b.count.text} 个单位，却列出 ${b.names.length} 个（${b.names.join("、")}）`, en: `the text counts ${b.count.text} units but names ${b.names.length} (${b.names.join(", ")})` },
        });
      // (Those described in 部门概况 are all of them, the 本级 too.)
      if (units.length && b.own !== false)
        ctx.equal({ table: "text", item: "基层单位" }, b.count, makeCount(String(units.length), b.count.location)!, { zh: "部门概况所列单位数", en: "the number of units described in 部门概况" });
    }
  },
};
