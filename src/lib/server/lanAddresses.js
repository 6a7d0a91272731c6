// Plain JavaScript so that tools/start.js (run by node without a build step)
// and the app share it.
import { networkInterfaces } from 'node:os';

/** Interfaces of containers, bridges and VPNs: phones in the room are not on them. */
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|tun|tap|wg|utun|zt|tailscale)/;

/**
 * This machine's non-internal IPv4 addresses, where phones in the room can
 * reach the server: those of physical interfaces first.
 * @returns {string[]}
 */
export function lanAddresses() {
	const all = Object.entries(networkInterfaces()).flatMap(([name, list]) =>
		(list ?? []).filter((a) => a.family === 'IPv4' && !a.internal).map((a) => ({ name, address: a.address }))
	);
	return [...all.filter((a) => !VIRTUAL.test(a.name)), ...all.filter((a) => VIRTUAL.test(a.name))].map((a) => a.address);
}
