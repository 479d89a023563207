import { Group, Kbd, type MantineSize } from '@mantine/core';
import { keyLabels } from '../lib/keys';

/** A shortcut as keycaps: <KeyHint keys="mod+k" /> shows "Ctrl K" (⌘ K on macOS). */
export function KeyHint({ keys, size = 'xs' }: { keys: string; size?: MantineSize }) {
  return (
    <Group gap={2} wrap="nowrap" component="span" style={{ display: 'inline-flex' }} aria-label={keyLabels(keys).join('+')}>
      {keyLabels(keys).map((label, index) => (
        <Kbd key={`${label}-${index}`} size={size} style={{ lineHeight: 1.2, paddingBlock: 1 }}>
          {label}
        </Kbd>
      ))}
    </Group>
  );
}
