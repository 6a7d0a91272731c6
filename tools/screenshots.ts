// Takes the README's screenshots of the workbench at every screen size the
// product is checked at, into docs/images: `npx tsx tools/screenshots.ts`.
// Builds the app as `npm start` does and serves the shipped scenarios.
import { launchBrowser } from './browser.js';
import { buildApp, serveApp } from './serveApp.js';

export const SCREENS = [
	{ name: 'projector', width: 1920, height: 1080 },
	{ name: 'laptop-1366', width: 1366, height: 768 },
	{ name: 'laptop-1280', width: 1280, height: 800 },
	{ name: 'small-laptop', width: 1024, height: 700 },
	{ name: 'tablet', width: 768, height: 1024 },
	{ name: 'phone', width: 390, height: 844 }
] as const;

buildApp();
const app = await serveApp({ scenarioDirs: ['scenarios'] });
const browser = await launchBrowser();
try {
	for (const screen of SCREENS) {
		const page = await browser.newPage({ viewport: { width: screen.width, height: screen.height } });
		await page.goto(`${app.baseURL}/s/russia-dprk-2024`);
		await page.waitForSelector('[data-hydrated] [data-testid="node"]');
		await page.waitForTimeout(500);
		const path = `docs/images/workbench-${screen.width}x${screen.height}.png`;
		await page.screenshot({ path });
		console.log(`${path} (${screen.name})`);
		await page.close();
	}
} finally {
	await browser.close();
	app.stop();
}
