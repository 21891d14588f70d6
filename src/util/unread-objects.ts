/** What a Word document's body holds that is not read: its pictures and embedded objects (model: `unreadObjects`). */
export interface UnreadObjects {
  pictures: number;
  embedded: number;
}

/** `3 pictures and 1 embedded object` · `3 张图片、1 个嵌入对象`. */
export function unreadObjectsText(u: UnreadObjects, lang: "en" | "zh"): string {
  if (lang === "zh") return [u.pictures ? `${u.pictures} 张图片` : null, u.embedded ? `${u.embedded} 个嵌入对象` : null].filter((x) => x).join("、");
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return [u.pictures ? n(u.pictures, "picture", "pictures") : null, u.embedded ? n(u.embedded, "embedded object", "embedded objects") : null].filter((x) => x).join(" and ");
}
