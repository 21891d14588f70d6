#!/usr/bin/env node
// Builds the seed in the encodings budget-check must detect without a flag, from the UTF-8 originals:
//   csv-gb18030/   the CSV package in GB18030 (what Excel on a Chinese-locale Windows saves as "CSV")
//   csv-utf16/     the CSV package in UTF-16 LE with BOM ("Unicode text"), 表1.csv in UTF-16 BE with BOM
//   csv-utf8-bom/  the CSV package in UTF-8 with BOM ("CSV UTF-8")
//   encodings/document-{gb18030,utf16le,utf16be,utf8-bom}.md   the text form likewise
// Node's TextDecoder decodes GB18030 but cannot encode it: iconv-lite (a dev dependency) does.
//
//   node scripts/make-encoding-fixtures.mjs [fixture-folder]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";

const root = process.argv[2] ?? "fixtures/shenzhen-sast-2023";
const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);
// Each encoding: how to write it, and the label TextDecoder reads it back with.
const encoders = {
  gb18030: [(s) => iconv.encode(s, "gb18030"), "gb18030"],
  utf16le: [(s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]), "utf-16le"],
  utf16be: [(s) => iconv.encode(s, "utf16-be", { addBOM: true }), "utf-16be"],
  "utf8-bom": [(s) => Buffer.concat([BOM8, Buffer.from(s, "utf8")]), "utf-8"],
};

function write(path, text, enc) {
  const [encode, label] = encoders[enc];
  const bytes = encode(text);
  // Every character of the seed must survive the encoding (GB18030 maps all of Unicode).
  if (new TextDecoder(label).decode(bytes).replace(/^\uFEFF/, "") !== text) throw new Error(`${path}: does not round-trip in ${enc}`);
  writeFileSync(path, bytes);
}

const csv = join(root, "csv");
for (const [folder, enc] of [["csv-gb18030", "gb18030"], ["csv-utf16", "utf16le"], ["csv-utf8-bom", "utf8-bom"]]) {
  mkdirSync(join(root, folder), { recursive: true });
  for (const name of readdirSync(csv)) {
    const text = readFileSync(join(csv, name), "utf8");
    write(join(root, folder, name), text, folder === "csv-utf16" && name === "表1.csv" ? "utf16be" : enc);
  }
}
mkdirSync(join(root, "encodings"), { recursive: true });
const doc = readFileSync(join(root, "document.md"), "utf8");
for (const enc of Object.keys(encoders)) write(join(root, "encodings", `document-${enc}.md`), doc, enc);
console.log(`${root}: csv-gb18030/, csv-utf16/, csv-utf8-bom/, encodings/`);
