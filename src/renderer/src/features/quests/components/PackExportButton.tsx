import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import type { PackExportInput } from '@shared/domain/quest-pack';
import { downloadFile } from '@renderer/lib/download';
import { notifyInfo, notifySuccess } from '@renderer/lib/notify';
import { useExportPack } from '../api';

/** Export as a quest pack file: one quest, all quests, or the item catalogue. */
export function PackExportButton({ questId }: { questId?: number }) {
  const exporter = useExportPack();
  const run = (input: PackExportInput) =>
    exporter.mutate(input, {
      onSuccess: ({ pack, fileName, skipped }) => {
        downloadFile(fileName, `${JSON.stringify(pack, null, 2)}\n`, 'application/json');
        notifySuccess(`Exported ${fileName}`, `${pack.quests.length} quests and ${pack.items.length} items.`);
        if (skipped.length) {
          notifyInfo(
            `${skipped.length} left out`,
            skipped
              .slice(0, 5)
              .map((s) => `${s.kind} “${s.name}”: ${s.reason}`)
              .join('\n'),
          );
        }
      },
    });
  if (questId !== undefined) {
    return (
      <Button variant="subtle" leftSection={<IconDownload size={14} />} loading={exporter.isPending} onClick={() => run({ quests: [questId], items: 'referenced' })}>
        Export
      </Button>
    );
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={14} />} rightSection={<IconChevronDown size={12} />} loading={exporter.isPending} data-testid="pack-export">
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => run({ quests: 'all', items: 'referenced' })}>All quests, with the items they reward</Menu.Item>
        <Menu.Item onClick={() => run({ quests: 'none', items: 'all' })}>The item catalogue</Menu.Item>
        <Menu.Item onClick={() => run({ quests: 'all', items: 'all' })}>Everything: all quests and all items</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
