// Which operation a screen shows: the one asked for in the URL, else the one last looked at on
// this device, else the first the bureau takes part in.
import type { Operation } from './api.ts';

const LAST_OPERATION = 'cordon.operation';

export function chooseOperation(operations: readonly Operation[], requested?: string | null): Operation | undefined {
  const remembered = localStorage.getItem(LAST_OPERATION);
  return operations.find((o) => o.id === requested) ?? operations.find((o) => o.id === remembered) ?? operations[0];
}

export function rememberOperation(id: string): void {
  localStorage.setItem(LAST_OPERATION, id);
}
