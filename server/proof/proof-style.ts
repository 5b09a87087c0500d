// The proof page's only stylesheet, served as a file (the CSP allows no inline style): readable on
// a phone held up at a counter, light or dark as the viewer's device prefers.

export const PROOF_CSS = `:root {
  color-scheme: light dark;
  --ink: #1d1d1f;
  --muted: #4a4a52;
  --surface: #ffffff;
  --page: #f3f3f6;
  --line: #d6d6de;
  --good: #0a6b3d;
  --off: #a1260d;
  --unknown: #6b4e00;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif;
  line-height: 1.5;
}
@media (prefers-color-scheme: dark) {
  :root {
    --ink: #f2f2f5;
    --muted: #c4c4cc;
    --surface: #1f1f24;
    --page: #121215;
    --line: #3a3a42;
    --good: #6fd9a2;
    --off: #ff9c87;
    --unknown: #f2c75c;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--ink); }
.proof {
  max-width: 34rem;
  margin: 1.5rem auto;
  padding: 1.5rem;
  background: var(--surface);
  border: 1px solid var(--line);
  border-radius: 1rem;
  text-align: center;
}
.kicker { margin: 0; color: var(--muted); font-size: 0.875rem; text-transform: uppercase; letter-spacing: 0.06em; }
.art { display: block; width: 10rem; height: 10rem; margin: 1rem auto 0; object-fit: contain; }
h1 { margin: 0.75rem 0 0.25rem; font-size: 1.75rem; line-height: 1.2; overflow-wrap: anywhere; }
h2 { margin: 0 0 0.25rem; font-size: 1.125rem; }
p { margin: 0.5rem 0; overflow-wrap: anywhere; }
section { margin-top: 1rem; padding-top: 1rem; border-top: 1px solid var(--line); }
.status { font-size: 1.25rem; font-weight: 600; }
.status-valid { color: var(--good); }
.status-off { color: var(--off); }
.status-unknown { color: var(--unknown); }
.fine { color: var(--muted); font-size: 0.875rem; }
@media (max-width: 36rem) { .proof { margin: 0; min-height: 100vh; border-radius: 0; border: 0; } }
`
