/**
 * `npm run dev|build|preview|check`: Astro's own command line, with its
 * anonymous usage reporting (telemetry) off for this project. Setting the
 * variable here rather than in the npm scripts works the same in every shell
 * (sh, PowerShell, cmd), and it leaves the user's global Astro settings alone.
 * Set `ASTRO_TELEMETRY_DISABLED=` (empty) to send it anyway.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

// Astro's bin script checks the Node version, then runs the command in process.argv.
const astroRoot = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
await import(pathToFileURL(join(astroRoot, 'bin/astro.mjs')).href);
