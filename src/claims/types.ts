import type { Amount } from "../model/amount.js";
import type { SourceLocation } from "../model/location.js";

/**
 * Structured claims the written parts (第一部分 … 第九部分) make about figures. Every figure is an
 * `Amount` whose location is the line and column where it is printed; counts (人, 辆, 个, 台, 家) are
 * exact amounts (`exact: true`). Rules read these, never the raw text.
 */

/** A year-on-year statement: 比 2022 年增加 714 万元，增长 8% / 较 2022 年预算减少 59 万元，减幅 9% / 新增 / 持平. */
export interface Change {
  /** 增加 / 减少 (with an amount), 新增 (new this year) or 持平 (same as last year). */
  kind: "increase" | "decrease" | "new" | "same";
  /** The printed change, unsigned as printed (增加 X / 减少 X / 新增预算 X); null when not printed. */
  amount: Amount | null;
  /** The printed percentage (15 for 15%), or null. */
  percent: Amount | null;
  /** Direction of the percentage's word: 增长 / 增幅 → increase, 下降 / 减幅 → decrease. */
  percentDirection: "increase" | "decrease" | null;
  /** The year compared with (2022), when printed. */
  year: number | null;
  /** What of that year it is compared with, when printed: 比 2025 年执行数 (execution) or 比上年预算数 (budget). */
  base?: "budget" | "execution";
  /** That year's figure, when printed with the change (较2024年的2190万元减少221万元 · 比上年预算数2190万元减少…). */
  previous?: Amount;
  /**
   * This year's figure is nothing, said in words (2026年未安排预算，比2025年预算减少42.00万元，下降100%): the figure is an exact
   * 0, the decrease all of last year's, its percentage 100.
   */
  toNothing?: true;
  location: SourceLocation;
}

/** 部门预算收入 / 支出 N 万元, with its change. */
export interface DepartmentTotalClaim {
  kind: "department-total";
  side: "income" | "expenditure";
  amount: Amount;
  change: Change | null;
  /**
   * Stated as a bare 收入预算 / 支出预算 X 万元 (generic reader): the 总计 or, where the department carries funds over,
   * possibly this year's 本年收入合计 / 本年支出合计 only.
   */
  orSubtotal?: true;
}

export type UnitComponent = "personnel" | "public" | "individual" | "project";

/** 单位预算 N 万元，包括人员支出 a、公用支出 b、对个人和家庭的补助支出 c、项目支出 d. */
export interface UnitBudgetClaim {
  kind: "unit-budget";
  unit: string;
  amount: Amount;
  components: { component: UnitComponent; label: string; amount: Amount }[];
  /** Whether every figure listed after 包括 / 其中 was read as a component: only then are they the budget's whole. */
  complete: boolean;
}

/** A component restated under its own heading: (一) 人员支出 873 万元，主要包括…. */
export interface UnitComponentClaim {
  kind: "unit-component";
  unit: string;
  component: UnitComponent;
  label: string;
  amount: Amount;
}

/** A numbered project of a unit's 项目支出: amount, sub-items and year-on-year change. */
export interface ProjectClaim {
  kind: "project";
  unit: string;
  number: number;
  name: string;
  amount: Amount;
  /** The project's own figure printed again in its description (科普能力提升项目预算 504 万元，主要包括：科普能力提升项目预算 504 万元…). */
  restated: Amount[];
  items: { label: string; amount: Amount }[];
  change: Change | null;
}

/** 政府采购 … 共计 N 万元，其中货物采购 a、工程采购 b、服务采购 c. */
export interface ProcurementClaim {
  kind: "procurement";
  amount: Amount;
  components: { component: "goods" | "works" | "services"; label: string; amount: Amount }[];
  /**
   * 面向中小企业预留政府采购项目预算金额 N 万元 (the part of the procurement reserved for small and medium
   * enterprises), and of it 预留给小型和微型企业的 M 万元, where the text states them after the procurement.
   */
  reserved?: { sme: Amount; micro: Amount | null };
  /**
   * A 决算's 授予中小企业合同金额 N 万元 (the contracts awarded to small and medium enterprises, part of the
   * procurement), and of it 授予小微企业合同金额 M 万元, where the text states them after the procurement.
   */
  awarded?: { sme: Amount; micro: Amount | null };
}

