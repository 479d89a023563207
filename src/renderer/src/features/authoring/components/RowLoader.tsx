import { Loader } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { ErrorState } from '@renderer/components/ErrorState';

interface RowQuery<Row> {
  data?: Row;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch(): Promise<unknown>;
}

/**
 * Loads the row an editor opens, then renders the editor for it; 'new' starts blank at once.
 * Keyed by id, so opening another row starts a fresh draft.
 */
export function RowLoader<Row>({ noun, id, query, children }: { noun: string; id: number | 'new'; query: RowQuery<Row>; children(stored: Row | null): ReactNode }) {
  if (id !== 'new' && query.isPending) return <Loader size="sm" m="md" />;
  if (id !== 'new' && query.isError) return <ErrorState compact error={query.error} onRetry={() => void query.refetch()} what={`${noun} #${id}`} />;
  return <Fragment key={String(id)}>{children(id === 'new' ? null : (query.data ?? null))}</Fragment>;
}
