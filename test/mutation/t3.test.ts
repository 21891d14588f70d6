// 表3 prints 57 rows (lines 342–442) of 6 amounts: 支出总计, 基本支出, 项目支出 and three 政府采购 columns.
import { mutationSuite } from "../helpers/mutation.js";

await mutationSuite("T3", 342);
