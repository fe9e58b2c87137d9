/**
 * Why the system refused to read or write a path, in words a person can act on, from Node's
 * error code (EACCES, ENOSPC, ...). The code itself is kept in brackets for specialists.
 *
 * @example fsReason({ code: 'EACCES' }) // 'no permission (EACCES)'
 */
const REASONS: Record<string, string> = {
  EACCES: 'no permission',
  EPERM: 'no permission',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'the path has a loop of links',
  EEXIST: 'something of that name exists already',
  EIO: 'the device reports an input/output error',
  EBUSY: 'the file is in use',
  ETXTBSY: 'the file is in use',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EINVAL: 'the system does not allow it here',
  ENXIO: 'no device answers at this path',
};

export function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return 'the system refused';
  return `${REASONS[code] ?? 'the system refused'} (${code})`;
}

/** Whether a thrown value is a file system error (it has an errno code such as 'ENOENT'). */
export function isFsError(err: unknown): err is NodeJS.ErrnoException {
  return err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((err as NodeJS.ErrnoException).code!);
}
