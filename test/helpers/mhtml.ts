/*
 * A web page written as a single-file web page (MHTML), as Word's "save as single file web page" and many systems'
 * "export to Word" write one: MIME headers, Word's note for other programs, the page as a text/html part in
 * quoted-printable (lines of at most 76 characters, soft breaks `=`), base64 or 8bit, and a picture as a second,
 * base64 part.
 */
const BOUNDARY = "----=_NextPart_01DA2B3C.4D5E6F70";

/** `html` (the page's bytes in `charset`) as quoted-printable: every byte past ASCII and `=` escaped, soft breaks at 76. */
export function quotedPrintable(html: Buffer): string {
  const out: string[] = [];
  let line = "";
  const push = (piece: string) => {
    if (line.length + piece.length > 75) {
      out.push(`${line}=`);
      line = "";
    }
    line += piece;
  };
  for (let i = 0; i < html.length; i++) {
    const b = html[i];
    if (b === 0x0d && html[i + 1] === 0x0a) {
      out.push(line);
      line = "";
      i++;
    } else if (b === 0x0a) {
      out.push(line);
      line = "";
    } else if (b >= 0x80 || b === 0x3d || b < 0x20) push(`=${b.toString(16).toUpperCase().padStart(2, "0")}`);
    else push(String.fromCharCode(b));
  }
  out.push(line);
  return out.join("\r\n");
}

/**
 * `html` as a single-file web page: as Word saves one, or (`chrome`) as a browser's "save page as single file" does
 * (`From: <Saved by Blink>` and the page's address first, the boundary's parameter on a folded line).
 */
export function asMhtml(html: Buffer, opts: { encoding?: "quoted-printable" | "base64" | "8bit"; charset?: string; chrome?: boolean } = {}): Buffer {
  const encoding = opts.encoding ?? "quoted-printable";
  const charset = opts.charset ?? "gb2312";
  const body =
    encoding === "quoted-printable"
      ? Buffer.from(quotedPrintable(html), "latin1")
      : encoding === "base64"
        ? Buffer.from((html.toString("base64").match(/.{1,76}/g) ?? []).join("\r\n"), "latin1")
        : html;
  const head = [
    ...(opts.chrome ? ["From: <Saved by Blink>", "Snapshot-Content-Location: https://www.example.gov.cn/zwgk/czyjs/bmys/t2023.html", "Subject: =?utf-8?Q?2023=E5=B9=B4=E9=83=A8=E9=97=A8=E9=A2=84=E7=AE=97?=", "Date: Tue, 5 Dec 2026 09:00:00 +0800"] : []),
    "MIME-Version: 1.0",
    opts.chrome ? `Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="${BOUNDARY}"` : `Content-Type: multipart/related;\r\n\tboundary="${BOUNDARY}"`,
    "",
    "This document is a Single File Web Page, also known as a Web Archive file.  If you are seeing this message, your browser or editor doesn't support Web Archive files.",
    "",
    `--${BOUNDARY}`,
    "Content-Location: file:///C:/D0A1B2C3/document.htm",
    `Content-Transfer-Encoding: ${encoding}`,
    `Content-Type: text/html; charset="${charset}"`,
    "",
    "",
  ].join("\r\n");
  const tail = [
    "",
    "",
    `--${BOUNDARY}`,
    "Content-Location: file:///C:/D0A1B2C3/document.files/image001.png",
    "Content-Transfer-Encoding: base64",
    "Content-Type: image/png",
    "",
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "",
    `--${BOUNDARY}--`,
    "",
  ].join("\r\n");
  return Buffer.concat([Buffer.from(head, "latin1"), body, Buffer.from(tail, "latin1")]);
}
