import { useEffect, useRef, useState } from 'preact/hooks';

export interface ConfirmButtonProps {
  label: string;
  /** Accessible name of the first button, when the label alone is not enough. */
  ariaLabel?: string;
  question: string;
  yes: string;
  no: string;
  onConfirm(): void;
  class?: string;
}

/** A button for what cannot be undone (stop a guide): it asks once before acting. */
export function ConfirmButton(props: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const first = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) yes.current?.focus();
    else if (wasAsking.current) first.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        type="button"
        ref={first}
        class={`secondary ${props.class ?? ''}`}
        aria-label={props.ariaLabel}
        onClick={() => setAsking(true)}
      >
        {props.label}
      </button>
    );
  }
  return (
    <fieldset class="confirm">
      <legend>{props.question}</legend>
      <div class="actions">
        <button
          type="button"
          ref={yes}
          class="danger confirm-yes"
          onClick={() => {
            setAsking(false);
            props.onConfirm();
          }}
        >
          {props.yes}
        </button>
        <button type="button" class="secondary confirm-no" onClick={() => setAsking(false)}>
          {props.no}
        </button>
      </div>
    </fieldset>
  );
}
