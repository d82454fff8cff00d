import { useEffect, useState } from 'react';
import { onDatabaseProblem, type DatabaseProblem } from '../db/databaseEvents.ts';

const messages: Record<DatabaseProblem, string> = {
  versionchange:
    '別のタブで新しい版の備えが開かれました。この画面の入力内容は下書きとして残っています。このタブを再読み込みしてください。',
  blocked:
    '古い版の備えが別のタブで開いているため、データベースを更新できません。ほかの備えのタブを閉じてください。',
};

export function DatabaseProblemBanner() {
  const [problem, setProblem] = useState<DatabaseProblem | null>(null);
  useEffect(() => onDatabaseProblem(setProblem), []);
  if (!problem) return null;
  return (
    <div className="banner banner-error" role="alert">
      {messages[problem]}
    </div>
  );
}
