// Ctrl-X Ctrl-E and EDIT: the statement in the user's editor ($VISUAL, else $EDITOR, else vi), on a
// terminal handed over by the face, through a private temporary file (.cql, so editors color it).
// What is saved comes back without the line ends editors add; a failed editor (it could not run,
// or exited with an error) brings nothing back, and says why.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The editor command line the user chose. */
export function editorCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.VISUAL?.trim() || env.EDITOR?.trim() || 'vi';
}

export type EditResult = { text: string } | { error: string };

/** Runs the editor on `text` (the terminal must be handed over first) and reads back what was saved. */
export async function editText(text: string, env: NodeJS.ProcessEnv = process.env): Promise<EditResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-edit-'));
  const file = path.join(dir, 'statement.cql');
  const command = editorCommand(env);
  try {
    fs.writeFileSync(file, text === '' ? '' : text + '\n', { mode: 0o600 });
    // the command line may carry arguments (`code -w`, `emacs -nw`): the shell splits it
    const code = await new Promise<number | string>((resolve) => {
      const child = spawn('sh', ['-c', `${command} "$1"`, 'sh', file], { stdio: 'inherit', env });
      child.once('error', (e) => resolve(e.message));
      child.once('exit', (c, sig) => resolve(c ?? `killed by ${sig}`));
    });
    if (code !== 0) {
      const why = code === 127 ? 'it was not found' : typeof code === 'number' ? `it exited with status ${code}` : code;
      return { error: `The editor (${command}) did not finish: ${why}. The statement is unchanged.` };
    }
    return { text: fs.readFileSync(file, 'utf8').replace(/\r\n?/g, '\n').replace(/\s+$/, '') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