/** The 三公 and, where a province prints them beside it (江苏's “三公”经费、会议费、培训费 table), 会议费 and 培训费. */
export type SanggongComponent = "total" | "abroad" | "reception" | "vehicle" | "vehicle-purchase" | "vehicle-operation" | "meeting" | "training";

/** One printed “三公” figure (the total or a component), with the change printed after it. */
export interface SanggongClaim {
  kind: "sanggong";
  component: SanggongComponent;
  label: string;
  amount: Amount;
  change: Change | null;
}

/**
 * A 预算's “三公” figure with its change on last year's 决算 (“三公”经费预算数为 62.00 万元，比上年决算增加 22.95 万元):
 * sanggong-on-final.ts. Compared with the 三公 table's last year's 决算 where it prints one (2024年决算数 | 2025年预算数).
 */
export interface SanggongOnFinalClaim {
  kind: "sanggong-on-final";
  component: SanggongComponent;
  label: string;
  /** This year's figure, printed before the change. */
  amount: Amount;
  /** The change on last year's 决算 (increase or decrease, with its amount). */
  change: Change;
}

/**
 * A “三公” figure's change on last year stated by its direction only, no amount printed (公务接待费比上年减少，主要原因是… ·
 * 因公出国（境）费0.00万元，与上年持平): directions.ts. 基本持平 is not read (no tolerance says how near is about the same).
 */
export interface SanggongDirectionClaim {
  kind: "sanggong-direction";
  component: SanggongComponent;
  label: string;
  direction: "increase" | "decrease" | "same";
  /** This year's figure, where printed before the change (its precision is the text's). */
  amount: Amount | null;
  /** The year compared with, when printed. */
  year: number | null;
  /** 比上年预算 (budget) or 比上年执行数 (execution), when printed. */
  base?: "budget" | "execution";
  /** Where the direction word is printed. */
  location: SourceLocation;
}

/** 公务用车保有量共 N 辆 (与上年持平). */
export interface VehicleCountClaim {
  kind: "vehicle-count";
  count: Amount;
  unchanged: boolean;
}

/**
 * The counts a 决算's 三公 table prints under its 统计数, by its row (the loader's `count:<item>` cells): 因公出国（境）团组数 and
 * 人次数, 公务用车购置数 and 保有量, 国内 / 外事 / 国（境）外 公务接待批次 and 人次.
 */
export type SanggongCountItem =
  | "abroad-groups"
  | "abroad-people"
  | "vehicles-bought"
  | "vehicles-held"
  | "reception-batches"
  | "reception-people"
  | "reception-foreign-guests-batches"
  | "reception-foreign-guests-people"
  | "reception-foreign-batches"
  | "reception-foreign-people";

/** A count a “三公” statement states (因公出国（境）团组2个，累计7人次 · 公务用车保有量为31辆 · 国内公务接待68批次，512人次): counts.ts. */
export interface SanggongCountClaim {
  kind: "sanggong-count";
  item: SanggongCountItem;
  label: string;
  count: Amount;
  /** 公务接待 N 批次 not said to be 国内 or 国（境）外: the 国内 receptions or all of them, at least the 国内 count. */
  atLeast?: true;
}

/** 机关运行经费 … 预算 N 万元，比 2022 年预算增加 X 万元，增长 Y%. */
export interface OperatingCostClaim {
  kind: "operating-cost";
  amount: Amount;
  change: Change | null;
  /**
   * A 决算's 机关运行经费 against its budget, as the text states it (比年初预算数减少 X 万元，降低 P%): the budget is the
   * 决算 ± X, P = X ÷ it.
   */
  budgetChange?: Change;
}

