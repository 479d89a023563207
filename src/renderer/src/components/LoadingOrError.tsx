import { Center, Loader } from '@mantine/core';
import { ErrorState } from './ErrorState';

/** A query, as far as telling why it has no data goes (TanStack Query's answer). */
interface UnansweredQuery {
  isError: boolean;
  error: unknown;
  refetch(): Promise<unknown>;
}

export interface LoadingOrErrorProps {
  query: UnansweredQuery;
  /** What could not be loaded: "the inventory". */
  what: string;
  compact?: boolean;
}

/**
 * What a panel shows while its query has no data to show: a small loader while it loads, or
 * the failure with a retry. Panels call it for `!query.isSuccess`, so a failed load and a
 * loading one look the same on every screen.
 */
export function LoadingOrError({ query, what, compact }: LoadingOrErrorProps) {
  if (query.isError) return <ErrorState compact={compact} error={query.error} onRetry={() => void query.refetch()} what={what} />;
  return (
    <Center py="xl">
      <Loader size="sm" />
    </Center>
  );
}
