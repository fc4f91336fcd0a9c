// What jsdom lacks and the UI's Radix primitives call. jsdom has no layout and no pointer
// capture; these stand-ins behave as a page whose sizes never change and whose pointer is never
// captured (https://github.com/radix-ui/primitives/issues/1822,
// https://github.com/jsdom/jsdom/issues/3002).

const standIns: Record<string, () => unknown> = {
  // Radix Slider captures the pointer while dragging; Radix Toast asks whether it holds it.
  hasPointerCapture: () => false,
  setPointerCapture: () => undefined,
  releasePointerCapture: () => undefined,
};
for (const [name, standIn] of Object.entries(standIns)) {
  if (!(name in Element.prototype))
    Object.defineProperty(Element.prototype, name, { value: standIn, configurable: true });
}

// Radix measures the slider thumb and popper arrows with a ResizeObserver. Without layout no
// size ever changes, so an observer that never reports is faithful.
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};

export {};
