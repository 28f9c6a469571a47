import { useCallback, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';

/**
 * userlens renders plain links (`getUserHref`, `listHref`), which work in any router. This host
 * keeps them inside its single-page app: a plain left click on a same-origin link navigates with
 * React Router instead of reloading the page. New-tab clicks and downloads are left alone.
 */
export function useSpaLinks() {
  const navigate = useNavigate();
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as HTMLElement).closest('a');
      if (!link || link.target || link.hasAttribute('download') || link.origin !== location.origin) return;
      event.preventDefault();
      navigate(link.pathname + link.search + link.hash);
    },
    [navigate],
  );
}
