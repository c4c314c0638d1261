// The prompt and the edit buffer, laid out row by row at the terminal width (ui/prompt-rows.ts:
// highlighted, with the suggestion from history dimmed after it), with the terminal cursor placed
// in it (wide characters and wrapped lines counted).
import { useMemo } from 'react';
import { Box, Text, useCursor } from 'ink';
import type { View } from '../controller.js';
import { promptLayout, promptRows } from '../prompt-rows.js';

export function PromptLines({ view, width }: { view: View; width: number }) {
  const { setCursorPosition } = useCursor();
  // one cell is kept free so a full row never makes the terminal wrap by itself
  const layout = useMemo(() => promptLayout(view, Math.max(1, width - 1)), [view, width]);
  const rows = useMemo(() => promptRows(view, layout), [view, layout]);
  setCursorPosition(view.mode === 'edit' ? layout.cursor : undefined);
  return (
    <Box flexDirection="column">
      {rows.map((row, i) => (
        <Text key={i} wrap="truncate">
          {row}
        </Text>
      ))}
    </Box>
  );
}
