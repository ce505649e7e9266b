import { describe, expect, it } from "vitest";
import { decodeText, sniffCharset } from "../../src/sources/index.js";

const latin1 = (s: string) => Buffer.from(s, "latin1");

describe("sniffCharset", () => {
  it("prefers a byte-order mark over every declaration", () => {
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      latin1('<?xml encoding="koi8-r"?>'),
    ]);
    expect(sniffCharset(body, "text/xml; charset=windows-1251")).toBe("utf-8");
  });

  it("takes the HTTP header before the XML prolog", () => {
    expect(
      sniffCharset(
        latin1('<?xml version="1.0" encoding="koi8-r"?>'),
        'text/xml; charset="windows-1251"',
      ),
    ).toBe("windows-1251");
  });

  it("reads the XML prolog, then <meta charset>", () => {
    expect(sniffCharset(latin1("<?xml version='1.0' encoding='ISO-8859-5'?><rss/>"))).toBe(
      "iso-8859-5",
    );
    expect(sniffCharset(latin1('<html><head><meta charset="gb2312"></head>'))).toBe("gbk");
    expect(
      sniffCharset(latin1('<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">')),
    ).toBe("koi8-r");
  });

  it("falls back to UTF-8 for an unknown label", () => {
    expect(sniffCharset(latin1("<rss/>"), "text/xml; charset=x-klingon")).toBe("utf-8");
  });
});

describe("decodeText", () => {
  it("decodes UTF-16 with its BOM and drops the BOM", () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("<rss>é</rss>", "utf16le")]);
    expect(decodeText(body)).toBe("<rss>é</rss>");
  });

  it("decodes ISO-8859-1 as a reader would (windows-1252)", () => {
    expect(
      decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x80]), "text/plain; charset=iso-8859-1"),
    ).toBe("café€");
  });
});
