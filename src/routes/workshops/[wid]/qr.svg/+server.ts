import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { roomOrigin, workshops } from '$lib/server/workshop/workshops.js';
import type { RequestHandler } from './$types';

/** The join link as a QR code (SVG), pointing at an address phones in the room can reach. */
export const GET: RequestHandler = async ({ params, url }) => {
	const row = workshops().store.workshop(params.wid);
	if (!row) error(404, m.wsx_no_workshop({}, { locale: getLocale() }));
	const svg = await QRCode.toString(`${roomOrigin(url)}/join/${row.code}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
	return new Response(svg, { headers: { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' } });
};
