import { useEffect, useRef, type ReactNode } from 'react';

let firstPage = true;

/**
 * The page's <h1>, and what a screen reader needs on a client-side navigation: the document's
 * title follows the page, and focus moves to the new heading (not on the first load, where the
 * browser starts at the top anyway).
 */
export function PageHeading({ title, documentTitle = title, appName, children }: { title: string; documentTitle?: string; appName: string; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${documentTitle} · ${appName}`;
  }, [documentTitle, appName]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else heading.current?.focus();
  }, []);
  return (
    <div className="page-header">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
