import { Button, Code, Group } from '@mantine/core';
import { IconBug, IconHome, IconReload } from '@tabler/icons-react';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { DEFAULT_AREA } from '../lib/areas';
import { navigate } from '../lib/router';
import { EmptyState } from './EmptyState';

interface Props {
  children: ReactNode;
  /** Where "Back to safety" goes; the shell resets the boundary when the route changes. */
  onReset?: () => void;
}

interface State {
  error: Error | null;
}

/** A screen that throws while rendering is replaced by this, never by a blank window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Aurora Desk screen failed', error, info.componentStack);
  }

  private backToSafety = () => {
    this.setState({ error: null });
    navigate(DEFAULT_AREA);
    this.props.onReset?.();
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <EmptyState
        icon={<IconBug size={22} />}
        title="This screen ran into a problem"
        action={
          <Group gap="xs" justify="center">
            <Button leftSection={<IconHome size={14} />} onClick={this.backToSafety} data-testid="back-to-safety">
              Back to safety
            </Button>
            <Button variant="default" leftSection={<IconReload size={14} />} onClick={() => window.location.reload()}>
              Reload the window
            </Button>
          </Group>
        }
      >
        Nothing was changed. Go back to the moderation queue, or reload the window if it happens again.
        <Code block mt="sm" ta="left" style={{ whiteSpace: 'pre-wrap', maxHeight: 160, overflow: 'auto' }}>
          {error.message}
        </Code>
      </EmptyState>
    );
  }
}
