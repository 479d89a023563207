/**
 * When the channel list cannot be loaded: why, in plain words, and a field to type or paste the
 * channel's ID instead (right-click the channel in Discord → Copy Channel ID).
 */
import { ActionIcon, Stack, TagsInput, Text, TextInput, Tooltip } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { describeError } from '@renderer/lib/errors';

export const isChannelId = (value: string) => /^\d{15,20}$/.test(value.trim());

const HOW = 'In Discord: right-click the channel → Copy Channel ID (Developer Mode on, under Settings → Advanced).';

function ListFailed({ error, onRetry }: { error: unknown; onRetry(): void }) {
  return (
    <Text size="xs" c="dimmed" data-testid="channel-list-failed">
      {describeError(error).message.replace(/^The channel list could not be loaded: /, 'The channel list could not be loaded from Discord: ')} Type or paste
      the channel&apos;s ID instead, or{' '}
      <Text span size="xs" c="var(--mantine-color-anchor)" style={{ cursor: 'pointer' }} onClick={onRetry} role="button" tabIndex={0}>
        try the list again
      </Text>
      .
    </Text>
  );
}

export interface ChannelIdInputProps {
  value: string;
  onChange(id: string): void;
  listError: unknown;
  onRetry(): void;
  error?: string;
  testId: string;
}

export function ChannelIdInput({ value, onChange, listError, onRetry, error, testId }: ChannelIdInputProps) {
  const problem = value.trim() && !isChannelId(value) ? 'A channel ID is 15 to 20 digits' : undefined;
  return (
    <Stack gap={4}>
      <TextInput
        label="Channel ID"
        description={HOW}
        placeholder="e.g. 1400000000000000201"
        inputMode="numeric"
        autoComplete="off"
        ff="monospace"
        value={value}
        onChange={(event) => onChange(event.currentTarget.value.trim())}
        error={error ?? problem}
        rightSection={
          <Tooltip label="Load the channel list again">
            <ActionIcon variant="subtle" size="sm" onClick={onRetry} aria-label="Load the channel list again">
              <IconRefresh size={14} />
            </ActionIcon>
          </Tooltip>
        }
        data-testid={testId}
      />
      <ListFailed error={listError} onRetry={onRetry} />
    </Stack>
  );
}

export interface ChannelIdsInputProps {
  value: string[];
  onChange(ids: string[]): void;
  listError: unknown;
  onRetry(): void;
  error?: string;
  testId: string;
}

/** The burst form's several channels, typed or pasted as IDs (Enter, comma or space between them). */
export function ChannelIdsInput({ value, onChange, listError, onRetry, error, testId }: ChannelIdsInputProps) {
  return (
    <Stack gap={4}>
      <TagsInput
        label="Channel IDs"
        description={`Drops go to these in turn. ${HOW}`}
        placeholder={value.length ? undefined : 'Paste a channel ID, then Enter'}
        value={value}
        onChange={(ids) => onChange([...new Set(ids.map((id) => id.trim()).filter(isChannelId))])}
        splitChars={[',', ' ', '\n']}
        error={error}
        data-testid={testId}
      />
      <ListFailed error={listError} onRetry={onRetry} />
    </Stack>
  );
}
