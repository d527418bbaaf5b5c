import { useMemo } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { MaturityCapabilitiesResponse } from '@flywheel/plugin-flywheel-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { flywheelApiRef } from '../api';

/** The board's capabilities as loaded, for the board and the timeline's titles. */
export interface CapabilitiesState {
  value?: MaturityCapabilitiesResponse;
  loading: boolean;
  error?: Error;
  retry: () => void;
}

/**
 * Loads the capabilities once for a page that shows them on the board and
 * names them in the timeline.
 */
export function useMaturityCapabilities(): CapabilitiesState & {
  titles: Map<string, string>;
} {
  const flywheelApi = useApi(flywheelApiRef);
  const state = useAsyncRetry(
    () => flywheelApi.getMaturityCapabilities(),
    [flywheelApi],
  );
  const titles = useMemo(
    () =>
      new Map(
        (state.value?.items ?? []).map(c => [c.entityRef, c.title] as const),
      ),
    [state.value],
  );
  return { ...state, titles };
}
