import { useState } from 'react';
import { actionErrorMessage } from './errors';

/**
 * A write a person starts (a submit, an Approve): whether it is running, and
 * the message of its last failure, worded by `actionErrorMessage` (a 403
 * names the missing permission). `run` clears the last failure, awaits the
 * call and says whether it succeeded; what to do on success belongs in the
 * call, after its await.
 */
export function useAction(action: { doing: string; permission: string }): {
  pending: boolean;
  error: string | undefined;
  run: (call: () => Promise<unknown>) => Promise<boolean>;
} {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (call: () => Promise<unknown>) => {
    setPending(true);
    setError(undefined);
    try {
      await call();
      return true;
    } catch (e) {
      setError(actionErrorMessage(e as Error, action));
      return false;
    } finally {
      setPending(false);
    }
  };

  return { pending, error, run };
}
