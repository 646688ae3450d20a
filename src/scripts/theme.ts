/**
 * The theme toggle. The page follows the system's light or dark setting
 * until the reader presses the toggle; the choice is remembered (localStorage
 * `ex-theme`) only while it differs from the system's, so choosing what the
 * system says goes back to following it. src/scripts/theme-init.js applies
 * the stored choice before the first paint.
 */
const storageKey = 'ex-theme';
const root = document.documentElement;
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
const toggle = document.querySelector<HTMLButtonElement>('.ex-theme-toggle');

const isDark = () => root.dataset.theme === 'dark' || (root.dataset.theme !== 'light' && systemDark.matches);

function apply(choice: string | null): void {
  const theme = choice === 'light' || choice === 'dark' ? choice : 'auto';
  // Unchanged, the attribute is left alone: setting it restyles the whole page.
  if (root.dataset.theme !== theme) root.dataset.theme = theme;
  toggle?.setAttribute('aria-pressed', String(isDark()));
}

toggle?.addEventListener('click', () => {
  const dark = !isDark();
  const choice = dark === systemDark.matches ? null : dark ? 'dark' : 'light';
  try {
    if (choice) localStorage.setItem(storageKey, choice);
    else localStorage.removeItem(storageKey);
  } catch {
    // Storage refused (private mode): the choice lasts for this page.
  }
  apply(choice ?? 'auto');
});
systemDark.addEventListener('change', () => apply(root.dataset.theme ?? null));
// A choice made in another tab.
window.addEventListener('storage', (e) => {
  if (e.key === storageKey) apply(e.newValue);
});
apply(root.dataset.theme ?? null);
