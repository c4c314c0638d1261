// The REPL's dynamic region: the prompt with the buffer, the completion menu, one status line.
// Finished results never live here: the controller writes them once through Ink's stdout/stderr.
import { useLayoutEffect } from 'react';
import { Box, Text, useApp, useStderr, useStdout } from 'ink';
import type { ReplController } from '../controller.js';
import { useController } from '../hooks/useController.js';
import { useTerminalWidth } from '../hooks/useTerminalWidth.js';
import { CompletionMenu } from './CompletionMenu.js';
import { PromptLines } from './PromptLines.js';

export interface Writers {
  out(text: string): void;
  err(text: string): void;
  /** hands the terminal to a child process (the pager) until `resume` */
  suspend(): Promise<{ resume(): Promise<void> }>;
}

interface Props {
  controller: ReplController;
  onWriters(w: Writers): void;
}

export function App({ controller, onWriters }: Props) {
  const { write } = useStdout();
  const { write: writeErr } = useStderr();
  const { suspendTerminal } = useApp();
  useLayoutEffect(() => onWriters({ out: write, err: writeErr, suspend: () => suspendTerminal() }), [write, writeErr, suspendTerminal, onWriters]);
  const view = useController(controller);
  const width = useTerminalWidth();
  useLayoutEffect(() => controller.setWidth(width), [controller, width]);
  if (view.mode === 'exit') return null;
  if (view.mode === 'running') return view.status ? <Text>{view.status}</Text> : null;
  if (view.mode === 'more') return <Text>---MORE---</Text>;
  if (view.mode === 'input' && view.input) {
    const i = view.input;
    return <Text>{i.prompt + (i.secret ? '' : i.buffer.text)}</Text>;
  }
  if (view.mode === 'search' && view.search) {
    const s = view.search;
    return <Text>{`(${s.failed ? 'failed ' : ''}reverse-i-search)'${s.query}': ${s.match ?? ''}`}</Text>;
  }
  return (
    <Box flexDirection="column">
      <PromptLines view={view} width={width} />
      {view.menu ? <CompletionMenu menu={view.menu} width={width} /> : null}
      {view.status ? <Text dimColor>{view.status}</Text> : null}
    </Box>
  );
}
