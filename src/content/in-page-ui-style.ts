// Styles inside the shadow root. The page's CSS cannot reach in; ours cannot leak out.
// Sides are physical (left/right), not logical: the reader picks the side of the screen, and the
// page's own writing direction should not flip it.
export const LAUNCHER_CSS = `
:host { color-scheme: light dark; }
.launcher {
  position: fixed;
  bottom: 20px;
  right: 0;
  display: inline-flex;
  align-items: center;
  gap: 6px;
  margin: 0;
  padding: 9px 14px 9px 12px;
  border: 1px solid rgba(0, 0, 0, 0.18);
  border-right: none;
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
.launcher[data-side="left"] {
  right: auto;
  left: 0;
  border-right: 1px solid rgba(0, 0, 0, 0.18);
  border-left: none;
  border-radius: 0 999px 999px 0;
  padding: 9px 12px 9px 14px;
}
.launcher:hover { background: #24469f; }
/* Two colours: the yellow ring alone was about 1.4:1 on a white page; dark on both its sides, it shows on any page. */
.launcher:focus-visible { outline: 3px solid #ffd45c; outline-offset: 2px; box-shadow: 0 0 0 7px #1b1b1b; }
.sidebar {
  position: fixed;
  top: 0;
  bottom: 0;
  right: 0;
  box-sizing: border-box;
  width: min(var(--sidebar-width, 400px), 100vw);
  height: 100vh;
  border: none;
  border-left: 1px solid rgba(0, 0, 0, 0.15);
  box-shadow: -8px 0 28px rgba(0, 0, 0, 0.18);
  background: Canvas;
  color-scheme: light dark;
}
.sidebar[data-side="left"] {
  right: auto;
  left: 0;
  border-left: none;
  border-right: 1px solid rgba(0, 0, 0, 0.15);
  box-shadow: 8px 0 28px rgba(0, 0, 0, 0.18);
}
@media (prefers-color-scheme: dark) {
  .launcher { background: #2c4fb8; border-color: rgba(255, 255, 255, 0.25); }
}
@media (forced-colors: active) {
  /* Forced colours paint backgrounds as the button's own: the dot would vanish into it. */
  .launcher::before { forced-color-adjust: none; background: ButtonText; }
}
@media (prefers-reduced-motion: no-preference) {
  .launcher { transition: background-color 120ms ease; }
}
`;
