/** Brackets and curly quotes opened minus closed, and straight quotes seen (one pass, no regex). */
export function openMarks(text: string): { parens: number; curly: number; straight: number } {
  let parens = 0;
  let curly = 0;
  let straight = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(") parens++;
    else if (c === ")") parens--;
    else if (c === "“") curly++;
    else if (c === "”") curly--;
    else if (c === '"') straight++;
  }
  return { parens, curly, straight };
}
