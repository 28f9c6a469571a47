import { cdp } from 'vitest/browser';

/** `element`'s node in Chromium's own accessibility tree, as assistive technology reads it. */
export async function axNodeOf(element: Element): Promise<{ role: string; name: string; description: string | undefined }> {
  // CDP evaluates in the runner's page: the test page is one of its iframes.
  element.setAttribute('data-ax-probe', '');
  try {
    const found = await cdp().send('Runtime.evaluate', {
      expression: `[...document.querySelectorAll('iframe')].map((frame) => frame.contentDocument?.querySelector('[data-ax-probe]')).find(Boolean)`,
    });
    const { nodes } = await cdp().send('Accessibility.getPartialAXTree', { objectId: found.result.objectId, fetchRelatives: false });
    const node = nodes[0]!;
    return { role: node.role?.value, name: node.name?.value, description: node.description?.value };
  } finally {
    element.removeAttribute('data-ax-probe');
  }
}