/** 国有资产占用情况: 车辆 N 辆, 单价 50 万元以上通用设备 N 台（套）, 100 万元以上专用设备; held now or planned (计划新增). */
export interface AssetClaim {
  kind: "assets";
  item: "vehicles" | "general-equipment" | "special-equipment";
  planned: boolean;
  count: Amount;
}

/** 第六部分: 涉及预算资金 N 万元 and N 个项目绩效目标. */
export interface PerformanceClaim {
  kind: "performance";
  amount: Amount | null;
  goals: Amount | null;
  /**
   * The amount covers only the projects that set targets (上海's 其他相关情况说明: 编报绩效目标的项目 N 个，涉及项目
   * 预算资金 X 万元; projects below a threshold need none): at most the 项目支出, not equal to it.
   */
  partial?: boolean;
  /**
   * A 决算's self-evaluation (绩效自评…涉及资金 X 万元，占一般公共预算项目支出总额的 P%): P% is X ÷ the 项目支出 of the fund
   * named (`general`: the 一般公共预算 table's; `all`: the expenditure table's).
   */
  share?: { percent: Amount; fund: "general" | "all" };
  /** How many projects the funds are of (实行绩效目标管理的项目 N 个，涉及项目预算资金 X 万元), where every fund's. */
  projects?: Amount;
  /**
   * Every project sets targets and the funds are named the 项目支出 (预算项目全部实行绩效目标管理，涉及项目16个，项目支出预算 X
   * 万元): the amount is the department's 项目支出 itself, not at most it.
   */
  all?: true;
  /**
   * The 项目支出 of which fund the amount is some of, where the text names it and prints no share (a 决算's 部门评价: 组织对
   * “…”等 N 个项目开展了部门评价，涉及一般公共预算支出 X 万元 — `general`): at most that fund's 项目支出.
   */
  of?: "general" | "all";
}

/** A row of 第七部分's table of key projects: name and 预算数. */
/**
 * A function-classification line of the written parts: “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”
 * 科目1,202.95万元 (the 类, 款 and 项 names, as Shanghai's 编制说明 lists 财政拨款支出主要内容).
 */
export interface FunctionItemClaim {
  kind: "function-item";
  names: string[];
  amount: Amount;
  /**
   * The level of each name, when the text marks them (一般公共服务（类）信访事务（款）行政运行（项）, read by the
   * generic reader): the names may start below the 类 (检察（款）行政运行（项）, under a heading naming the 类), and a
   * 类 may be named without its 支出 (一般公共服务（类）支出 X 万元). Absent: the names are the whole 类-款-项 path.
   */
  levels?: ("类" | "款" | "项")[];
  /**
   * A 决算's item stated with its difference from its budget, the budget itself unprinted (支出决算为 X 万元，比年初预算增加 D 万元，
   * 完成年初预算的 P%): the difference (its amount printed) and the completion P after it, or null.
   */
  budgetChange?: Change;
  completion?: Amount | null;
  /**
   * What the section stating it speaks of (generic reader): the 一般公共预算 / 财政拨款 (its table first) or the
   * department's spending (the expenditure table first); `allocation`: a 类 the 财政拨款收支总预算's 支出包括 lists,
   * of the 财政拨款 tables only (with 上年结转, not the 一般公共预算 table's). Absent: the 一般公共预算 table first.
   */
  scope?: "general" | "department" | "allocation";
  /**
   * The classification code the text prints before the name (项级支出科目为 2014099 其他信访事务支出，2026 年预算数为
   * N 万元): the row of that code, its name agreeing with the one printed (`names` holds it alone).
   */
  code?: string;
}

/**
 * A 决算's 政府性基金 or 国有资本经营 spending by the rows of that fund's table, named as the table names them, in a
 * 其中 list after the fund's 支出 (…政府性基金预算财政拨款支出3063.06万元。…其中：其他地方自行试点项目收益专项债券收入安排的
 * 支出3025.22万元，用于社会福利的彩票公益金37.84万元): each the 本年支出 of the row of that name.
 */
