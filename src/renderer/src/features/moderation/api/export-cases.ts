import { useCallback, useState } from 'react';
import type { CaseFiltersInput, ModerationQueue } from '@shared/domain/moderation';
import { notifyError, notifyInfo, notifySuccess } from '@renderer/lib/notify';
import { useTRPCClient } from '@renderer/lib/trpc';

/** Downloads the current queue and filters as CSV. */
export function useExportCases(queue: ModerationQueue, filters: CaseFiltersInput) {
  const client = useTRPCClient();
  const [pending, setPending] = useState(false);
  const run = useCallback(async () => {
    setPending(true);
    try {
      const result = await client.moderation.exportCsv.query({ queue, filters });
      const url = URL.createObjectURL(new Blob([result.csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `aurora-cases-${queue}-${new Date().toISOString().slice(0, 10)}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      if (result.truncated) notifyInfo(`Exported ${result.rows.toLocaleString('en-US')} cases`, result.message ?? undefined);
      else notifySuccess(`Exported ${result.rows.toLocaleString('en-US')} cases`);
    } catch (error) {
      notifyError(error, 'Could not export the cases');
    } finally {
      setPending(false);
    }
  }, [client, filters, queue]);
  return { run, pending };
}
