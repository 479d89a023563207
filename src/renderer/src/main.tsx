import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import './styles.css';

import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, Suspense, use, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { createQueryClient } from './lib/query-client';
import { colorSchemeManager, cssVariablesResolver, theme } from './lib/theme';
import { createDeskClient, TRPCProvider, type DeskClient } from './lib/trpc';

// Started before React renders: in Electron the preload hands its port over once, early.
const clientPromise = settledInPlace(createDeskClient());
const queryClient = createQueryClient();

/**
 * Notes the outcome on the promise the way React's `use` reads it. In the web harness the client
 * is ready a microtask after start, before React's first render: with the status already there
 * `use` does not suspend, so the first commit is the page itself and its queries leave then,
 * instead of a "Connecting" commit and a second, time-sliced render of everything after it.
 */
function settledInPlace<T>(promise: Promise<T>): Promise<T> {
  const tracked = promise as Promise<T> & { status?: string; value?: T; reason?: unknown };
  tracked.then(
    (value) => Object.assign(tracked, { status: 'fulfilled', value }),
    (reason: unknown) => Object.assign(tracked, { status: 'rejected', reason }),
  );
  return tracked;
}

function Connected() {
  const trpcClient: DeskClient = use(clientPromise);
  return (
    <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
      <App />
    </TRPCProvider>
  );
}

/** Shown for the moment it takes the main process to hand over the connection. */
function Connecting() {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSlow(true), 4000);
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="desk-boot" role="status">
      <span className="desk-boot-mark" aria-hidden />
      <span>{slow ? 'Still waiting for Aurora Desk’s main process… If this lasts, restart the app.' : 'Connecting to Aurora Desk…'}</span>
    </div>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="dark" colorSchemeManager={colorSchemeManager} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="bottom-right" limit={4} containerWidth={400} />
      <QueryClientProvider client={queryClient}>
        <ErrorBoundary>
          <Suspense fallback={<Connecting />}>
            <Connected />
          </Suspense>
        </ErrorBoundary>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
