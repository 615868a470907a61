/**
 * A form's onSubmit that stops the browser's own submission (which would reload the extension page)
 * and runs `action`. The action reports its own errors in the form; the promise is not awaited here.
 */
export function submitWith(action: () => Promise<void>): (event: Event) => void {
  return (event) => {
    event.preventDefault();
    void action();
  };
}