export interface FundItemClaim {
  kind: "fund-item";
  fund: "gov-fund" | "state-capital";
  name: string;
  amount: Amount;
}

/**
 * A 决算's statement of one fund's balance (八、政府性基金预算财政拨款收入支出决算情况说明: 政府性基金预算财政拨款年初结转和结余
 * A 万元，本年收入 B 万元，本年支出 C 万元，年末结转和结余 D 万元): each part, the fund's table's 合计 and the 财政拨款收入支出决算表's
 * line of that fund.
 */
export interface FundBalanceClaim {
  kind: "fund-balance";
  fund: "gov-fund" | "state-capital";
  part: "opening" | "income" | "spent" | "closing";
  label: string;
  amount: Amount;
}

export interface KeyProjectClaim {
  kind: "key-project";
  name: string;
  amount: Amount;
}

export type StaffingField = "admin" | "adminActual" | "service" | "serviceActual" | "posts" | "inService" | "retiredCadres" | "retired";

/**
 * 部门概况 staffing: 行政编制 / 实有, 事业编制 / 实有, 编制 in all (核定编制), 在职, 离休, 退休, for one unit or (unit null) the
 * whole system (claims/staffing.ts).
 */
export interface StaffingClaim {
  kind: "staffing";
  unit: string | null;
  /** A unit's number in the list of units (1., 2. …). */
  item?: number;
  counts: Partial<Record<StaffingField, Amount>>;
  /** Its 编制 are stated by kind, every one read (行政编制 and / or 事业编制, none else): a kind not stated is none. */
  byKind?: true;
  /** Its paragraph names 编制 of another kind (参公, 工勤, 政法专项 …), which its 行政编制 or 事业编制 may hold or not. */
  otherPosts?: true;
}

/** 共 N 家基层单位, with the unit names listed before it. */
export interface BaseUnitsClaim {
  kind: "base-units";
  count: Amount;
  names: string[];
  /** What the units are called where the text counts them (预算单位); 基层单位 when absent. */
  label?: string;
  /**
   * The names may be fewer than the units counted (A、B等 3 个单位, or two names joined by 和 that may be one): the count
   * is at least as many as the names, not necessarily equal.
   */
  abbreviated?: true;
  /**
   * Whether the count includes the department's own unit (本级), where the words say: false for the units besides it
   * (由厅本级预算和 4 个所属单位预算组成), true for a whole said to hold it (单位共 3 个，包括：厅机关本级及所属 2 家事业单位).
   * Absent: as the names tell (a 本级 among them; a full list without one).
   */
  own?: boolean;
}

/**
 * A figure the text states that a table prints, by what it is (read from a 决算's 情况说明, and the income
 * lines of a Shanghai 编制说明): 收入支出总计 (表1), 本年收入合计 / 本年支出合计,
 * 财政拨款收入 / 其他收入 (收入决算表), 基本支出 / 项目支出 (支出决算表), 财政拨款收入支出总计 (财政拨款收入支出
 * 决算总表), 一般公共预算财政拨款支出 and its 基本支出 (一般公共预算财政拨款支出决算表), 人员经费 / 公用经费
 * (一般公共预算财政拨款基本支出决算表); and, by the generic reader (generic-figures.ts) in a 预算 of any province,
 * 本年收入合计 / 本年支出合计, 财政拨款收支总预算 and the funds listed under it (allocation-general-public …), 财政拨款收入总计 with its
 * funds' 本年 income and 上年结转 listed (allocation-general-public-income …, allocation-carryover) and 财政拨款支出总计, the parts
 * of the 收入 total (一般公共预算拨款收入, 上年结转 …) and of the 支出 total (基本支出 / 项目支出), the 基本支出 and 项目支出
 * listed under the 一般公共预算's spending (general-basic, general-project), 一般公共预算基本支出 and 财政拨款基本支出
 * with their 人员经费 / 公用经费, and the economic classes these are stated to hold (工资福利支出, 对个人和家庭的补助,
 * 商品和服务支出: general-wages, general-individual, general-goods).
 */
