import { Button } from '@mantine/core';
import { IconArrowLeft, IconMapQuestion } from '@tabler/icons-react';
import { DEFAULT_AREA } from '../lib/areas';
import { navigate } from '../lib/router';
import { EmptyState } from './EmptyState';

/** A link that names no page (a typo, a malformed or outdated link): said so, with the way back. */
export function NotFound({ home }: { home: string }) {
  return (
    <div data-testid="not-found">
      <EmptyState
        icon={<IconMapQuestion size={22} />}
        title="There is no such page"
        action={
          <Button variant="default" leftSection={<IconArrowLeft size={14} />} onClick={() => navigate(DEFAULT_AREA, { replace: true })}>
            Go to {home}
          </Button>
        }
      >
        The link you followed does not lead to a page of Aurora Desk: it may be mistyped, cut short, or from an older version.
      </EmptyState>
    </div>
  );
}
