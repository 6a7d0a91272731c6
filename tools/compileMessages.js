import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide.js';

/** Compiles the message catalogues into src/lib/paraglide (generated, not committed). */
await compile(paraglideOptions);