export type TableFigure =
  | "running-cost"
  | "business-income"
  | "operating-income"
  | "superior-subsidy"
  | "subsidiary-remittance"
  | "operating-expenditure"
  | "remit-superior"
  | "subsidiary-subsidy"
  | "grand-total"
  | "income-subtotal"
  | "expenditure-subtotal"
  | "non-allocation-balance-used"
  | "balance-distribution"
  | "allocation-income-subtotal"
  | "allocation-expenditure-subtotal"
  | "allocation-income"
  | "general-public-income"
  | "gov-fund-income"
  | "state-capital-income"
  | "carryover"
  | "other-income"
  | "basic"
  | "project"
  | "allocation-grand-total"
  | "allocation-carryover"
  | "allocation-carryforward"
  | "carryforward"
  | "special-account-income"
  | "allocation-general-public-income"
  | "allocation-gov-fund-income"
  | "allocation-state-capital-income"
  | "allocation-general-public"
  | "allocation-gov-fund"
  | "allocation-state-capital"
  | "general-project"
  | "expenditure-total"
  | "allocation-expenditure-total"
  | "opening"
  | "closing"
  | "allocation-opening"
  | "allocation-closing"
  | "general"
  | "gov-fund-expenditure"
  | "state-capital-expenditure"
  | "general-basic"
  | "personnel"
  | "public"
  | "allocation-basic"
  | "allocation-personnel"
  | "allocation-public"
  | "general-wages"
  | "general-individual"
  | "general-goods";

export interface TableFigureClaim {
  kind: "table-figure";
  figure: TableFigure;
  label: string;
  amount: Amount;
  /** 与2023年度相比，…减少56.95万元，下降1.87% / …持平. */
  change: Change | null;
  /**
   * 财政拨款收入（预算）总计 X 万元 (allocation-income) stated without what tells its scope: this year's 财政拨款 (江苏's) or, where
   * the department carries 财政拨款 over, possibly the 财政拨款收支总表's 收入总计 with its 上年结转.
   */
  orTotal?: true;
}

/**
 * 年初预算为 B 万元，支出决算为 F 万元，完成年初预算的 P%。决算数小于预算数的主要原因…: a 决算's execution
 * statement, for the whole 一般公共预算财政拨款支出, one 类-款-项 item, or the “三公” expenses.
 */
export interface ExecutionClaim {
  kind: "execution";
  /**
   * Whose execution: the 一般公共预算财政拨款支出 (general), a 类-款-项 item, the “三公”, all the 财政拨款 (allocations: the
   * 财政拨款收入支出决算总表's 本年支出合计), or one fund's (gov-fund, state-capital: its table's 本年支出); or a project's
   * self-evaluation (project: 全年预算数为 B 万元，执行数为 X 万元，完成预算的 P%), which no table prints.
   */
  scope: "general" | "item" | "sanggong" | "allocations" | "gov-fund" | "state-capital" | "project";
  /** The item's 类, 款 and 项 names (scope item). */
  names: string[] | null;
  label: string;
  budget: Amount;
  /**
   * Which budget `budget` is, as the text names it: 年初预算 (initial), 调整预算 (adjusted), 全年预算 (full-year), or
   * a 预算 it does not qualify (null).
   */
  basis: "initial" | "adjusted" | "full-year" | null;
  /**
   * The 年初预算 a statement prints before its 调整预算 (年初预算 B0，调整预算 B1，支出决算 X，完成年初预算的 P%，完成调整预算的
   * Q%): a claim of its own for the percentage and wording that name it, beside the statement's claim of B1.
   */
  preceding?: true;
  final: Amount;
  /** 完成年初预算的 P% (P printed), or null. */
  percent: Amount | null;
  /**
   * The year's change to the budget the statement prints between its 年初预算 and its 调整后预算 (年初预算为 B0 万元，年中追加
   * A 万元，调整后预算为 B1 万元): B1 = B0 + A (追加 · 调增), B0 − A (调减 · 追减), or B0 ± A (年中调整, its direction not said).
   * On the claim of B1 only.
   */
  adjustment?: { initial: Amount; amount: Amount; direction: "increase" | "decrease" | "either"; word: string };
  /** An item read under a chapter of the 政府性基金 or 国有资本经营 (not one of the 一般公共预算's). */
  ofFund?: true;
  /** What the text says of 决算数 against 预算数 (naming which budget, if it does), and where. */
  wording: { basis: ExecutionClaim["basis"]; relation: "less" | "more" | "equal" | "about-equal"; text: string; location: SourceLocation } | null;
}

