// Serves the built app (adapter-node's handler) on PORT (3000) and HOST
// (0.0.0.0), and prints every address participants in the room can use.
//
// This server speaks plain HTTP, so it tells the app so: adapter-node
// otherwise assumes https when no ORIGIN is set, which makes SvelteKit's
// cross-site form check refuse a phone that reached the server by its LAN
// address and makes cookies Secure (never sent back over HTTP). Behind a
// TLS proxy, set ORIGIN or PROTOCOL_HEADER as adapter-node documents.
import http from 'node:http';
import { lanAddresses } from '../src/lib/server/lanAddresses.js';

const OWN_HEADER = 'x-branchpoint-protocol';
const tellProtocol = !process.env.ORIGIN && !process.env.PROTOCOL_HEADER;
if (tellProtocol) process.env.PROTOCOL_HEADER = OWN_HEADER;
const { handler } = await import('../build/handler.js');

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const server = http.createServer((req, res) => {
	if (tellProtocol) req.headers[OWN_HEADER] = 'http';
	handler(req, res);
});
server.listen(port, host, () => {
	const lan = lanAddresses();
	const everywhere = host === '0.0.0.0' || host === '::';
	console.log('Branchpoint is serving:');
	for (const address of everywhere ? ['localhost', ...lan] : [host]) console.log(`  http://${address}:${port}/`);
	if (everywhere) console.log(lan.length > 0 ? `Participants join at http://${lan[0]}:${port}/join` : 'No network address found: only this machine can reach the workshop.');
});
// Open event streams would keep close() waiting; give them two seconds.
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => {
		server.close(() => process.exit(0));
		setTimeout(() => process.exit(0), 2000).unref();
	});
}
