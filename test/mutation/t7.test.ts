// 表7 prints 58 rows (lines 526–623) of 3 amounts: 支出总计, 基本支出, 项目支出.
import { mutationSuite } from "../helpers/mutation.js";

await mutationSuite("T7", 174);
