/**
 * Many patterns found in one pass over a text (Aho–Corasick): every
 * occurrence of every pattern, overlapping ones included, in time linear in
 * the text's length plus the number of occurrences, however many patterns.
 *
 * The automaton works on UTF-16 code units. The root's moves on ASCII are a
 * table, since a scan spends most of its steps there; its other moves, and
 * those of every other state, are in maps.
 */

/** No move: no pattern goes on with this code unit. */
const noMove = -1;

export class PatternSet {
  /** The root's moves on ASCII code units, by code unit. */
  private readonly rootAscii = new Int32Array(128).fill(noMove);
  /** The root's moves on every other code unit. */
  private readonly rootOther = new Map<number, number>();
  /** Moves of every state but the root (entry 0 is unused). */
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns that end in each state, by index, including those reached through fail links. */
  private readonly out: number[][] = [[]];
  private readonly lengths: number[];

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((pattern, index) => {
      if (pattern === '') return;
      let s = 0;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i);
        let to = this.move(s, c);
        if (to === undefined) {
          to = this.next.push(new Map()) - 1;
          this.fail.push(0);
          this.out.push([]);
          if (s === 0 && c < 128) this.rootAscii[c] = to;
          else if (s === 0) this.rootOther.set(c, to);
          else this.next[s]!.set(c, to);
        }
        s = to;
      }
      this.out[s]!.push(index);
    });
    this.link();
  }

  private move(s: number, c: number): number | undefined {
    if (s !== 0) return this.next[s]!.get(c);
    if (c >= 128) return this.rootOther.get(c);
    const to = this.rootAscii[c]!;
    return to === noMove ? undefined : to;
  }

  /** Fail links, breadth first, with outputs merged along them. */
  private link(): void {
    const queue: number[] = [];
    for (const to of this.rootAscii) if (to !== noMove) queue.push(to);
    queue.push(...this.rootOther.values());
    for (let i = 0; i < queue.length; i++) {
      const s = queue[i]!;
      for (const [c, to] of this.next[s]!) {
        let f = this.fail[s]!;
        while (f !== 0 && this.move(f, c) === undefined) f = this.fail[f]!;
        const target = this.move(f, c);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        this.out[to]!.push(...this.out[this.fail[to]!]!);
        queue.push(to);
      }
    }
  }

  /** Start offsets of every occurrence of each pattern, by pattern index, in text order. */
  findAll(text: string): number[][] {
    const found: number[][] = this.lengths.map(() => []);
    const { fail, out, lengths } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to = this.move(s, c);
      while (to === undefined && s !== 0) {
        s = fail[s]!;
        to = this.move(s, c);
      }
      s = to ?? 0;
      const ends = out[s]!;
      for (let k = 0; k < ends.length; k++) {
        const p = ends[k]!;
        found[p]!.push(i + 1 - lengths[p]!);
      }
    }
    return found;
  }
}
