/** A problem with how the command was called or with its files: exit code 2, one clear line. */
export class UsageError extends Error {}