/** 基本支出2336.91万元，占79.49% / 一般公共预算财政拨款支出2940.05万元，占本年支出合计的100.00%: a figure's share of a total the text states. */
export interface ShareClaim {
  kind: "share";
  label: string;
  amount: Amount;
  percent: Amount;
  baseLabel: string;
  /** The total, as printed; null when the text prints none and `baseParts` make it. */
  base: Amount | null;
  /**
   * A total the text never prints, of a list whose shares make 100% (…因公出国（境）费支出80万元，占“三公”经费的19.1%；
   * 公务用车…237万元，占“三公”经费的56.7%；…24.2%): the sum of the list's parts.
   */
  baseParts?: Amount[];
  /** One of shares printed to add up to exactly 100% (尾差调整 may have moved one by a unit of its last digit). */
  balanced?: boolean;
}

/**
 * 2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%: an item's budget
 * against last year's execution (Shanghai's 编制说明), the percentage of the change and its direction.
 */
export interface PriorExecutionClaim {
  kind: "prior-execution";
  label: string;
  last: Amount;
  current: Amount;
  change: "increase" | "decrease" | "same";
  /** The percentage printed (57.14 for 57.14%), or null (持平). */
  percent: Amount | null;
  /** Where the direction word (增加 / 减少 / 持平) is printed. */
  location: SourceLocation;
  /** The item's own figure printed before (“类-款-项”25.77万元), which this year's 预算安排 restates. */
  itemAmount: Amount | null;
}

/**
 * 财政拨款收入 15621.11万元，比2023年预算减少876.75万元 / 财政拨款支出预算 … / 一般公共预算拨款支出预算 … /
 * 政府性基金拨款支出预算0.00万元，比2023年预算持平 (Shanghai's 编制说明): the government allocation, in all or
 * by fund, with its change on last year's budget.
 */
export interface AllocationClaim {
  kind: "allocation";
  side: "income" | "expenditure";
  fund: "all" | "general-public" | "gov-fund" | "state-capital";
  label: string;
  amount: Amount;
  change: Change | null;
}

/**
 * A 决算's “三公” component: 因公出国（境）费决算为 X 万元，完成预算的 P% (against the 三公 table's 预算数 of
 * that component), or …支出决算 X 万元，占 P% (a share of the 三公 total stated before).
 */
