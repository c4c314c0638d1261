// The Tab completion menu: what is expected (hints, dimmed), then at most 8 rows of candidates in
// columns with the selected one inverted, each with its note dimmed after it (a column's type, a
// table's kind), and what is out of view.
import { Box, Text } from 'ink';
import type { Menu } from '../controller.js';
import { hiddenNote, layoutMenu } from '../menu.js';
import { cells } from '../buffer.js';

export function CompletionMenu({ menu, width }: { menu: Menu; width: number }) {
  const layout = layoutMenu(menu.items, menu.selected, width, menu.top, menu.notes);
  const note = hiddenNote(layout);
  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - cells(s)));
  return (
    <Box flexDirection="column">
      {menu.hints.length ? (
        <Text dimColor wrap="truncate">
          {menu.hints.join('  ')}
        </Text>
      ) : null}
      {layout.rows.map((row, r) => (
        <Text key={r} wrap="truncate">
          {row.map((c, i) =>
            c.note ? (
              <Text key={i}>
                <Text inverse={c.selected}>{pad(c.text, layout.nameWidth + 1)}</Text>
                <Text dimColor>{pad(c.note, layout.colWidth - layout.nameWidth - 1)}</Text>
              </Text>
            ) : (
              <Text key={i} inverse={c.selected}>
                {pad(c.text, layout.colWidth)}
              </Text>
            ),
          )}
        </Text>
      ))}
      {note ? <Text dimColor>{note}</Text> : null}
    </Box>
  );
}
