// The terminal width, re-read on resize (the prompt and menu re-lay themselves).
import { useEffect, useState } from 'react';
import { useStdout } from 'ink';

export function useTerminalWidth(): number {
  const stdout = useStdout().stdout as NodeJS.WriteStream;
  const [width, setWidth] = useState(stdout.columns || 80);
  useEffect(() => {
    const onResize = () => setWidth(stdout.columns || 80);
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return width;
}
