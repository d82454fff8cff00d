// The settings sonae.config.json may hold besides keys (src/features/exchange/deploymentConfig.ts
// parses and checks them), apart from the parser so that screens can use the last good copy
// (src/db/deploymentSettingsCache.ts) without loading zod (issue 9: first screen).

/** What the IT section may set in the config besides keys, with the defaults applied. */
export interface DeploymentSettings {
  encryptionRecipients: { label: string; recipient: string }[];
  backupReminderDays: number;
  reviewPeriods: {
    procedureMonths: number;
    contactMonths: number;
    drillMonths: number;
    levelDrillMonths: number;
  };
  guidanceLanguages: string[];
  /**
   * Days the state before an import (取り込み前の状態) is kept: it holds the content of records
   * the import changed or deleted, so past this it goes (PRODUCT.md decision 5).
   */
  snapshotRetentionDays: number;
}

/** The settings of a station whose config is absent or refused. */
export const defaultDeploymentSettings: DeploymentSettings = {
  encryptionRecipients: [],
  backupReminderDays: 30,
  reviewPeriods: { procedureMonths: 12, contactMonths: 6, drillMonths: 12, levelDrillMonths: 12 },
  guidanceLanguages: [],
  snapshotRetentionDays: 90,
};
