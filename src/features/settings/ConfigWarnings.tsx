import { useDeploymentConfig } from '../exchange/KeysSection.tsx';
import { DEPLOYMENT_CONFIG_FILE } from '../exchange/deploymentConfig.ts';
import { Banner } from '../common/Banner.tsx';

/** The deployment config's warnings (unknown keys: warned, never refused; PRODUCT.md decision 3). */
export function ConfigWarnings() {
  const config = useDeploymentConfig();
  if (config?.status !== 'ok' || config.warnings.length === 0) return null;
  return (
    <Banner kind="info">
      配布設定ファイル（{DEPLOYMENT_CONFIG_FILE}）について、情報システム担当に伝えてください:
      <ul>
        {config.warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    </Banner>
  );
}
