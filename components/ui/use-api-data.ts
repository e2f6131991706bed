'use client';

import { useEffect, useState } from 'react';
import type { ApiResult } from '@/lib/http/api-client';

export type ApiData<T> = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; data: T };

/** Loads once on mount (load must be stable, e.g. a module-level function) and ignores a late answer after unmount. */
export function useApiData<T>(load: () => Promise<ApiResult<T>>): ApiData<T> {
  const [state, setState] = useState<ApiData<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void load().then((result) => {
      if (current) setState(result.ok ? { status: 'ready', data: result } : { status: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [load]);
  return state;
}
