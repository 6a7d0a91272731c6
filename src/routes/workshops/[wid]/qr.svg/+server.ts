import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { roomOrigin, workshops } from '$lib/server/workshop/workshops.js';
import type { RequestHandler } from './$types';

/** The join link as a QR code (SVG), pointing at an address phones in the room can reach. */
export const GET: RequestHandler = async ({ params, url }) => {
	const row = workshops().store.workshop(params.wid);
	if (!row) error(404, 'No such workshop.');
	const svg = await QRCode.toString(`${roomOrigin(url)}/join/${row.code}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
	return new Response(svg, { headers: { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' } });
};
