/**
 * A value that holds for one synchronous render and reverts after it: what a page the server
 * renders is rendered with (the browser's time zone, its stored settings), for that page alone.
 * renderToString is synchronous, so no other request's render can see it.
 */
export interface RenderScope<T> {
  current(): T;
  run<R>(value: T, render: () => R): R;
}

export function renderScope<T>(outside: T): RenderScope<T> {
  let value = outside;
  return {
    current: () => value,
    run(inside, render) {
      const before = value;
      value = inside;
      try {
        return render();
      } finally {
        value = before;
      }
    },
  };
}