export interface SanggongFinalClaim {
  kind: "sanggong-final";
  /**
   * A component, or the 三公 itself (`total`: “三公”经费财政拨款支出决算为 X 万元); the vehicles' as one (`vehicle`: 公务用车
   * 购置及运行费) or their two parts (公务用车购置费, 公务用车运行维护费).
   */
  component: "total" | "abroad" | "vehicle" | "vehicle-purchase" | "vehicle-operation" | "reception";
  label: string;
  amount: Amount;
  /** 完成预算的 P%, or null. */
  completion: Amount | null;
  /** Its 预算 printed before its 决算 (支出预算为 B 万元，支出决算为 X 万元), or null. */
  budget?: Amount | null;
  /** Its change on last year's stated in its sentence (较上年减少 X 万元，下降 P%), or null. */
  change?: Change | null;
  /**
   * Its 决算 against its own budget, as the text states it: 比年初预算减少 X 万元，下降 P% · 决算数比预算数增加 X 万元 (an
   * increase or decrease of the 决算 on the budget: X = |决算 − 预算|, P = X ÷ 预算).
   */
  budgetChange?: Change;
  /** 决算数小于 / 大于 / 等于预算数 said of it (2024年度“三公”经费支出决算数小于预算数的主要原因…). */
  wording?: ExecutionClaim["wording"];
  /**
   * 公务接待费's split (其中：国内公务接待支出 a 万元 …；外事接待支出 b 万元): `foreign` is the 外事接待, a part beside the
   * 国内 one, or where `foreignIncluded` the 外宾接待 the 国内 one includes (国内公务接待支出 a 万（含外宾接待支出 b 万元）).
   */
  split?: { domestic: Amount; foreign: Amount | null; foreignIncluded: boolean };
}

/** 共有车辆 N 辆，其中：部级领导干部用车 a 辆、…、其他用车 k 辆 (or 预算安排购置车辆 N 辆，其中：…): a count and its parts. */
export interface VehicleSplitClaim {
  kind: "vehicle-split";
  planned: boolean;
  count: Amount;
  parts: { label: string; count: Amount }[];
}

/**
 * A head count and its parts by category (编制人数 412 人，其中：行政编制 118 人，事业编制 294 人 · 离退休人员 356 人，其中：
 * 离休人员 6 人，退休人员 350 人), read only when every part is a category the total splits into, each once (splits.ts).
 */
export interface HeadcountSplitClaim {
  kind: "headcount-split";
  label: string;
  count: Amount;
  parts: { label: string; count: Amount }[];
}

/**
 * 资产总额 X 万元，其中：流动资产 a 万元，固定资产 b 万元，…: asset classes, none inside another (splits.ts). `whole`: the list
 * ends with 其他 (资产), or is 流动资产 and 非流动资产, so the classes are all of it; else they are some of it.
 */
export interface AssetSplitClaim {
  kind: "asset-split";
  label: string;
  total: Amount;
  parts: { label: string; amount: Amount }[];
  whole: boolean;
}

/**
 * A total and the parts the text lists under it (…总计 X 万元，其中，A a 万元，占 p%；B b 万元，占 q%), read by the
 * generic reader (generic.ts) only when the parts are known to be the whole (the shares printed add up to 100% …), or,
 * for the 财政拨款's funds, some of it.
 */
export interface CompositionClaim {
  kind: "composition";
  label: string;
  total: Amount;
  parts: { label: string; amount: Amount }[];
  /**
   * Why the parts are the whole: their printed shares make 100% (`shares`), they are the “三公”'s components (`sanggong`), or
   * they are 基本支出 and 项目支出 under the 一般公共预算's spending (`basic-project`). `funds`: the 财政拨款's funds (一般公共预算,
   * 政府性基金, 国有资本经营预算) under its 收支总预算, each once — some or all of it, their sum at most the total. `basic`: 人员经费
   * and 公用经费 (and 对个人和家庭的补助 named apart) under a 基本支出, its whole by what it is. `units`: each unit's figure (分单位看：
   * A 收入预算 a 万元；B 收入预算 b 万元 · 本级 a，下属单位 b), their sum the department's. `listed`: parts 包括 / 分别为 opens,
   * none said to be some: all of it. `some`: parts not said to be all of
   * it (a list nested in a part, 主要包括, …等; units listed under 其中): their sum at most the total (part-lists.ts).
   */
  whole: "shares" | "sanggong" | "basic-project" | "funds" | "basic" | "units" | "listed" | "some";
}

/**
 * A figure with its change on last year printed after it (…预算数为 X 万元，比 2025 年执行数增加 D 万元，增幅 P%), read by
 * the generic reader (generic.ts) in a part no province's reader knows.
 */
