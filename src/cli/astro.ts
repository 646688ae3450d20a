/**
 * `npm run dev|build|preview|check`: Astro's own command line, with two
 * settings of this project's, both environment variables: Astro's anonymous
 * usage reporting (telemetry) off, and the bundler's allocator committing
 * memory on demand (below). Setting them here rather than in the npm scripts
 * works the same in every shell (sh, PowerShell, cmd), and it leaves the
 * user's global Astro settings alone. Set `ASTRO_TELEMETRY_DISABLED=` (empty)
 * to send the usage data anyway.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

// Vite's bundler (Rolldown) is a native module with its own copy of the
// mimalloc allocator, which by default commits its 1 GiB arena eagerly: in a
// build of 1,000 explainers 276 MB of that arena was resident. Committed on
// demand, Node's peak resident set in four paired clean builds of 1,000
// explainers was 776-819 MB instead of 956-999 MB, in no more time. mimalloc
// reads the variable when the module loads, so it is set before Astro is
// imported; a value already in the environment is kept.
process.env.MIMALLOC_ARENA_EAGER_COMMIT ??= '0';

// Astro's bin script checks the Node version, then runs the command in process.argv.
const astroRoot = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
await import(pathToFileURL(join(astroRoot, 'bin/astro.mjs')).href);
