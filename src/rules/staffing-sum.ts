import { claimsOfKind } from "../claims/index.js";
import type { StaffingClaim, StaffingField } from "../claims/types.js";
import type { Rule } from "../engine/types.js";
import { makeCount, type Amount } from "../model/amount.js";
import { mapArray } from "../util/arrays.js";

const FIELDS: [StaffingField, string, string][] = [
  ["admin", "行政编制", "administrative posts"],
  ["adminActual", "行政编制实有在编人数", "administrative staff in post"],
  ["service", "事业编制", "public-service posts"],
  ["serviceActual", "事业编制实有在编人数", "public-service staff in post"],
  ["posts", "核定编制", "posts (编制)"],
  ["inService", "在职人员", "staff in service (在职)"],
  ["retiredCadres", "离休", "retired cadres (离休)"],
  ["retired", "退休", "retired staff (退休)"],
];

/** The fields of one kind of 编制. */
const KINDS: StaffingField[] = ["admin", "adminActual", "service", "serviceActual"];

/**
 * A unit's figures for a field, as parts of the units' sum: its own; for 行政编制 / 事业编制, none where it states its 编制
 * by kind without that kind (a 事业单位's 核定事业编制 24 名: no 行政编制); for 编制 in all, its kinds' where it states no
 * total. Null where the unit's figure is not known.
 */
function unitParts(u: StaffingClaim, field: StaffingField): Amount[] | null {
  const own = u.counts[field];
  if (own) return [own];
  if ((field === "admin" || field === "service") && u.byKind) return [];
  if (field === "posts" && u.byKind) return [u.counts.admin, u.counts.service].filter((a): a is Amount => !!a);
  return null;
}

export const staffingSum: Rule = {
  id: "staffing-sum",
  defaultSeverity: "error",
  // 部门概况's staffing (staffing.ts), or a head count split by category anywhere (splits.ts).
  requires: { text: ["staffing", "base-units", "headcount-split"] },
  description: "部门概况: each unit's staffing (编制 by kind and in all, 实有在编 / 在职, 离休, 退休) sums to the system totals, where every unit is read; a head count equals its categories listed after 其中 (编制人数 = 行政编制 + 事业编制, 离退休 = 离休 + 退休, 预算单位 = 行政单位 + 事业单位 …); the number of 基层单位 matches the units listed.",
  descriptionZh: "部门概况：读到全部单位时，各单位编制数（分类及合计）、实有在编（在职）人数、离休、退休人数之和等于系统总数；“其中”后按类别列出的人数之和等于该人数（编制人数 = 行政编制 + 事业编制，离退休 = 离休 + 退休，预算单位 = 行政单位 + 事业单位 …）；基层单位数与所列单位一致。",
  check(doc, ctx) {
    const staffing = claimsOfKind(doc, "staffing");
    const system = staffing.find((s) => s.unit === null);
    const units = staffing.filter((s) => s.unit !== null);
    // Every unit, once: one list numbered 1 … n (a second list of the units elsewhere would count them twice), as many
    // as a count of all the units says there are (one unread would leave the sum short: no evidence).
    const counted = claimsOfKind(doc, "base-units").filter((b) => b.own !== false && !b.abbreviated);
    const whole = units.every((u, i) => u.item === i + 1) && counted.every((b) => b.count.value.eq(units.length));
    // (A 参公 or 工勤 编制 named anywhere: a 行政编制 or 事业编制 may hold it in one place and not in another.)
    const byKinds = !staffing.some((s) => s.otherPosts);
    if (system && units.length && whole)
      for (const [field, zh, en] of FIELDS) {
        const total = system.counts[field];
        if (!byKinds && KINDS.includes(field)) continue;
        const parts = mapArray(units, (u) => unitParts(u, field));
        if (!total || parts.some((p) => !p) || !parts.some((p) => p!.length)) continue;
        ctx.sum({ subject: { table: "text", item: zh }, total, parts: mapArray(parts.flat() as Amount[], (amount) => ({ amount })), relation: { zh: `各单位${zh}之和`, en: `the sum of the units' ${en}` } });
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
      // (Those described in 深圳's 部门概况 are all of them, the 本级 too. Another province's 预算单位共 N 个 counts its
      // budget units, which its 部门概况 may describe only in part: that count only tells whether the units read are all.)
      if (units.length && b.own !== false && b.label === undefined)
        ctx.equal({ table: "text", item: "基层单位" }, b.count, makeCount(String(units.length), b.count.location)!, { zh: "部门概况所列单位数", en: "the number of units described in 部门概况" });
    }
  },
};
