// What the project's scripts (scripts/lib: the benchmark) use of the code, bundled as dist/lib/index.js.
export { decodeText } from "./loaders/decode.js";
export { findPackages } from "./loaders/index.js";
export { loadMarkdown } from "./loaders/markdown.js";
export { defaultTemplate } from "./templates/index.js";
export { checkPackage } from "./check.js";
export { readPdfText } from "./loaders/pdf/read.js";
