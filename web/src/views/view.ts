import type { Route } from '../routes.ts';

/** What a view gets: where to draw, when to stop, and how to go elsewhere. */
export interface ViewContext {
  /** The view's container (empty when the view starts). */
  main: HTMLElement;
  /** Aborted when the user leaves the view: drop requests and results. */
  signal: AbortSignal;
  /** Sets the document title (`<text> — careergraph`). */
  title(text: string): void;
  /** Goes to another view, adding a history entry. */
  go(route: Route): void;
}

/** Draws one kind of route into `main`. */
export type View<K extends Route['view']> = (
  route: Extract<Route, { view: K }>,
  context: ViewContext,
) => Promise<void>;
