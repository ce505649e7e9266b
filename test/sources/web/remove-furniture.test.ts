import { describe, expect, it } from "vitest";
import { parseDocument } from "../../../src/sources/web/dom.js";
import { removeFurniture } from "../../../src/sources/web/remove-furniture.js";

const sentence = "The council met on Monday and approved the harbour budget for the coming year. ";

function clean(body: string): string {
  const document = parseDocument(`<html><body><div id="root">${body}</div></body></html>`);
  const root = document.querySelector("#root");
  if (!root) throw new Error("no root");
  removeFurniture(root);
  return (root.textContent ?? "").replace(/\s+/g, " ").trim();
}

describe("removeFurniture", () => {
  it("keeps a wrapper with a furniture class when it holds most of the text", () => {
    const text = clean(
      `<div class="js-share-tracking"><p>${sentence.repeat(8)}</p></div><p>Short.</p>`,
    );
    expect(text).toContain("approved the harbour budget");
  });

  it("removes small blocks named as captions, promos and social bars, outermost first", () => {
    const body =
      `<p>${sentence.repeat(8)}</p>` +
      '<span class="newsCaption">A ship in the harbour (Image: GETTY)</span>' +
      '<div class="promo-box"><p>Subscribe now</p></div>' +
      '<ul class="social-links"><li>Facebook</li></ul>';
    expect(clean(body)).toBe(sentence.repeat(8).trim());
  });

  it("reads 'has-image' and 'with-caption' as describing a block, not naming it furniture", () => {
    const body = `<p>${sentence.repeat(8)}</p><div class="recipe has-image"><p>Ingredients: 8 ripe pears</p></div>`;
    expect(clean(body)).toContain("8 ripe pears");
  });

  it("keeps table rows whatever their class says", () => {
    const body = `<p>${sentence.repeat(8)}</p><table><tr class="player-row"><td>Kyle Busch</td><td>5040</td></tr></table>`;
    expect(clean(body)).toContain("5040");
  });
});
