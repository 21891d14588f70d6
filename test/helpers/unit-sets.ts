/**
 * A small 部门预算 in the form of 江西's county documents: the department's 收入总表, 支出总表 and 一般公共预算支出表, then each
 * budget unit's own three (docs/rules/units-sum.md's example). Tab-separated; amounts in 万元 with two decimals.
 */

export interface UnitFigures {
  name: string;
  /** 2130104 事业运行 (basic) and 2130106 科技转化与推广服务 (project). */
  basic: number;
  project: number;
}

const f = (n: number) => n.toFixed(2);

/** The three tables of one set (the department's or a unit's), each under its title and label. */
export function tableSet(label: string, basic: number, project: number, opts: { titlePrefix?: string; numbers?: number[]; capital?: boolean } = {}): string[] {
  const total = basic + project;
  const codes = [
    ["213", "农林水支出", total, basic, project],
    ["21301", "农业农村", total, basic, project],
    ["2130104", "事业运行", basic, basic, 0],
    ["2130106", "科技转化与推广服务", project, 0, project],
  ] as const;
  const title = (t: string, i: number) => [...(opts.numbers ? [`表 ${opts.numbers[i]}`] : []), `${opts.titlePrefix ?? ""}${t}`];
  // A table by function code: its title, label, header, 合计 row and code rows.
  const table = (t: string, i: number, header: string, cells: (total: number, basic: number, project: number) => string) => [
    ...title(t, i),
    label,
    "单位：万元",
    `科目编码\t科目名称\t合计\t${header}`,
    `\t合计\t${cells(total, basic, project)}`,
    ...codes.map(([c, n, t, b, p]) => `${c}\t${n}\t${cells(t, b, p)}`),
  ];
  const split = (t: number, b: number, p: number) => `${f(t)}\t${f(b)}\t${f(p)}`;
  return [
    ...table("收入总表", 0, "一般公共预算拨款收入\t单位资金", (t) => `${f(t)}\t${f(t)}\t0.00`),
    ...table("支出总表", 1, "基本支出\t项目支出", split),
    ...table("一般公共预算支出表", 2, "基本支出\t项目支出", split),
    // An empty 国有资本经营预算支出表 (本表无数据: its 合计 row the same in every set).
    ...(opts.capital ? [...title("国有资本经营预算支出表", 3), label, "单位：万元", "科目编码\t科目名称\t合计\t基本支出\t项目支出", "\t合计\t0.00\t0.00\t0.00"] : []),
  ];
}

export const DEPARTMENT = "某县农业农村局";
export const UNITS: UnitFigures[] = [
  { name: "某县农业技术推广中心", basic: 180, project: 60 },
  { name: "某县农业机械化服务中心", basic: 120, project: 40 },
];

/**
 * The document: its title, the department's set (Σ of the units'), then each unit's set under `heading(unit, i)` (none:
 * no heading line), its tables labelled `label(unit)`.
 */
export function unitDocument(
  opts: {
    units?: UnitFigures[];
    heading?: ((u: UnitFigures, i: number) => string) | null;
    label?: (u: UnitFigures) => string;
    titlePrefix?: (u: UnitFigures) => string;
    numbered?: boolean;
    department?: { basic: number; project: number };
    /** Each set ends with an empty 国有资本经营预算支出表. */
    capital?: boolean;
  } = {},
): string {
  const units = opts.units ?? UNITS;
  const basic = opts.department?.basic ?? units.reduce((a, u) => a + u.basic, 0);
  const project = opts.department?.project ?? units.reduce((a, u) => a + u.project, 0);
  const heading = opts.heading === undefined ? (u: UnitFigures, i: number) => `${"一二三四五"[i]}、${u.name}2026年单位预算` : opts.heading;
  const lines = [`${DEPARTMENT}2026年部门预算`, "", ...tableSet(`部门名称：${DEPARTMENT}`, basic, project, { capital: opts.capital, ...(opts.numbered ? { numbers: [1, 2, 3] } : {}) })];
  units.forEach((u, i) => {
    if (heading) lines.push(heading(u, i));
    lines.push(...tableSet((opts.label ?? ((x) => `单位名称：${x.name}`))(u), u.basic, u.project, { titlePrefix: opts.titlePrefix?.(u), capital: opts.capital, ...(opts.numbered ? { numbers: [4 + 3 * i, 5 + 3 * i, 6 + 3 * i] } : {}) }));
  });
  return lines.join("\n");
}

/**
 * The document with the department's 收入总表 and 支出总表 printed by unit (合计, then a row per unit by its 单位编码 and
 * name: docs/rules/unit-rows.md's example), its 一般公共预算支出表 by code; then each unit's own set under its heading.
 * `rowName(u)`: the name the department's rows print for a unit.
 */
export function unitRowsDocument(opts: { units?: UnitFigures[]; rowName?: (u: UnitFigures) => string } = {}): string {
  const units = opts.units ?? UNITS;
  const basic = units.reduce((a, u) => a + u.basic, 0);
  const project = units.reduce((a, u) => a + u.project, 0);
  const name = opts.rowName ?? ((u: UnitFigures) => u.name);
  const byUnit = (title: string, header: string, cells: (total: number, basic: number, project: number) => string) => [
    title,
    `部门名称：${DEPARTMENT}`,
    "单位：万元",
    `科目编码\t科目名称\t合计\t${header}`,
    `\t合计\t${cells(basic + project, basic, project)}`,
    ...units.map((u, i) => `${101001 + i}\t${name(u)}\t${cells(u.basic + u.project, u.basic, u.project)}`),
  ];
  const lines = [
    `${DEPARTMENT}2026年部门预算`,
    "",
    ...byUnit("收入总表", "一般公共预算拨款收入\t单位资金", (t) => `${f(t)}\t${f(t)}\t0.00`),
    ...byUnit("支出总表", "基本支出\t项目支出", (t, b, p) => `${f(t)}\t${f(b)}\t${f(p)}`),
    ...tableSet(`部门名称：${DEPARTMENT}`, basic, project).slice(18),
  ];
  units.forEach((u, i) => lines.push(`${"一二三四五"[i]}、${u.name}2026年单位预算`, ...tableSet(`单位名称：${u.name}`, u.basic, u.project)));
  return lines.join("\n");
}
