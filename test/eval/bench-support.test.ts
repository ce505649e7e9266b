import { describe, expect, it } from "vitest";
import { buildBenchCorpus } from "../../scripts/lib/bench-corpus.js";
import { spliceSection } from "../../scripts/lib/doc-section.js";

describe("spliceSection", () => {
  const doc = [
    "# Performance",
    "",
    "<!-- delivery:start -->",
    "Delivery figures.",
    "<!-- delivery:end -->",
    "",
    "<!-- digest:start -->",
    "old",
    "<!-- digest:end -->",
    "",
  ].join("\n");

  it("replaces only its own section and leaves the other one byte for byte", () => {
    const out = spliceSection(doc, "digest", "new");
    expect(out).toContain("<!-- digest:start -->\n\nnew\n\n<!-- digest:end -->");
    expect(out).not.toContain("old");
    expect(out.slice(0, doc.indexOf("<!-- digest:start -->"))).toBe(
      doc.slice(0, doc.indexOf("<!-- digest:start -->")),
    );
  });

  it("appends the section when the markers are missing", () => {
    expect(spliceSection("# Performance\n", "digest", "x")).toBe(
      "# Performance\n\n<!-- digest:start -->\n\nx\n\n<!-- digest:end -->\n",
    );
  });
});

describe("buildBenchCorpus", () => {
  const texts = [
    "Headline one\n\nFirst 12 line.\nSecond line.\n\nThird 7 line.\n",
    "Headline two\n\nOther 3 text.\n",
  ];

  it("is the same on every run", () => {
    expect(buildBenchCorpus(texts, 6)).toEqual(buildBenchCorpus(texts, 6));
  });

  it("makes every copy a different text", () => {
    const corpus = buildBenchCorpus(texts, 6);
    expect(new Set(corpus.map((a) => a.text)).size).toBe(6);
    expect(corpus.map((a) => a.source)[5]).toBe("bench-00005.txt");
  });
});
