// Styles inside the shadow root. The page's CSS cannot reach in; ours cannot leak out.
export const LAUNCHER_CSS = `
:host { color-scheme: light dark; }
.launcher {
  position: fixed;
  inset-block-end: 20px;
  inset-inline-end: 0;
  display: inline-flex;
  align-items: center;
  gap: 6px;
  margin: 0;
  padding: 9px 14px 9px 12px;
  border: 1px solid rgba(0, 0, 0, 0.18);
  border-inline-end: none;
  border-radius: 999px 0 0 999px;
  background: #1d3a8a;
  color: #ffffff;
  font: 600 13px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  letter-spacing: 0.01em;
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.22);
  cursor: pointer;
}
.launcher::before {
  content: "";
  width: 8px;
  height: 8px;
  border-radius: 50%;
  background: #ffd45c;
}
.launcher:hover { background: #24469f; }
.launcher:focus-visible { outline: 3px solid #ffd45c; outline-offset: 2px; }
.sidebar {
  position: fixed;
  inset-block: 0;
  inset-inline-end: 0;
  width: min(400px, 100vw);
  height: 100vh;
  border: none;
  border-inline-start: 1px solid rgba(0, 0, 0, 0.15);
  box-shadow: -8px 0 28px rgba(0, 0, 0, 0.18);
  background: Canvas;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  .launcher { background: #2c4fb8; border-color: rgba(255, 255, 255, 0.25); }
}
@media (prefers-reduced-motion: no-preference) {
  .launcher { transition: background-color 120ms ease; }
}
`;
