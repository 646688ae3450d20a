/** Stored explainers kept one file each, for the content store's entries to point to. */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeptExplainers, readKept } from '../../src/lib/content/kept-explainers.ts';
import { loadProject } from '../../src/lib/content/load-project.ts';
import { explainerEntry, storeExplainer } from '../../src/lib/content/stored-explainer.ts';
import { projectRoot } from '../support/build-site.ts';
import { tempDir } from '../support/temp-dir.ts';

const site = loadProject({ root: projectRoot, buildDate: '2026-11-29' });
const stored = storeExplainer(site.explainers.find((p) => p.slug === 'deepseek-r1')!);

describe('kept explainers', () => {
  it('give back the stored explainer from its file, and the entry holds no article, note or annotation', () => {
    const dir = tempDir('kept-');
    const file = new KeptExplainers(dir).keep(stored, 'd1');
    expect(readKept(file, stored.slug)).toEqual(stored);
    const entry = explainerEntry(stored, file);
    expect(entry).toMatchObject({ slug: 'deepseek-r1', title: stored.title, file });
    expect(entry.claims).toEqual(stored.claims.map((c) => ({ id: c.id, status: c.status })));
    expect(entry.terms.map((t) => t.id)).toEqual(stored.terms.map((t) => t.id));
    expect(entry.speakers.map((s) => s.id)).toEqual(stored.speakers.map((s) => s.speaker.id));
    const json = JSON.stringify(entry);
    expect(json).not.toContain(stored.article.text.slice(0, 60));
    expect(json).not.toContain(stored.claims[0]!.noteText.slice(0, 40));
    expect(json.length).toBeLessThan(0.05 * JSON.stringify(stored).length);
  });

  it('write a file once per digest, and prune the files no entry of the pass points to', () => {
    const dir = tempDir('kept-');
    const first = new KeptExplainers(dir);
    const file = first.keep(stored, 'd1');
    first.keep({ ...stored, slug: 'other' }, 'd1');
    first.prune();
    expect(readdirSync(dir).sort()).toEqual(['deepseek-r1-d1.bin', 'other-d1.bin']);
    const written = statSync(file).mtimeMs;

    const second = new KeptExplainers(dir);
    expect(second.keep(stored, 'd1')).toBe(file);
    expect(statSync(file).mtimeMs).toBe(written);
    second.keep({ ...stored, title: 'Changed' }, 'd2');
    second.prune();
    expect(readdirSync(dir).sort()).toEqual(['deepseek-r1-d1.bin', 'deepseek-r1-d2.bin']);
    expect(readKept(join(dir, 'deepseek-r1-d2.bin'), 'deepseek-r1').title).toBe('Changed');
  });

  it('name the explainer and the file when the file is gone', () => {
    const dir = tempDir('kept-');
    const file = new KeptExplainers(dir).keep(stored, 'd1');
    rmSync(file);
    expect(() => readKept(file, 'deepseek-r1')).toThrow(`The kept data of the explainer “deepseek-r1” is missing (ENOENT ${file})`);
  });
});
