/**
 * An export the request asks for but cannot have (a path naming no node,
 * a raster too large): the user's to change, so the endpoint answers 400
 * and the CLI exits 2, with this message, rather than reporting a failure.
 */
export class ExportRefusal extends Error {
	override name = 'ExportRefusal';
}
