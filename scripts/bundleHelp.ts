/**
 * The Japanese usage text of `npm run bundle -- …` (scripts/bundle.ts): one table of commands,
 * from which both the overview (`help`, `--help`, `-h`, or a usage error) and each command's own
 * page (`help verify`, `verify --help`) are written, so the two never disagree.
 */

interface CommandHelp {
  /** Arguments after the command name. */
  args: string;
  /** One line for the overview. */
  summary: string;
  /** More lines for the command's own page. */
  details: readonly string[];
  /** A command line to copy, after `npm run bundle -- `. */
  example?: string;
}

export const COMMAND_HELP = {
  keygen: {
    args: '--out DIR [--force]',
    summary: '鍵ペアを作る（DIR/private.pem, DIR/public.pem）',
    details: [
      'private.pem は秘密鍵です。作成者だけが読める権限で書き出します。厳重に保管し、配らないでください。',
      'public.pem は公開鍵です。受け取る側に配り、指紋（fingerprint コマンド）を電話などで読み上げて照合してもらいます。',
      'DIR に private.pem が既にあるときは、上書きせずに止まります。作り直すときは --force を付けます。',
    ],
    example: 'keygen --out keys',
  },
  sign: {
    args: 'FILE --key PRIVATE.pem --out OUT',
    summary: 'バンドルに署名する（issuer.keyId を設定し署名を付ける）',
    details: [
      'FILE の内容を確かめ、秘密鍵 PRIVATE.pem で署名したファイルを OUT に書き出します。FILE は変更しません。',
      'FILE に既に付いている署名は外して、付け直します。',
    ],
    example: 'sign draft.sonae.json --key keys/private.pem --out signed.sonae.json',
  },
  verify: {
    args: 'FILE --trust PUBLIC.pem [--trust PUBLIC.pem …]',
    summary: '署名と内容を検証する（0: 有効 / 1: 無効・改ざん・未登録の鍵 / 2: 使い方の誤り）',
    details: [
      '--trust で指定した公開鍵のどれかで正しく署名され、中身（記録ごとの版の識別子、添付ファイルの SHA-256 など）が壊れていなければ「有効」です。',
      '終了コード: 0 有効、1 無効（理由を日本語で 1 行表示）、2 使い方の誤り・読めないファイル。',
    ],
    example: 'verify sonae_市民課_20261201-0930_3.sonae.json --trust keys/public.pem',
  },
  inspect: {
    args: 'FILE [--trust PUBLIC.pem …]',
    summary: '内容の概要と署名の状態を表示する',
    details: [
      '発行元、作成日時、種類ごとの件数、添付ファイル、鍵の指紋を表示します。',
      '--trust を付けると署名も検証します。付けないと署名は「未確認」と表示します。',
    ],
    example: 'inspect sonae_市民課_20261201-0930_3.sonae.json',
  },
  fingerprint: {
    args: 'KEY.pem',
    summary: '鍵ID と電話で読み上げる指紋を表示する',
    details: ['公開鍵でも秘密鍵でも、同じ鍵なら同じ指紋になります。'],
    example: 'fingerprint keys/public.pem',
  },
  canonical: {
    args: 'FILE --out OUT',
    summary: '署名の対象（RFC 8785 正規形、署名を除く）を書き出す（OpenSSL での検証用）',
    details: ['OpenSSL での検証手順は docs/bundle-format.md の 9 にあります。'],
    example: 'canonical bundle.sonae.json --out canonical.bin',
  },
  signature: {
    args: 'FILE --out OUT',
    summary: '署名値（64バイト）をバイナリで書き出す（OpenSSL での検証用）',
    details: ['OpenSSL での検証手順は docs/bundle-format.md の 9 にあります。'],
    example: 'signature bundle.sonae.json --out sig.bin',
  },
  encrypt: {
    args: 'FILE (--recipient age1… [--recipient …] | --passphrase) --out OUT',
    summary: 'age で暗号化する（宛先の公開鍵、またはパスフレーズ）',
    details: [
      '署名済みのバンドルを、そのまま age v1 形式で暗号化します。age -d で復号でき、復号したファイルは元と同じ署名付きファイルです。',
      '--recipient は情報政策課などの age の公開鍵（age1…）です。運用鍵と保管鍵の両方を指定してください。',
      '--passphrase はパスフレーズで暗号化します（外部へ渡すとき）。パスフレーズは画面で2回尋ねます（パイプでは標準入力の1行目と2行目）。パスフレーズはファイルとは別の経路で伝えてください。',
      'ファイルと中身それぞれの SHA-256 を表示します（持ち出し記録との照合用）。',
    ],
    example:
      'encrypt bundle.sonae.json --recipient age1… --recipient age1… --out bundle.sonae.json.age',
  },
  decrypt: {
    args: 'FILE (--identity KEYFILE | --passphrase) --out OUT',
    summary: 'age で暗号化されたファイルを復号する',
    details: [
      'KEYFILE は age-keygen の形式の秘密鍵ファイル（AGE-SECRET-KEY-1…）です。パスフレーズで暗号化した鍵ファイル（age -p、Sonae の鍵のバックアップ）なら、パスフレーズを尋ねます。',
      '鍵が合わない、パスフレーズが違う、ファイルが途中で切れている・書き換えられているときは、理由を1行表示して終了コード 1 で止まり、OUT は書きません。',
      '復号したバンドルは verify で検証してください。',
    ],
    example: 'decrypt bundle.sonae.json.age --identity it-section.key --out bundle.sonae.json',
  },
  help: {
    args: '[コマンド]',
    summary: 'この説明を表示する（コマンドを付けると、そのコマンドの詳しい説明）',
    details: ['--help または -h でも表示できます（例: npm run bundle -- verify --help）。'],
    example: 'help verify',
  },
} as const satisfies Record<string, CommandHelp>;

export type CommandName = keyof typeof COMMAND_HELP;

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(COMMAND_HELP, name);
}

const PREFIX = 'npm run bundle --';

const NOTES = [
  'ファイルの場所は、コマンドを実行したフォルダーから数えます（絶対パスも使えます）。',
  '終了コード: 0 成功、1 ファイルが無効・改ざん・未登録の鍵、2 使い方の誤り・読めないファイル。',
];

/** Columns a terminal gives `text`: East Asian wide characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        char,
      )
        ? 2
        : 1;
  return width;
}

/** Where the one-line summaries start; a longer command puts its summary on the next line. */
const COLUMN = 42;

/** The overview: every command with its one line. */
export function overviewText(): string {
  const lines = (Object.entries(COMMAND_HELP) as [CommandName, CommandHelp][]).flatMap(
    ([name, help]) => {
      const head = `  ${name} ${help.args}`;
      const gap = COLUMN - displayWidth(head);
      return gap >= 2
        ? [`${head}${' '.repeat(gap)}${help.summary}`]
        : [head, `${' '.repeat(COLUMN)}${help.summary}`];
    },
  );
  return [
    `使い方: ${PREFIX} <コマンド> [引数]`,
    '',
    ...lines,
    '',
    ...NOTES,
    `コマンドごとの詳しい説明: ${PREFIX} help <コマンド>`,
  ].join('\n');
}

/** One command's own page. */
export function commandText(name: CommandName): string {
  const help: CommandHelp = COMMAND_HELP[name];
  return [
    `使い方: ${PREFIX} ${name} ${help.args}`,
    '',
    help.summary,
    ...help.details,
    ...(help.example ? ['', `例: ${PREFIX} ${help.example}`] : []),
    '',
    NOTES[0]!,
  ].join('\n');
}
