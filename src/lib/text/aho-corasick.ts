/**
 * Many patterns found in one pass over a text (Aho–Corasick): every
 * occurrence of every pattern, overlapping ones included, in time linear in
 * the text's length plus the number of occurrences, however many patterns.
 */

interface State {
  next: Map<string, number>;
  fail: number;
  /** Patterns that end here, by index, including those reached through fail links. */
  out: number[];
}

export class PatternSet {
  private readonly states: State[] = [{ next: new Map(), fail: 0, out: [] }];
  private readonly lengths: number[];

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((pattern, index) => {
      if (pattern === '') return;
      let s = 0;
      for (const ch of pattern.split('')) {
        let to = this.states[s]!.next.get(ch);
        if (to === undefined) {
          to = this.states.push({ next: new Map(), fail: 0, out: [] }) - 1;
          this.states[s]!.next.set(ch, to);
        }
        s = to;
      }
      this.states[s]!.out.push(index);
    });
    this.link();
  }

  /** Fail links, breadth first, with outputs merged along them. */
  private link(): void {
    const queue: number[] = [...this.states[0]!.next.values()];
    for (let i = 0; i < queue.length; i++) {
      const s = queue[i]!;
      for (const [ch, to] of this.states[s]!.next) {
        let f = this.states[s]!.fail;
        while (f !== 0 && !this.states[f]!.next.has(ch)) f = this.states[f]!.fail;
        const target = this.states[f]!.next.get(ch);
        this.states[to]!.fail = target !== undefined && target !== to ? target : 0;
        this.states[to]!.out.push(...this.states[this.states[to]!.fail]!.out);
        queue.push(to);
      }
    }
  }

  /** Start offsets of every occurrence of each pattern, by pattern index, in text order. */
  findAll(text: string): number[][] {
    const found: number[][] = this.lengths.map(() => []);
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      let to = this.states[s]!.next.get(ch);
      while (to === undefined && s !== 0) {
        s = this.states[s]!.fail;
        to = this.states[s]!.next.get(ch);
      }
      s = to ?? 0;
      for (const p of this.states[s]!.out) found[p]!.push(i + 1 - this.lengths[p]!);
    }
    return found;
  }
}
