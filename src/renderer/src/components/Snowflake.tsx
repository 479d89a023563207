import { ActionIcon, CopyButton, Group, Text, Tooltip, type MantineSize } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

export interface SnowflakeProps {
  /** A Discord ID: bigint or its decimal string, never a JS number. */
  id: bigint | string;
  /** What the ID names, for the copy button's label: "user ID". */
  kind?: string;
  size?: MantineSize;
  /** Hide the copy button (inside dense tables that copy on row action instead). */
  noCopy?: boolean;
}

/** A snowflake in full, monospaced, with a copy button. */
export function Snowflake({ id, kind = 'ID', size = 'sm', noCopy = false }: SnowflakeProps) {
  const text = typeof id === 'bigint' ? id.toString() : id;
  return (
    <Group gap={2} wrap="nowrap" component="span" style={{ display: 'inline-flex', verticalAlign: 'middle' }}>
      <Text span ff="monospace" size={size} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-snowflake={text}>
        {text}
      </Text>
      {noCopy ? null : (
        <CopyButton value={text} timeout={1500}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : `Copy ${kind}`} withArrow>
              <ActionIcon
                size="xs"
                variant="subtle"
                color={copied ? 'teal' : 'gray'}
                onClick={(event) => {
                  event.stopPropagation();
                  copy();
                }}
                aria-label={`Copy ${kind} ${text}`}
              >
                {copied ? <IconCheck size={12} /> : <IconCopy size={12} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      )}
    </Group>
  );
}
