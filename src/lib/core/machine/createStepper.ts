import { createActor, type ActorScope, type AnyMachineSnapshot } from 'xstate';
import type { Values } from '../scenario/resolveValues.js';
import type { ScenarioModel } from './buildMachine.js';

export interface Stepper {
	readonly initial: AnyMachineSnapshot;
	/** The snapshot after `event`, by the machine's own `transition`. Pure. */
	step(snapshot: AnyMachineSnapshot, event: { type: string }): AnyMachineSnapshot;
}

/**
 * XState's own transition logic (`machine.getInitialSnapshot`,
 * `machine.transition`) behind one inert actor scope for a whole walk.
 * xstate's standalone `transition()` builds a fresh actor for every call
 * (~80 µs), which dominated unrolling; the machine's transitions here run
 * only `assign` actions, which XState applies inside `transition` itself,
 * so the scope never executes anything. Pure: no actor is started.
 */
export function createStepper(model: ScenarioModel, values: Values): Stepper {
	const self = createActor(model.machine, { input: { values } });
	const scope: ActorScope<AnyMachineSnapshot, { type: string }> = {
		self,
		id: self.id,
		sessionId: self.sessionId,
		system: self.system,
		logger: () => {},
		defer: () => {},
		emit: () => {},
		stopChild: () => {},
		actionExecutor: () => {}
	};
	const machine = model.machine;
	return {
		initial: machine.getInitialSnapshot(scope as never, { values }) as AnyMachineSnapshot,
		step: (snapshot, event) => machine.transition(snapshot as never, event, scope as never) as AnyMachineSnapshot
	};
}
