import { Group, Modal, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { useRegisteredKeys } from '../lib/keys';
import { KeyHint } from './KeyHint';

/** `?`: the keys of the current screen first, then the ones that work everywhere. */
export function KeysHelp({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const registrations = useRegisteredKeys();
  const screen = registrations.filter((r) => r.scope === 'screen');
  const global = registrations.filter((r) => r.scope === 'global');
  const section = (title: string, items: typeof registrations) => (
    <Stack gap={6}>
      <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: 0.6 }}>
        {title}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          This screen has no keys of its own.
        </Text>
      ) : (
        items.map((registration) => (
          <Stack gap={3} key={registration.id}>
            {items.length > 1 || registration.group !== title ? (
              <Text size="xs" c="dimmed">
                {registration.group}
              </Text>
            ) : null}
            {registration.bindings.map((binding) => (
              <Group key={`${binding.keys}-${binding.label}`} justify="space-between" wrap="nowrap" gap="md">
                <Text size="sm">{binding.label}</Text>
                <KeyHint keys={binding.keys} />
              </Group>
            ))}
          </Stack>
        ))
      )}
    </Stack>
  );
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="lg" scrollAreaComponent={ScrollArea.Autosize}>
      <SimpleGrid cols={2} spacing="xl" data-testid="keys-help">
        {section('This screen', screen)}
        {section('Everywhere', global)}
      </SimpleGrid>
    </Modal>
  );
}
