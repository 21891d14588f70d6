/**
 * Small standard tables as they are printed, for rule cases (`→` stands for a tab, see `doc()`).
 * Each builder prints a fixed number of lines before its data rows, so a case can name the line of a
 * figure: `HEAD.classified` lines (marker, title, 单位, header) then the rows, one per line.
 * Join several tables with `pages()`; the second table's lines follow the first's.
 */

export const HEAD = {
  /** 表 N, title, 单位：万元, one header row. */
  classified: 4,
  /** … with a 部门名称 line after the title. */
  classifiedWithDepartment: 5,
  /** 表 N, title, 单位, two header rows (收入/支出 over 项目/预算数). */
  twoSided: 5,
  /** 表 N, title, 单位, two header rows. */
  t3Procurement: 5,
  /** 表 2, title, 单位, two header rows. */
  t2Income: 5,
  t9: 5,
  t12: 5,
} as const;

const TITLES: Record<number, string> = {
  3: "支出总表",
  7: "一般公共预算支出表（按功能分类）",
  8: "一般公共预算支出表（按经济分类）",
  10: "政府性基金预算支出表",
  11: "国有资本经营预算支出表",
};

const lines = (...xs: string[]) => xs.join("\n");

/** 表3 / 表7 / 表8 / 表10 / 表11: 预算单位, 科目编码, 科目名称, 支出总计, 基本支出, 项目支出. */
export function classified(n: 3 | 7 | 8 | 10 | 11, rows: string, department?: string): string {
  return lines(`表 ${n}`, TITLES[n], ...(department ? [`部门名称：${department}`] : []), "单位：万元", "预算单位→科目编码→科目名称→支出总计→基本支出→项目支出", rows);
}

/** 表3 with its 2023 年政府采购项目 columns (小计, 面向中小企业, 面向小型、微型企业) under a two-row header. */
export function t3Procurement(rows: string): string {
  return lines(
    "表 3",
    "支出总表",
    "单位：万元",
    "预算单位→科目编码→科目名称→支出总计→基本支出→项目支出→2023 年政府采购项目→→",
    "→→→→→→小计→其中：面向 中小企业政府 采购项目→其中：面向小型、 微型企业政府 采购项目",
    rows,
  );
}

/**
 * 表2 收入总表 with its sources under two header rows: 预算单位, 科目编码, 科目名称, 收入总计, 政府预算拨款 (小计,
 * 一般公共预算拨款, 政府性基金预算拨款, 国有资本经营预算拨款), 财政专户管理资金, 单位资金 (小计, 事业收入,
 * 事业单位经营收入, 上级补助收入, 附属单位上缴收入, 其他收入).
 */
export function t2Income(rows: string): string {
  return lines(
    "表 2",
    "收入总表",
    "单位：万元",
    "预算单位→科目编码→科目名称→收入总计→政府预算拨款→→→→财政专户管理资金→单位资金→→→→→",
    "→→→→小计→一般公共预算拨款→政府性基金预算拨款→国有资本经营预算拨款→→小计→事业收入→事业单位经营收入→上级补助收入→附属单位上缴收入→其他收入",
    rows,
  );
}

/** 表1 收支总表 (or 表6 政府预算拨款收支总表): income label and amount, expenditure label and amount. */
export function twoSided(n: 1 | 6, rows: string): string {
  return lines(`表 ${n}`, n === 1 ? "收支总表" : "政府预算拨款收支总表", "单位：万元", "收 入→→支 出→", "项 目→2023 年预算数→项 目→2023 年预算数", rows);
}

/** 表9 三公经费: 预算单位, 年度, 总计, 因公出国(境)费, 公务接待费, 公务用车小计, 购置费, 运行维护费. */
export function t9(rows: string): string {
  return lines(
    "表 9",
    "一般公共预算“三公”经费支出表",
    "单位：万元",
    "预算单位→年度→总计→因公出国(境)费→公务接待费→公务用车购置及运行维护费→→",
    "→→→→→小计→公务用车购置费→公务用车运行维护费",
    rows,
  );
}

/** 表12 部门整体支出绩效目标表: 年度主要任务, 任务名称, 主要内容, 总额, 财政拨款, 其他资金. */
export function t12(rows: string): string {
  return lines("表 12", "部门整体支出绩效目标表", "单位：万元", "年度主要任务→任务名称→主要内容→预算金额(万元)→→", "→→→总额→其中：财政拨款→其中：其他资金", rows);
}

/** Several tables one after another in one document. */
export const pages = (...tables: string[]) => tables.join("\n");
