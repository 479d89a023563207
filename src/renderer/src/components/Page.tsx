import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A page fills the content area: header on top, the rest below. Lists scroll inside their own
 * region (a ScrollArea or a flex child with overflow), so the header and filters stay put.
 */
export function Page({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Box h="100%" style={{ display: 'flex', flexDirection: 'column', minHeight: 0, overflow: 'hidden' }} data-testid={testId}>
      {children}
    </Box>
  );
}

/** The part of a page under its header: takes the remaining height and scrolls. */
export function PageBody({ children, padded = true }: { children: ReactNode; padded?: boolean }) {
  return (
    <Box p={padded ? 'md' : 0} style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
      {children}
    </Box>
  );
}
