import { Box, Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { KeyHint } from '@renderer/components/KeyHint';
import { useRoute } from '@renderer/lib/router';

/** The row a page edits, from its route: #/<area>/<id>, #/<area>/new, or none. */
export function useEditingTarget(): number | 'new' | null {
  const target = useRoute().rest[0];
  return target === 'new' ? 'new' : target && /^\d+$/.test(target) ? Number(target) : null;
}

/** The header's "New quest" / "New item" (`<noun>-new`); the page binds N to the same. */
export function NewRowButton({ noun, onClick }: { noun: string; onClick(): void }) {
  return (
    <Button leftSection={<IconPlus size={14} />} rightSection={<KeyHint keys="n" />} onClick={onClick} data-testid={`${noun}-new`}>
      {`New ${noun}`}
    </Button>
  );
}

/** The list on the left at `listWidth` ('fill': all the room, while nothing is edited), the editor on the right. */
export function AuthoringSplit({ listWidth, list, editor }: { listWidth: number | 'fill'; list: ReactNode; editor: ReactNode }) {
  const fill = listWidth === 'fill';
  return (
    <Group gap={0} align="stretch" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
      {/* In a small window the list yields (a third at most), so the editor keeps room for its words. */}
      <Box w={fill ? '100%' : `min(${listWidth}px, 33%)`} style={{ flex: fill ? 1 : 'none', minWidth: 0, borderRight: '1px solid var(--desk-border)' }}>
        {list}
      </Box>
      {editor ? <Box style={{ flex: 1, minWidth: 0 }}>{editor}</Box> : null}
    </Group>
  );
}
