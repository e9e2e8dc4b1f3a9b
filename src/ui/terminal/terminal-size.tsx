import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

export interface TerminalSize {
  columns: number;
  rows: number;
}

const TerminalSizeContext = createContext<TerminalSize>({ columns: 80, rows: 24 });

export const useTerminalSize = (): TerminalSize => useContext(TerminalSizeContext);

/** Passes a fixed size down (tests: ink-testing-library's stdout has no rows). */
export function FixedTerminalSize({ size, children }: { size: TerminalSize; children: ReactNode }) {
  return <TerminalSizeContext.Provider value={size}>{children}</TerminalSizeContext.Provider>;
}

/** Follows a real terminal's size through its `resize` events. */
export function LiveTerminalSize({ stdout, children }: { stdout: NodeJS.WriteStream; children: ReactNode }) {
  const read = (): TerminalSize => ({ columns: stdout.columns || 80, rows: stdout.rows || 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]); // eslint-disable-line react-hooks/exhaustive-deps
  return <TerminalSizeContext.Provider value={size}>{children}</TerminalSizeContext.Provider>;
}
