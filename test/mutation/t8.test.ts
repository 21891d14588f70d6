// 表8 prints 95 rows (lines 634–788) of 3 amounts: 支出总计, 基本支出, 项目支出.
import { mutationSuite } from "../helpers/mutation.js";

await mutationSuite("T8", 285);
