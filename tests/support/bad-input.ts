/**
 * The bad-input suite's cases: `tests/fixtures/bad-input/<case>/` holds
 * `case.json` and the files that differ from the small project in `_base/`
 * (a seed, an explainer, a person, a term, a claim, a source policy).
 * `materialize` writes base + case into a temporary project folder.
 */
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from './temp-dir.ts';

export const badInputRoot = fileURLToPath(new URL('../fixtures/bad-input/', import.meta.url));

/** A message the case expects, matched exactly on place, rule and severity, and by a part of the reason. */
export interface ExpectedMessage {
  severity: 'error' | 'warning';
  file: string;
  line?: number;
  column?: number;
  ruleId: string;
  /** A part of the reason that must appear in it. */
  reason: string;
}

export interface BadInputCase {
  name: string;
  /** What the case tries, in a sentence. */
  about: string;
  /** Changes that files cannot express: links, folders, removals, large or binary files. */
  setup?: {
    /** Symbolic links to create: path → target (a target may use `{root}` for the project folder). */
    symlink?: Record<string, string>;
    /** Folders to create where a file is expected. */
    mkdir?: string[];
    /** Base files to remove. */
    remove?: string[];
    /** Files to write as `text` repeated `times` times. */
    repeat?: Record<string, { text: string; times: number }>;
    /** Files to write from hexadecimal bytes. */
    hex?: Record<string, string>;
    /** Files to make unreadable (chmod 000); has no effect when the tests run as root. */
    unreadable?: string[];
  };
  /** The build date the case is checked on (default: 2026-11-29). */
  buildDate?: string;
  /** Every error and warning the case must produce, and no others. */
  expect: ExpectedMessage[];
}

export function listCases(): BadInputCase[] {
  return readdirSync(badInputRoot)
    .filter((name) => !name.startsWith('_') && existsSync(join(badInputRoot, name, 'case.json')))
    .sort()
    .map((name) => ({ name, ...(JSON.parse(readFileSync(join(badInputRoot, name, 'case.json'), 'utf8')) as Omit<BadInputCase, 'name'>) }));
}

/** Writes the base project with the case's files and setup into a new temporary folder; returns its path. */
export function materialize(c: BadInputCase, into?: string): string {
  const root = into ?? tempDir(`bad-input-${c.name}-`);
  mkdirSync(root, { recursive: true });
  cpSync(join(badInputRoot, '_base'), root, { recursive: true });
  for (const entry of readdirSync(join(badInputRoot, c.name))) {
    if (entry === 'case.json') continue;
    cpSync(join(badInputRoot, c.name, entry), join(root, entry), { recursive: true });
  }
  const at = (path: string) => join(root, path);
  const { setup = {} } = c;
  for (const path of setup.remove ?? []) rmSync(at(path), { recursive: true, force: true });
  for (const path of setup.mkdir ?? []) {
    rmSync(at(path), { recursive: true, force: true });
    mkdirSync(at(path), { recursive: true });
  }
  for (const [path, target] of Object.entries(setup.symlink ?? {})) {
    rmSync(at(path), { force: true });
    mkdirSync(dirname(at(path)), { recursive: true });
    symlinkSync(target.replace('{root}', root), at(path));
  }
  for (const [path, { text, times }] of Object.entries(setup.repeat ?? {})) writeFileSync(at(path), text.repeat(times));
  for (const [path, hex] of Object.entries(setup.hex ?? {})) writeFileSync(at(path), Buffer.from(hex.replace(/\s+/g, ''), 'hex'));
  for (const path of setup.unreadable ?? []) chmodSync(at(path), 0o000);
  return root;
}
