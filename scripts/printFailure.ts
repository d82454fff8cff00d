/**
 * An expected way for `npm run print` to stop (a refused file, a missing build, a layout that did
 * not render): its message is the one Japanese line printed, never a stack trace.
 */
export class PrintFailure extends Error {
  override name = 'PrintFailure';
}
