import { codesByName } from "./names.js";

/*
 * The 类 of the government function classification of expenditure (支出功能分类科目, 2019 onward), by their
 * names: a 类 row whose name is another 类's has its code mistyped (code-name). Only exact names map: a year
 * that named a 类 otherwise (医疗卫生与计划生育支出 before 卫生健康支出) maps to nothing, and is not judged.
 */
const CLASSES: [code: string, name: string][] = [
  ["201", "一般公共服务支出"],
  ["202", "外交支出"],
  ["203", "国防支出"],
  ["204", "公共安全支出"],
  ["205", "教育支出"],
  ["206", "科学技术支出"],
  ["207", "文化旅游体育与传媒支出"],
  ["208", "社会保障和就业支出"],
  ["209", "社会保险基金支出"],
  ["210", "卫生健康支出"],
  ["211", "节能环保支出"],
  ["212", "城乡社区支出"],
  ["213", "农林水支出"],
  ["214", "交通运输支出"],
  ["215", "资源勘探工业信息等支出"],
  ["216", "商业服务业等支出"],
  ["217", "金融支出"],
  ["219", "援助其他地区支出"],
  ["220", "自然资源海洋气象等支出"],
  ["221", "住房保障支出"],
  ["222", "粮油物资储备支出"],
  ["223", "国有资本经营预算支出"],
  ["224", "灾害防治及应急管理支出"],
  ["227", "预备费"],
  ["229", "其他支出"],
  ["230", "转移性支出"],
  ["231", "债务还本支出"],
  ["232", "债务付息支出"],
  ["233", "债务发行费用支出"],
  ["234", "抗疫特别国债安排的支出"],
];

/** The 类 code of a function class printed by its name, or null. */
export const functionClassCode = codesByName(CLASSES);
