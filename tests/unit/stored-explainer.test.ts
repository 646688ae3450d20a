/** The content store keeps explainers without their copies of shared entries, and the pages come back whole. */
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/lib/content/load-project.ts';
import { expandExplainer, sharedEntries, storeExplainer } from '../../src/lib/content/stored-explainer.ts';
import { projectRoot } from '../support/build-site.ts';

const site = loadProject({ root: projectRoot, buildDate: '2026-11-29' });
const shared = sharedEntries(site.glossary, site.people);

describe('a stored explainer', () => {
  it.each(site.explainers.map((p) => [p.slug, p] as const))('%s comes back as the page it was, from the glossary and people collections', (_slug, page) => {
    const stored = structuredClone(storeExplainer(page));
    expect(expandExplainer(stored, shared)).toEqual(page);
  });

  it('keeps no definition or bio of its own', () => {
    const page = site.explainers.find((p) => p.slug === 'deepseek-r1')!;
    const stored = JSON.stringify(storeExplainer(page));
    for (const { entry } of page.terms) expect(stored).not.toContain(JSON.stringify(entry.definitionHtml));
    for (const { speaker } of page.speakers.filter((s) => s.speaker.bioText)) expect(stored).not.toContain(JSON.stringify(speaker.bioHtml));
    expect(stored.length).toBeLessThan(0.75 * JSON.stringify(page).length);
  });

  it('names the explainer and the id when a term or a speaker is missing', () => {
    const stored = storeExplainer(site.explainers.find((p) => p.slug === 'deepseek-r1')!);
    const termId = stored.terms[0]!.id;
    const noTerm = { ...shared, terms: new Map([...shared.terms].filter(([id]) => id !== termId)) };
    expect(() => expandExplainer(stored, noTerm)).toThrow(`The explainer “deepseek-r1” uses the glossary term “${termId}”, which is not in the content store.`);
    const personId = stored.speakers[0]!.speaker.id;
    const noPerson = { ...shared, people: new Map([...shared.people].filter(([id]) => id !== personId)) };
    expect(() => expandExplainer(stored, noPerson)).toThrow(`uses the speaker “${personId}”`);
  });
});
