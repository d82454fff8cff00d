import { useEffect, useState } from 'react';
import {
  loadSeenRecipients,
  noteRecipientsSeen,
  type NamedRecipient,
} from '../../db/exportProtection.ts';
import { deploymentSettingsOf, loadDeploymentConfig } from './deploymentConfig.ts';

export interface KnownRecipients {
  known: NamedRecipient[];
  /** This station has seen recipients: a clear file needs a reason (decision 3). */
  seen: boolean;
}

/**
 * The recipients to encrypt to: the config's, else those this station saw last (decision 3).
 * Null while loading. `onLoad` is called once, for the first choice of a form.
 */
export function useKnownRecipients(
  onLoad: (known: NamedRecipient[]) => void = () => undefined,
): KnownRecipients | null {
  const [state, setState] = useState<KnownRecipients | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const configured = deploymentSettingsOf(await loadDeploymentConfig()).encryptionRecipients;
      await noteRecipientsSeen(configured).catch(() => undefined);
      const seen = await loadSeenRecipients();
      const known = configured.length > 0 ? configured : (seen?.recipients ?? []);
      if (!live) return;
      setState({ known, seen: seen !== null });
      onLoad(known);
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return state;
}
