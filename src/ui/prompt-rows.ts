// The prompt region's rows as the terminal shows them: the prompt and the buffer laid out at the
// width (layout.ts), the suggestion from history after the buffer, dimmed, and the buffer
// highlighted (highlight.ts) when the view says so. Pure; the Ink component prints the rows.
import type { View } from './controller.js';
import { highlight, paint, type Span } from './highlight.js';
import { layoutPrompt, type PromptLayout } from './layout.js';
import { continuationFor } from './prompt.js';

/** The layout of the buffer with the suggestion after it (the cursor stays in the buffer). */
export function promptLayout(view: View, width: number): PromptLayout {
  const text = view.buffer.text + view.suggestion;
  return layoutPrompt(view.prompt, continuationFor(text, view.continuation, view.hints), text, view.buffer.cursor, width);
}

/** The rows to print: plain, or with colors (highlighting, the dimmed suggestion). */
export function promptRows(view: View, layout: PromptLayout): string[] {
  const spans: Span[] = view.highlight ? highlight(view.buffer.text) : [];
  if (view.suggestion) spans.push({ start: view.buffer.text.length, end: view.buffer.text.length + view.suggestion.length, style: 'suggestion' });
  if (spans.length === 0) return layout.rows;
  return layout.rows.map((row, i) => {
    const { lead, start } = layout.parts[i];
    if (start < 0 || lead >= row.length) return row;
    return row.slice(0, lead) + paint(row.slice(lead), spans, start);
  });
}
