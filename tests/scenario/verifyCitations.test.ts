import { describe, expect, it } from 'vitest';
import { verifyCitations, type Citation, type Scenario } from '../../src/lib/core/index.js';
import { scenarioHeader } from '../fixtures/randomScenario.js';
import { parseValid } from '../helpers/scenarios.js';

const base = parseValid(`${scenarioHeader({ id: 'cites' })}
actors:
  - { id: a, name: A, citations: [c1] }
criteria:
  - { id: gain, label: Gain, direction: max, weight: 1 }
machine:
  id: cites
  initial: start
  states:
    start:
      meta: { actor: a, label: Start, citations: [c1] }
      on:
        END: { target: done, meta: { label: End, citations: [c1] } }
    done:
      type: final
      meta: { label: Done, citations: [c1] }
`);

// は じ め に 。 が ん ば っ て 制 裁 を 続 け る 。 制 裁 を 続 け る 。 終 わ り 。
// 0  1  2  3  4  5  6  7  8  9  10 11 12 13 14 15 16 17 ...
const TEXT = 'はじめに。がんばって制裁を続ける。制裁を続ける。終わり。';
const GA_NFD = 'か\u3099'; // が as か + combining voiced sound mark

/** The test scenario citing only `citations`, all from source file s1.txt. */
function citing(...citations: Citation[]): Scenario {
	return { ...base, citations };
}

const texts = new Map([['s1.txt', TEXT]]);
const cite = (id: string, excerpt: string, offset?: number): Citation => ({ id, source: 's1', excerpt, gloss: 'A gloss.', ...(offset === undefined ? {} : { offset }) });

describe('verifyCitations finds each excerpt in its source', () => {
	it('finds an excerpt and reports where', () => {
		const [check] = verifyCitations(citing(cite('c-found', 'がんばって')), texts);
		expect(check).toEqual({ citation: 'c-found', source: 's1.txt', ok: true, offset: 5, occurrences: 1, message: 'found at 5' });
		expect(TEXT.indexOf('がんばって')).toBe(5);
	});

	it('accepts an excerpt at its recorded offset', () => {
		const [check] = verifyCitations(citing(cite('c-pinned', 'がんばって', 5)), texts);
		expect(check).toMatchObject({ ok: true, offset: 5, message: 'found at 5' });
	});

	it('fails an excerpt that is not in the source, naming the citation', () => {
		const [check] = verifyCitations(citing(cite('c-missing', '存在しない文')), texts);
		expect(check.ok).toBe(false);
		expect(check.citation).toBe('c-missing');
		expect(check.occurrences).toBe(0);
		expect(check.message).toBe('excerpt not found in s1.txt: "存在しない文"');
	});

	it('shortens a long missing excerpt in the message', () => {
		const long = 'あ'.repeat(50);
		const [check] = verifyCitations(citing(cite('c-long', long)), texts);
		expect(check.message).toBe(`excerpt not found in s1.txt: "${'あ'.repeat(40)}…"`);
	});

	it('fails an excerpt that is not at its recorded offset and reports where it is', () => {
		const [check] = verifyCitations(citing(cite('c-moved', 'がんばって', 2)), texts);
		expect(check.ok).toBe(false);
		expect(check.offset).toBe(5);
		expect(check.occurrences).toBe(1);
		expect(check.message).toBe('excerpt is not at offset 2; found at 5');
	});

	it('finds an excerpt written in NFD in a source written in NFC', () => {
		const excerpt = `${GA_NFD}んばって`;
		expect(excerpt).not.toBe('がんばって');
		const [check] = verifyCitations(citing(cite('c-nfd', excerpt, 5)), texts);
		expect(check).toMatchObject({ ok: true, offset: 5 });
	});

	it('finds an NFC excerpt in an NFD source, at its offset in the NFC text', () => {
		const nfd = new Map([['s1.txt', TEXT.normalize('NFD')]]);
		expect(nfd.get('s1.txt')).not.toBe(TEXT);
		const [check] = verifyCitations(citing(cite('c-nfc', '制裁を続ける')), nfd);
		expect(check).toMatchObject({ ok: true, offset: 10 });
	});

	it('reports how often a repeated excerpt occurs, and suggests pinning it', () => {
		const [check] = verifyCitations(citing(cite('c-twice', '制裁を続ける')), texts);
		expect(check.ok).toBe(true);
		expect(check.occurrences).toBe(2);
		expect(check.offset).toBe(10);
		expect(check.message).toBe('found at 10 (occurs 2 times; record an offset to pin it)');
	});

	it.each([
		{ offset: 10, ok: true },
		{ offset: 17, ok: true },
		{ offset: 11, ok: false }
	])('with a repeated excerpt, offset $offset is accepted: $ok', ({ offset, ok }) => {
		const [check] = verifyCitations(citing(cite('c-twice', '制裁を続ける', offset)), texts);
		expect(check.ok).toBe(ok);
		expect(check.occurrences).toBe(2);
		if (!ok) expect(check.message).toBe(`excerpt is not at offset ${offset}; found at 10, 17`);
	});

	it('fails a citation whose source text is missing', () => {
		const [check] = verifyCitations(citing(cite('c1', 'がんばって')), new Map());
		expect(check).toMatchObject({ citation: 'c1', ok: false, message: 'source file "s1.txt" not found' });
	});

	it('checks every citation, in order, failing only the bad ones', () => {
		const checks = verifyCitations(citing(cite('a', 'はじめに'), cite('b', '無い'), cite('c', '終わり')), texts);
		expect(checks.map((c) => [c.citation, c.ok])).toEqual([['a', true], ['b', false], ['c', true]]);
	});
});
