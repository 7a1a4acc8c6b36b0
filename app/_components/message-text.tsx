import { Fragment } from "react";

/**
 * A message from lib/ (an import error, a note, a training failure) with its `quoted` names and
 * cells set as code: the backticks are for plain-text readers (API, CLI), not for the page.
 */
export function MessageText({ text }: { text: string }) {
  const parts = text.split(/`([^`\n]+)`/);
  return (
    <>
      {parts.map((part, i) => (i % 2 === 1 ? <code key={i} className="message-code">{part}</code> : <Fragment key={i}>{part}</Fragment>))}
    </>
  );
}
