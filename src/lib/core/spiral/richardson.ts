/**
 * Richardson's arms-race model (L. F. Richardson, "Arms and Insecurity",
 * 1960): two sides' armament levels x and y,
 *
 *   dx/dt = k·y − a·x + g
 *   dy/dt = l·x − b·y + h
 *
 * k, l: how strongly each side reacts to the other's level (deterrence
 * strengthening raises the adversary's reaction); a, b: restraint (economic
 * and sanctions constraints damp it); g, h: standing grievances. The system
 * is stable — levels settle — when a·b > k·l; otherwise it spirals, growing
 * at the rate of the dominant eigenvalue.
 */
export interface RichardsonParameters {
	k: number;
	l: number;
	a: number;
	b: number;
	g: number;
	h: number;
	x0: number;
	y0: number;
}

export interface RichardsonAnalysis {
	stable: boolean;
	/** a·b and k·l: the two sides of the stability condition a·b > k·l. */
	restraint: number;
	reaction: number;
	/** Dominant eigenvalue of [[−a, k], [l, −b]]: the spiral's growth rate when positive. */
	growth: number;
	/** The equilibrium levels when the system is stable. */
	equilibrium?: { x: number; y: number };
	/** 1 − e^(−growth·horizon) when spiralling, else 0: the chance-like risk the tree reads. */
	risk: number;
}

/** Stability, growth rate and spiral risk over `horizon` time units. Pure. */
export function analyseRichardson(p: RichardsonParameters, horizon: number): RichardsonAnalysis {
	const restraint = p.a * p.b;
	const reaction = p.k * p.l;
	// Complex eigenvalues (k·l < 0, one side appeasing) oscillate; their real part is −(a+b)/2.
	const discriminant = (p.a - p.b) ** 2 + 4 * reaction;
	const growth = (-(p.a + p.b) + (discriminant > 0 ? Math.sqrt(discriminant) : 0)) / 2;
	const stable = restraint > reaction;
	const det = restraint - reaction;
	const equilibrium = stable ? { x: (p.b * p.g + p.k * p.h) / det, y: (p.a * p.h + p.l * p.g) / det } : undefined;
	return { stable, restraint, reaction, growth, equilibrium, risk: growth > 0 ? 1 - Math.exp(-growth * horizon) : 0 };
}

export interface TrajectoryPoint {
	t: number;
	x: number;
	y: number;
}

/** The levels over time by fourth-order Runge–Kutta, `steps` steps up to `horizon`. Pure. */
export function richardsonTrajectory(p: RichardsonParameters, horizon: number, steps = 100): TrajectoryPoint[] {
	const f = (x: number, y: number): [number, number] => [p.k * y - p.a * x + p.g, p.l * x - p.b * y + p.h];
	const dt = horizon / steps;
	let x = p.x0;
	let y = p.y0;
	const out: TrajectoryPoint[] = [{ t: 0, x, y }];
	for (let i = 1; i <= steps; i++) {
		const [k1x, k1y] = f(x, y);
		const [k2x, k2y] = f(x + (dt / 2) * k1x, y + (dt / 2) * k1y);
		const [k3x, k3y] = f(x + (dt / 2) * k2x, y + (dt / 2) * k2y);
		const [k4x, k4y] = f(x + dt * k3x, y + dt * k3y);
		x += (dt / 6) * (k1x + 2 * k2x + 2 * k3x + k4x);
		y += (dt / 6) * (k1y + 2 * k2y + 2 * k3y + k4y);
		out.push({ t: i * dt, x, y });
	}
	return out;
}
