// The operation a screen is about: the one asked for in the address, else the one last looked at
// on this device, else the first the bureau takes part in; with the loading, error and "no
// operation" states every such screen needs.
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Operation } from '../api.ts';
import { chooseOperation, rememberOperation } from '../operation.ts';
import { Empty, Failed, Loading } from './States.tsx';

export function useOperations() {
  return useQuery({ queryKey: ['operations'], queryFn: () => api<Operation[]>('/api/operations') });
}

/**
 * Renders its children with the chosen operation once the operations are known.
 * @example <WithOperation>{(operation) => <CaseTable operationId={operation.id} />}</WithOperation>
 */
export function WithOperation({ requested, children }: { requested?: string | null; children: (operation: Operation) => ReactNode }) {
  const { t } = useTranslation();
  const operations = useOperations();
  const chosen = operations.data ? chooseOperation(operations.data, requested) : undefined;
  useEffect(() => {
    if (chosen) rememberOperation(chosen.id);
  }, [chosen]);
  if (operations.isPending) return <Loading />;
  // A failed refresh of a list already read (a flaky network) keeps the screen on what was read.
  if (operations.isError && !operations.data) return <Failed error={operations.error} retry={() => void operations.refetch()} />;
  if (!chosen) return <Empty>{t('dashboard.noOperations')}</Empty>;
  return children(chosen);
}
