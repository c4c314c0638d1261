// The Tab completion menu: at most 8 rows of candidates in columns, the selected one inverted.
import { Box, Text } from 'ink';
import type { Menu } from '../controller.js';
import { layoutMenu } from '../menu.js';
import { cells } from '../buffer.js';

export function CompletionMenu({ menu, width }: { menu: Menu; width: number }) {
  const layout = layoutMenu(menu.items, menu.selected, width);
  return (
    <Box flexDirection="column">
      {layout.rows.map((row, r) => (
        <Text key={r} wrap="truncate">
          {row.map((c, i) => (
            <Text key={i} inverse={c.selected}>
              {c.text + ' '.repeat(Math.max(0, layout.colWidth - cells(c.text)))}
            </Text>
          ))}
        </Text>
      ))}
      {layout.hidden > 0 ? <Text dimColor>{`(${layout.hidden} more)`}</Text> : null}
    </Box>
  );
}
