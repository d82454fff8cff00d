import { startStaticServer } from './staticServer.ts';

/** Serves dist/ under /sonae/ on localhost, as an intranet server would. */
async function main() {
  const port = Number(process.env.PORT ?? 4173);
  const { url } = await startStaticServer({ root: 'dist', basePath: '/sonae/', port });
  console.log(
    `備え Sonae: ${url} を開いてください（初回は「デモデータで試す」で架空市のデータを読み込めます）。Ctrl+C で終了。`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
