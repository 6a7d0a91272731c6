import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes that survive a crash: what is acknowledged has reached the disk,
 * and a crash mid-write leaves the old bytes or the new, never a mix.
 * A file's fsync does not cover its name; its folder is synced too.
 */

/** Flushes a folder's entries (a new name, a rename) to disk. */
export function syncFolder(dir: string): void {
	const fd = openSync(dir, 'r');
	try {
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

function writeAll(fd: number, bytes: Uint8Array): void {
	for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

/**
 * Replaces `path` atomically: a temporary file in the same folder (so the
 * rename stays on one file system), written and fsynced, renamed over the
 * old file, then the folder synced. The old file's permissions are kept.
 */
export function writeDurably(path: string, bytes: Uint8Array): void {
	const dir = dirname(path);
	const mode = existsSync(path) ? statSync(path).mode & 0o777 : 0o644;
	const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
	const fd = openSync(temp, 'wx', mode);
	try {
		try {
			writeAll(fd, bytes);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(temp, path);
	} catch (error) {
		if (existsSync(temp)) unlinkSync(temp);
		throw error;
	}
	syncFolder(dir);
}

/** Appends to `path` (made if missing) and fsyncs it; a new file's folder is synced too. */
export function appendDurably(path: string, bytes: Uint8Array): void {
	const made = !existsSync(path);
	const fd = openSync(path, 'a', 0o644);
	try {
		writeAll(fd, bytes);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	if (made) syncFolder(dirname(path));
}
