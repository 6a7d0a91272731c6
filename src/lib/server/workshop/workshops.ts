import type { Cookies } from '@sveltejs/kit';
import { lanAddresses } from '../lanAddresses.js';
import { DATA_DIR, openDatabase } from './openDatabase.js';
import { RateLimiter } from './RateLimiter.js';
import { loadSecret, sameSecret, sign, unsign } from './signedValue.js';
import { WorkshopService } from './WorkshopService.js';

export { lanAddresses };

let service: WorkshopService | undefined;
let secret: Buffer | undefined;

/** The server's workshops, on the database in `BRANCHPOINT_DATA`; opened on first use. */
export function workshops(): WorkshopService {
	service ??= new WorkshopService(openDatabase(DATA_DIR));
	return service;
}

function cookieSecret(): Buffer {
	secret ??= loadSecret(DATA_DIR);
	return secret;
}

/** A participant sends at most 10 commands at once, refilled 2 a second. */
export const participantLimiter = new RateLimiter({ burst: 10, perSecond: 2 });
/** Workshops created from one address: 10 at once, then one a minute. */
export const createLimiter = new RateLimiter({ burst: 10, perSecond: 1 / 60 });
/** Joins from one address: 60 at once (a full room behind one router shares an address), then 2 a second. */
export const joinLimiter = new RateLimiter({ burst: 60, perSecond: 2 });

/**
 * Cookie options: HttpOnly and SameSite=Lax always; `Secure` only over
 * https, since a workshop on a room's LAN is plain HTTP and a Secure cookie
 * would never come back (SvelteKit makes cookies Secure by default).
 */
export function cookieOptions(url: URL) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: url.protocol === 'https:', maxAge: 60 * 60 * 24 * 14 };
}

const participantCookie = (workshopId: string) => `bp_p_${workshopId}`;
const facilitatorCookie = (workshopId: string) => `bp_f_${workshopId}`;

/** The participant this browser is in a workshop, from its signed cookie. */
export function participantOf(cookies: Cookies, workshopId: string): string | undefined {
	const value = unsign(cookieSecret(), cookies.get(participantCookie(workshopId)));
	return value?.startsWith(`${workshopId}:`) ? value.slice(workshopId.length + 1) : undefined;
}

export function rememberParticipant(cookies: Cookies, url: URL, workshopId: string, participant: string): void {
	cookies.set(participantCookie(workshopId), sign(cookieSecret(), `${workshopId}:${participant}`), cookieOptions(url));
}

/** Whether this browser holds the workshop's facilitator cookie. */
export function isFacilitator(cookies: Cookies, workshopId: string): boolean {
	return unsign(cookieSecret(), cookies.get(facilitatorCookie(workshopId))) === `facilitator:${workshopId}`;
}

/** Checks a facilitator's private key and, if right, remembers this browser as the facilitator. */
export function admitFacilitator(cookies: Cookies, url: URL, workshopId: string, key: string): boolean {
	const row = workshops().store.workshop(workshopId);
	if (!row || !sameSecret(row.facilitatorKey, key)) return false;
	cookies.set(facilitatorCookie(workshopId), sign(cookieSecret(), `facilitator:${workshopId}`), cookieOptions(url));
	return true;
}

export function forgetFacilitator(cookies: Cookies, url: URL, workshopId: string): void {
	cookies.delete(facilitatorCookie(workshopId), cookieOptions(url));
}

/**
 * The origin to print on join links and QR codes: the one the facilitator
 * used, unless that is this machine's own loopback name, which a phone
 * cannot reach; then the first LAN address.
 */
export function roomOrigin(url: URL): string {
	const loopback = url.hostname === 'localhost' || url.hostname.startsWith('127.') || url.hostname === '[::1]';
	const lan = lanAddresses()[0];
	return loopback && lan ? `${url.protocol}//${lan}${url.port ? `:${url.port}` : ''}` : url.origin;
}
