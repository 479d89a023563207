/**
 * The case's metadata: readable (nested keys, values as plain text, big integers exact) or the
 * raw JSON. Metadata that is not an object, or too large, is shown raw with a word about it.
 */
import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { CaseDetail } from '@shared/domain/moderation';
import classes from './moderation.module.css';

const MAX_DEPTH = 4;
const kindWords: Partial<Record<CaseDetail['metadataKind'], string>> = { array: 'an array', string: 'a string', number: 'a number', boolean: 'a boolean', null: 'null' };
const MAX_ITEMS = 50;

function Value({ value, depth }: { value: unknown; depth: number }): ReactNode {
  if (value === null) return <Text span size="xs" c="dimmed">null</Text>;
  if (typeof value === 'bigint' || typeof value === 'number') return <Text span size="xs" ff="monospace">{value.toString()}</Text>;
  if (typeof value === 'boolean') return <Text span size="xs" ff="monospace">{String(value)}</Text>;
  if (typeof value === 'string') return <Text span size="xs" className={classes.plainText}>{value}</Text>;
  if (depth >= MAX_DEPTH) return <Text span size="xs" c="dimmed">… (see raw JSON)</Text>;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v]) : Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return <Text span size="xs" c="dimmed">{Array.isArray(value) ? '[]' : '{}'}</Text>;
  return (
    <Stack gap={1} pl={depth ? 10 : 0} style={{ borderLeft: depth ? '1px solid var(--desk-border)' : undefined }}>
      {entries.slice(0, MAX_ITEMS).map(([key, v]) => (
        <Group key={key} gap={6} wrap="nowrap" align="flex-start">
          <Text span size="xs" c="dimmed" ff="monospace" style={{ flex: 'none' }}>
            {key}
          </Text>
          <div style={{ minWidth: 0 }}>
            <Value value={v} depth={depth + 1} />
          </div>
        </Group>
      ))}
      {entries.length > MAX_ITEMS ? <Text size="xs" c="dimmed">… {entries.length - MAX_ITEMS} more (see raw JSON)</Text> : null}
    </Stack>
  );
}

export function MetadataView({ detail }: { detail: CaseDetail }) {
  // Only an object is shown readably; anything else the bot stored is shown exactly as it is.
  const readable = detail.metadataKind === 'object';
  const [mode, setMode] = useState<'readable' | 'raw'>('readable');
  const showRaw = !readable || mode === 'raw';
  const note =
    detail.metadataKind === 'too-large'
      ? `Too large to show in full (${detail.metadataBytes.toLocaleString('en-US')} bytes): the start of it, raw.`
      : !readable
        ? `The bot stored ${kindWords[detail.metadataKind] ?? detail.metadataKind}, not an object: shown as it is. Notes and claims cannot be added to this case.`
        : null;
  return (
    <Stack gap={6} data-testid="case-metadata">
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {detail.botMetadataKeys.length ? `Bot keys: ${detail.botMetadataKeys.join(', ')}` : readable ? 'No keys from the bot' : ''}
        </Text>
        {readable ? (
          <SegmentedControl size="xs" value={mode} onChange={(v) => setMode(v as typeof mode)} data={[{ value: 'readable', label: 'Readable' }, { value: 'raw', label: 'Raw JSON' }]} />
        ) : null}
      </Group>
      {note ? <Text size="xs" c="yellow">{note}</Text> : null}
      {showRaw ? <pre className={classes.raw} data-testid="metadata-raw">{detail.metadataRaw}</pre> : <Value value={detail.metadata} depth={0} />}
    </Stack>
  );
}