export interface StatedChangeClaim {
  kind: "stated-change";
  label: string;
  amount: Amount;
  change: Change;
}

/**
 * A 决算's change on last year whose clause names a total no figure of the paragraph states (与2024年度相比，本年收入合计增加 D
 * 万元，增长 P% as a paragraph of its own, or after the list of the total's parts): checked against the total the tables print.
 */
export interface NamedChangeClaim {
  kind: "named-change";
  figure: TableFigure;
  label: string;
  change: Change;
}

/**
 * The funding box of a project's performance form (项目绩效目标表 / 财政项目支出绩效目标填报表), printed for each
 * key project after the tables, as Shanghai's and the central departments' templates lay it out:
 *
 *   项目资金总额   4,100,000.00  年度资金申请总额   4,100,000.00          (上海: the project's whole funding on the
 *                                其中：当年财政拨款 4,100,000.00           left, this year's request on the right)
 *   项目资金  其中：财政资金 4,100,000.00
 *    （元）                       上年结转资金            0.00
 *             其他资金      0.00  其他资金                0.00
 *
 *   年度资金总额：   2,134.87                                           (中央部门: this year's funding only)
 *      其中：财政拨款 1,384.87        执行率
 *   项目资金                          分值
 *   （万元）  上年结转    750.00      （10）
 *             其他资金      -
 *
 * Each total is the sum of the sources under it: 项目资金总额 = 财政资金 + 其他资金; 年度资金（申请）总额 = （当年）财政拨款
 * + 上年结转（资金） + 其他资金. A box is a form, not a written paragraph: it is read from the printed lines, across
 * the written parts a form's cells may have been cut into (a cell's word taken for a heading), from the line
 * of its first total to the form's goals. Two 其他资金 in one box are the left one's and the right one's, in
 * printed order; `-` is a blank cell, nothing. A box with a label twice, or without all the sources of a total,
 * gives no claim for that total: what was printed is not known.
 */
export interface ProjectFundsClaim {
  kind: "project-funds";
  /** 项目名称 printed above the box, or null. */
  project: string | null;
  /** 项目资金总额 or 年度资金申请总额 / 年度资金总额, as printed. */
  label: string;
  total: Amount;
  /** The sources under it; a blank cell (`-`) is left out. */
  parts: { label: string; amount: Amount }[];
}

export type Claim =
  | SanggongDirectionClaim
  | SanggongOnFinalClaim
  | SanggongCountClaim
  | ProjectFundsClaim
  | NamedChangeClaim
  | StatedChangeClaim
  | CompositionClaim
  | VehicleSplitClaim
  | HeadcountSplitClaim
  | AssetSplitClaim
  | SanggongFinalClaim
  | AllocationClaim
  | PriorExecutionClaim
  | ShareClaim
  | TableFigureClaim
  | ExecutionClaim
  | DepartmentTotalClaim
  | UnitBudgetClaim
  | UnitComponentClaim
  | ProjectClaim
  | ProcurementClaim
  | SanggongClaim
  | VehicleCountClaim
  | OperatingCostClaim
  | FunctionItemClaim
  | FundItemClaim
  | FundBalanceClaim
  | AssetClaim
  | PerformanceClaim
  | KeyProjectClaim
  | StaffingClaim
  | BaseUnitsClaim;

export type ClaimOf<K extends Claim["kind"]> = Extract<Claim, { kind: K }>;

/** A paragraph or list item of a written part, read across line and page breaks. */
export interface Paragraph {
  part: number | null;
  /** The text with spacing removed (the comparison form). */
  text: string;
  location: SourceLocation;
  lines: number[];
}

export interface Claims {
  claims: Claim[];
  /**
   * How many of `claims` the generic reader gave (generic.ts: shares and compositions of parts no province's
   * reader knows). A rule that reads the province readers' claims is not checked when these are all there is.
   */
  generic: number;
  paragraphs: Paragraph[];
}
