export type NodeKind = 'decision' | 'chance' | 'terminal';

/** A criterion's payoff formula incurred on arriving at a node. */
export interface PayoffTerm {
	criterion: string;
	formula: string;
	/** A move's payoff reads the machine's context as it was before the move; a state's, as the state was entered. */
	of: 'move' | 'state';
}

/** One node of the unrolled tree: being in a machine state after a path of moves. */
export interface TreeNode {
	index: number;
	/** -1 for the root. */
	parent: number;
	depth: number;
	kind: NodeKind;
	state: string;
	/** Who moves here; undefined at terminals. */
	actor?: string;
	/** The move (XState event) that led here from the parent. */
	move?: string;
	/** Move ids from the root, joined with "/"; "" at the root. */
	path: string;
	/** The formula of the move's probability, when the parent is a chance node that gives one. */
	probability?: string;
	/** Payoffs of the move that led here and of entering the state. */
	payoffs: PayoffTerm[];
	children: number[];
	/** The machine's context values here, after the move's `assign` actions; absent when the scenario has no context. */
	context?: Readonly<Record<string, number>>;
}

/**
 * The scenario's machine unrolled from its initial state: nodes in
 * breadth-first order, so each node's children are contiguous and come
 * after it.
 */
export interface DecisionTree {
	nodes: TreeNode[];
	perspective: string;
	/** The guard signature the structure was unrolled under. */
	guardSignature: string;
}
