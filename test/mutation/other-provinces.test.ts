import { layoutTableSuite } from "../helpers/mutation.js";

/*
 * The other provinces' documents, read by kind alone (no template of theirs is written): every amount of
 * every table read, changed by 300 units of its last printed digit (3.00 万元: beyond the rounding of any
 * sum the tables print), in the layout text itself, must give an error that points at the changed line.
 *
 * What this found: a misprinted row that no placement of its figures makes add up listed its whole table as
 * 列位置不确定 (杭州's 支出预算总表: every check of the table gone, and the report said nothing), or was placed
 * where it broke fewer identities (杭州's 收入预算总表: the misprint moved into another column and vanished);
 * 杭州 prints no function code anywhere, so its 收支总表 items were compared with nothing; 上年结转 was not the
 * sum of the funds under it (国家信访局's 财政拨款收支总表); 广州's 结转结余下年 had no role, and its 三公 table
 * (items as rows, funds as columns) was never summed over its funds.
 */
const suite = (file: string, expected: number) => layoutTableSuite("other-provinces", file, null, expected, [300]);

await suite("central_national-public-complaints-and-proposals-admin_2026_dept-budget.txt", 337);
await suite("guangzhou_science-and-technology-bureau_2026_dept-budget.txt", 857);
// 杭州: 274 before its 项目支出绩效表 was read (3 more: its projects' 金额, each against 表10's).
await suite("hangzhou_meteorological-bureau_2026_dept-budget.txt", 277);
// 江苏: 123 before its 一般公共预算机关运行经费支出预算表 was read (17 more: 合计, 302 and its 款); 181 since round 54, its
// 政府采购支出预算表 read as an outline (41 more: 合计, its categories, subtotals and items).
await suite("jiangsu_provincial-procuratorate_2019_dept-budget.txt", 181);
