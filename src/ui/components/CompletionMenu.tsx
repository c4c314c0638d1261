// The Tab completion menu: what is expected (hints, dimmed), then at most 8 rows of candidates in
// columns with the selected one inverted, and what is out of view.
import { Box, Text } from 'ink';
import type { Menu } from '../controller.js';
import { hiddenNote, layoutMenu } from '../menu.js';
import { cells } from '../buffer.js';

export function CompletionMenu({ menu, width }: { menu: Menu; width: number }) {
  const layout = layoutMenu(menu.items, menu.selected, width, menu.top);
  const note = hiddenNote(layout);
  return (
    <Box flexDirection="column">
      {menu.hints.length ? (
        <Text dimColor wrap="truncate">
          {menu.hints.join('  ')}
        </Text>
      ) : null}
      {layout.rows.map((row, r) => (
        <Text key={r} wrap="truncate">
          {row.map((c, i) => (
            <Text key={i} inverse={c.selected}>
              {c.text + ' '.repeat(Math.max(0, layout.colWidth - cells(c.text)))}
            </Text>
          ))}
        </Text>
      ))}
      {note ? <Text dimColor>{note}</Text> : null}
    </Box>
  );
}
