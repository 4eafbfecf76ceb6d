/**
 * Marks each edge of a scroll box that has more of its content beyond it (data-more-above,
 * data-more-below), for its stylesheet to fade that edge: overlay scrollbars (macOS, Android, GTK)
 * show only while scrolling, and a box cut at an item's end would read as the end of the list.
 */
export function markScrollEdges(box: HTMLElement): void {
  // A pixel of slack: a zoomed page scrolls by fractions of one.
  box.toggleAttribute('data-more-above', box.scrollTop > 1);
  box.toggleAttribute('data-more-below', box.scrollHeight - box.clientHeight - box.scrollTop > 1);
}
