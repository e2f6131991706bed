'use client';

import { useState } from 'react';
import type { ApiResult } from '@/lib/http/api-client';
import type { LabTopology } from '@/lib/labs/cluster/api-client';

/**
 * A failover, restart or reshard requested from a lab view: one at a time (`operating` disables
 * the controls), the topology it answers shown at once, its error kept to show. `onSettled` runs
 * after each, answered or not.
 */
export function useLabOperation(showTopology: (topology: LabTopology) => void, onSettled?: () => void) {
  const [operating, setOperating] = useState(false);
  const [operationError, setOperationError] = useState<string | null>(null);
  const operate = async (call: () => Promise<ApiResult<LabTopology>>) => {
    setOperating(true);
    setOperationError(null);
    const result = await call();
    setOperating(false);
    if (result.ok) showTopology(result);
    else setOperationError(result.error);
    onSettled?.();
  };
  return { operating, operationError, setOperationError, operate };
}
