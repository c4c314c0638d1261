// The prompt and the edit buffer, laid out row by row at the terminal width (ui/layout.ts), with
// the terminal cursor placed in it (wide characters and wrapped lines counted).
import { Box, Text, useCursor } from 'ink';
import type { View } from '../controller.js';
import { layoutPrompt } from '../layout.js';
import { continuationFor } from '../prompt.js';

export function PromptLines({ view, width }: { view: View; width: number }) {
  const { setCursorPosition } = useCursor();
  // one cell is kept free so a full row never makes the terminal wrap by itself
  const layout = layoutPrompt(view.prompt, continuationFor(view.buffer.text, view.continuation, view.hints), view.buffer.text, view.buffer.cursor, Math.max(1, width - 1));
  setCursorPosition(view.mode === 'edit' ? layout.cursor : undefined);
  return (
    <Box flexDirection="column">
      {layout.rows.map((row, i) => (
        <Text key={i} wrap="truncate">
          {row}
        </Text>
      ))}
    </Box>
  );
}
