/**
 * A token bucket per key: `burst` commands at once, refilled at `perSecond`.
 * The clock is an argument, so tests can drive it.
 */
export class RateLimiter {
	readonly #buckets = new Map<string, { tokens: number; at: number }>();
	readonly #burst: number;
	readonly #perSecond: number;

	constructor(options: { burst: number; perSecond: number }) {
		this.#burst = options.burst;
		this.#perSecond = options.perSecond;
	}

	/** Takes a token for `key`; false when the bucket is empty. */
	take(key: string, now: number): boolean {
		const bucket = this.#buckets.get(key) ?? { tokens: this.#burst, at: now };
		const tokens = Math.min(this.#burst, bucket.tokens + ((now - bucket.at) / 1000) * this.#perSecond);
		const allowed = tokens >= 1;
		this.#buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: now });
		if (this.#buckets.size > 10_000) this.#forgetFull(now);
		return allowed;
	}

	#forgetFull(now: number): void {
		for (const [key, bucket] of this.#buckets) {
			if (bucket.tokens + ((now - bucket.at) / 1000) * this.#perSecond >= this.#burst) this.#buckets.delete(key);
		}
	}
}
