import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../support/temp-dir.ts';

describe('tempDir', () => {
  it('makes a new empty folder, and removeTempDirs removes it with what it holds', () => {
    const a = tempDir('temp-dir-test-');
    const b = tempDir('temp-dir-test-');
    expect(a).not.toBe(b);
    writeFileSync(join(a, 'file.txt'), 'x');
    expect(existsSync(join(a, 'file.txt'))).toBe(true);
    removeTempDirs();
    expect(existsSync(a)).toBe(false);
    expect(existsSync(b)).toBe(false);
  });
});
