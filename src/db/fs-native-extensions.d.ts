/** The part of fs-native-extensions (holepunchto; prebuilt binaries ship in the package) the bot uses. */
declare module 'fs-native-extensions' {
  /** An exclusive (or shared) lock on the open file; false when another open file description holds it. */
  export function tryLock(fd: number, options?: { shared?: boolean }): boolean;
  export function unlock(fd: number): void;
}
